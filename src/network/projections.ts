import type { CitationModel, GraphEdgeModel, GraphNodeModel, GraphProjectionName } from '../models';
import { BASES, type Basis } from '../seed/model';

/**
 * The projections of a subgraph (GraphProjection): which nodes stay and which edges join them.
 * Pure functions of the subgraph's nodes and edges, so that unit tests and the benchmark run them
 * without a database.
 *
 * - FULL: the graph as stored; every edge weighs 1.
 * - ACTOR_INITIATIVE: actors and initiatives, and the stored relationships between an actor and an
 *   initiative (either way round); every edge weighs 1.
 * - ACTOR_NETWORK: actors only. Two actors are joined by a link for every initiative both are
 *   related to, every entity both are MEMBER_OF, and every relationship between the two of them;
 *   the edge's weight is the number of links. NOT_MEMBER_OF, a stated absence, joins nothing.
 */
export type ProjectableNode = Pick<GraphNodeModel, 'id' | 'label'> & {
  attributes: Pick<GraphNodeModel['attributes'], 'slug' | 'entityType'>;
};
/** An edge as projections read and write it: everything but the graph's network handle. */
export type ProjectedEdge = Omit<GraphEdgeModel, 'network' | 'bridge'>;

export interface Projection<Node extends ProjectableNode> {
  nodes: Node[];
  edges: ProjectedEdge[];
}

/** The relationship that joins nothing in a projection: a source's explicit "no". */
const ABSENCE = 'NOT_MEMBER_OF';

const basisRank = (basis: Basis) => BASES.length - BASES.indexOf(basis); // STATED highest

/**
 * Projects a subgraph. `maxEdges` bounds the projected edges (an organisation with thousands of
 * members makes millions of pairs): past it `tooLarge()` is thrown, before the pairs are built.
 */
export function project<Node extends ProjectableNode>(
  graph: { nodes: Node[]; edges: ProjectedEdge[] },
  projection: GraphProjectionName,
  maxEdges: number = Number.POSITIVE_INFINITY,
  tooLarge: () => Error = () => new Error(`The projection has more than ${maxEdges} edges.`),
): Projection<Node> {
  if (projection === 'FULL') return graph;
  const typeOf = new Map(graph.nodes.map((node) => [node.id, node.attributes.entityType]));
  if (projection === 'ACTOR_INITIATIVE') {
    const kept = (id: string) => typeOf.get(id) === 'Actor' || typeOf.get(id) === 'Initiative';
    const edges = graph.edges.filter(
      (edge) =>
        edge.type !== ABSENCE &&
        kept(edge.source) &&
        kept(edge.target) &&
        typeOf.get(edge.source) !== typeOf.get(edge.target),
    );
    if (edges.length > maxEdges) throw tooLarge();
    return { nodes: graph.nodes.filter((node) => kept(node.id)), edges };
  }
  return actorNetwork(graph, typeOf, maxEdges, tooLarge);
}

/**
 * One reason two actors are joined: a shared hub (an initiative or membership target) with each
 * actor's relationships to it, or a direct relationship (`via` null, `second` empty).
 */
interface Link {
  via: string | null;
  first: ProjectedEdge[];
  second: ProjectedEdge[];
}

