import type { GraphQLResolveInfo } from 'graphql';
import type { ReadContext } from '../context';
import { plannedEntity } from '../planner/plannedEntity';
import { cypher, type CypherQuery } from '../db/cypher';
import { DERIVED_RELATIONSHIP_TYPES, RELATIONSHIP_TYPES } from '../seed/model';
import type { RelationshipType } from '../generated/graphql';
import { badUserInput, notFound } from '../graphql/errors';
import { fromSlugOrGlobalId } from '../graphql/globalId';
import { checkFirst } from '../graphql/pagination';
import type { EntityModel, FactCheckModel, HopModel, NeighbourhoodModel, PathModel, Provenance } from '../models';
import { NEGATION_OF } from './negation';
import { relationshipProperties, toPath, type PathRow } from './rows';
import { walkFrom } from './walk';
import { truncate } from '../text/truncate';

/**
 * Loads the entity that `ref` names: a global id, or a slug such as "lund-university" (easier to
 * type in the playground; a slug never decodes as a global id). BAD_USER_INPUT for anything else,
 * NOT_FOUND for an unknown one. With the field's resolve info (Query.entity), the entity is read
 * with its selected relationship connections in one planned statement (src/planner/).
 */
export async function entityByRef(
  ctx: ReadContext,
  ref: string,
  argumentName: string,
  info?: GraphQLResolveInfo,
): Promise<EntityModel> {
  const { key, type } = fromSlugOrGlobalId(ref, argumentName);
  if (type === 'Source')
    throw badUserInput(`"${ref}" is the id of a Source, and "${argumentName}" takes an entity.`, argumentName);
  const entity = info ? await plannedEntity(ctx, key, info) : await ctx.loaders.entitiesById.load(key);
  if (!entity || (type !== undefined && entity.label !== type))
    throw notFound(`No entity has the id "${truncate(ref)}".`);
  return entity;
}

function checkRange(value: number, argumentName: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badUserInput(`"${argumentName}" must be from ${min} to ${max}, not ${value}.`, argumentName);
  }
  return value;
}

const typesParam = (types: readonly RelationshipType[] | null | undefined) => (types?.length ? [...types] : null);

/**
 * The entities within `depth` hops of an entity, nearest first, and the relationships among
 * them: a breadth-first walk of one query per level (cypher/neighboursOf.cypher), then one for
 * the relationships (cypher/hopsAmong.cypher) and one for the entities.
 */
export async function neighbourhood(
  ctx: ReadContext,
  args: {
    id: string;
    depth?: number | null;
    relationshipTypes?: readonly RelationshipType[] | null;
    first?: number | null;
  },
): Promise<NeighbourhoodModel> {
  const depth = checkRange(args.depth ?? 1, 'depth', 1, 3);
  const first = checkFirst(args.first ?? 100, 500);
  const centre = await entityByRef(ctx, args.id, 'id');
  const types = typesParam(args.relationshipTypes);
  const order = await walkFrom(ctx, [centre.id], { depth, types, bases: null, enough: first });
  const kept = order.slice(0, first);
  const ids = [centre.id, ...kept.map((n) => n.id)];
  const [entities, hopRows] = await Promise.all([
    ctx.loaders.entitiesById.loadMany(kept.map((n) => n.id)),
    ctx.db.read(cypher('hopsAmong'), { ids, types }, ctx.queries),
  ]);
  // hopsAmong returns the ends' ids only: every end is the centre or a kept entity, loaded above.
  const byId = new Map<string, EntityModel>([[centre.id, centre]]);
  kept.forEach((n, i) => byId.set(n.id, entities[i] as EntityModel));
  const hops: HopModel[] = hopRows.map((row) => ({
    ...relationshipProperties(row.type as string, row.props as Record<string, unknown>),
    from: byId.get(row.from as string) as EntityModel,
    to: byId.get(row.to as string) as EntityModel,
  }));
  return {
    centre,
    nodes: kept.map((n) => ({ node: byId.get(n.id) as EntityModel, distance: n.distance })),
    hops,
    truncated: order.length > first,
  };
}

/** Every relationship type between entities: what a path follows when no types are asked for. */
const ENTITY_RELATIONSHIP_TYPES: ReadonlySet<string> = new Set([...RELATIONSHIP_TYPES, ...DERIVED_RELATIONSHIP_TYPES]);

/**
 * cypher/shortestPaths.cypher with the types written into its pattern (a bidirectional search with
 * no predicate to check, see the file). Each type must be one of the closed list; the GraphQL enum
 * has already refused anything else, so one that is not is a bug.
 */
function shortestPathsQuery(types: readonly RelationshipType[] | null | undefined): CypherQuery {
  const list = types?.length ? [...new Set(types)].sort() : [...ENTITY_RELATIONSHIP_TYPES];
  for (const type of list)
    if (!ENTITY_RELATIONSHIP_TYPES.has(type)) throw new Error(`Invariant: "${type}" is not a relationship type.`);
  const query = cypher('shortestPaths');
  return { name: query.name, text: query.text.replace('__types__', list.join('|')) };
}

/** All shortest paths between two entities (cypher/shortestPaths.cypher). */
export async function paths(
  ctx: ReadContext,
  args: {
    from: string;
    to: string;
    maxHops?: number | null;
    relationshipTypes?: readonly RelationshipType[] | null;
    first?: number | null;
  },
): Promise<PathModel[]> {
  const maxHops = checkRange(args.maxHops ?? 4, 'maxHops', 1, 6);
  const first = checkFirst(args.first ?? 10, 100);
  const [from, to] = await Promise.all([entityByRef(ctx, args.from, 'from'), entityByRef(ctx, args.to, 'to')]);
  if (from.id === to.id) throw badUserInput('"from" and "to" must be two different entities.', 'to');
  const rows = await ctx.db.read(
    shortestPathsQuery(args.relationshipTypes),
    { from: from.id, to: to.id, maxHops, limit: first },
    ctx.queries,
  );
  return rows.map((row) => toPath(row as unknown as PathRow));
}

const SYMMETRIC = new Set<RelationshipType>(['COLLABORATES_WITH']);

const mergeProvenance = (items: Provenance[]): Provenance => ({
  sourceDocs: items.flatMap((p) => p.sourceDocs),
  quotes: items.flatMap((p) => p.quotes),
});

/** YES, NO or UNKNOWN for (subject)-[type]->(object), with the sources (cypher/fact.cypher). */
export async function fact(
  ctx: ReadContext,
  args: { subject: string; type: RelationshipType; object: string },
): Promise<FactCheckModel> {
  const [subject, object] = await Promise.all([
    entityByRef(ctx, args.subject, 'subject'),
    entityByRef(ctx, args.object, 'object'),
  ]);
  const [row] = await ctx.db.read(
    cypher('fact'),
    {
      subject: subject.id,
      object: object.id,
      type: args.type,
      negatedType: NEGATION_OF[args.type] ?? null,
      symmetric: SYMMETRIC.has(args.type),
    },
    ctx.queries,
  );
  const stated = (row?.stated ?? []) as Provenance[];
  const denied = (row?.denied ?? []) as Provenance[];
  // A stated fact wins over a denial only if no source denies it; when sources disagree, both are
  // shown and the answer is YES with every source (the API never hides a contradiction).
  const answer = stated.length > 0 ? 'YES' : denied.length > 0 ? 'NO' : 'UNKNOWN';
  return { answer, subject, object, type: args.type, ...mergeProvenance([...stated, ...denied]) };
}
