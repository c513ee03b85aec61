import cytoscape from 'cytoscape';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import Graph from 'graphology';
import * as gexf from 'graphology-gexf';
import * as graphml from 'graphology-graphml';
import { KIND_STYLES } from '../src/export/kindStyle';

/**
 * Reads every export back with a parser that has nothing to do with the writers (graphology's
 * GraphML and GEXF parsers, fast-xml-parser for the XML structure, csv-parse, Cytoscape.js
 * itself, graphology's import) and checks it against the graph it was written from, in the shape
 * that Query.graph returns. The expected values are spelled out here, from the formats'
 * documentation (README "Network visualisation"), not taken from src/export.
 */

export interface GraphShape {
  nodes: {
    id: string;
    label: string;
    kind: string;
    attributes: {
      slug: string;
      nameEn: string;
      entityType: string;
      subkind: string | null;
      description: string | null;
      website: string | null;
      aliases: string[];
      themes: string[];
      regions: string[];
      validFrom: string | null;
      validTo: string | null;
    };
    /** The network metrics, where the export resolved them (Query.graph's GraphNode.metrics). */
    metrics?: Record<string, string | number | boolean | null> | null;
    /** The seeded layout's position, in the formats that carry one (GEXF, graphology). */
    position?: { x: number; y: number } | null;
  }[];
  edges: {
    id: string;
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
      basis: string;
      basisNote: string | null;
      derived: boolean;
    };
    sources: { document: string; quote: string }[];
    weight: number;
    via: string[];
    viaTypes: string[];
    bridge?: boolean | null;
  }[];
}

/** The GraphQL selection that returns a GraphShape. */
export const GRAPH_SELECTION = `
  nodes { id: entityId label kind attributes { slug nameEn entityType subkind description website aliases themes regions validFrom validTo } }
  edges { id source target type attributes { role amount currency validFrom validTo negated basis basisNote derived } sources { document quote } weight via viaTypes bridge }
`;

/** The same with every node's metrics and layout position (x, y), as the exports write them. */
export const GRAPH_SELECTION_WITH_METRICS = `${GRAPH_SELECTION.replace(
  'validFrom validTo } }',
  'validFrom validTo } metrics { degree inDegree outDegree weightedDegree betweenness closeness pageRank component community side bridge } x y }',
)}`;

/** A graph selected with GRAPH_SELECTION_WITH_METRICS as a GraphShape: x and y become `position`. */
export function withPositions(graph: {
  nodes: (GraphShape['nodes'][number] & { x?: number | null; y?: number | null })[];
  edges: GraphShape['edges'];
}): GraphShape {
  return {
    nodes: graph.nodes.map(({ x, y, ...node }) => ({
      ...node,
      position: typeof x === 'number' && typeof y === 'number' ? { x, y } : null,
    })),
    edges: graph.edges,
  };
}

type Flat = Record<string, string | number | boolean>;

const present = (record: Record<string, unknown>): Flat =>
  Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== null && value !== undefined && value !== ''),
  ) as Flat;

const joined = (list: string[]) => list.join('|');

/** A node's attributes in GraphML, GEXF and the CSV files: lists joined by "|", absent values left out. */
export function flatNode(node: GraphShape['nodes'][number]): Flat {
  const a = node.attributes;
  return present({
    kind: node.kind,
    slug: a.slug,
    nameEn: a.nameEn,
    entityType: a.entityType,
    subkind: a.subkind,
    description: a.description,
    website: a.website,
    aliases: joined(a.aliases),
    themes: joined(a.themes),
    regions: joined(a.regions),
    validFrom: a.validFrom,
    validTo: a.validTo,
    ...(node.metrics ?? {}),
  });
}

/** An edge's attributes in GraphML, GEXF and the CSV files. */
export function flatEdge(edge: GraphShape['edges'][number]): Flat {
  const a = edge.attributes;
  return present({
    relationship: edge.type,
    role: a.role,
    amount: a.amount,
    currency: a.currency,
    validFrom: a.validFrom,
    validTo: a.validTo,
    negated: a.negated,
    basis: a.basis,
    basisNote: a.basisNote,
    derived: a.derived,
    documents: joined(edge.sources.map((s) => s.document)),
    quotes: joined(edge.sources.map((s) => s.quote)),
    weight: edge.weight,
    bridge: edge.bridge,
    via: joined(edge.via),
    viaTypes: joined(edge.viaTypes),
  });
}

