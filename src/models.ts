import type { Basis, EntityLabel } from './seed/model';

/**
 * The plain records that loaders and queries return (codegen's mapper types): what the graph
 * stores, converted at the boundary. Schema fields a record lacks get a field resolver.
 */

/** Provenance as stored on nodes and relationships: the i-th quote is from the i-th document. */
export interface Provenance {
  sourceDocs: string[];
  quotes: string[];
}

/** Any curated entity, as stored on its node. `id` is the seed slug, not the global id. */
export interface EntityModel extends Provenance {
  id: string;
  label: EntityLabel;
  name: string;
  nameEn: string;
  aliases: string[];
  description: string | null;
  website: string | null;
  kind: string | null;
  year: number | null;
  order: number | null;
  validFrom: string | null;
  validTo: string | null;
  sortKey: string;
}

/** The properties of a relationship that the API shows. */
export interface RelationshipProperties extends Provenance {
  type: string;
  role: string | null;
  amount: number | null;
  currency: string | null;
  validFrom: string | null;
  validTo: string | null;
  basis: Basis;
  basisNote: string | null;
  derived: boolean;
}

/** A relationship seen from one end, with the entity at the other end inlined. */
export interface RelationshipEdgeModel extends RelationshipProperties {
  cursor: string;
  direction: 'OUTGOING' | 'INCOMING';
  node: EntityModel;
}

/** A relationship with both ends, as a step of a path. */
export interface HopModel extends RelationshipProperties {
  from: EntityModel;
  to: EntityModel;
  /** On a path: whether the path walks the hop from `from` to `to`; absent where no path is walked. */
  walkedForward?: boolean;
}

export interface PathModel {
  nodes: EntityModel[];
  hops: HopModel[];
}

export interface FigureModel extends Provenance {
  metric: string;
  value: number;
  unit: string;
  date: string | null;
  note: string | null;
  basis: Basis;
  basisNote: string | null;
}

export interface SourceModel {
  id: string;
  title: string;
  titleEn: string;
  language: string;
  publisher: string;
  year: number | null;
  url: string | null;
}

export interface CitationModel {
  document: string;
  quote: string;
}

