/**
 * `npm run bench:metrics`: the cost of the network analysis (src/network/) at scale, in process,
 * without Neo4j: the synthetic graph (bench/syntheticGraph.ts) is built in memory as the graph
 * query would return it, then for each projection it is projected and analysed (degrees,
 * betweenness and closeness, PageRank, components, Louvain), as `graph(projection:)`,
 * `rankings` and the exports do, with the API's default settings (exact betweenness and closeness
 * up to 2,000 nodes, 256 seeded pivots above). Reports milliseconds per step and memory, and
 * writes bench/results/<name>-metrics.md and .json.
 *
 * Options (defaults in brackets): --sizes [10000,100000] --seed [42] --projections
 * [FULL,ACTOR_INITIATIVE,ACTOR_NETWORK] --layout [off] (also time the seeded ForceAtlas2 layout)
 * --max-edges [5000000] (a projection with more edges is reported as too large, not built)
 * --name [<date>] --results-dir [bench/results].
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runCli } from '../src/cli';
import { PROJECT_ROOT } from '../src/config';
import type { GraphProjectionName } from '../src/models';
import { analyseNetwork, DEFAULT_ANALYSIS_OPTIONS, type AnalysisTimings } from '../src/network/analyse';
import { layoutNetwork } from '../src/network/layout';
import { project, type ProjectableNode, type ProjectedEdge } from '../src/network/projections';
import { SIDE_ANCHORS, sideOf, type Side } from '../src/network/sides';
import { SyntheticGraph } from './syntheticGraph';

interface Row {
  actors: number;
  projection: GraphProjectionName;
  nodes: number;
  edges: number;
  exact: boolean;
  milliseconds: Record<string, number>;
  heapMB: number;
  rssMB: number;
  note?: string;
}

const MB = 1024 * 1024;
const round = (value: number) => Math.round(value * 10) / 10;

/** The synthetic graph as the graph query returns it: nodes, edges and the nodes' sides. */
function buildGraph(actors: number, seed: number) {
  const synthetic = new SyntheticGraph({ actors, seed });
  const nodes: ProjectableNode[] = [];
  const edges: ProjectedEdge[] = [];
  const parentOf = new Map<string, string>();
  // Every edge shares one attributes object: only type, ends, basis and derived matter here.
  const attributes: ProjectedEdge['attributes'] = {
    role: null,
    amount: null,
    currency: null,
    validFrom: null,
    validTo: null,
    negated: false,
    basis: 'STATED',
    basisNote: null,
    derived: false,
  };
  const add = (from: string, type: string, to: string) =>
    edges.push({
      id: `${from}|${type}|${to}|${edges.length}`,
      source: from,
      target: to,
      type,
      attributes,
      sources: [],
      weight: 1,
      via: [],
      viaTypes: [type],
    });
  for (const batch of synthetic.entityBatches(10_000)) {
    for (const entity of batch) {
      const record = entity.record as {
        id: string;
        name: string;
        partOf?: string;
        broader?: string;
        strategy?: string;
      };
      nodes.push({ id: record.id, label: record.name, attributes: { slug: record.id, entityType: entity.label } });
      // The relationships the loader derives from entity fields.
      if (record.partOf) {
        parentOf.set(record.id, record.partOf);
        add(record.id, 'PART_OF', record.partOf);
      }
      if (record.broader) add(record.id, 'SUBTHEME_OF', record.broader);
      if (record.strategy) add(record.strategy, 'PRIORITISES', record.id);
    }
  }
  for (const batch of synthetic.relationshipBatches(50_000)) {
    for (const r of batch) if (r.type !== 'HAS_FIGURE') add(r.from, r.type, r.to);
  }
  // Sides as cypher/nodeSides.cypher finds them: LOCATED_IN, then up PART_OF.
  const anchorsOf = (region: string) => {
    const found: string[] = [];
    for (let at: string | undefined = region; at; at = parentOf.get(at)) if (at in SIDE_ANCHORS) found.push(at);
    return found;
  };
  const anchors = new Map<string, string[]>();
  for (const edge of edges) {
    if (edge.type !== 'LOCATED_IN') continue;
    const list = anchors.get(edge.source) ?? [];
    list.push(...anchorsOf(edge.target));
    anchors.set(edge.source, list);
  }
  for (const region of parentOf.keys()) anchors.set(region, [...(anchors.get(region) ?? []), ...anchorsOf(region)]);
  const sides = new Map<string, Side | null>([...anchors].map(([id, list]) => [id, sideOf(list)]));
  return { nodes, edges, sides };
}

