import type { RelationshipType } from '../generated/graphql';
import { HELP_TYPES } from '../seed/model';

/** The entity types that have typed relationship fields; `Actor` stands for the interface and every actor type. */
export type TypedOwner = 'Actor' | 'Initiative' | 'Strategy' | 'Priority' | 'Theme' | 'Region';

/**
 * One typed relationship field: a name for a question users ask, read as the generic
 * `relationships(types: …, direction: …)` of the same entity (and, where `labels` is given, only
 * the relationships whose other end has one of those labels).
 */
export interface TypedRelationship {
  owner: TypedOwner;
  field: string;
  types: readonly RelationshipType[];
  direction: 'OUTGOING' | 'INCOMING';
  /** What the other end is (docs/model.md), for the field's description. */
  target: string;
  /** Only other ends with one of these graph labels (Theme, Actor, ...), or null for every entity. */
  labels: readonly string[] | null;
  /** What the field answers, the first sentence of its description. */
  description: string;
}

/** The relationship types that mean help (docs/model.md, Supporters): the same set `supporters` follows. */
const HELPING_TYPES: readonly RelationshipType[] = HELP_TYPES;

/**
 * The typed relationship fields, in the order the schema lists them: the one table that
 * schema/typedRelationships.graphql (`npm run schema:generate`) and their resolvers
 * (src/resolvers/typedRelationships.ts) are made from, so that neither can drift from the other.
 */
export const TYPED_RELATIONSHIPS: readonly TypedRelationship[] = [
  {
    owner: 'Actor',
    field: 'locatedIn',
    types: ['LOCATED_IN'],
    direction: 'OUTGOING',
    target: 'Region',
    labels: null,
    description: 'The regions the actor is located in.',
  },
  {
    owner: 'Actor',
    field: 'memberOf',
    types: ['MEMBER_OF'],
    direction: 'OUTGOING',
    target: 'Actor or Initiative',
    labels: null,
    description: 'The networks, organisations and initiatives the actor is a member of (a qualifier in `role`).',
  },
  {
    owner: 'Actor',
    field: 'notMemberOf',
    types: ['NOT_MEMBER_OF'],
    direction: 'OUTGOING',
    target: 'Actor or Initiative',
    labels: null,
    description: 'What a source states explicitly the actor is not a member of: an answer of no, not a gap.',
  },
  {
    owner: 'Actor',
    field: 'partnerIn',
    types: ['PARTNER_IN'],
    direction: 'OUTGOING',
    target: 'Initiative',
    labels: null,
    description: 'The initiatives and projects the actor is a partner in.',
  },
  {
    owner: 'Actor',
    field: 'runs',
    types: ['OPERATES'],
    direction: 'OUTGOING',
    target: 'Actor or Initiative',
    labels: null,
    description: 'The infrastructures, initiatives and services the actor runs (operates).',
  },
  {
    owner: 'Actor',
    field: 'arranges',
    types: ['ARRANGES'],
    direction: 'OUTGOING',
    target: 'Initiative',
    labels: null,
    description: 'The events and programmes the actor arranges.',
  },
  {
    owner: 'Actor',
    field: 'owns',
    types: ['OWNS'],
    direction: 'OUTGOING',
    target: 'Actor or Initiative',
    labels: null,
    description: 'The organisations the actor owns.',
  },
  {
    owner: 'Actor',
    field: 'ownedBy',
    types: ['OWNS'],
    direction: 'INCOMING',
    target: 'Actor',
    labels: null,
    description: 'The owners of the actor.',
  },
  {
    owner: 'Actor',
    field: 'funds',
    types: ['FUNDS'],
    direction: 'OUTGOING',
    target: 'Actor or Initiative',
    labels: null,
    description: 'What the actor grants money to (`amount`, `currency` and period on the edge where stated).',
  },
  {
    owner: 'Actor',
    field: 'fundedBy',
    types: ['FUNDS'],
    direction: 'INCOMING',
    target: 'Actor',
    labels: null,
    description: 'Who grants the actor money (`amount`, `currency` and period on the edge where stated).',
  },
  {
    owner: 'Actor',
    field: 'supports',
    types: ['SUPPORTS'],
    direction: 'OUTGOING',
    target: 'Actor, Initiative, Theme or Stage',
    labels: null,
    description: 'The actors, initiatives, themes and stages the actor helps (advice, services, access).',
  },
  {
    owner: 'Actor',
    field: 'themes',
    types: ['FOCUSES_ON', ...HELPING_TYPES],
    direction: 'OUTGOING',
    target: 'Theme',
    labels: ['Theme'],
    description:
      'The themes the actor focuses on or helps directly (FOCUSES_ON or a helping type such as SUPPORTS or FUNDS); the edge `type` says which.',
  },
  {
    owner: 'Initiative',
    field: 'partners',
    types: ['PARTNER_IN'],
    direction: 'INCOMING',
    target: 'Actor',
    labels: null,
    description: 'The partners of the initiative.',
  },
  {
    owner: 'Initiative',
    field: 'fundedBy',
    types: ['FUNDS'],
    direction: 'INCOMING',
    target: 'Actor',
    labels: null,
    description: 'Who grants the initiative money (`amount`, `currency` and period on the edge where stated).',
  },
  {
    owner: 'Initiative',
    field: 'runBy',
    types: ['OPERATES'],
    direction: 'INCOMING',
    target: 'Actor',
    labels: null,
    description: 'Who runs (operates) the initiative.',
  },
  {
    owner: 'Strategy',
    field: 'priorities',
    types: ['PRIORITISES'],
    direction: 'OUTGOING',
    target: 'Priority or Theme',
    labels: null,
    description:
      'The priorities (specialisation areas, strategic areas, objectives) of the strategy, and the themes it prioritises.',
  },
  {
    owner: 'Strategy',
    field: 'publishedBy',
    types: ['PUBLISHES'],
    direction: 'INCOMING',
    target: 'Actor',
    labels: null,
    description: 'Who published or adopted the strategy.',
  },
  {
    owner: 'Strategy',
    field: 'alignsWith',
    types: ['ALIGNS_WITH'],
    direction: 'OUTGOING',
    target: 'Strategy or Priority',
    labels: null,
    description: 'The strategies and priorities the strategy is in line with.',
  },
  {
    owner: 'Priority',
    field: 'focusAreas',
    types: ['HAS_FOCUS_AREA'],
    direction: 'OUTGOING',
    target: 'Priority',
    labels: null,
    description: 'The focus areas of the priority.',
  },
  {
    owner: 'Theme',
    field: 'subthemes',
    types: ['SUBTHEME_OF'],
    direction: 'INCOMING',
    target: 'Theme',
    labels: null,
    description: 'The narrower themes of the theme.',
  },
  {
    owner: 'Theme',
    field: 'supporters',
    types: HELPING_TYPES,
    direction: 'INCOMING',
    target: 'Actor or Initiative',
    labels: null,
    description:
      'Who helps the theme directly (a helping type such as SUPPORTS or FUNDS); `Query.supporters` also follows sub-themes, initiatives and FOCUSES_ON.',
  },
  {
    owner: 'Region',
    field: 'actors',
    types: ['LOCATED_IN'],
    direction: 'INCOMING',
    target: 'Actor',
    labels: ['Actor'],
    description: 'The actors located in the region.',
  },
  {
    owner: 'Region',
    field: 'parts',
    types: ['PART_OF'],
    direction: 'INCOMING',
    target: 'Region',
    labels: ['Region'],
    description: 'The regions within the region.',
  },
];
