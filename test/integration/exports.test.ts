import { SEED_DIR } from '../../src/bootstrap';
import type { Database } from '../../src/db/Database';
import { toGlobalId, type GlobalType } from '../../src/graphql/globalId';
import { loadSeedFiles } from '../../src/seed/loadSeedFiles';
import { toWriteParams } from '../../src/seed/writeSeed';
import { GRAPH_SELECTION_WITH_METRICS, ROUND_TRIP_CHECKS, withPositions, type GraphShape } from '../exportRoundTrip';
import { postGraphQL, type TestServer, startSeededServer, stopSeededServer } from './harness';
import { THEME_LINKS } from './seedGraph';

/**
 * Query.graph and the /export endpoints against the real Neo4j and the real seed. What the
 * graph must hold is computed here from the seed files (not from Cypher); every export is then
 * parsed back with an independent parser and compared with the graph query's answer.
 */
let db: Database;
let server: TestServer;

const seed = toWriteParams(loadSeedFiles(SEED_DIR));
const entities = new Map(
  seed.entities.map((e) => [e.props.id as string, { label: e.label, kind: e.props.kind as string | undefined }]),
);
const edges = seed.relationships.map((r) => ({ from: r.from, type: r.type, to: r.to }));
const globalId = (slug: string) => toGlobalId(entities.get(slug)!.label as GlobalType, slug);
const kindOf = (slug: string) => {
  const entity = entities.get(slug)!;
  return (entity.label === 'Actor' ? entity.kind! : entity.label).toUpperCase();
};

/** A theme or region with everything below it. */
function withDescendants(id: string, type: 'SUBTHEME_OF' | 'PART_OF'): Set<string> {
  const found = new Set([id]);
  for (let grew = true; grew;) {
    grew = false;
    for (const e of edges) {
      if (e.type === type && found.has(e.to) && !found.has(e.from)) {
        found.add(e.from);
        grew = true;
      }
    }
  }
  return found;
}

const linkedTo = (slug: string, types: string[], targets: Set<string>) =>
  edges.some((e) => e.from === slug && types.includes(e.type) && targets.has(e.to));

/** The entity with the most relationships of `types` into `label` entities: a subject with data to show. */
function busiest(label: string, types: string[]): string {
  const counts = new Map<string, number>();
  for (const e of edges)
    if (types.includes(e.type) && entities.get(e.to)?.label === label) counts.set(e.to, (counts.get(e.to) ?? 0) + 1);
  const [top] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (!top) throw new Error(`The seed has no ${label} with ${types.join('/')} relationships.`);
  return top[0];
}

function expectedEdgesAmong(ids: Set<string>, types?: string[]) {
  return edges.filter((e) => ids.has(e.from) && ids.has(e.to) && (!types || types.includes(e.type)));
}

async function graphOf(args: string, variables?: Record<string, unknown>): Promise<GraphShape> {
  const { status, body } = await postGraphQL<{ graph: GraphShape }>(
    server,
    `query($filter: GraphFilter, $around: GraphAround, $types: [RelationshipType!], $limit: Int) { graph${args} { ${GRAPH_SELECTION_WITH_METRICS} } }`,
    variables,
  );
  expect(body.errors).toBeUndefined();
  expect(status).toBe(200);
  return withPositions(body.data!.graph);
}

const GRAPH_ARGS = '(filter: $filter, around: $around, relationshipTypes: $types, limit: $limit)';

async function graphError(variables: Record<string, unknown>) {
  const { body } = await postGraphQL(
    server,
    `query($filter: GraphFilter, $around: GraphAround, $types: [RelationshipType!], $limit: Int) { graph${GRAPH_ARGS} { nodes { id: entityId } } }`,
    variables,
  );
  expect(body.errors?.length).toBeGreaterThan(0);
  return body.errors![0]!;
}

