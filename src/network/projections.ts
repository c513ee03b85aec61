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

/** One reason two actors are joined: a shared initiative or membership target, or a direct relationship. */
interface Link {
  via: string | null;
  relationships: ProjectedEdge[];
}

function actorNetwork<Node extends ProjectableNode>(
  graph: { nodes: Node[]; edges: ProjectedEdge[] },
  typeOf: Map<string, string>,
  maxEdges: number,
  tooLarge: () => Error,
): Projection<Node> {
  const actors = graph.nodes.filter((node) => node.attributes.entityType === 'Actor');
  // Nodes come in name order: a projected edge goes from the actor first in that order.
  const order = new Map(actors.map((node, i) => [node.id, i]));
  const isActor = (id: string) => order.has(id);
  const links = new Map<string, Link[]>();
  const addLink = (a: string, b: string, link: Link) => {
    if (a === b) return;
    const [first, second] = order.get(a)! < order.get(b)! ? [a, b] : [b, a];
    const key = `${first}\n${second}`;
    const list = links.get(key);
    if (list) list.push(link);
    else {
      if (links.size >= maxEdges) throw tooLarge();
      links.set(key, [link]);
    }
  };
  // Hubs: an initiative (any relationship), or any entity actors are MEMBER_OF. Per hub, each
  // actor's relationships to it, so that an actor that both leads and funds it counts once.
  const hubs = new Map<string, Map<string, ProjectedEdge[]>>();
  const joinHub = (hub: string, actor: string, edge: ProjectedEdge) => {
    let members = hubs.get(hub);
    if (!members) hubs.set(hub, (members = new Map<string, ProjectedEdge[]>()));
    const list = members.get(actor);
    if (list) list.push(edge);
    else members.set(actor, [edge]);
  };
  for (const edge of graph.edges) {
    if (edge.type === ABSENCE) continue;
    const [source, target] = [isActor(edge.source), isActor(edge.target)];
    if (source && target) addLink(edge.source, edge.target, { via: null, relationships: [edge] });
    if (source && typeOf.get(edge.target) === 'Initiative') joinHub(edge.target, edge.source, edge);
    else if (target && typeOf.get(edge.source) === 'Initiative') joinHub(edge.source, edge.target, edge);
    else if (source && edge.type === 'MEMBER_OF') joinHub(edge.target, edge.source, edge);
  }
  for (const [hub, members] of hubs) {
    const list = [...members];
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        addLink(list[i]![0], list[j]![0], { via: hub, relationships: [...list[i]![1], ...list[j]![1]] });
      }
    }
  }
  const slugOf = new Map(actors.map((node) => [node.id, node.attributes.slug]));
  const edges = [...links].map(([key, list]) => projectedEdge(key, list, slugOf));
  edges.sort((a, b) => order.get(a.source)! - order.get(b.source)! || order.get(a.target)! - order.get(b.target)!);
  return { nodes: actors, edges };
}

function projectedEdge(key: string, links: Link[], slugOf: Map<string, string>): ProjectedEdge {
  const [source, target] = key.split('\n') as [string, string];
  const relationships = [...new Set(links.flatMap((link) => link.relationships))];
  const typeCounts = new Map<string, number>();
  for (const r of relationships) typeCounts.set(r.type, (typeCounts.get(r.type) ?? 0) + 1);
  const viaTypes = [...typeCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([type]) => type);
  // A link holds as well as its weakest relationship; the edge as well as its strongest link.
  const linkBasis = (link: Link) =>
    link.relationships.map((r) => r.attributes.basis).reduce((a, b) => (basisRank(a) <= basisRank(b) ? a : b));
  const basis = links.map(linkBasis).reduce((a, b) => (basisRank(a) >= basisRank(b) ? a : b));
  const citations = new Map<string, CitationModel>();
  for (const r of relationships) for (const c of r.sources) citations.set(`${c.document}\n${c.quote}`, c);
  return {
    id: `${slugOf.get(source)}|ACTOR_NETWORK|${slugOf.get(target)}`,
    source,
    target,
    type: viaTypes[0]!,
    attributes: {
      role: null,
      amount: null,
      currency: null,
      validFrom: null,
      validTo: null,
      negated: false,
      basis,
      basisNote: `Projected: ${links.length} link${links.length === 1 ? '' : 's'} through ${relationships.length} stored relationship${relationships.length === 1 ? '' : 's'}.`,
      derived: relationships.every((r) => r.attributes.derived),
    },
    sources: [...citations.values()],
    weight: links.length,
    via: [...new Set(links.map((link) => link.via).filter((via) => via !== null))],
    viaTypes,
  };
}
