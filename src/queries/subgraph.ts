import type { ReadContext } from '../context';
import { cypher } from '../db/cypher';
import type { CompanyStage, GraphAround, GraphFilter, GraphNodeKind, RelationshipType } from '../generated/graphql';
import { badUserInput } from '../graphql/errors';
import { toGlobalId } from '../graphql/globalId';
import { checkFirst } from '../graphql/pagination';
import { citationsOf, type EntityModel, type GraphEdgeModel, type GraphNodeModel, type SubgraphModel } from '../models';
import { ACTOR_KINDS, DERIVED_RELATIONSHIP_TYPES, ENTITY_LABELS, RELATIONSHIP_TYPES, type Basis } from '../seed/model';
import { entityByRef } from './graphQueries';
import { isNegated } from './negation';
import { filterParams } from './filters';
import { relationshipProperties } from './rows';
import { walkFrom } from './walk';

/** The largest graph (nodes plus edges) that Query.graph and the exports return. */
export const MAX_GRAPH_LIMIT = 20000;
/** The limit when the client names none: more than the curated graph, less than a browser chokes on. */
export const DEFAULT_GRAPH_LIMIT = 5000;
export const MAX_AROUND_DEPTH = 3;

/** Fails to compile while `List` misses a member of the union `All`: keeps the lists below complete. */
type Exhaustive<All, List extends readonly All[]> = [Exclude<All, List[number]>] extends [never] ? List : never;
const exhaustive =
  <All>() =>
  <const List extends readonly All[]>(list: Exhaustive<All, List>) =>
    list;

/** The GraphNodeKind enum as a list: the allow-list that exports check their `kinds` against. */
export const GRAPH_NODE_KINDS = exhaustive<GraphNodeKind>()([
  ...(ACTOR_KINDS.map((kind) => kind.toUpperCase()) as Uppercase<(typeof ACTOR_KINDS)[number]>[]),
  ...(ENTITY_LABELS.filter((label) => label !== 'Actor').map((label) => label.toUpperCase()) as Uppercase<
    Exclude<(typeof ENTITY_LABELS)[number], 'Actor'>
  >[]),
] as const);

export const COMPANY_STAGES = exhaustive<CompanyStage>()([
  'IDEA',
  'PRE_SEED',
  'STARTUP',
  'SCALE_UP',
  'ESTABLISHED',
] as const);

/** Every relationship type between entities: what an unrestricted graph draws, in this order. */
export const GRAPH_RELATIONSHIP_TYPES = exhaustive<RelationshipType>()([
  ...RELATIONSHIP_TYPES,
  ...DERIVED_RELATIONSHIP_TYPES,
] as const);

export interface SubgraphArgs {
  filter?: GraphFilter | null;
  around?: GraphAround | null;
  relationshipTypes?: readonly RelationshipType[] | null;
  /** Only relationships with one of these bases (null: all). */
  basis?: readonly Basis[] | null;
  limit?: number | null;
}

function checkDepth(depth: number): number {
  if (!Number.isInteger(depth) || depth < 0 || depth > MAX_AROUND_DEPTH) {
    throw badUserInput(`"around.depth" must be from 0 to ${MAX_AROUND_DEPTH}, not ${depth}.`, 'around.depth');
  }
  return depth;
}

function tooLarge(limit: number): Error {
  return badUserInput(
    `The graph asked for has more than ${limit} nodes and edges, its limit; narrow it with "filter", "around" or ` +
      `"relationshipTypes", or raise "limit" (at most ${MAX_GRAPH_LIMIT}).`,
    'limit',
  );
}

/**
 * The GraphFilter as query parameters: names resolved as the ActorFilter's are
 * (src/queries/filters.ts), kinds as they are (node kinds, not actor kinds), and every named
 * theme, region and stage, which the graph includes.
 */
export async function graphFilterParams(ctx: ReadContext, filter: GraphFilter | null | undefined) {
  const { themeIds, regionIds, stageIds } = await filterParams(ctx, { ...filter, kinds: null });
  return {
    nodeKinds: filter?.kinds?.length ? [...filter.kinds] : null,
    kinds: null,
    themeIds,
    regionIds,
    stageIds,
    namedIds: [...(themeIds ?? []), ...(regionIds ?? []), ...(stageIds ?? [])],
  };
}

