/**
 * Closed sets are enums and values keep their types (issue 13, defects 5 and 8): initiative,
 * strategy and priority kinds, facet values that the filter takes back, hops that say which way
 * a path walked them, root lists of priorities and stages, and search that does not require stop
 * words.
 */
import { SEED_DIR } from '../../src/bootstrap';
import type { Database } from '../../src/db/Database';
import { toGlobalId } from '../../src/graphql/globalId';
import { loadSeedFiles } from '../../src/seed/loadSeedFiles';
import { postGraphQL, startSeededServer, stopSeededServer, type TestServer } from './harness';

let db: Database;
let server: TestServer;
const seed = loadSeedFiles(SEED_DIR);
const seeded = (label: string) => seed.entities.filter((e) => e.label === label);

beforeAll(async () => {
  ({ db, server } = await startSeededServer());
});
afterAll(() => stopSeededServer(db, server));

test('Initiative.kind, Strategy.kind and Priority.kind are enum values of their enums', async () => {
  const { body } = await postGraphQL(
    server,
    `{ initiatives(first: 100) { nodes { slug kind } } strategies(first: 100) { nodes { slug kind } }
       priorities(first: 100) { totalCount nodes { slug kind } }
       kinds: __schema { types { name kind } } }`,
  );
  expect(body.errors).toBeUndefined();
  const kindOf = (label: string) =>
    Object.fromEntries(
      seeded(label).map((e) => [e.record.id, ((e.record as { kind?: string }).kind ?? 'priority').toUpperCase()]),
    );
  const asMap = (nodes: { slug: string; kind: string }[]) => Object.fromEntries(nodes.map((n) => [n.slug, n.kind]));
  expect(asMap(body.data.initiatives.nodes)).toEqual(kindOf('Initiative'));
  expect(asMap(body.data.strategies.nodes)).toEqual(kindOf('Strategy'));
  expect(body.data.priorities.totalCount).toBe(seeded('Priority').length);
  expect(asMap(body.data.priorities.nodes)).toEqual(
    Object.fromEntries(Object.entries(kindOf('Priority')).slice(0, 100)),
  );
  const enums = body.data.kinds.types.filter((t: { kind: string }) => t.kind === 'ENUM').map((t: any) => t.name);
  expect(enums).toEqual(expect.arrayContaining(['InitiativeKind', 'StrategyKind', 'PriorityKind']));
});