/** The same, as CSV cells: every value a string. */
const asCells = (flat: Flat) => Object.fromEntries(Object.entries(flat).map(([k, v]) => [k, String(v)]));

/** A node's data in the JSON exports: lists as arrays, absent values null. */
function jsonNode(node: GraphShape['nodes'][number]) {
  return {
    label: node.label,
    kind: node.kind,
    color: KIND_STYLES[node.kind as keyof typeof KIND_STYLES].color,
    ...node.attributes,
    ...(node.metrics ?? {}),
  };
}

function jsonEdge(edge: GraphShape['edges'][number]) {
  return {
    label: edge.type,
    relationship: edge.type,
    ...edge.attributes,
    documents: edge.sources.map((s) => s.document),
    quotes: edge.sources.map((s) => s.quote),
    weight: edge.weight,
    via: edge.via,
    viaTypes: edge.viaTypes,
    ...(edge.bridge === undefined || edge.bridge === null ? {} : { bridge: edge.bridge }),
  };
}

/** GEXF "date" times: a year or month stretched to its first and last day. */
export function expectedStart(value: string | null): string | undefined {
  if (!value) return undefined;
  if (/^\d{4}$/.test(value)) return `${value}-01-01`;
  if (/^\d{4}-\d{2}$/.test(value)) return `${value}-01`;
  return value;
}

export function expectedEnd(value: string | null): string | undefined {
  if (!value) return undefined;
  if (/^\d{4}$/.test(value)) return `${value}-12-31`;
  if (/^\d{4}-\d{2}$/.test(value)) {
    const [year, month] = value.split('-').map(Number) as [number, number];
    const days = [
      31,
      year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
      31,
      30,
      31,
      30,
      31,
      31,
      30,
      31,
      30,
      31,
    ];
    return `${value}-${days[month - 1]}`;
  }
  return value;
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseAttributeValue: false,
  parseTagValue: false,
  isArray: (name) => ['key', 'node', 'edge', 'data', 'attvalue', 'attribute', 'attributes'].includes(name),
});

function sortedIds(items: { id: string }[]): string[] {
  return items.map((item) => item.id).sort();
}

function checkGraphology(parsed: Graph, graph: GraphShape, options: { vizAttributes: boolean }): void {
  expect(parsed.order).toBe(graph.nodes.length);
  expect(parsed.size).toBe(graph.edges.length);
  for (const node of graph.nodes) {
    const { color, size, x, y, ...attributes } = parsed.getNodeAttributes(node.id);
    expect(attributes).toEqual({ label: node.label, ...flatNode(node) });
    // GEXF's viz:position, graphology-gexf reads it as x and y; GraphML has none.
    if (options.vizAttributes && node.position) expect({ x, y }).toEqual(node.position);
    else expect([x, y]).toEqual([undefined, undefined]);
    if (options.vizAttributes) {
      // graphology-gexf reads viz:color as an rgb() string.
      const hex = Number.parseInt(KIND_STYLES[node.kind as keyof typeof KIND_STYLES].color.slice(1), 16);
      expect(color).toBe(`rgb(${(hex >> 16) & 255},${(hex >> 8) & 255},${hex & 255})`);
      expect(typeof size).toBe('number');
    } else {
      expect(color).toBeUndefined();
      expect(size).toBeUndefined();
    }
  }
  for (const edge of graph.edges) {
    expect(parsed.source(edge.id)).toBe(edge.source);
    expect(parsed.target(edge.id)).toBe(edge.target);
    expect(parsed.isDirected(edge.id)).toBe(true);
    expect(parsed.getEdgeAttributes(edge.id)).toEqual({ label: edge.type, ...flatEdge(edge) });
  }
}