/** The ids of the centres and of the entities within `depth` hops of them, following `types` only. */
async function reachableIds(
  ctx: ReadContext,
  around: GraphAround,
  types: readonly string[],
  bases: readonly string[] | null,
  limit: number,
): Promise<string[]> {
  const depth = checkDepth(around.depth ?? 1);
  if (around.ids.length === 0) throw badUserInput('"around.ids" must name at least one entity.', 'around.ids');
  if (around.ids.length > limit) throw tooLarge(limit);
  // The loader batches these into one query; an unknown id is NOT_FOUND, a malformed one BAD_USER_INPUT.
  const centres = await Promise.all(around.ids.map((ref) => entityByRef(ctx, ref, 'around.ids')));
  const centreIds = [...new Set(centres.map((centre) => centre.id))];
  const reached = await walkFrom(ctx, centreIds, { depth, types, bases });
  return [...centreIds, ...reached.map((n) => n.id)];
}

function toGraphNode(entity: EntityModel, kind: string, themes: string[], regions: string[]): GraphNodeModel {
  return {
    id: toGlobalId(entity.label, entity.id),
    label: entity.name,
    kind,
    attributes: {
      slug: entity.id,
      nameEn: entity.nameEn,
      entityType: entity.label,
      // Only initiatives and strategies have a kind of their own; an actor's is the node's kind.
      subkind: entity.label === 'Initiative' || entity.label === 'Strategy' ? entity.kind : null,
      description: entity.description ?? null,
      website: entity.website ?? null,
      aliases: entity.aliases ?? [],
      themes,
      regions,
      validFrom: entity.validFrom ?? null,
      validTo: entity.validTo ?? null,
    },
    entity,
  };
}

/**
 * The part of the graph that `Query.graph` and the /export endpoints return: the entities that
 * match `filter` and lie within `around.depth` hops of `around.ids`, and every relationship of
 * `relationshipTypes` among them. One query per hop of the walk, one for the nodes, one for the
 * edges. BAD_USER_INPUT naming the limit when nodes plus edges exceed `limit`.
 */
export async function subgraph(ctx: ReadContext, args: SubgraphArgs): Promise<SubgraphModel> {
  const limit = checkFirst(args.limit ?? DEFAULT_GRAPH_LIMIT, MAX_GRAPH_LIMIT, 'limit');
  const types = args.relationshipTypes?.length ? [...new Set(args.relationshipTypes)] : [...GRAPH_RELATIONSHIP_TYPES];
  const bases = args.basis?.length ? [...new Set(args.basis)] : null;
  const [filter, ids] = await Promise.all([
    graphFilterParams(ctx, args.filter),
    args.around ? reachableIds(ctx, args.around, types, bases, limit) : null,
  ]);
  const nodeRows = await ctx.db.read(cypher('subgraphNodes'), { ...filter, ids, limit: limit + 1 }, ctx.queries);
  if (nodeRows.length > limit) throw tooLarge(limit);
  const nodes = nodeRows.map((row) =>
    toGraphNode(row.entity as EntityModel, row.kind as string, row.themes as string[], row.regions as string[]),
  );
  const globalIdOf = new Map(nodes.map((node) => [node.attributes.slug, node.id]));
  for (const node of nodes) ctx.loaders.entitiesById.prime(node.entity.id, node.entity);
  const edgeBudget = limit - nodes.length;
  const edgeRows =
    nodes.length === 0
      ? []
      : await ctx.db.read(
          cypher('subgraphEdges'),
          { ids: [...globalIdOf.keys()], types, bases, limit: edgeBudget + 1 },
          ctx.queries,
        );
  if (edgeRows.length > edgeBudget) throw tooLarge(limit);
  const edges = edgeRows.map((row): GraphEdgeModel => {
    const props = relationshipProperties(row.type as string, row.props as Record<string, unknown>);
    return {
      id: row.id as string,
      source: globalIdOf.get(row.from as string)!,
      target: globalIdOf.get(row.to as string)!,
      type: props.type,
      attributes: {
        role: props.role,
        amount: props.amount,
        currency: props.currency,
        validFrom: props.validFrom,
        validTo: props.validTo,
        // As RelationshipEdge.negated says.
        negated: isNegated(props.type),
        basis: props.basis,
        basisNote: props.basisNote,
        derived: props.derived,
      },
      sources: citationsOf(props),
    };
  });
  return { nodes, edges };
}