function actorNetwork<Node extends ProjectableNode>(
  graph: { nodes: Node[]; edges: ProjectedEdge[] },
  typeOf: Map<string, string>,
  maxEdges: number,
  tooLarge: () => Error,
): Projection<Node> {
  const actors = graph.nodes.filter((node) => node.attributes.entityType === 'Actor');
  const n = actors.length;
  // Nodes come in name order: a projected edge goes from the actor first in that order.
  const order = new Map(actors.map((node, i) => [node.id, i]));
  // Links by pair, keyed lower order * n + higher order (a number: far cheaper than a string key).
  const links = new Map<number, Link[]>();
  const addLink = (a: number, b: number, link: Link) => {
    if (a === b) return;
    const key = a < b ? a * n + b : b * n + a;
    const list = links.get(key);
    if (list) list.push(link);
    else {
      if (links.size >= maxEdges) throw tooLarge();
      links.set(key, [link]);
    }
  };
  // Hubs: an initiative (any relationship), or any entity actors are MEMBER_OF. Per hub, each
  // actor's relationships to it, so that an actor that both leads and funds it counts once.
  const hubs = new Map<string, Map<number, ProjectedEdge[]>>();
  const joinHub = (hub: string, actor: number, edge: ProjectedEdge) => {
    let members = hubs.get(hub);
    if (!members) hubs.set(hub, (members = new Map<number, ProjectedEdge[]>()));
    const list = members.get(actor);
    if (list) list.push(edge);
    else members.set(actor, [edge]);
  };
  const none: ProjectedEdge[] = [];
  for (const edge of graph.edges) {
    if (edge.type === ABSENCE) continue;
    const source = order.get(edge.source);
    const target = order.get(edge.target);
    if (source !== undefined && target !== undefined)
      addLink(source, target, { via: null, first: [edge], second: none });
    if (source !== undefined && typeOf.get(edge.target) === 'Initiative') joinHub(edge.target, source, edge);
    else if (target !== undefined && typeOf.get(edge.source) === 'Initiative') joinHub(edge.source, target, edge);
    else if (source !== undefined && edge.type === 'MEMBER_OF') joinHub(edge.target, source, edge);
  }
  for (const [hub, members] of hubs) {
    const list = [...members];
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        addLink(list[i]![0], list[j]![0], { via: hub, first: list[i]![1], second: list[j]![1] });
      }
    }
  }
  // A typed array sorts numbers natively, several times faster than Array#sort with a comparator.
  const keys = Float64Array.from(links.keys()).sort();
  const edges = new Array<ProjectedEdge>(keys.length);
  keys.forEach((key, i) => (edges[i] = projectedEdge(actors[Math.floor(key / n)]!, actors[key % n]!, links.get(key)!)));
  return { nodes: actors, edges };
}

function projectedEdge(source: ProjectableNode, target: ProjectableNode, links: Link[]): ProjectedEdge {
  // Loops rather than flatMap, Set and sort: a 10,000-actor graph projects to 850,000 edges, most
  // of them one link through one or two relationships, and this runs once per edge.
  let relationships: ProjectedEdge[];
  if (links.length === 1) {
    // One link: its relationships are distinct (the two actors' own relationships to the hub).
    const [link] = links as [Link];
    relationships = link.second.length === 0 ? link.first : link.first.concat(link.second);
  } else {
    const seen = new Set<ProjectedEdge>();
    for (const link of links) {
      for (const r of link.first) seen.add(r);
      for (const r of link.second) seen.add(r);
    }
    relationships = [...seen];
  }
  const typeCounts = new Map<string, number>();
  for (const r of relationships) typeCounts.set(r.type, (typeCounts.get(r.type) ?? 0) + 1);
  const viaTypes =
    typeCounts.size === 1
      ? [relationships[0]!.type]
      : [...typeCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([type]) => type);
  // A link holds as well as its weakest relationship; the edge as well as its strongest link.
  let basis: Basis | null = null;
  for (const link of links) {
    let weakest = link.first[0]!.attributes.basis;
    for (const r of link.first) if (basisRank(r.attributes.basis) < basisRank(weakest)) weakest = r.attributes.basis;
    for (const r of link.second) if (basisRank(r.attributes.basis) < basisRank(weakest)) weakest = r.attributes.basis;
    if (basis === null || basisRank(weakest) > basisRank(basis)) basis = weakest;
  }
  const citations = new Map<string, CitationModel>();
  for (const r of relationships) for (const c of r.sources) citations.set(`${c.document}\n${c.quote}`, c);
  const via: string[] = [];
  for (const link of links) if (link.via !== null && !via.includes(link.via)) via.push(link.via);
  let derived = true;
  for (const r of relationships) derived &&= r.attributes.derived;
  return {
    id: `${source.attributes.slug}|ACTOR_NETWORK|${target.attributes.slug}`,
    source: source.id,
    target: target.id,
    type: viaTypes[0]!,
    attributes: {
      role: null,
      amount: null,
      currency: null,
      validFrom: null,
      validTo: null,
      negated: false,
      basis: basis!,
      basisNote: `Projected: ${links.length} link${links.length === 1 ? '' : 's'} through ${relationships.length} stored relationship${relationships.length === 1 ? '' : 's'}.`,
      derived,
    },
    sources: [...citations.values()],
    weight: links.length,
    via,
    viaTypes,
  };
}