function measure(
  actors: number,
  graph: ReturnType<typeof buildGraph>,
  projection: GraphProjectionName,
  maxEdges: number,
  layout: boolean,
): Row {
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let started = performance.now();
  let projected;
  try {
    projected = project(graph, projection, maxEdges, () => new Error('too large'));
  } catch {
    return {
      actors,
      projection,
      nodes: 0,
      edges: 0,
      exact: false,
      milliseconds: { project: round(performance.now() - started) },
      heapMB: 0,
      rssMB: round(process.memoryUsage().rss / MB),
      note: `more than ${maxEdges} projected edges: the API refuses it as larger than its limit`,
    };
  }
  const projectMs = performance.now() - started;
  const timings: AnalysisTimings = { exact: false, milliseconds: {} };
  started = performance.now();
  analyseNetwork(projected.nodes, projected.edges, graph.sides, DEFAULT_ANALYSIS_OPTIONS, timings);
  const analyseMs = performance.now() - started;
  const heapAfter = process.memoryUsage().heapUsed;
  const milliseconds: Record<string, number> = {
    project: projectMs,
    ...timings.milliseconds,
    total: projectMs + analyseMs,
  };
  if (layout) {
    started = performance.now();
    layoutNetwork(projected.nodes, projected.edges);
    milliseconds.layout = performance.now() - started;
  }
  return {
    actors,
    projection,
    nodes: projected.nodes.length,
    edges: projected.edges.length,
    exact: timings.exact,
    milliseconds: Object.fromEntries(Object.entries(milliseconds).map(([k, v]) => [k, round(v)])),
    heapMB: round((heapAfter - heapBefore) / MB),
    rssMB: round(process.memoryUsage().rss / MB),
  };
}

function markdown(rows: Row[], seed: number): string {
  const steps = [
    'project',
    'graph',
    'betweennessCloseness',
    'pageRank',
    'components',
    'communities',
    'total',
    'layout',
  ];
  const used = steps.filter((step) => rows.some((row) => row.milliseconds[step] !== undefined));
  const lines = [
    `# Network metrics at scale (${new Date().toISOString().slice(0, 10)})`,
    '',
    `\`npm run bench:metrics\`: the synthetic graph (seed ${seed}) in memory, projected and analysed by src/network/ ` +
      `in one Node ${process.version} process on ${process.platform}/${process.arch}, no Neo4j. Betweenness and closeness are ` +
      `exact up to ${DEFAULT_ANALYSIS_OPTIONS.exactMaxNodes} nodes, estimated from ${DEFAULT_ANALYSIS_OPTIONS.pivots} seeded pivots above. ` +
      'Times in ms; heap: heap growth over projection and analysis; rss: the process after it.',
    '',
    `| actors | projection | nodes | edges | centralities | ${used.join(' | ')} | heap MB | rss MB |`,
    `|---:|---|---:|---:|---|${used.map(() => '---:').join('|')}|---:|---:|`,
    ...rows.map(
      (row) =>
        `| ${row.actors} | ${row.projection} | ${row.nodes} | ${row.edges} | ${row.note ?? (row.exact ? 'exact' : 'estimated')} | ` +
        `${used.map((step) => row.milliseconds[step] ?? '').join(' | ')} | ${row.heapMB} | ${row.rssMB} |`,
    ),
    '',
  ];
  return lines.join('\n');
}

runCli(async (args) => {
  const { values } = parseArgs({
    args,
    options: {
      sizes: { type: 'string', default: '10000,100000' },
      seed: { type: 'string', default: '42' },
      projections: { type: 'string', default: 'FULL,ACTOR_INITIATIVE,ACTOR_NETWORK' },
      layout: { type: 'boolean', default: false },
      'max-edges': { type: 'string', default: '5000000' },
      name: { type: 'string', default: new Date().toISOString().slice(0, 10) },
      'results-dir': { type: 'string', default: path.join('bench', 'results') },
    },
  });
  const seed = Number(values.seed);
  const maxEdges = Number(values['max-edges']);
  const projections = values.projections.split(',') as GraphProjectionName[];
  const rows: Row[] = [];
  for (const actors of values.sizes.split(',').map(Number)) {
    const started = performance.now();
    const graph = buildGraph(actors, seed);
    console.log(
      `${actors} actors: ${graph.nodes.length} nodes, ${graph.edges.length} edges built in ${round(performance.now() - started)} ms`,
    );
    for (const projection of projections) {
      const row = measure(actors, graph, projection, maxEdges, values.layout);
      console.log(JSON.stringify(row));
      rows.push(row);
    }
  }
  const dir = path.resolve(PROJECT_ROOT, values['results-dir']);
  fs.mkdirSync(dir, { recursive: true });
  const base = path.join(dir, `${values.name}-metrics`);
  fs.writeFileSync(`${base}.json`, `${JSON.stringify({ seed, settings: DEFAULT_ANALYSIS_OPTIONS, rows }, null, 2)}\n`);
  fs.writeFileSync(`${base}.md`, markdown(rows, seed));
  console.log(markdown(rows, seed));
  console.log(`Written to ${path.relative(PROJECT_ROOT, base)}.md and .json.`);
  return 0;
});