/** One page of a keyset-paginated list; `totalCount` is resolved only if asked for. */
export interface ConnectionModel<Edge extends { cursor: string; node: unknown }> {
  edges: Edge[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  /** Counts all items of the list; called only when the query selects totalCount. */
  count: () => Promise<number>;
}

export interface EdgeModel<Node> {
  cursor: string;
  node: Node;
}

export interface FacetCountModel {
  value: string;
  label: string;
  count: number;
}

export interface ActorFacetsModel {
  kinds: FacetCountModel[];
  themes: FacetCountModel[];
  regions: FacetCountModel[];
}

export interface ActorConnectionModel extends ConnectionModel<EdgeModel<EntityModel>> {
  /** Computed only when the query selects facets. */
  facets: () => Promise<ActorFacetsModel>;
}

export type EntityConnectionModel = ConnectionModel<EdgeModel<EntityModel>>;
export type SourceConnectionModel = ConnectionModel<EdgeModel<SourceModel>>;
export type RelationshipConnectionModel = ConnectionModel<RelationshipEdgeModel>;

export interface SearchEdgeModel extends EdgeModel<EntityModel> {
  score: number;
}
export type SearchConnectionModel = ConnectionModel<SearchEdgeModel>;

export interface SupporterEdgeModel extends EdgeModel<EntityModel> {
  supportTypes: string[];
  evidence: PathModel[];
  stageEvidence: 'STATED' | 'NOT_STATED';
}

export interface SupporterConnectionModel extends ConnectionModel<SupporterEdgeModel> {
  theme: EntityModel;
  matchedThemes: EntityModel[];
  stage: EntityModel | null;
}

export interface NeighbourhoodModel {
  centre: EntityModel;
  nodes: { node: EntityModel; distance: number }[];
  hops: HopModel[];
  truncated: boolean;
}

export interface FactCheckModel extends Provenance {
  answer: 'YES' | 'NO' | 'UNKNOWN';
  subject: EntityModel;
  type: string;
  object: EntityModel;
}

/** Citations of a record with parallel `sourceDocs`/`quotes` lists. */
export function citationsOf(record: Provenance): CitationModel[] {
  return record.sourceDocs.map((document, i) => ({ document, quote: record.quotes[i] ?? '' }));
}

export interface NeighbourhoodNodeModel {
  node: EntityModel;
  distance: number;
}

export type EntityEdgeModel = EdgeModel<EntityModel>;
export type SourceEdgeModel = EdgeModel<SourceModel>;

/** A node of Query.graph and of the exports (src/queries/subgraph.ts), ready to draw. */
export interface GraphNodeModel {
  /** The entity's global id. */
  id: string;
  /** The entity's name in its own language. */
  label: string;
  /** A GraphNodeKind: the actor's kind, or the entity's type, upper-cased. */
  kind: string;
  attributes: {
    slug: string;
    nameEn: string;
    entityType: EntityLabel;
    subkind: string | null;
    description: string | null;
    website: string | null;
    aliases: string[];
    themes: string[];
    regions: string[];
    validFrom: string | null;
    validTo: string | null;
  };
  entity: EntityModel;
  /** The graph's network analysis, shared by its nodes and edges, computed on first use (src/network/). */
  network: NetworkHandle;
  /** The node's metrics once resolved (the exports' columns read them here); null before. */
  metrics?: GraphNodeMetricsModel | null;
  /** The node's seeded ForceAtlas2 position once laid out (graphology and GEXF exports); null before. */
  position?: { x: number; y: number } | null;
}

/** An edge of Query.graph and of the exports: a relationship between two of the graph's nodes. */
export interface GraphEdgeModel {
  id: string;
  /** Global ids of the nodes at its ends. */
  source: string;
  target: string;
  type: string;
  attributes: {
    role: string | null;
    amount: number | null;
    currency: string | null;
    validFrom: string | null;
    validTo: string | null;
    negated: boolean;
    basis: Basis;
    basisNote: string | null;
    derived: boolean;
  };
  sources: CitationModel[];
  /** How strongly the edge joins its ends: 1 in FULL and ACTOR_INITIATIVE, the number of links in ACTOR_NETWORK. */
  weight: number;
  /** Global ids of the entities a projected edge joins its actors through; empty otherwise. */
  via: string[];
  /** Types of the stored relationships behind the edge, most frequent first. */
  viaTypes: string[];
  /** The graph's network analysis (the same handle as its nodes'). */
  network: NetworkHandle;
  /** Whether the edge joins the Swedish and the Danish side, once resolved (the exports read it here). */
  bridge?: boolean | null;
}

/** The projections of Query.graph (GraphProjection). */
export type GraphProjectionName = 'FULL' | 'ACTOR_NETWORK' | 'ACTOR_INITIATIVE';

export interface SubgraphModel {
  nodes: GraphNodeModel[];
  edges: GraphEdgeModel[];
  projection: GraphProjectionName;
  network: NetworkHandle;
}

/** A node's metrics (GraphNodeMetrics). */
export interface GraphNodeMetricsModel {
  degree: number;
  inDegree: number;
  outDegree: number;
  weightedDegree: number;
  betweenness: number;
  closeness: number;
  pageRank: number;
  component: number;
  community: number;
  side: 'SE' | 'DK' | null;
  bridge: boolean;
}

export interface GraphCommunityModel {
  id: number;
  size: number;
  label: string;
}

/** What src/network/analyse.ts computes for one graph. */
export interface NetworkAnalysisModel {
  /** By node id (the entity's global id). */
  metrics: Map<string, GraphNodeMetricsModel>;
  /** The ids of the edges that join the two sides. */
  bridges: Set<string>;
  modularity: number;
  communities: GraphCommunityModel[];
  componentCount: number;
}

/** A graph's analysis and layout, each computed once, on first use, and cached per graph version. */
export interface NetworkHandle {
  /**
   * Whether betweenness and closeness are estimated from a seeded sample of source nodes (the graph
   * has more nodes than MEDICON_METRICS_EXACT_MAX_NODES) and from how many; known without computing.
   */
  centralities: { estimated: boolean; sampleSize: number | null; nodeCount: number };
  analysis(): Promise<NetworkAnalysisModel>;
  layout(): Promise<Map<string, { x: number; y: number }>>;
}

/** An entry of Query.rankings. */
export interface RankedNodeModel {
  rank: number;
  value: number;
  node: GraphNodeModel;
}

/** A curated write as recorded in the audit trail (cypher/mutations/createAuditEvent.cypher). */
export interface AuditEventModel extends Provenance {
  id: string;
  /** ISO 8601 date-time (UTC) of the write's transaction. */
  at: string;
  writer: string;
  operation: string;
  targetType: 'Actor' | 'Initiative' | 'Relationship';
  /** The entity's slug, or the relationship's key (from|TYPE|to|role). */
  targetId: string;
  /** Slugs of every entity the write touched (the entity, or both ends of the relationship). */
  entityIds: string[];
  summary: string;
  /** JSON: a list of { field, before, after } with JSON values. */
  changes: string;
}

export type AuditEventEdgeModel = EdgeModel<AuditEventModel>;
export type AuditEventConnectionModel = ConnectionModel<AuditEventEdgeModel>;