function checkGraphml(text: string, graph: GraphShape): void {
  checkGraphology(graphml.parse(Graph, text), graph, { vizAttributes: false });
  const document = xml.parse(text);
  const root = document.graphml;
  expect(root['@_xmlns']).toBe('http://graphml.graphdrawing.org/xmlns');
  const keys = new Map<string, { for: string; name: string; type: string }>(
    root.key.map((k: Record<string, string>) => [
      k['@_id'],
      { for: k['@_for'], name: k['@_attr.name'], type: k['@_attr.type'] },
    ]),
  );
  for (const key of keys.values()) expect(['string', 'double', 'int', 'boolean']).toContain(key.type);
  const [g] = root.graph ? [root.graph] : [];
  expect(g['@_edgedefault']).toBe('directed');
  const nodes = g.node ?? [];
  const edges = g.edge ?? [];
  expect(sortedIds(nodes.map((n: Record<string, string>) => ({ id: n['@_id'] })))).toEqual(sortedIds(graph.nodes));
  expect(sortedIds(edges.map((e: Record<string, string>) => ({ id: e['@_id'] })))).toEqual(sortedIds(graph.edges));
  const nodeIds = new Set(graph.nodes.map((n) => n.id));
  for (const edge of edges) {
    expect(nodeIds.has(edge['@_source'])).toBe(true);
    expect(nodeIds.has(edge['@_target'])).toBe(true);
    for (const data of edge.data ?? []) expect(keys.get(data['@_key'])?.for).toBe('edge');
  }
  for (const node of nodes) for (const data of node.data ?? []) expect(keys.get(data['@_key'])?.for).toBe('node');
}

function checkGexf(text: string, graph: GraphShape): void {
  checkGraphology(gexf.parse(Graph, text), graph, { vizAttributes: true });
  const root = xml.parse(text).gexf;
  expect(root['@_version']).toBe('1.3');
  expect(root['@_xmlns']).toBe('http://gexf.net/1.3');
  const g = root.graph;
  expect(g['@_mode']).toBe('dynamic');
  expect(g['@_timeformat']).toBe('date');
  expect(g['@_defaultedgetype']).toBe('directed');
  const declared = new Map<string, Set<string>>(
    g.attributes.map((a: { '@_class': string; attribute: Record<string, string>[] }) => [
      a['@_class'],
      new Set(a.attribute.map((x) => x['@_id'])),
    ]),
  );
  expect([...declared.keys()].sort()).toEqual(['edge', 'node']);
  const nodes = g.nodes?.node ?? [];
  const edges = g.edges?.edge ?? [];
  expect(nodes).toHaveLength(graph.nodes.length);
  expect(edges).toHaveLength(graph.edges.length);
  for (const node of nodes)
    for (const value of node.attvalues?.attvalue ?? []) expect(declared.get('node')!.has(value['@_for'])).toBe(true);
  const byId = new Map(graph.edges.map((e) => [e.id, e]));
  for (const edge of edges) {
    const expected = byId.get(edge['@_id'])!;
    expect(expected).toBeDefined();
    for (const value of edge.attvalues?.attvalue ?? []) expect(declared.get('edge')!.has(value['@_for'])).toBe(true);
    // Dynamic: the relationship's validity as the edge's interval, an undated one without.
    expect(edge['@_start']).toBe(expectedStart(expected.attributes.validFrom));
    expect(edge['@_end']).toBe(expectedEnd(expected.attributes.validTo));
  }
}

function checkCytoscape(text: string, graph: GraphShape): void {
  const json = JSON.parse(text);
  const cy = cytoscape({ headless: true, elements: json.elements });
  expect(cy.nodes()).toHaveLength(graph.nodes.length);
  expect(cy.edges()).toHaveLength(graph.edges.length);
  for (const node of graph.nodes) {
    expect(cy.getElementById(node.id).data()).toEqual({ id: node.id, name: node.label, ...jsonNode(node) });
  }
  for (const edge of graph.edges) {
    const drawn = cy.getElementById(edge.id);
    expect(drawn.source().id()).toBe(edge.source);
    expect(drawn.target().id()).toBe(edge.target);
    expect(drawn.data()).toEqual({ id: edge.id, source: edge.source, target: edge.target, ...jsonEdge(edge) });
  }
  cy.destroy();
}

function checkGraphologyJson(text: string, graph: GraphShape): void {
  const parsed = Graph.from(JSON.parse(text));
  expect(parsed.order).toBe(graph.nodes.length);
  expect(parsed.size).toBe(graph.edges.length);
  for (const node of graph.nodes) {
    const { x, y, size, ...data } = parsed.getNodeAttributes(node.id);
    expect(data).toEqual(jsonNode(node));
    // sigma.js draws nothing without coordinates and a size; the export's layout gives them.
    for (const value of [x, y, size]) expect(Number.isFinite(value)).toBe(true);
    if (node.position) expect({ x, y }).toEqual(node.position);
  }
  for (const edge of graph.edges) {
    expect(parsed.source(edge.id)).toBe(edge.source);
    expect(parsed.target(edge.id)).toBe(edge.target);
    expect(parsed.getEdgeAttributes(edge.id)).toEqual(jsonEdge(edge));
  }
}