test('initiatives(kinds:) takes InitiativeKind values and refuses the old strings', async () => {
  const projects = seeded('Initiative').filter((e) => (e.record as { kind: string }).kind === 'project');
  const { body } = await postGraphQL(server, '{ initiatives(kinds: [PROJECT], first: 100) { totalCount } }');
  expect(body).toEqual({ data: { initiatives: { totalCount: projects.length } } });
  const old = await postGraphQL(
    server,
    'query ($k: [InitiativeKind!]) { initiatives(kinds: $k, first: 1) { totalCount } }',
    {
      k: ['project'],
    },
  );
  expect(old.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
});

test('the kind facet gives enum values that filter: {kinds: …} takes back', async () => {
  const { body } = await postGraphQL(server, '{ actors(first: 1) { facets { kinds { value label count } } } }');
  expect(body.errors).toBeUndefined();
  const kinds: { value: string; label: string; count: number }[] = body.data.actors.facets.kinds;
  expect(kinds.map((k) => k.value)).toContain('PUBLIC_BODY');
  for (const facet of kinds) {
    const { body: filtered } = await postGraphQL(
      server,
      'query ($k: [ActorKind!]) { actors(first: 1, filter: { kinds: $k }) { totalCount } }',
      { k: [facet.value] },
    );
    expect(filtered).toEqual({ data: { actors: { totalCount: facet.count } } });
  }
});

test('stages lists the company stages; priorities pages like the other lists', async () => {
  const { body } = await postGraphQL(server, '{ stages(first: 10) { totalCount nodes { slug stage } } }');
  expect(body.errors).toBeUndefined();
  expect(body.data.stages.totalCount).toBe(seeded('Stage').length);
  expect(body.data.stages.nodes.map((n: { stage: string }) => n.stage).sort()).toEqual(
    ['ESTABLISHED', 'IDEA', 'PRE_SEED', 'SCALE_UP', 'STARTUP'].filter((s) =>
      seeded('Stage').some((e) => e.record.id.toUpperCase().replace('-', '_') === s),
    ),
  );
  const first = await postGraphQL(
    server,
    '{ priorities(first: 2) { pageInfo { hasNextPage endCursor } nodes { slug } } }',
  );
  const next = await postGraphQL(
    server,
    'query ($after: String) { priorities(first: 2, after: $after) { nodes { slug } } }',
    { after: first.body.data.priorities.pageInfo.endCursor },
  );
  const all = await postGraphQL(server, '{ priorities(first: 4) { nodes { slug } } }');
  expect([...first.body.data.priorities.nodes, ...next.body.data.priorities.nodes]).toEqual(
    all.body.data.priorities.nodes,
  );
});

test('every hop of a path says whether the path walked it forward', async () => {
  const { body } = await postGraphQL(
    server,
    `{ paths(from: "lund-university", to: "eu", maxHops: 4, first: 10) {
         nodes { id } hops { walkedForward from { id } to { id } } } }`,
  );
  expect(body.errors).toBeUndefined();
  const paths: {
    nodes: { id: string }[];
    hops: { walkedForward: boolean; from: { id: string }; to: { id: string } }[];
  }[] = body.data.paths;
  expect(paths.length).toBeGreaterThan(0);
  const walked = new Set<boolean>();
  for (const path of paths) {
    path.hops.forEach((hop, i) => {
      const [start, end] = hop.walkedForward ? [hop.from, hop.to] : [hop.to, hop.from];
      expect([start.id, end.id]).toEqual([path.nodes[i]!.id, path.nodes[i + 1]!.id]);
      walked.add(hop.walkedForward);
    });
  }
  expect(paths[0]!.nodes[0]!.id).toBe(toGlobalId('Actor', 'lund-university'));
  // The paths walk some hops against their stored direction: the field is not always true.
  expect(walked).toEqual(new Set([true, false]));
  // A neighbourhood walks no path.
  const around = await postGraphQL(server, '{ neighbourhood(id: "max-iv", first: 3) { hops { walkedForward } } }');
  expect(new Set(around.body.data.neighbourhood.hops.map((h: { walkedForward: null }) => h.walkedForward))).toEqual(
    new Set([null]),
  );
});

test('search treats stop words as optional: "lund and university" finds Lund University', async () => {
  const query = 'query ($q: String!) { search(query: $q, first: 5) { nodes { slug } } }';
  const { body } = await postGraphQL(server, query, { q: 'lund and university' });
  expect(body.errors).toBeUndefined();
  expect(body.data.search.nodes.map((n: { slug: string }) => n.slug)).toContain('lund-university');
  const plain = await postGraphQL(server, query, { q: 'lund university' });
  expect(plain.body.data.search.nodes.map((n: { slug: string }) => n.slug)).toContain('lund-university');
});

test('validity dates are Date and websites URL; values read as before, and a literal not in the calendar is refused', async () => {
  const withWebsite = seeded('Actor').find((e) => (e.record as { website?: string }).website)!.record as {
    id: string;
    website: string;
  };
  const { body } = await postGraphQL(
    server,
    `{ initiative: __type(name: "Initiative") { fields { name type { name } } }
       edge: __type(name: "RelationshipEdge") { fields { name type { name } } }
       university: __type(name: "University") { fields { name type { name } } }
       actor(id: "${withWebsite.id}") { website } }`,
  );
  expect(body.errors).toBeUndefined();
  const typeOf = (t: { fields: { name: string; type: { name: string } }[] }, field: string) =>
    t.fields.find((f) => f.name === field)!.type.name;
  expect([typeOf(body.data.initiative, 'validFrom'), typeOf(body.data.initiative, 'validTo')]).toEqual([
    'Date',
    'Date',
  ]);
  expect([typeOf(body.data.edge, 'validFrom'), typeOf(body.data.edge, 'validTo')]).toEqual(['Date', 'Date']);
  expect([typeOf(body.data.initiative, 'website'), typeOf(body.data.university, 'website')]).toEqual(['URL', 'URL']);
  expect(body.data.actor.website).toBe(withWebsite.website);
  const dated = seeded('Initiative').filter((e) => (e.record as { validFrom?: string }).validFrom !== undefined);
  const { body: read } = await postGraphQL(server, '{ initiatives(first: 100) { nodes { slug validFrom } } }');
  for (const e of dated)
    expect(read.data.initiatives.nodes.find((n: { slug: string }) => n.slug === e.record.id).validFrom).toBe(
      String((e.record as { validFrom: string }).validFrom),
    );
  const refused = await postGraphQL(
    server,
    'mutation { updateInitiative(input: { id: "x", validFrom: "2021-13-45", sources: [] }) { id } }',
  );
  expect(refused.body.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(refused.body.errors![0]!.message).toMatch(/"2021-13-45" is not a Date/);
});
