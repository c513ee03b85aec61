import type { ReadContext } from '../context';
import { cypher } from '../db/cypher';
import type { CompanyStage, GraphAround, GraphFilter, GraphNodeKind, RelationshipType } from '../generated/graphql';
import { badUserInput } from '../graphql/errors';
import { toGlobalId } from '../graphql/globalId';
import { checkFirst } from '../graphql/pagination';
import {
  citationsOf,
  type EntityModel,
  type GraphProjectionName,
  type NetworkHandle,
  type RankedNodeModel,
  type SubgraphModel,
} from '../models';
import { networkHandle } from '../network/networkHandle';
import { project, type ProjectedEdge } from '../network/projections';
import { ACTOR_KINDS, DERIVED_RELATIONSHIP_TYPES, ENTITY_LABELS, RELATIONSHIP_TYPES, type Basis } from '../seed/model';
import { entityByRef } from './graphQueries';
import { isNegated } from './negation';
import { filterParams } from './filters';
import { relationshipProperties } from './rows';
import { walkFrom } from './walk';
import { nodeSides } from './nodeSides';

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
  /** FULL (null) or a projection (src/network/projections.ts). */
  projection?: GraphProjectionName | null;
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

type StoredNode = Omit<SubgraphModel['nodes'][number], 'network'>;

function toGraphNode(entity: EntityModel, kind: string, themes: string[], regions: string[]): StoredNode {
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
 * `relationshipTypes` among them, in the projection asked for. One query per hop of the walk, one
 * for the nodes, one for the edges; the network analysis (one more query, for the nodes' sides)
 * runs only when a metric is asked for. BAD_USER_INPUT naming the limit when nodes plus edges
 * exceed `limit`, before or after the projection.
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
  const edges = edgeRows.map((row): ProjectedEdge => {
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
      weight: 1,
      via: [],
      viaTypes: [props.type],
    };
  });
  const projection = args.projection ?? 'FULL';
  const projected = project({ nodes, edges }, projection, limit, () => tooLarge(limit));
  if (projected.nodes.length + projected.edges.length > limit) throw tooLarge(limit);
  const slugOf = new Map(projected.nodes.map((node) => [node.id, node.attributes.slug]));
  const network: NetworkHandle = networkHandle(projected.nodes, projected.edges, async () => {
    const sides = await nodeSides(ctx, [...slugOf.values()]);
    return new Map([...slugOf].map(([id, slug]) => [id, sides.get(slug) ?? null]));
  });
  return {
    nodes: projected.nodes.map((node) => ({ ...node, network })),
    edges: projected.edges.map((edge) => ({ ...edge, network })),
    projection,
    network,
  };
}

export type RankingMetric =
  'DEGREE' | 'IN_DEGREE' | 'OUT_DEGREE' | 'WEIGHTED_DEGREE' | 'BETWEENNESS' | 'CLOSENESS' | 'PAGERANK';

const METRIC_FIELDS = {
  DEGREE: 'degree',
  IN_DEGREE: 'inDegree',
  OUT_DEGREE: 'outDegree',
  WEIGHTED_DEGREE: 'weightedDegree',
  BETWEENNESS: 'betweenness',
  CLOSENESS: 'closeness',
  PAGERANK: 'pageRank',
} as const satisfies Record<RankingMetric, string>;

export interface RankingsArgs {
  metric: RankingMetric;
  projection?: GraphProjectionName | null;
  filter?: GraphFilter | null;
  first?: number | null;
  limit?: number | null;
}

/**
 * Query.rankings: the nodes of `graph(filter, projection, limit)` by `metric`, highest first,
 * equal values in name order (the graph's node order), the first `first` of them.
 */
export async function rankings(ctx: ReadContext, args: RankingsArgs): Promise<RankedNodeModel[]> {
  const first = checkFirst(args.first ?? 10, ctx.maxPageSize, 'first');
  const graph = await subgraph(ctx, {
    filter: args.filter ?? null,
    projection: args.projection ?? 'ACTOR_NETWORK',
    limit: args.limit ?? null,
  });
  const analysis = await graph.network.analysis();
  const field = METRIC_FIELDS[args.metric];
  const value = (id: string) => analysis.metrics.get(id)![field];
  return graph.nodes
    .map((node, order) => ({ node, order, value: value(node.id) }))
    .sort((a, b) => b.value - a.value || a.order - b.order)
    .slice(0, first)
    .map(({ node, value }, i) => ({ rank: i + 1, value, node }));
}
