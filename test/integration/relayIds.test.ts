/**
 * Ids that name one object of one type, checked with the clients that rely on it: relay-compiler
 * compiles fragments with @connection and @refetchable against the printed schema, and
 * relay-runtime normalises a mixed `graph`/`actors` response from the real server without two
 * typenames for one id (issue 13, defects 1 and 8). Every id-taking field takes a slug as well.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildClientSchema, getIntrospectionQuery, printSchema, type IntrospectionQuery } from 'graphql';
import { Environment, Network, RecordSource, Store, fetchQuery, type ConcreteRequest } from 'relay-runtime';
import type { Database } from '../../src/db/Database';
import { PROJECT_ROOT } from '../../src/config';
import { toGlobalId } from '../../src/graphql/globalId';
import { removeTempDirs, tempDir } from '../tempDirs';
import { postGraphQL, startSeededServer, stopSeededServer, type TestServer } from './harness';

let db: Database;
let server: TestServer;
let relayDir: string;

/** Each module's fragments follow Relay's naming rule: `<Module>_<prop>` and `<Module>Query`. */
const RELAY_SOURCES: Record<string, string> = {
  'ActorList.js': `graphql\`
    fragment ActorList_query on Query
    @refetchable(queryName: "ActorListPaginationQuery")
    @argumentDefinitions(count: { type: "Int", defaultValue: 10 }, cursor: { type: "String" }) {
      actors(first: $count, after: $cursor) @connection(key: "ActorList_actors") {
        totalCount
        edges { node { id name kind website } }
      }
    }
  \`;`,
  'EntityRelationships.js': `graphql\`
    fragment EntityRelationships_entity on Entity
    @refetchable(queryName: "EntityRelationshipsPaginationQuery")
    @argumentDefinitions(count: { type: "Int", defaultValue: 5 }, cursor: { type: "String" }) {
      id
      name
      relationships(first: $count, after: $cursor) @connection(key: "EntityRelationships_relationships") {
        edges { type direction node { id name } }
      }
    }
  \`;`,
  'Mixed.js': `graphql\`
    query MixedQuery {
      graph(filter: { kinds: [UNIVERSITY, INCUBATOR] }, around: { ids: ["lund-university"], depth: 1 }) {
        nodes { entityId label kind entity { id name ...EntityRelationships_entity } }
        edges { id source target type }
      }
      listed: actors(first: 50, filter: { kinds: [UNIVERSITY, INCUBATOR] }) {
        edges { node { id name kind } }
      }
      lund: entity(ref: "lund-university") { id name }
      ...ActorList_query
    }
  \`;`,
};

beforeAll(async () => {
  ({ db, server } = await startSeededServer());
  // The printed schema of the API as it serves it (introspected over HTTP).
  const { body } = await postGraphQL<IntrospectionQuery>(server, getIntrospectionQuery());
  relayDir = tempDir('relay');
  fs.mkdirSync(path.join(relayDir, 'src'));
  fs.writeFileSync(path.join(relayDir, 'schema.graphql'), printSchema(buildClientSchema(body.data!)));
  fs.writeFileSync(
    path.join(relayDir, 'relay.config.json'),
    JSON.stringify({ src: './src', schema: './schema.graphql', language: 'javascript', eagerEsModules: false }),
  );
  for (const [file, text] of Object.entries(RELAY_SOURCES)) fs.writeFileSync(path.join(relayDir, 'src', file), text);
});
afterAll(async () => {
  await stopSeededServer(db, server);
  removeTempDirs();
});

function compileRelay(): { status: number; output: string } {
  try {
    const output = execFileSync(path.join(PROJECT_ROOT, 'node_modules/.bin/relay-compiler'), [], {
      cwd: relayDir,
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return { status: 0, output };
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string };
    return { status: failed.status, output: `${failed.stdout}${failed.stderr}` };
  }
}

test('relay-compiler compiles fragments with @connection and @refetchable against the printed schema', () => {
  const { status, output } = compileRelay();
  expect({ status, output: status === 0 ? '' : output }).toEqual({ status: 0, output: '' });
  const generated = fs.readdirSync(path.join(relayDir, 'src', '__generated__')).sort();
  expect(generated).toEqual([
    'ActorListPaginationQuery.graphql.js',
    'ActorList_query.graphql.js',
    'EntityRelationshipsPaginationQuery.graphql.js',
    'EntityRelationships_entity.graphql.js',
    'MixedQuery.graphql.js',
  ]);
});

test('relay-runtime normalises a mixed graph/actors response with no id of two types', async () => {
  if (!fs.existsSync(path.join(relayDir, 'src', '__generated__'))) compileRelay();
  // The artifact is CommonJS that relay-compiler wrote; it is loaded as data, not as test code.
  const request = (await import(path.join(relayDir, 'src', '__generated__', 'MixedQuery.graphql.js')))
    .default as ConcreteRequest;
  const environment = new Environment({
    network: Network.create(async (params, variables) => {
      const response = await postGraphQL(server, params.text!, variables);
      return response.body as never;
    }),
    store: new Store(new RecordSource()),
  });
  // relay-runtime reports an id with two typenames through fbjs's warning, i.e. console.error.
  const warnings: string[] = [];
  const spy = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    warnings.push(args.map(String).join(' '));
  });
  let data: any;
  try {
    data = await fetchQuery(environment, request, {}).toPromise();
  } finally {
    spy.mockRestore();
  }
  expect(warnings).toEqual([]);

  // The response did mix the two views of the same entities: the check above was not vacuous.
  const drawn = data.graph.nodes.map((n: { entity: { id: string } }) => n.entity.id);
  const listed = data.listed.edges.map((e: { node: { id: string } }) => e.node.id);
  const lund = toGlobalId('Actor', 'lund-university');
  expect(drawn).toContain(lund);
  expect(listed).toContain(lund);
  expect(data.graph.nodes.map((n: { entityId: string }) => n.entityId)).toEqual(drawn);
  const record = environment.getStore().getSource().get(lund);
  expect(record?.__typename).toBe('University');
});