function csvRows(text: string, header: string[]): Record<string, string>[] {
  const rows = parseCsv(text, { columns: true, bom: true }) as Record<string, string>[];
  const firstLine = parseCsv(text, { to_line: 1 }) as string[][];
  expect(firstLine[0]!.slice(0, header.length)).toEqual(header);
  return rows;
}

/** The cells of a row that hold attributes, without the empty ones (absent values). */
function filledCells(row: Record<string, string>, skip: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(row).filter(([k, v]) => !skip.includes(k) && v !== ''));
}

function checkKumuElements(text: string, graph: GraphShape): void {
  const rows = csvRows(text, ['ID', 'Label', 'Type', 'Description', 'Tags']);
  expect(rows).toHaveLength(graph.nodes.length);
  const byId = new Map(rows.map((row) => [row.ID, row]));
  for (const node of graph.nodes) {
    const row = byId.get(node.id)!;
    expect(row.Label).toBe(node.label);
    expect(row.Type).toBe(KIND_STYLES[node.kind as keyof typeof KIND_STYLES].label);
    expect(row.Description).toBe(node.attributes.description ?? '');
    expect(row.Tags).toBe(node.attributes.themes.join('|'));
    const { description: _d, themes: _t, ...rest } = asCells(flatNode(node));
    expect(filledCells(row, ['ID', 'Label', 'Type', 'Description', 'Tags'])).toEqual(rest);
  }
}

function checkKumuConnections(text: string, graph: GraphShape): void {
  const rows = csvRows(text, ['ID', 'From', 'To', 'Type']);
  expect(rows).toHaveLength(graph.edges.length);
  const byId = new Map(rows.map((row) => [row.ID, row]));
  const nodeIds = new Set(graph.nodes.map((n) => n.id));
  for (const edge of graph.edges) {
    const row = byId.get(edge.id)!;
    expect([row.From, row.To, row.Type]).toEqual([edge.source, edge.target, edge.type]);
    expect(nodeIds.has(row.From!) && nodeIds.has(row.To!)).toBe(true);
    const { relationship: _r, ...rest } = asCells(flatEdge(edge));
    expect(filledCells(row, ['ID', 'From', 'To', 'Type'])).toEqual(rest);
  }
}

function checkGephiNodes(text: string, graph: GraphShape): void {
  const rows = csvRows(text, ['Id', 'Label']);
  expect(rows).toHaveLength(graph.nodes.length);
  const byId = new Map(rows.map((row) => [row.Id, row]));
  for (const node of graph.nodes) {
    const row = byId.get(node.id)!;
    expect(row.Label).toBe(node.label);
    expect(filledCells(row, ['Id', 'Label'])).toEqual(asCells(flatNode(node)));
  }
}

function checkGephiEdges(text: string, graph: GraphShape): void {
  const rows = csvRows(text, ['Source', 'Target', 'Type', 'Id', 'Label']);
  expect(rows).toHaveLength(graph.edges.length);
  const byId = new Map(rows.map((row) => [row.Id, row]));
  for (const edge of graph.edges) {
    const row = byId.get(edge.id)!;
    expect([row.Source, row.Target, row.Type, row.Label]).toEqual([edge.source, edge.target, 'Directed', edge.type]);
    expect(filledCells(row, ['Source', 'Target', 'Type', 'Id', 'Label'])).toEqual(asCells(flatEdge(edge)));
  }
}

/** Every format, by its /export name, with its check. */
export const ROUND_TRIP_CHECKS: Record<string, (text: string, graph: GraphShape) => void> = {
  graphml: checkGraphml,
  gexf: checkGexf,
  cytoscape: checkCytoscape,
  graphology: checkGraphologyJson,
  'kumu-elements': checkKumuElements,
  'kumu-connections': checkKumuConnections,
  'gephi-nodes': checkGephiNodes,
  'gephi-edges': checkGephiEdges,
};