function expectGraph(graph: GraphShape, nodeSlugs: Set<string>, edgeList = expectedEdgesAmong(nodeSlugs)) {
  expect(new Set(graph.nodes.map((n) => n.attributes.slug))).toEqual(nodeSlugs);
  expect(graph.nodes.map((n) => n.id).sort()).toEqual([...nodeSlugs].map(globalId).sort());
  const drawn = graph.edges.map((e) => `${e.source} ${e.type} ${e.target}`).sort();
  expect(drawn).toEqual(edgeList.map((e) => `${globalId(e.from)} ${e.type} ${globalId(e.to)}`).sort());
  const nodeIds = new Set(graph.nodes.map((n) => n.id));
  for (const edge of graph.edges) expect(nodeIds.has(edge.source) && nodeIds.has(edge.target)).toBe(true);
}

beforeAll(async () => {
  ({ db, server } = await startSeededServer());
});
afterAll(() => stopSeededServer(db, server));

describe('Query.graph', () => {
  test('without arguments: every entity and every relationship between entities, each edge with its quotes', async () => {
    const graph = await graphOf(GRAPH_ARGS);
    expectGraph(graph, new Set(entities.keys()));
    for (const node of graph.nodes) expect(node.kind).toBe(kindOf(node.attributes.slug));
    for (const edge of graph.edges) {
      expect(edge.sources.length).toBeGreaterThan(0);
      for (const source of edge.sources) expect(source.quote.length).toBeGreaterThan(0);
      expect(edge.attributes.negated).toBe(edge.type === 'NOT_MEMBER_OF');
    }
    // Nodes come in name order, so that two calls draw the same list.
    const again = await graphOf(GRAPH_ARGS);
    expect(again.nodes.map((n) => n.id)).toEqual(graph.nodes.map((n) => n.id));
  });

  test('filter.kinds keeps entities of those kinds only', async () => {
    const kinds = ['UNIVERSITY', 'REGION'];
    const graph = await graphOf(GRAPH_ARGS, { filter: { kinds } });
    const expected = new Set([...entities.keys()].filter((slug) => kinds.includes(kindOf(slug))));
    expect(expected.size).toBeGreaterThan(0);
    expectGraph(graph, expected);
  });

  test('filter.themes keeps the entities related to the theme or a sub-theme, and the themes', async () => {
    const theme = busiest('Theme', THEME_LINKS);
    const themeIds = withDescendants(theme, 'SUBTHEME_OF');
    const graph = await graphOf(GRAPH_ARGS, { filter: { themes: [theme] } });
    const expected = new Set(
      [...entities.keys()].filter((slug) => themeIds.has(slug) || linkedTo(slug, THEME_LINKS, themeIds)),
    );
    expect(expected.size).toBeGreaterThan(themeIds.size);
    expectGraph(graph, expected);
  });

  test('filter.regions and filter.kinds together: actors of a kind located in the region (or inside it)', async () => {
    const region = busiest('Region', ['LOCATED_IN']);
    const regionIds = withDescendants(region, 'PART_OF');
    const located = [...entities.keys()].filter((slug) => linkedTo(slug, ['LOCATED_IN'], regionIds));
    const kind = kindOf(located[0]!);
    const graph = await graphOf(GRAPH_ARGS, { filter: { regions: [region], kinds: [kind] } });
    const expected = new Set([...located.filter((slug) => kindOf(slug) === kind)]);
    expect(expected.size).toBeGreaterThan(0);
    expectGraph(graph, expected);
  });

  test('around: the centre and what lies within depth hops, any direction; depth 0 is the centre alone', async () => {
    const hub = [...entities.keys()].sort(
      (a, b) =>
        edges.filter((e) => e.from === b || e.to === b).length - edges.filter((e) => e.from === a || e.to === a).length,
    )[0]!;
    const neighbours = (ids: Set<string>) =>
      new Set([...ids, ...edges.flatMap((e) => (ids.has(e.from) ? [e.to] : ids.has(e.to) ? [e.from] : []))]);
    const one = neighbours(new Set([hub]));
    expectGraph(await graphOf(GRAPH_ARGS, { around: { ids: [hub], depth: 1 } }), one);
    expectGraph(await graphOf(GRAPH_ARGS, { around: { ids: [globalId(hub)], depth: 2 } }), neighbours(one));
    expectGraph(await graphOf(GRAPH_ARGS, { around: { ids: [hub], depth: 0 } }), new Set([hub]));
  });

  test('relationshipTypes: only those edges, and the hops of around follow them only', async () => {
    const types = ['LOCATED_IN', 'PART_OF'];
    const region = busiest('Region', ['LOCATED_IN']);
    const graph = await graphOf(GRAPH_ARGS, { around: { ids: [region], depth: 1 }, types });
    const reached = new Set([
      region,
      ...edges
        .filter((e) => types.includes(e.type) && (e.from === region || e.to === region))
        .map((e) => (e.from === region ? e.to : e.from)),
    ]);
    expectGraph(graph, reached, expectedEdgesAmong(reached, types));
  });

  test('basis: only relationships of those bases, in the graph query and in every export', async () => {
    const stated = seed.relationships.filter((r) => r.props.basis === 'STATED').map((r) => r.props.key as string);
    expect(stated.length).toBeGreaterThan(0);
    expect(stated.length).toBeLessThan(seed.relationships.length);
    const { body } = await postGraphQL<{ graph: { edges: { id: string; attributes: { basis: string } }[] } }>(
      server,
      '{ graph(basis: [STATED]) { edges { id attributes { basis } } } }',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.graph.edges.map((e) => e.id).sort()).toEqual([...stated].sort());
    const { response, text } = await download('cytoscape', '?basis=stated');
    expect(response.status).toBe(200);
    const exported = (JSON.parse(text) as { elements: { edges: { data: { id: string; basis: string } }[] } }).elements
      .edges;
    expect(exported.map((e) => e.data.id).sort()).toEqual([...stated].sort());
    expect(new Set(exported.map((e) => e.data.basis))).toEqual(new Set(['STATED']));
  });

  test('limit caps nodes plus edges exactly, with an error that names it', async () => {
    const whole = await graphOf(GRAPH_ARGS);
    const size = whole.nodes.length + whole.edges.length;
    expect((await graphOf(GRAPH_ARGS, { limit: size })).edges).toHaveLength(whole.edges.length);
    const overEdges = await graphError({ limit: size - 1 });
    expect(overEdges.extensions?.code).toBe('BAD_USER_INPUT');
    expect(overEdges.message).toContain(`more than ${size - 1} nodes and edges`);
    const overNodes = await graphError({ limit: 1 });
    expect(overNodes.extensions?.code).toBe('BAD_USER_INPUT');
    expect(overNodes.message).toContain('more than 1 nodes and edges');
    expect((await graphError({ limit: 20001 })).message).toBe('"limit" must be from 1 to 20000, not 20001.');
  });

  test('bad input is BAD_USER_INPUT or NOT_FOUND naming it', async () => {
    const unknownTheme = await graphError({ filter: { themes: ['no-such-theme'] } });
    expect(unknownTheme).toMatchObject({
      message: 'No theme is called "no-such-theme".',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const unknownCentre = await graphError({ around: { ids: ['no-such-entity'] } });
    expect(unknownCentre).toMatchObject({
      message: 'No entity has the id "no-such-entity".',
      extensions: { code: 'NOT_FOUND' },
    });
    const deep = await graphError({ around: { ids: [[...entities.keys()][0]], depth: 4 } });
    expect(deep).toMatchObject({
      message: '"around.depth" must be from 0 to 3, not 4.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const none = await graphError({ around: { ids: [] } });
    expect(none.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

const FORMATS = Object.keys(ROUND_TRIP_CHECKS);
const CONTENT_TYPES: Record<string, [string, string]> = {
  graphml: ['application/graphml+xml; charset=utf-8', 'medicon-graph.graphml'],
  gexf: ['application/gexf+xml; charset=utf-8', 'medicon-graph.gexf'],
  cytoscape: ['application/json; charset=utf-8', 'medicon-graph.cyjs'],
  graphology: ['application/json; charset=utf-8', 'medicon-graph.graphology.json'],
  'kumu-elements': ['text/csv; charset=utf-8; header=present', 'medicon-graph-kumu-elements.csv'],
  'kumu-connections': ['text/csv; charset=utf-8; header=present', 'medicon-graph-kumu-connections.csv'],
  'gephi-nodes': ['text/csv; charset=utf-8; header=present', 'medicon-graph-gephi-nodes.csv'],
  'gephi-edges': ['text/csv; charset=utf-8; header=present', 'medicon-graph-gephi-edges.csv'],
};

async function download(format: string, query = '', init?: RequestInit) {
  const response = await fetch(`${server.url}/export/${format}${query}`, init);
  return { response, text: await response.text() };
}

describe('/export/{format}: each file parsed back equals the graph query', () => {
  test('the list of formats', async () => {
    const response = await fetch(`${server.url}/export`);
    const body = (await response.json()) as { formats: { name: string; url: string }[] };
    expect(body.formats.map((f) => f.name).sort()).toEqual([...FORMATS].sort());
  });

  test.each(FORMATS)('%s of the whole graph', async (format) => {
    const graph = await graphOf(GRAPH_ARGS);
    const { response, text } = await download(format);
    expect(response.status).toBe(200);
    const [contentType, fileName] = CONTENT_TYPES[format]!;
    expect(response.headers.get('content-type')).toBe(contentType);
    // Express quotes the file name only when it must: compare it without quotes.
    expect(response.headers.get('content-disposition')?.replace(/"/g, '')).toBe(`attachment; filename=${fileName}`);
    ROUND_TRIP_CHECKS[format]!(text, graph);
  });

  test.each(FORMATS)('%s of a filtered neighbourhood, by GET and by POST', async (format) => {
    const theme = busiest('Theme', THEME_LINKS);
    const variables = {
      filter: { themes: [theme], kinds: ['THEME', 'UNIVERSITY', 'INITIATIVE', 'RESEARCH_INFRASTRUCTURE'] },
      around: { ids: [theme], depth: 2 },
    };
    const graph = await graphOf(GRAPH_ARGS, variables);
    expect(graph.nodes.length).toBeGreaterThan(1);
    const get = await download(
      format,
      `?themes=${encodeURIComponent(theme)}&kinds=theme,university&kinds=initiative,research-infrastructure&around=${encodeURIComponent(theme)}&depth=2`,
    );
    expect(get.response.status).toBe(200);
    ROUND_TRIP_CHECKS[format]!(get.text, graph);
    const post = await download(format, '', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(variables),
    });
    expect(post.response.status).toBe(200);
    ROUND_TRIP_CHECKS[format]!(post.text, graph);
  });

  test('errors are JSON with the code and a message that names the bad input', async () => {
    const cases: [string, RequestInit | undefined, number, string, string][] = [
      ['/export/pdf', undefined, 404, 'NOT_FOUND', 'There is no export format "pdf"'],
      ['/export/gexf?theme=atmp', undefined, 400, 'BAD_USER_INPUT', '"theme" is not a parameter of /export'],
      ['/export/gexf?kinds=university,castle', undefined, 400, 'BAD_USER_INPUT', '"castle" is not one of the kinds'],
      ['/export/gexf?themes=no-such-theme', undefined, 400, 'BAD_USER_INPUT', 'No theme is called "no-such-theme".'],
      ['/export/gexf?depth=2', undefined, 400, 'BAD_USER_INPUT', '"depth" needs "around"'],
      ['/export/gexf?limit=ten', undefined, 400, 'BAD_USER_INPUT', '"limit" must be a whole number'],
      ['/export/gexf?limit=1', undefined, 400, 'BAD_USER_INPUT', 'more than 1 nodes and edges'],
      ['/export/gexf?around=no-such-entity', undefined, 404, 'NOT_FOUND', 'No entity has the id "no-such-entity".'],
      [
        '/export/gexf',
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"filter": ' },
        400,
        'BAD_USER_INPUT',
        'not valid JSON',
      ],
      [
        '/export/gexf',
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"filters": {}}' },
        400,
        'BAD_USER_INPUT',
        'does not fit',
      ],
    ];
    for (const [path, init, status, code, message] of cases) {
      const response = await fetch(`${server.url}${path}`, init);
      const body = (await response.json()) as {
        error: { code: string; message: string };
        errors: { message: string; extensions: { code: string } }[];
      };
      expect([path, response.status, body.error.code]).toEqual([path, status, code]);
      expect(body.error.message).toContain(message);
      // The body every route answers errors with (src/server/clientErrors.ts), beside the older `error`.
      expect(body.errors).toHaveLength(1);
      expect(body.errors[0]).toMatchObject({ message: body.error.message, extensions: { code } });
    }
  });
});