test('no object type other than the entities, sources and edges has an id that repeats an entity id', async () => {
  const { body } = await postGraphQL(
    server,
    `{ graph(around: { ids: ["lund-university"], depth: 0 }) { nodes { entityId entity { id } } edges { id source target } } }`,
  );
  expect(body.errors).toBeUndefined();
  expect(body.data.graph.nodes).toEqual([
    { entityId: toGlobalId('Actor', 'lund-university'), entity: { id: toGlobalId('Actor', 'lund-university') } },
  ]);
  // GraphNode stands for its entity: it has no `id` a cache would key it by.
  const { body: typeBody } = await postGraphQL(server, '{ __type(name: "GraphNode") { fields { name } } }');
  expect(typeBody.data.__type.fields.map((f: { name: string }) => f.name)).not.toContain('id');
});

const LUND = toGlobalId('Actor', 'lund-university');
const MAX_IV = toGlobalId('Actor', 'max-iv');

test.each([
  ['actor(id:)', '{ x: actor(id: $ref) { id } }', { id: LUND }],
  ['node(id:)', '{ x: node(id: $ref) { id } }', { id: LUND }],
  ['nodes(ids:)', '{ x: nodes(ids: [$ref]) { id } }', [{ id: LUND }]],
  ['entity(ref:)', '{ x: entity(ref: $ref) { id } }', { id: LUND }],
  [
    'neighbourhood(id:)',
    '{ x: neighbourhood(id: $ref, depth: 1, first: 1) { centre { id } } }',
    { centre: { id: LUND } },
  ],
  [
    'graph(around:)',
    '{ x: graph(around: { ids: [$ref], depth: 0 }) { nodes { entityId } } }',
    { nodes: [{ entityId: LUND }] },
  ],
])('%s takes the slug and the global id alike', async (_name, selection, expected) => {
  const query = `query ($ref: ID!) ${selection}`;
  for (const ref of ['lund-university', LUND]) {
    const { body } = await postGraphQL(server, query, { ref });
    expect(body).toEqual({ data: { x: expected } });
  }
});

test('paths and fact take the slug and the global id alike', async () => {
  const pathsQuery = 'query ($a: ID!, $b: ID!) { paths(from: $a, to: $b, maxHops: 3, first: 1) { nodes { id } } }';
  const bySlug = await postGraphQL(server, pathsQuery, { a: 'lund-university', b: 'max-iv' });
  const byId = await postGraphQL(server, pathsQuery, { a: LUND, b: MAX_IV });
  expect(bySlug.body.errors).toBeUndefined();
  expect(bySlug.body.data.paths[0].nodes[0].id).toBe(LUND);
  expect(byId.body).toEqual(bySlug.body);
  const factQuery =
    'query ($a: ID!, $b: ID!) { fact(subject: $a, type: OPERATES, object: $b) { answer subject { id } } }';
  const factBySlug = await postGraphQL(server, factQuery, { a: 'lund-university', b: 'max-iv' });
  expect(factBySlug.body.errors).toBeUndefined();
  expect(factBySlug.body.data.fact.subject.id).toBe(LUND);
  expect((await postGraphQL(server, factQuery, { a: LUND, b: MAX_IV })).body).toEqual(factBySlug.body);
});

test('a name where an id belongs is BAD_USER_INPUT that points to search', async () => {
  for (const query of [
    '{ entity(ref: "Lund University") { id } }',
    '{ actor(id: "Lund University") { id } }',
    '{ node(id: "Lund University") { id } }',
  ]) {
    const { body } = await postGraphQL(server, query);
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(body.errors![0]!.message).toBe(
      '"Lund University" is neither a global id nor a slug (such as "lund-university"); to find an entity by its name, use search(query: ...).',
    );
  }
});

test('a slug of another type is NOT_FOUND for actor(id:), as a global id of another type is BAD_USER_INPUT', async () => {
  const bySlug = await postGraphQL(server, '{ actor(id: "skane") { id } }');
  expect(bySlug.body.errors![0]!.extensions!.code).toBe('NOT_FOUND');
  expect(bySlug.body.errors![0]!.message).toBe('No actor has the id "skane".');
  const byId = await postGraphQL(server, `{ actor(id: "${toGlobalId('Region', 'skane')}") { id } }`);
  expect(byId.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
});
