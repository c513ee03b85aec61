import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
} from 'graphql';
import { loadTypeDefs } from '../../src/server/loadTypeDefs';
import { toGlobalId } from '../../src/graphql/globalId';
import { encodeCursor } from '../../src/graphql/pagination';
import { SeededRandom } from '../../bench/random';

/**
 * A deterministic corpus of hostile and malformed HTTP requests for test/integration/hostile.test.ts:
 * every request is generated from the tables below (root fields × arguments × hostile values, and
 * hand-written cases per category), so the same corpus comes out on every run, and a failure names
 * the request by its `name`.
 */
export interface HostileRequest {
  /** Unique, and says what was sent: "injection/variable actors.filter.themes ← drop-all". */
  name: string;
  category: HostileCategory;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS' | 'HEAD';
  /** Path and query string, e.g. "/graphql" or "/export/gexf?themes=atmp". */
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** Statuses that are right for this request besides the default set (a URL longer than Node accepts: 431). */
  extraStatuses?: number[];
  /**
   * The request exceeds what the API may execute (depth, aliases, tokens or estimated cost far past
   * any limit): it must be refused with an error before it runs, not answered with data.
   */
  refuse?: boolean;
}

export type HostileCategory =
  | 'syntax'
  | 'depth-bomb'
  | 'alias-bomb'
  | 'cost-bomb'
  | 'huge-value'
  | 'wrong-variable-type'
  | 'injection'
  | 'invalid-id-or-cursor'
  | 'first-out-of-range'
  | 'oversized-body'
  | 'content-type'
  | 'http-shape'
  | 'operation-name'
  | 'introspection-bomb'
  | 'export'
  | 'mutation'
  | 'auth-header'
  | 'path';

const JSON_HEADERS = { 'content-type': 'application/json' };

/**
 * Strings that must reach the database only as parameters, if at all: Cypher and SQL injection,
 * control characters, parameter and identifier syntax, Lucene syntax (search), unicode tricks.
 */
export const HOSTILE_STRINGS: Record<string, string> = {
  'drop-all': '"}) MATCH (n) DETACH DELETE n //',
  'drop-all-single-quote': "'}) MATCH (n) DETACH DELETE n //",
  'or-1-1': "' OR 1=1 --",
  'or-1-1-double': '" OR 1=1 --',
  'set-property': "lund-university'}) WITH 1 AS x MATCH (n) SET n.hacked = true RETURN x //",
  'call-procedure': "') CALL db.labels() YIELD label RETURN label //",
  'union-return': "x' UNION MATCH (n) RETURN n //",
  nul: '\u0000',
  'nul-inside': 'atmp\u0000MATCH (n) DETACH DELETE n',
  param: '$param',
  'param-id': '$id',
  backtick: '`',
  'backtick-label': '`) DETACH DELETE n //',
  backslash: '\\',
  'rtl-override': '\u202Eytefas\u202C lund-university',
  'fullwidth-cypher': 'ＭＡＴＣＨ (n) ＤＥＴＡＣＨ ＤＥＬＥＴＥ n',
  'bom-zwj': '\uFEFFatmp\u200D\u200B',
  'lone-surrogate': 'a\uD800b',
  'emoji-zalgo': '🧬🧪'.repeat(20) + 'Z̸̡̢͓a̵̛͓l̶̰͝g̷̣̈́o̸̞͑',
  'lucene-syntax': '*:* OR name:* AND (( [a TO z] ~2 "unterminated /re/',
  'lucene-words': 'AND OR NOT TO',
  'jndi-html': '${jndi:ldap://x/a}<script>alert(1)</script>',
  'path-traversal': '../../../../etc/passwd',
  empty: '',
  whitespace: ' \t\n\r ',
  'percent-encoded': '%27%20OR%201%3D1%20--%00',
  prototype: '__proto__',
  'long-10k': "'}) MATCH (n) DETACH DELETE n //".repeat(320),
};

/** Global ids and cursors that are well formed but carry a hostile key. */
const HOSTILE_KEY = '"}) MATCH (n) DETACH DELETE n //';

interface StringSlot {
  /** root field and argument, as named in the schema: "actors.filter.themes". */
  slot: string;
  /** The variable's type in the operation. */
  type: string;
  /** The operation, reading the hostile value from $v. */
  query: string;
}

/** Every String/ID argument of every root field (and of a nested relationship connection). */
const FORWARD_STRING_SLOTS: StringSlot[] = [
  { slot: 'actor.id', type: 'ID!', query: 'query ($v: ID!) { actor(id: $v) { id name } }' },
  {
    slot: 'actors.filter.themes',
    type: 'String!',
    query: 'query ($v: String!) { actors(first: 5, filter: { themes: [$v] }) { totalCount nodes { name } } }',
  },
  {
    slot: 'actors.filter.regions',
    type: 'String!',
    query:
      'query ($v: String!) { actors(first: 5, filter: { regions: [$v] }) { totalCount facets { kinds { value count } } } }',
  },
  {
    slot: 'actors.after',
    type: 'String',
    query: 'query ($v: String) { actors(first: 5, after: $v) { nodes { name } pageInfo { endCursor } } }',
  },
  { slot: 'node.id', type: 'ID!', query: 'query ($v: ID!) { node(id: $v) { id } }' },
  { slot: 'nodes.ids', type: 'ID!', query: 'query ($v: ID!) { nodes(ids: [$v, $v]) { id } }' },
  { slot: 'entity.ref', type: 'ID!', query: 'query ($v: ID!) { entity(ref: $v) { id name } }' },
  {
    slot: 'entity.relationships.after',
    type: 'String',
    query:
      'query ($v: String) { entity(ref: "lund-university") { relationships(first: 3, after: $v) { totalCount edges { type } } } }',
  },
  {
    slot: 'search.query',
    type: 'String!',
    query: 'query ($v: String!) { search(query: $v, first: 5) { totalCount edges { score node { name } } } }',
  },
  {
    slot: 'search.after',
    type: 'String',
    query: 'query ($v: String) { search(query: "lund", first: 5, after: $v) { edges { node { name } } } }',
  },
  {
    slot: 'supporters.theme',
    type: 'String!',
    query: 'query ($v: String!) { supporters(theme: $v, first: 5) { totalCount nodes { name } } }',
  },
  {
    slot: 'supporters.after',
    type: 'String',
    query: 'query ($v: String) { supporters(theme: "ATMP", first: 5, after: $v) { nodes { name } } }',
  },
  {
    slot: 'neighbourhood.id',
    type: 'ID!',
    query: 'query ($v: ID!) { neighbourhood(id: $v) { truncated nodes { distance } } }',
  },
  { slot: 'paths.from', type: 'ID!', query: 'query ($v: ID!) { paths(from: $v, to: "region-skane") { length } }' },
  { slot: 'paths.to', type: 'ID!', query: 'query ($v: ID!) { paths(from: "medicon-village", to: $v) { length } }' },
  {
    slot: 'fact.subject',
    type: 'ID!',
    query: 'query ($v: ID!) { fact(subject: $v, type: MEMBER_OF, object: "icpermed") { answer } }',
  },
  {
    slot: 'fact.object',
    type: 'ID!',
    query: 'query ($v: ID!) { fact(subject: "sydsverige", type: MEMBER_OF, object: $v) { answer } }',
  },
  {
    slot: 'graph.filter.themes',
    type: 'String!',
    query: 'query ($v: String!) { graph(filter: { themes: [$v] }) { nodes { entityId } } }',
  },
  {
    slot: 'graph.filter.regions',
    type: 'String!',
    query: 'query ($v: String!) { graph(filter: { regions: [$v] }, limit: 20000) { edges { id } } }',
  },
  {
    slot: 'rankings.filter.themes',
    type: 'String!',
    query: 'query ($v: String!) { rankings(metric: BETWEENNESS, filter: { themes: [$v] }) { rank node { entityId } } }',
  },
  {
    slot: 'rankings.filter.regions',
    type: 'String!',
    query: 'query ($v: String!) { rankings(metric: DEGREE, filter: { regions: [$v] }) { value } }',
  },
  {
    slot: 'graph.around.ids',
    type: 'ID!',
    query: 'query ($v: ID!) { graph(around: { ids: [$v], depth: 1 }) { nodes { entityId } } }',
  },
  {
    slot: 'initiatives.fundedBy',
    type: 'String!',
    query: 'query ($v: String!) { initiatives(fundedBy: [$v], first: 5) { totalCount nodes { name } } }',
  },
  {
    slot: 'initiatives.after',
    type: 'String',
    query: 'query ($v: String) { initiatives(first: 5, after: $v) { nodes { name } } }',
  },
  {
    slot: 'strategies.after',
    type: 'String',
    query: 'query ($v: String) { strategies(first: 5, after: $v) { nodes { name } } }',
  },
  {
    slot: 'priorities.after',
    type: 'String',
    query: 'query ($v: String) { priorities(first: 5, after: $v) { nodes { name } } }',
  },
  {
    slot: 'stages.after',
    type: 'String',
    query: 'query ($v: String) { stages(first: 5, after: $v) { nodes { name } } }',
  },
  {
    slot: 'themes.after',
    type: 'String',
    query: 'query ($v: String) { themes(first: 5, after: $v) { nodes { name } } }',
  },
  {
    slot: 'regions.after',
    type: 'String',
    query: 'query ($v: String) { regions(first: 5, after: $v) { nodes { name } } }',
  },
  {
    slot: 'sources.after',
    type: 'String',
    query: 'query ($v: String) { sources(first: 5, after: $v) { nodes { title } } }',
  },
  // The audit trail needs a curator's token: without one it is refused whatever the arguments.
  {
    slot: 'auditTrail.after',
    type: 'String',
    query: 'query ($v: String) { auditTrail(first: 5, after: $v) { totalCount } }',
  },
  {
    slot: 'auditTrail.targetId',
    type: 'ID',
    query: 'query ($v: ID) { auditTrail(first: 5, targetId: $v) { totalCount } }',
  },
];

/** Every string slot, with a `before` slot (paging backward with `last`) beside each `after` slot. */
export const STRING_SLOTS: StringSlot[] = FORWARD_STRING_SLOTS.flatMap((s) =>
  s.slot.endsWith('.after')
    ? [
        s,
        {
          ...s,
          slot: s.slot.replace(/after$/, 'before'),
          query: s.query.replace(/first: (\d+), after: \$v/, 'last: $1, before: $v'),
        },
      ]
    : [s],
);

/** The `after` and `before` slots and the list each belongs to (cursors are tagged with it). */
const CURSOR_SLOTS = STRING_SLOTS.filter((s) => /\.(after|before)$/.test(s.slot) && !s.slot.startsWith('auditTrail'));
const CURSOR_LISTS = [
  'actors',
  'relationships',
  'search',
  'supporters',
  'initiatives',
  'strategy',
  'theme',
  'region',
  'sources',
];

/** Every Int argument: `first` and the other ranges (depth, maxHops, limit). */
const INT_SLOTS: StringSlot[] = [
  { slot: 'actors.first', type: 'Int!', query: 'query ($v: Int!) { actors(first: $v) { nodes { name } } }' },
  { slot: 'initiatives.first', type: 'Int!', query: 'query ($v: Int!) { initiatives(first: $v) { nodes { name } } }' },
  { slot: 'strategies.first', type: 'Int!', query: 'query ($v: Int!) { strategies(first: $v) { nodes { name } } }' },
  { slot: 'themes.first', type: 'Int!', query: 'query ($v: Int!) { themes(first: $v) { nodes { name } } }' },
  { slot: 'regions.first', type: 'Int!', query: 'query ($v: Int!) { regions(first: $v) { nodes { name } } }' },
  { slot: 'sources.first', type: 'Int!', query: 'query ($v: Int!) { sources(first: $v) { nodes { title } } }' },
  {
    slot: 'search.first',
    type: 'Int!',
    query: 'query ($v: Int!) { search(query: "lund", first: $v) { nodes { name } } }',
  },
  {
    slot: 'supporters.first',
    type: 'Int!',
    query: 'query ($v: Int!) { supporters(theme: "ATMP", first: $v) { nodes { name } } }',
  },
  {
    slot: 'relationships.first',
    type: 'Int!',
    query: 'query ($v: Int!) { entity(ref: "lund-university") { relationships(first: $v) { totalCount } } }',
  },
  {
    slot: 'neighbourhood.first',
    type: 'Int',
    query: 'query ($v: Int) { neighbourhood(id: "max-iv", first: $v) { truncated } }',
  },
  {
    slot: 'neighbourhood.depth',
    type: 'Int',
    query: 'query ($v: Int) { neighbourhood(id: "max-iv", depth: $v, first: 5) { truncated } }',
  },
  {
    slot: 'paths.first',
    type: 'Int',
    query: 'query ($v: Int) { paths(from: "medicon-village", to: "region-skane", first: $v) { length } }',
  },
  {
    slot: 'paths.maxHops',
    type: 'Int',
    query: 'query ($v: Int) { paths(from: "medicon-village", to: "region-skane", maxHops: $v, first: 1) { length } }',
  },
  {
    slot: 'graph.limit',
    type: 'Int',
    query: 'query ($v: Int) { graph(filter: { themes: ["atmp"] }, limit: $v) { nodes { entityId } } }',
  },
  {
    slot: 'graph.around.depth',
    type: 'Int',
    query: 'query ($v: Int) { graph(around: { ids: ["max-iv"], depth: $v }) { nodes { entityId } } }',
  },
];

/** Out-of-range and non-integer values for Int arguments (sent as JSON variables). */
const BAD_INTS: Record<string, unknown> = {
  zero: 0,
  minus1: -1,
  '101': 101,
  '501': 501,
  '20001': 20001,
  '2^31-1': 2 ** 31 - 1,
  '2^31': 2 ** 31,
  '-2^31': -(2 ** 31),
  '1e100': 1e100,
  '1.5': 1.5,
  'string-5': '5',
  true: true,
  object: { first: 5 },
};

/** Out-of-range `first` written into the document (not a variable): validation or resolver errors. */
const BAD_INT_LITERALS = [
  '0',
  '-1',
  '101',
  '2147483647',
  '2147483648',
  '-2147483649',
  '1e100',
  '1.5',
  '"5"',
  'null',
  'true',
  '[5]',
];

function graphqlRequest(
  name: string,
  category: HostileCategory,
  payload: unknown,
  extra: Partial<HostileRequest> = {},
): HostileRequest {
  return {
    name,
    category,
    method: 'POST',
    path: '/graphql',
    headers: { ...JSON_HEADERS },
    body: JSON.stringify(payload),
    ...extra,
  };
}

/** Values for a mutation's arguments, from their types: hostile strings where a string goes. */
function valueFor(type: GraphQLInputType, depth = 0): unknown {
  if (isNonNullType(type)) return valueFor(type.ofType, depth);
  if (isListType(type)) return [valueFor(type.ofType, depth)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    if (depth > 4) return {};
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((field) => isNonNullType(field.type))
        .map((field) => [field.name, valueFor(field.type, depth + 1)]),
    );
  }
  if (isScalarType(type)) {
    if (type.name === 'Int') return 1;
    if (type.name === 'Float') return 1.5;
    if (type.name === 'Boolean') return true;
    return HOSTILE_STRINGS['drop-all'];
  }
  return null;
}

/**
 * Every field of the schema's Mutation type (if the schema has one), sent without a token, with a
 * bad token and as a GET: each must be refused (UNAUTHENTICATED or FORBIDDEN, or a 405 for the GET),
 * and the graph must be unchanged afterwards.
 */
function mutationCases(): HostileRequest[] {
  const schema = buildSchema(loadTypeDefs().join('\n'));
  const mutation = schema.getMutationType();
  if (!mutation) {
    return [
      graphqlRequest('mutation/none in schema: mutation { __typename }', 'mutation', {
        query: 'mutation { __typename }',
      }),
      {
        name: 'mutation/none in schema: GET mutation',
        category: 'mutation',
        method: 'GET',
        path: `/graphql?query=${encodeURIComponent('mutation { __typename }')}`,
        headers: { 'apollo-require-preflight': 'true' },
      },
    ];
  }
  const cases: HostileRequest[] = [];
  for (const field of Object.values(mutation.getFields())) {
    const declarations = field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
    const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
    const returnsObject = !isScalarType(getNamedType(field.type)) && !isEnumType(getNamedType(field.type));
    const selection = returnsObject ? ' { __typename }' : '';
    const query = `mutation Hostile${declarations ? `(${declarations})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
    const variables = Object.fromEntries(field.args.map((arg) => [arg.name, valueFor(arg.type)]));
    cases.push(graphqlRequest(`mutation/${field.name} without a token`, 'mutation', { query, variables }));
    cases.push(
      graphqlRequest(
        `mutation/${field.name} with a wrong bearer token`,
        'mutation',
        { query, variables },
        {
          headers: { ...JSON_HEADERS, authorization: "Bearer ' OR 1=1 --wrong-token-0123456789" },
        },
      ),
    );
    cases.push(
      graphqlRequest(
        `mutation/${field.name} with a Basic authorization`,
        'mutation',
        { query, variables },
        {
          headers: { ...JSON_HEADERS, authorization: 'Basic YWRtaW46YWRtaW4=' },
        },
      ),
    );
    cases.push({
      name: `mutation/${field.name} as GET`,
      category: 'mutation',
      method: 'GET',
      path: `/graphql?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(JSON.stringify(variables))}`,
      headers: { 'apollo-require-preflight': 'true' },
    });
    cases.push(
      graphqlRequest(`mutation/${field.name} hidden behind operationName of a query`, 'mutation', {
        query: `query Read { __typename } ${query}`,
        operationName: 'Hostile',
        variables,
      }),
    );
  }
  return cases;
}

/** The whole corpus, in a fixed order. */
export function hostileCorpus(): HostileRequest[] {
  const cases: HostileRequest[] = [];
  const add = (request: HostileRequest) => cases.push(request);
  const random = new SeededRandom(7); // the same "random" ids and cursors on every run

  // --- GraphQL syntax errors -------------------------------------------------------------
  const syntax: Record<string, string> = {
    'lone brace': '{',
    'lone closing brace': '}',
    'unclosed selection': '{ actors(first: 5) { nodes { name }',
    'empty argument': '{ actors(first: ) { totalCount } }',
    'unterminated string': '{ search(query: "lund, first: 5) { totalCount } }',
    'missing parenthesis': '{ actors(first: 5 { totalCount } }',
    'query keyword only': 'query',
    'comment only': '# nothing here',
    blank: '   \n\t  ',
    'bad escape': '{ search(query: "\\x41", first: 5) { totalCount } }',
    'lone surrogate escape': '{ search(query: "\\ud800", first: 5) { totalCount } }',
    'nul character': '{ actors(first: 5) { \u0000 totalCount } }',
    'unknown field': '{ actorz(first: 5) { totalCount } }',
    'unknown argument': '{ actors(first: 5, limit: 9) { totalCount } }',
    'missing required argument': '{ search(first: 5) { totalCount } }',
    'scalar with selection': '{ actors(first: 5) { totalCount { value } } }',
    'object without selection': '{ actors(first: 5) }',
    'undefined fragment': '{ ...Missing }',
    'unused fragment': 'fragment F on Query { __typename } { __typename }',
    'fragment only': 'fragment F on Query { __typename }',
    'fragment cycle': '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }',
    'fragment on unknown type': '{ ... on Nope { x } }',
    subscription: 'subscription { actors(first: 1) { totalCount } }',
    'duplicate operation names': 'query Q { __typename } query Q { __typename }',
    'anonymous plus named': '{ __typename } query Q { __typename }',
    'unknown directive': '{ __typename @hack }',
    'directive without argument': '{ __typename @skip }',
    'undeclared variable': '{ actors(first: $n) { totalCount } }',
    'variable of unknown type': 'query ($n: Hack) { __typename }',
    'schema definition': 'schema { query: Query }',
    'type definition': 'type Hack { x: Int } { __typename }',
    'binary noise': '\u0001\u0002\u0003\u00ff\ufffd',
    'json instead of graphql': '{"query": "{ __typename }"}',
    'cypher instead of graphql': 'MATCH (n) DETACH DELETE n',
    'sql instead of graphql': "SELECT * FROM actors WHERE name = '' OR 1=1 --",
    'unbalanced 1000 braces': '{'.repeat(1000),
    'unbalanced 1000 closing': '}'.repeat(1000),
    'deep list literal': `{ nodes(ids: ${'['.repeat(3000)}"x"${']'.repeat(3000)}) { id } }`,
    'deep object literal': `{ actors(first: 1, filter: ${'{ kinds: '.repeat(2000)}UNIVERSITY${' }'.repeat(2000)}) { totalCount } }`,
    'wrong enum literal': '{ actors(first: 5, orderBy: NAME_SIDEWAYS) { totalCount } }',
    'string for enum': '{ actors(first: 5, orderBy: "NAME_ASC") { totalCount } }',
    'enum for string': '{ search(query: LUND, first: 5) { totalCount } }',
    'interface field not on all types': '{ actors(first: 1) { nodes { stage } } }',
  };
  for (const [name, query] of Object.entries(syntax)) add(graphqlRequest(`syntax/${name}`, 'syntax', { query }));

  // --- Depth bombs ------------------------------------------------------------------------
  // Each level opens "relationships(first: 1) { nodes {" and closes both braces.
  for (const depth of [8, 13, 20, 50, 200, 1000, 2500]) {
    const query = `{ entity(ref: "lund-university") { ${'relationships(first: 1) { nodes { '.repeat(depth)}id${' } }'.repeat(depth)} } }`;
    add(graphqlRequest(`depth-bomb/relationships nested ${depth} deep`, 'depth-bomb', { query }));
  }
  for (const depth of [10, 30, 100]) {
    const text = `{ actors(first: 2) { edges { node { ${'relationships(first: 2) { edges { node { '.repeat(depth)}name${' } } }'.repeat(depth)} } } } }`;
    add(graphqlRequest(`depth-bomb/edges node nested ${depth} deep`, 'depth-bomb', { query: text }));
  }
  for (const depth of [20, 100, 1000]) {
    const fragments = Array.from({ length: depth }, (_, i) =>
      i === depth - 1
        ? `fragment F${i} on Entity { id }`
        : `fragment F${i} on Entity { relationships(first: 1) { nodes { ...F${i + 1} } } }`,
    ).join(' ');
    add(
      graphqlRequest(`depth-bomb/fragment chain ${depth} deep`, 'depth-bomb', {
        query: `{ entity(ref: "max-iv") { ...F0 } } ${fragments}`,
      }),
    );
  }
  add(
    graphqlRequest('depth-bomb/evidence hops nested through supporters', 'depth-bomb', {
      query: `{ supporters(theme: "ATMP", first: 100) { edges { evidence { hops { from { ${'relationships(first: 100) { nodes { '.repeat(6)}id${' } }'.repeat(6)} } } } } } }`,
    }),
  );
  add(
    graphqlRequest('depth-bomb/selection nesting of 5000 without fields (parser recursion)', 'depth-bomb', {
      query: `{ ${'a { '.repeat(5000)}b${' }'.repeat(5000)} }`,
    }),
  );

  // --- Alias bombs ------------------------------------------------------------------------
  for (const count of [31, 100, 500, 1000]) {
    const aliases = Array.from(
      { length: count },
      (_, i) => `a${i}: actors(first: 100) { totalCount nodes { name } }`,
    ).join(' ');
    add(graphqlRequest(`alias-bomb/${count} aliases of actors(first: 100)`, 'alias-bomb', { query: `{ ${aliases} }` }));
  }
  for (const count of [200, 1000]) {
    const aliases = Array.from(
      { length: count },
      (_, i) => `n${i}: neighbourhood(id: "max-iv", depth: 3, first: 500) { truncated }`,
    ).join(' ');
    add(
      graphqlRequest(`alias-bomb/${count} aliases of neighbourhood(depth: 3)`, 'alias-bomb', {
        query: `{ ${aliases} }`,
      }),
    );
  }
  for (const count of [100, 1000]) {
    const aliases = Array.from(
      { length: count },
      (_, i) => `g${i}: graph(limit: 20000) { nodes { id } edges { id } }`,
    ).join(' ');
    add(graphqlRequest(`alias-bomb/${count} aliases of the whole graph`, 'alias-bomb', { query: `{ ${aliases} }` }));
  }
  add(
    graphqlRequest('alias-bomb/5000 aliases of __typename', 'alias-bomb', {
      query: `{ ${Array.from({ length: 5000 }, (_, i) => `t${i}: __typename`).join(' ')} }`,
    }),
  );
  add(
    graphqlRequest('alias-bomb/300 aliased relationships on each of 100 actors', 'alias-bomb', {
      query: `{ actors(first: 100) { nodes { ${Array.from({ length: 300 }, (_, i) => `r${i}: relationships(first: 100, direction: ${['BOTH', 'OUTGOING', 'INCOMING'][i % 3]}) { totalCount }`).join(' ')} } } }`,
    }),
  );
  add(
    graphqlRequest('alias-bomb/3000 repeated fields (overlapping-fields validation)', 'alias-bomb', {
      query: `{ actors(first: 5) { nodes { ${'name '.repeat(3000)} } } }`,
    }),
  );
  add(
    graphqlRequest('alias-bomb/1000 repeated fields with differing arguments', 'alias-bomb', {
      query: `{ entity(ref: "max-iv") { ${Array.from({ length: 1000 }, (_, i) => `relationships(first: ${(i % 100) + 1}) { totalCount }`).join(' ')} } }`,
    }),
  );
  add(
    graphqlRequest('alias-bomb/1000 @skip(if: false) directives on one field', 'alias-bomb', {
      query: `{ __typename ${'@skip(if: false) '.repeat(1000)}}`,
    }),
  );
  add(
    graphqlRequest('alias-bomb/1000 @include directives on distinct fields', 'alias-bomb', {
      query: `{ ${Array.from({ length: 1000 }, (_, i) => `x${i}: __typename @include(if: true)`).join(' ')} }`,
    }),
  );

  // --- Cost bombs ---------------------------------------------------------------------------
  const relationships = (levels: number, first: number, leaf = 'id') =>
    `${'relationships(first: FIRST) { nodes { '.repeat(levels).replace(/FIRST/g, String(first))}${leaf}${' } }'.repeat(levels)}`;
  for (const levels of [2, 3, 4, 6]) {
    add(
      graphqlRequest(`cost-bomb/actors(first: 100) × ${levels} levels of relationships(first: 100)`, 'cost-bomb', {
        query: `{ actors(first: 100) { nodes { ${relationships(levels, 100)} } } }`,
      }),
    );
  }
  add(
    graphqlRequest('cost-bomb/search(first: 100) × 3 levels of relationships(first: 100) with sources', 'cost-bomb', {
      query: `{ search(query: "a", first: 100) { nodes { ${relationships(3, 100, 'id sources { quote source { title } }')} } } }`,
    }),
  );
  add(
    graphqlRequest('cost-bomb/supporters(first: 100) with evidence nodes × 3 levels of relationships', 'cost-bomb', {
      query: `{ supporters(theme: "ATMP", first: 100) { edges { evidence { nodes { ${relationships(3, 100)} } } } } }`,
    }),
  );
  add(
    graphqlRequest(
      "cost-bomb/graph(limit: 20000) with every node's entity relationships(first: 100) × 2",
      'cost-bomb',
      {
        query: `{ graph(limit: 20000) { nodes { entity { ${relationships(2, 100)} } } } }`,
      },
    ),
  );
  add(
    graphqlRequest(
      'cost-bomb/neighbourhood(depth: 3, first: 500) × hops × relationships(first: 100) × 2',
      'cost-bomb',
      {
        query: `{ neighbourhood(id: "region-skane", depth: 3, first: 500) { nodes { node { ${relationships(2, 100)} } } } }`,
      },
    ),
  );
  add(
    graphqlRequest('cost-bomb/paths(maxHops: 6, first: 100) among well-connected entities', 'cost-bomb', {
      query: '{ paths(from: "region-skane", to: "eu", maxHops: 6, first: 100) { length hops { sources { quote } } } }',
    }),
  );
  add(
    graphqlRequest('cost-bomb/fragments spread 10 times each over 100 actors', 'cost-bomb', {
      query: `{ actors(first: 100) { nodes { ...R ...R ...R ...R ...R ...R ...R ...R ...R ...R } } } fragment R on Actor { ${relationships(3, 100)} }`,
    }),
  );

  // --- Injection: every String/ID argument × every hostile string, as variables -------------
  for (const slot of STRING_SLOTS) {
    for (const [valueName, value] of Object.entries(HOSTILE_STRINGS)) {
      add(
        graphqlRequest(`injection/variable ${slot.slot} ← ${valueName}`, 'injection', {
          query: slot.query,
          variables: { v: value },
        }),
      );
    }
  }
  // ... and written into the document as string literals (JSON escapes are GraphQL escapes).
  const literalValues = ['drop-all', 'or-1-1', 'nul-inside', 'backtick-label', 'lone-surrogate'];
  for (const slot of STRING_SLOTS) {
    for (const valueName of literalValues) {
      const literal = JSON.stringify(HOSTILE_STRINGS[valueName]!);
      const query = slot.query.replace(/^query \(\$v: [\w!]+\) /, '').replace(/\$v/g, literal);
      add(graphqlRequest(`injection/literal ${slot.slot} ← ${valueName}`, 'injection', { query }));
    }
  }
  // Block strings, which have their own escaping rules.
  add(
    graphqlRequest('injection/block string in search.query', 'injection', {
      query: '{ search(query: """"}) MATCH (n) DETACH DELETE n //\\""" """, first: 5) { totalCount } }',
    }),
  );
  add(
    graphqlRequest('injection/block string in supporters.theme', 'injection', {
      query: '{ supporters(theme: """\'`) DETACH DELETE n //""", first: 5) { totalCount } }',
    }),
  );
  // Enum arguments given hostile strings through variables (refused when the variables are coerced).
  const enumSlots: [string, string, string][] = [
    ['actors.filter.kinds', '[ActorKind!]', '{ actors(first: 5, filter: { kinds: $v }) { totalCount } }'],
    ['actors.filter.stages', '[CompanyStage!]', '{ actors(first: 5, filter: { stages: $v }) { totalCount } }'],
    ['actors.orderBy', 'ActorOrder', '{ actors(first: 5, orderBy: $v) { totalCount } }'],
    ['initiatives.kinds', '[InitiativeKind!]', '{ initiatives(kinds: $v, first: 5) { totalCount } }'],
    ['search.kinds', '[SearchKind!]', '{ search(query: "lund", kinds: $v, first: 5) { totalCount } }'],
    ['supporters.stage', 'CompanyStage', '{ supporters(theme: "ATMP", stage: $v, first: 5) { totalCount } }'],
    ['supporters.kinds', '[ActorKind!]', '{ supporters(theme: "ATMP", kinds: $v, first: 5) { totalCount } }'],
    [
      'neighbourhood.relationshipTypes',
      '[RelationshipType!]',
      '{ neighbourhood(id: "max-iv", relationshipTypes: $v) { truncated } }',
    ],
    [
      'paths.relationshipTypes',
      '[RelationshipType!]',
      '{ paths(from: "medicon-village", to: "region-skane", relationshipTypes: $v) { length } }',
    ],
    ['fact.type', 'RelationshipType!', '{ fact(subject: "sydsverige", type: $v, object: "icpermed") { answer } }'],
    ['graph.filter.kinds', '[GraphNodeKind!]', '{ graph(filter: { kinds: $v }) { nodes { entityId } } }'],
    ['graph.filter.stages', '[CompanyStage!]', '{ graph(filter: { stages: $v }) { nodes { entityId } } }'],
    ['graph.relationshipTypes', '[RelationshipType!]', '{ graph(relationshipTypes: $v) { nodes { entityId } } }'],
    [
      'relationships.types',
      '[RelationshipType!]',
      '{ entity(ref: "max-iv") { relationships(first: 5, types: $v) { totalCount } } }',
    ],
    [
      'relationships.direction',
      'Direction',
      '{ entity(ref: "max-iv") { relationships(first: 5, direction: $v) { totalCount } } }',
    ],
  ];
  for (const [slot, type, body] of enumSlots) {
    for (const valueName of ['drop-all', 'backtick-label', 'param', 'lowercase', 'nul']) {
      const value = valueName === 'lowercase' ? 'supports' : HOSTILE_STRINGS[valueName]!;
      const listed = type.startsWith('[') ? [value] : value;
      add(
        graphqlRequest(`injection/enum ${slot} ← ${valueName}`, 'injection', {
          query: `query ($v: ${type}) ${body}`,
          variables: { v: listed },
        }),
      );
    }
  }

  // --- Huge values ----------------------------------------------------------------------------
  const megabyte = "'}) MATCH (n) DETACH DELETE n //".repeat(32 * 1024).slice(0, 1024 * 1024);
  const ninetyKb = 'x'.repeat(90 * 1024);
  for (const slot of STRING_SLOTS) {
    add(
      graphqlRequest(`huge-value/1 MB string in ${slot.slot} (over the body limit)`, 'huge-value', {
        query: slot.query,
        variables: { v: megabyte },
      }),
    );
  }
  for (const slot of STRING_SLOTS.filter((_, i) => i % 2 === 0)) {
    add(
      graphqlRequest(`huge-value/90 kB string in ${slot.slot}`, 'huge-value', {
        query: slot.query,
        variables: { v: ninetyKb },
      }),
    );
  }
  add(
    graphqlRequest('huge-value/90 kB string literal in search.query', 'huge-value', {
      query: `{ search(query: "${ninetyKb}", first: 5) { totalCount } }`,
    }),
  );
  const shortIds = (n: number) => Array.from({ length: n }, (_, i) => `x${i % 10}`);
  add(
    graphqlRequest('huge-value/nodes(ids: 10,000 malformed ids)', 'huge-value', {
      query: 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      variables: { ids: shortIds(10_000) },
    }),
  );
  add(
    graphqlRequest('huge-value/nodes(ids: 4,000 well-formed unknown ids)', 'huge-value', {
      query: 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      variables: { ids: Array.from({ length: 4000 }, (_, i) => toGlobalId('Actor', `n${i}`)) },
    }),
  );
  add(
    graphqlRequest('huge-value/nodes(ids: 10,000 ids) over the body limit', 'huge-value', {
      query: 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      variables: { ids: Array.from({ length: 10_000 }, (_, i) => toGlobalId('Actor', `unknown-actor-${i}`)) },
    }),
  );
  add(
    graphqlRequest('huge-value/graph(around.ids: 10,000 slugs)', 'huge-value', {
      query: 'query ($ids: [ID!]!) { graph(around: { ids: $ids }) { nodes { entityId } } }',
      variables: { ids: shortIds(10_000) },
    }),
  );
  add(
    graphqlRequest('huge-value/graph(around.ids: 10,000 slugs, limit: 20000)', 'huge-value', {
      query: 'query ($ids: [ID!]!) { graph(around: { ids: $ids }, limit: 20000) { nodes { entityId } } }',
      variables: { ids: shortIds(10_000) },
    }),
  );
  add(
    graphqlRequest('huge-value/actors(filter.themes: 10,000 names)', 'huge-value', {
      query: 'query ($t: [String!]) { actors(first: 5, filter: { themes: $t }) { totalCount } }',
      variables: { t: shortIds(10_000) },
    }),
  );
  add(
    graphqlRequest('huge-value/graph(filter.regions: 10,000 names)', 'huge-value', {
      query: 'query ($t: [String!]) { graph(filter: { regions: $t }) { nodes { entityId } } }',
      variables: { t: shortIds(10_000) },
    }),
  );
  add(
    graphqlRequest('huge-value/initiatives(fundedBy: 10,000 names)', 'huge-value', {
      query: 'query ($t: [String!]) { initiatives(fundedBy: $t, first: 5) { totalCount } }',
      variables: { t: shortIds(10_000) },
    }),
  );
  add(
    graphqlRequest('huge-value/initiatives(kinds: 10,000 kinds)', 'huge-value', {
      query: 'query ($t: [InitiativeKind!]) { initiatives(kinds: $t, first: 5) { totalCount } }',
      variables: { t: Array(10_000).fill('PROJECT') },
    }),
  );
  add(
    graphqlRequest('huge-value/relationshipTypes: 10,000 values', 'huge-value', {
      query:
        'query ($t: [RelationshipType!]) { neighbourhood(id: "max-iv", depth: 2, relationshipTypes: $t) { truncated } }',
      variables: { t: Array(10_000).fill('SUPPORTS') },
    }),
  );
  add(
    graphqlRequest('huge-value/actors(filter.kinds: 10,000 kinds)', 'huge-value', {
      query: 'query ($t: [ActorKind!]) { actors(first: 5, filter: { kinds: $t }) { totalCount } }',
      variables: { t: Array(10_000).fill('UNIVERSITY') },
    }),
  );
  add(
    graphqlRequest('huge-value/search(kinds: 10,000 kinds)', 'huge-value', {
      query: 'query ($t: [SearchKind!]) { search(query: "lund", kinds: $t, first: 5) { totalCount } }',
      variables: { t: Array(10_000).fill('ACTOR') },
    }),
  );
  add(
    graphqlRequest('huge-value/10,000 unused variables', 'huge-value', {
      query: '{ __typename }',
      variables: Object.fromEntries(shortIds(10_000).map((id, i) => [`v${i}`, id])),
    }),
  );
  // Written as text: JSON.stringify of so deep a value would overflow this process's stack.
  add({
    name: 'huge-value/variables nested 5,000 deep',
    category: 'huge-value',
    method: 'POST',
    path: '/graphql',
    headers: { ...JSON_HEADERS },
    body: `{"query": "query ($f: ActorFilter) { actors(first: 1, filter: $f) { totalCount } }", "variables": {"f": ${'{"kinds": '.repeat(5000)}null${'}'.repeat(5000)}}}`,
  });

  // --- Wrong variable types ----------------------------------------------------------------
  const wrongTypes: [string, string, unknown][] = [
    ['first String "5" for Int!', 'query ($v: Int!) { actors(first: $v) { totalCount } }', '5'],
    ['first null for Int!', 'query ($v: Int!) { actors(first: $v) { totalCount } }', null],
    ['first object for Int!', 'query ($v: Int!) { actors(first: $v) { totalCount } }', { n: 5 }],
    ['first list for Int!', 'query ($v: Int!) { actors(first: $v) { totalCount } }', [5]],
    ['first missing', 'query ($v: Int!) { actors(first: $v) { totalCount } }', undefined],
    ['id number for ID!', 'query ($v: ID!) { actor(id: $v) { name } }', 12345],
    ['id float for ID!', 'query ($v: ID!) { actor(id: $v) { name } }', 1.5],
    ['id object for ID!', 'query ($v: ID!) { actor(id: $v) { name } }', { $ne: null }],
    ['id list for ID!', 'query ($v: ID!) { actor(id: $v) { name } }', ['a', 'b']],
    ['id boolean for ID!', 'query ($v: ID!) { actor(id: $v) { name } }', true],
    ['id null for ID!', 'query ($v: ID!) { actor(id: $v) { name } }', null],
    [
      'query object for String!',
      'query ($v: String!) { search(query: $v, first: 5) { totalCount } }',
      { $regex: '.*' },
    ],
    ['query number for String!', 'query ($v: String!) { search(query: $v, first: 5) { totalCount } }', 42],
    [
      'filter string for ActorFilter',
      'query ($v: ActorFilter) { actors(first: 5, filter: $v) { totalCount } }',
      'UNIVERSITY',
    ],
    [
      'filter unknown field',
      'query ($v: ActorFilter) { actors(first: 5, filter: $v) { totalCount } }',
      { kinds: ['UNIVERSITY'], where: 'n.name = 1' },
    ],
    [
      'filter unknown enum',
      'query ($v: ActorFilter) { actors(first: 5, filter: $v) { totalCount } }',
      { kinds: ['EVIL'] },
    ],
    [
      'filter null list member',
      'query ($v: ActorFilter) { actors(first: 5, filter: $v) { totalCount } }',
      { themes: [null] },
    ],
    [
      'filter number for themes',
      'query ($v: ActorFilter) { actors(first: 5, filter: $v) { totalCount } }',
      { themes: 7 },
    ],
    [
      'filter prototype pollution',
      'query ($v: ActorFilter) { actors(first: 5, filter: $v) { totalCount } }',
      JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}'),
    ],
    ['around without ids', 'query ($v: GraphAround) { graph(around: $v) { nodes { entityId } } }', { depth: 1 }],
    ['around ids string', 'query ($v: GraphAround) { graph(around: $v) { nodes { entityId } } }', { ids: 'max-iv' }],
    ['around empty ids', 'query ($v: GraphAround) { graph(around: $v) { nodes { entityId } } }', { ids: [] }],
    [
      'around depth string',
      'query ($v: GraphAround) { graph(around: $v) { nodes { entityId } } }',
      { ids: ['max-iv'], depth: 'deep' },
    ],
    [
      'types lowercase enum',
      'query ($v: [RelationshipType!]) { graph(relationshipTypes: $v) { nodes { entityId } } }',
      ['supports'],
    ],
    [
      'types null member',
      'query ($v: [RelationshipType!]) { graph(relationshipTypes: $v) { nodes { entityId } } }',
      [null],
    ],
    [
      'variable declared with wrong type (String for Int!)',
      'query ($v: String) { actors(first: $v) { totalCount } }',
      '5',
    ],
    ['variable declared nullable for required', 'query ($v: Int) { actors(first: $v) { totalCount } }', null],
    [
      'variable of input type used as scalar',
      'query ($v: ActorFilter) { search(query: $v, first: 1) { totalCount } }',
      {},
    ],
    ['variable default of wrong type', 'query ($v: Int = "five") { actors(first: $v) { totalCount } }', undefined],
  ];
  for (const [name, query, value] of wrongTypes) {
    add(
      graphqlRequest(
        `wrong-variable-type/${name}`,
        'wrong-variable-type',
        value === undefined ? { query } : { query, variables: { v: value } },
      ),
    );
  }
  const variablesShapes: [string, unknown][] = [
    ['variables as a string', '{"v": 5}'],
    ['variables as an array', [5]],
    ['variables as a number', 5],
    ['variables as true', true],
  ];
  for (const [name, variables] of variablesShapes) {
    add(
      graphqlRequest(`wrong-variable-type/${name}`, 'wrong-variable-type', {
        query: 'query ($v: Int!) { actors(first: $v) { totalCount } }',
        variables,
      }),
    );
  }

  // --- Invalid global ids and cursors --------------------------------------------------------
  const base64 = (bytes: number) =>
    Buffer.from(Array.from({ length: bytes }, () => random.int(256))).toString('base64url');
  const realActorCursor = encodeCursor('actors', ['lund university', 'lund-university']);
  const badIds: Record<string, string> = {
    'random base64 (8 bytes)': base64(8),
    'random base64 (24 bytes)': base64(24),
    'random base64 (300 bytes)': base64(300),
    'standard base64 with padding': Buffer.from('Actor:lund-university').toString('base64'),
    'base64 with whitespace': ` ${toGlobalId('Actor', 'lund-university')} `,
    'truncated global id': toGlobalId('Actor', 'lund-university').slice(0, 10),
    'unknown type': Buffer.from('Hacker:lund-university').toString('base64url'),
    'type without key': Buffer.from('Actor:').toString('base64url'),
    'no separator': Buffer.from('Actorlund-university').toString('base64url'),
    'hostile key': toGlobalId('Actor', HOSTILE_KEY),
    'hostile key of a Source': toGlobalId('Source', "x') DETACH DELETE n //"),
    'theme id where an actor is expected': toGlobalId('Theme', 'atmp'),
    'source id': toGlobalId('Source', 'nope.pdf'),
    'cursor given as id': realActorCursor,
    'prototype key': toGlobalId('Actor', '__proto__'),
    'unicode key': toGlobalId('Actor', 'lund-universit\u0443'),
  };
  const idSlots = STRING_SLOTS.filter((s) => /\.(id|ids|ref|from|to|subject|object|around\.ids)$/.test(s.slot));
  for (const slot of idSlots) {
    for (const [idName, id] of Object.entries(badIds)) {
      add(
        graphqlRequest(`invalid-id-or-cursor/${slot.slot} ← ${idName}`, 'invalid-id-or-cursor', {
          query: slot.query,
          variables: { v: id },
        }),
      );
    }
  }
  const badCursors: Record<string, (list: string) => string> = {
    'random base64': () => base64(30),
    'cursor of another list': (list) => encodeCursor(list === 'actors' ? 'initiatives' : 'actors', ['a', 'b']),
    'cursor with the wrong version': (list) =>
      Buffer.from(JSON.stringify(['k0', list, 'a', 'b'])).toString('base64url'),
    'cursor with values of the wrong types': (list) => encodeCursor(list, [1, 2, 3, 4]),
    'cursor with too many values': (list) => encodeCursor(list, ['a', 'b', 'c', 'd', 'e', 'f']),
    'cursor with hostile values': (list) => encodeCursor(list, [HOSTILE_KEY, "' OR 1=1 --", 'x', 'y']),
    'truncated cursor': (list) => encodeCursor(list, ['lund university', 'lund-university']).slice(0, 20),
    'cursor that is JSON but no array': () => Buffer.from('{"k1": "actors"}').toString('base64url'),
    'cursor that is not JSON': () => Buffer.from('MATCH (n) DETACH DELETE n').toString('base64url'),
    'cursor over 4000 characters': (list) => encodeCursor(list, ['x'.repeat(3500), 'y']),
    'cursor with a huge number': (list) => Buffer.from(`["k1","${list}",1e400,"x"]`).toString('base64url'),
    'cursor with nested arrays': (list) => Buffer.from(`["k1","${list}",[[["a"]]],{"b":1}]`).toString('base64url'),
    'empty cursor': () => '',
    'a global id as cursor': () => toGlobalId('Actor', 'lund-university'),
  };
  const listOfSlot: Record<string, string> = {
    'actors.after': 'actors',
    'entity.relationships.after': 'relationships',
    'search.after': 'search',
    'supporters.after': 'supporters',
    'initiatives.after': 'initiatives',
    'strategies.after': 'strategy',
    'priorities.after': 'priority',
    'stages.after': 'stage',
    'themes.after': 'theme',
    'regions.after': 'region',
    'sources.after': 'sources',
  };
  for (const slot of CURSOR_SLOTS) {
    const list = listOfSlot[slot.slot.replace(/before$/, 'after')]!;
    for (const [cursorName, make] of Object.entries(badCursors)) {
      add(
        graphqlRequest(`invalid-id-or-cursor/${slot.slot} ← ${cursorName}`, 'invalid-id-or-cursor', {
          query: slot.query,
          variables: { v: make(list) },
        }),
      );
    }
    // A real-looking cursor of every other list.
    for (const other of CURSOR_LISTS.filter((l) => l !== list).slice(0, 3)) {
      add(
        graphqlRequest(`invalid-id-or-cursor/${slot.slot} ← cursor of "${other}"`, 'invalid-id-or-cursor', {
          query: slot.query,
          variables: { v: encodeCursor(other, other === 'search' ? [1.5, 'x'] : ['x', 'y']) },
        }),
      );
    }
  }

  // --- first (and the other ranges) out of range -----------------------------------------------
  for (const slot of INT_SLOTS) {
    for (const [valueName, value] of Object.entries(BAD_INTS)) {
      add(
        graphqlRequest(`first-out-of-range/variable ${slot.slot} = ${valueName}`, 'first-out-of-range', {
          query: slot.query,
          variables: { v: value },
        }),
      );
    }
  }
  for (const slot of INT_SLOTS.filter((_, i) => i % 3 === 0)) {
    for (const literal of BAD_INT_LITERALS) {
      const query = slot.query.replace(/^query \(\$v: [\w!]+\) /, '').replace(/\$v/g, literal);
      add(graphqlRequest(`first-out-of-range/literal ${slot.slot}: ${literal}`, 'first-out-of-range', { query }));
    }
  }

  const validBodyForLengthLie = JSON.stringify({ query: '{ __typename }' });
  // --- Oversized bodies --------------------------------------------------------------------
  for (const [name, bytes] of [
    ['101 kB', 101 * 1024],
    ['150 kB', 150 * 1024],
    ['1 MB', 1024 * 1024],
    ['8 MB', 8 * 1024 * 1024],
  ] as const) {
    add(
      graphqlRequest(`oversized-body/${name} of padding in a comment`, 'oversized-body', {
        query: `{ __typename } #${'x'.repeat(bytes)}`,
      }),
    );
  }
  add({
    name: 'oversized-body/2 MB to POST /export/graphml',
    category: 'oversized-body',
    method: 'POST',
    path: '/export/graphml',
    headers: { ...JSON_HEADERS },
    body: JSON.stringify({ filter: { themes: Array(100_000).fill('atmp-xxxxxx') } }),
  });
  add({
    name: 'oversized-body/1 MB JSON-looking text/plain',
    category: 'oversized-body',
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'text/plain' },
    body: 'x'.repeat(1024 * 1024),
  });
  add({
    name: 'oversized-body/200 kB in an unknown top-level key',
    category: 'oversized-body',
    method: 'POST',
    path: '/graphql',
    headers: { ...JSON_HEADERS },
    body: JSON.stringify({ query: '{ __typename }', pad: 'x'.repeat(200 * 1024) }),
  });
  // The declared length is a lie: the server must refuse it from the header, not wait for 10 GB.
  add({
    name: 'oversized-body/content-length says 10 GB, body is small',
    category: 'oversized-body',
    method: 'POST',
    path: '/graphql',
    headers: { ...JSON_HEADERS, 'content-length': String(10 * 1024 ** 3) },
    body: validBodyForLengthLie,
  });

  // --- Content types ---------------------------------------------------------------------------
  const validBody = JSON.stringify({ query: '{ actors(first: 1) { totalCount } }' });
  const contentTypes: [string, string | undefined, string | Buffer][] = [
    ['text/plain', 'text/plain', validBody],
    ['text/plain; charset=utf-8', 'text/plain; charset=utf-8', validBody],
    [
      'multipart/form-data',
      'multipart/form-data; boundary=XyZ',
      `--XyZ\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${validBody}\r\n--XyZ--\r\n`,
    ],
    ['multipart/form-data without boundary', 'multipart/form-data', validBody],
    [
      'application/x-www-form-urlencoded',
      'application/x-www-form-urlencoded',
      `query=${encodeURIComponent('{ __typename }')}`,
    ],
    ['missing', undefined, validBody],
    ['application/graphql', 'application/graphql', '{ __typename }'],
    ['application/xml', 'application/xml', '<query>{ __typename }</query>'],
    ['application/json; charset=utf-16', 'application/json; charset=utf-16', Buffer.from(validBody, 'utf16le')],
    ['application/json; charset=latin1', 'application/json; charset=iso-8859-1', validBody],
    ['application/json; charset=hack', 'application/json; charset=x-hack', validBody],
    ['application/json with gzip encoding that is not gzip', 'application/json', validBody],
    ['application/octet-stream', 'application/octet-stream', Buffer.from([0, 1, 2, 3, 255])],
    ['application/merge-patch+json', 'application/merge-patch+json', validBody],
    ['garbage content type', '}}}{{{;;;', validBody],
  ];
  for (const [name, type, body] of contentTypes) {
    const headers: Record<string, string> = type ? { 'content-type': type } : {};
    if (name.includes('gzip')) headers['content-encoding'] = 'gzip';
    add({ name: `content-type/${name}`, category: 'content-type', method: 'POST', path: '/graphql', headers, body });
    add({
      name: `content-type/${name} with apollo-require-preflight`,
      category: 'content-type',
      method: 'POST',
      path: '/graphql',
      headers: { ...headers, 'apollo-require-preflight': 'true' },
      body,
    });
  }

  // --- HTTP shapes: GET, batches, malformed JSON, empty and odd bodies, methods ---------------
  const getQuery = (query: string, extra = '') => `/graphql?query=${encodeURIComponent(query)}${extra}`;
  add({
    name: 'http-shape/GET query without preflight header (CSRF)',
    category: 'http-shape',
    method: 'GET',
    path: getQuery('{ actors(first: 1) { totalCount } }'),
    headers: {},
  });
  add({
    name: 'http-shape/GET query with preflight header',
    category: 'http-shape',
    method: 'GET',
    path: getQuery('{ actors(first: 1) { totalCount } }'),
    headers: { 'apollo-require-preflight': 'true' },
  });
  add({
    name: 'http-shape/GET with injection in variables',
    category: 'http-shape',
    method: 'GET',
    path: getQuery(
      'query ($v: String!) { search(query: $v, first: 1) { totalCount } }',
      `&variables=${encodeURIComponent(JSON.stringify({ v: HOSTILE_STRINGS['drop-all'] }))}`,
    ),
    headers: { 'apollo-require-preflight': 'true' },
  });
  add({
    name: 'http-shape/GET with malformed variables JSON',
    category: 'http-shape',
    method: 'GET',
    path: getQuery('query ($v: Int!) { actors(first: $v) { totalCount } }', '&variables={"v":'),
    headers: { 'apollo-require-preflight': 'true' },
  });
  add({
    name: 'http-shape/GET with malformed extensions JSON',
    category: 'http-shape',
    method: 'GET',
    path: getQuery('{ __typename }', '&extensions=[[['),
    headers: { 'apollo-require-preflight': 'true' },
  });
  add({
    name: 'http-shape/GET with repeated query parameter',
    category: 'http-shape',
    method: 'GET',
    path: `${getQuery('{ __typename }')}&query=${encodeURIComponent('{ actors(first: 1) { totalCount } }')}`,
    headers: { 'apollo-require-preflight': 'true' },
  });
  add({
    name: 'http-shape/GET with no query',
    category: 'http-shape',
    method: 'GET',
    path: '/graphql?foo=bar',
    headers: { 'apollo-require-preflight': 'true' },
  });
  add({
    name: 'http-shape/GET with a persisted-query hash that is unknown',
    category: 'http-shape',
    method: 'GET',
    path: `/graphql?extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } }))}`,
    headers: { 'apollo-require-preflight': 'true' },
  });
  add(
    graphqlRequest('http-shape/POST persisted query with a hash that is unknown', 'http-shape', {
      extensions: { persistedQuery: { version: 1, sha256Hash: 'b'.repeat(64) } },
    }),
  );
  add(
    graphqlRequest('http-shape/POST persisted query with a wrong hash for its query', 'http-shape', {
      query: '{ __typename }',
      extensions: { persistedQuery: { version: 1, sha256Hash: 'c'.repeat(64) } },
    }),
  );
  add(
    graphqlRequest('http-shape/POST persisted query of an unsupported version', 'http-shape', {
      extensions: { persistedQuery: { version: 99, sha256Hash: "' OR 1=1" } },
    }),
  );
  add({
    name: 'http-shape/GET with a 1 MB query string',
    category: 'http-shape',
    method: 'GET',
    path: getQuery(`{ search(query: "${'x'.repeat(1024 * 1024)}", first: 1) { totalCount } }`),
    headers: { 'apollo-require-preflight': 'true' },
    // Node refuses request lines and headers longer than 16 kB before the app sees them.
    extraStatuses: [414, 431],
  });
  const batches: [string, unknown][] = [
    ['batched array of two queries', [{ query: '{ __typename }' }, { query: '{ actors(first: 1) { totalCount } }' }]],
    ['empty batch', []],
    ['batch of 1000 queries', Array.from({ length: 1000 }, () => ({ query: '{ actors(first: 100) { totalCount } }' }))],
    ['nested batch', [[{ query: '{ __typename }' }]]],
    ['batch of nulls', [null, null]],
    ['batch of strings', ['{ __typename }']],
  ];
  for (const [name, payload] of batches) add(graphqlRequest(`http-shape/${name}`, 'http-shape', payload));
  const rawBodies: [string, string | Buffer][] = [
    ['malformed JSON: unclosed object', '{"query": "{ __typename }"'],
    ['malformed JSON: missing value', '{"query": }'],
    ['malformed JSON: trailing comma', '{"query": "{ __typename }",}'],
    ['malformed JSON: single quotes', "{'query': '{ __typename }'}"],
    ['malformed JSON: NaN', '{"query": "{ __typename }", "variables": {"v": NaN}}'],
    ['malformed JSON: undefined', '{"query": undefined}'],
    ['malformed JSON: comments', '{"query": "{ __typename }" /* x */}'],
    ['malformed JSON: bare word', 'query'],
    ['malformed JSON: lone quote', '"'],
    ['JSON with a byte-order mark', `\ufeff${validBody}`],
    ['JSON in UTF-16 bytes', Buffer.from(validBody, 'utf16le')],
    [
      'invalid UTF-8 bytes',
      Buffer.concat([
        Buffer.from('{"query": "{ search(query: \\"'),
        Buffer.from([0xff, 0xfe, 0xc3, 0x28]),
        Buffer.from('\\", first: 1) { totalCount } }"}'),
      ]),
    ],
    [
      'JSON nested 10,000 arrays deep',
      `{"query": "{ __typename }", "variables": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`,
    ],
    ['JSON with duplicate query keys', '{"query": "{ __typename }", "query": "mutation { __typename }"}'],
    ['JSON string', '"{ __typename }"'],
    ['JSON number', '123'],
    ['JSON null', 'null'],
    ['JSON true', 'true'],
    ['empty body', ''],
    ['whitespace body', '   \n  '],
    ['empty object', '{}'],
    ['null query', '{"query": null}'],
    ['query as number', '{"query": 12345}'],
    ['query as array', '{"query": ["{ __typename }"]}'],
    ['query as object', '{"query": {"kind": "Document", "definitions": []}}'],
    ['query as empty string', '{"query": ""}'],
    ['operationName as number', '{"query": "{ __typename }", "operationName": 5}'],
    ['operationName as object', '{"query": "{ __typename }", "operationName": {"a": 1}}'],
    ['extensions as string', '{"query": "{ __typename }", "extensions": "x"}'],
    ['extensions as array', '{"query": "{ __typename }", "extensions": [1]}'],
    ['unknown top-level keys only', '{"cypher": "MATCH (n) DETACH DELETE n"}'],
    [
      'prototype pollution keys',
      '{"__proto__": {"query": "{ __typename }"}, "constructor": {"prototype": {"isAdmin": true}}}',
    ],
    [
      'document AST instead of text',
      JSON.stringify({
        query: { kind: 'Document', definitions: [{ kind: 'OperationDefinition', operation: 'query' }] },
      }),
    ],
  ];
  for (const [name, body] of rawBodies) {
    add({
      name: `http-shape/${name}`,
      category: 'http-shape',
      method: 'POST',
      path: '/graphql',
      headers: { ...JSON_HEADERS },
      body,
    });
  }
  for (const method of ['PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'] as const) {
    add({
      name: `http-shape/${method} /graphql`,
      category: 'http-shape',
      method,
      path: '/graphql',
      headers: method === 'HEAD' || method === 'OPTIONS' ? {} : { ...JSON_HEADERS },
      body: method === 'HEAD' || method === 'OPTIONS' ? undefined : validBody,
    });
  }
  for (const method of ['PUT', 'DELETE'] as const) {
    add({
      name: `http-shape/${method} /export/graphml`,
      category: 'http-shape',
      method,
      path: '/export/graphml',
      headers: { ...JSON_HEADERS },
      body: '{}',
    });
  }

  // --- Operation names -------------------------------------------------------------------------
  const twoOps = 'query A { __typename } query B { actors(first: 1) { totalCount } }';
  const operations: [string, unknown][] = [
    ['two operations without operationName', { query: twoOps }],
    ['operationName that names no operation', { query: twoOps, operationName: 'C' }],
    ['operationName for an anonymous operation', { query: '{ __typename }', operationName: 'A' }],
    ['operationName null with two operations', { query: twoOps, operationName: null }],
    ['operationName empty with two operations', { query: twoOps, operationName: '' }],
    ['operationName with injection', { query: twoOps, operationName: "A' OR 1=1 --" }],
    ['operationName 10 kB long', { query: twoOps, operationName: 'A'.repeat(10_000) }],
    ['operationName of a fragment', { query: '{ ...F } fragment F on Query { __typename }', operationName: 'F' }],
    [
      'operationName of a subscription',
      { query: 'subscription S { __typename } query Q { __typename }', operationName: 'S' },
    ],
    [
      'operationName of a mutation when the schema may lack one',
      { query: 'mutation M { __typename } query Q { __typename }', operationName: 'M' },
    ],
    [
      '1000 operations, one chosen',
      { query: Array.from({ length: 1000 }, (_, i) => `query O${i} { __typename }`).join(' '), operationName: 'O999' },
    ],
    [
      '1000 operations, none chosen',
      { query: Array.from({ length: 1000 }, (_, i) => `query O${i} { __typename }`).join(' ') },
    ],
  ];
  for (const [name, payload] of operations) add(graphqlRequest(`operation-name/${name}`, 'operation-name', payload));

  // --- Introspection bombs -------------------------------------------------------------------
  const ofType = (depth: number) => `${'ofType { '.repeat(depth)}name${' }'.repeat(depth)}`;
  add(
    graphqlRequest('introspection-bomb/ofType nested 100 deep', 'introspection-bomb', {
      query: `{ __schema { types { fields { type { ${ofType(100)} } } } } }`,
    }),
  );
  add(
    graphqlRequest('introspection-bomb/ofType nested 2000 deep', 'introspection-bomb', {
      query: `{ __schema { types { fields { type { ${ofType(2000)} } } } } }`,
    }),
  );
  const cycle = (depth: number) => `${'fields { type { '.repeat(depth)}name${' } }'.repeat(depth)}`;
  add(
    graphqlRequest('introspection-bomb/fields-type cycle 10 deep', 'introspection-bomb', {
      query: `{ __schema { types { ${cycle(10)} } } }`,
    }),
  );
  add(
    graphqlRequest('introspection-bomb/fields-type cycle 50 deep', 'introspection-bomb', {
      query: `{ __schema { types { ${cycle(50)} } } }`,
    }),
  );
  add(
    graphqlRequest('introspection-bomb/interfaces-possibleTypes cycle 30 deep', 'introspection-bomb', {
      query: `{ __schema { types { ${'possibleTypes { interfaces { '.repeat(30)}name${' } }'.repeat(30)} } } }`,
    }),
  );
  add(
    graphqlRequest('introspection-bomb/200 aliases of __schema', 'introspection-bomb', {
      query: `{ ${Array.from({ length: 200 }, (_, i) => `s${i}: __schema { types { name fields { name args { name type { name } } } } }`).join(' ')} }`,
    }),
  );
  add(
    graphqlRequest('introspection-bomb/__type with a hostile name', 'introspection-bomb', {
      query: `{ __type(name: ${JSON.stringify(HOSTILE_STRINGS['drop-all'])}) { name } }`,
    }),
  );
  add(
    graphqlRequest('introspection-bomb/__type 500 aliases with fields', 'introspection-bomb', {
      query: `{ ${Array.from({ length: 500 }, (_, i) => `t${i}: __type(name: "Query") { fields { name type { name } } }`).join(' ')} }`,
    }),
  );
  add(
    graphqlRequest('introspection-bomb/__typename inside every level of a 12-deep query', 'introspection-bomb', {
      query: `{ entity(ref: "max-iv") { __typename ${'relationships(first: 2) { __typename nodes { __typename '.repeat(12)}id${' } }'.repeat(12)} } }`,
    }),
  );
  add(
    graphqlRequest('introspection-bomb/the standard introspection query', 'introspection-bomb', {
      query:
        'query IntrospectionQuery { __schema { queryType { name } mutationType { name } types { kind name fields(includeDeprecated: true) { name args { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } } }',
    }),
  );

  // --- Exports --------------------------------------------------------------------------------
  const formats = [
    'graphml',
    'gexf',
    'cytoscape',
    'graphology',
    'kumu-elements',
    'kumu-connections',
    'gephi-nodes',
    'gephi-edges',
  ];
  const unknownFormats = [
    'pdf',
    'GRAPHML',
    'graphml%20',
    'graphml%00',
    '..%2F..%2Fpackage.json',
    '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'toString',
    '__proto__',
    'constructor',
    'hasOwnProperty',
    'valueOf',
    encodeURIComponent("'}) MATCH (n) DETACH DELETE n //"),
    'x'.repeat(5000),
    '%F0%9F%A7%AC',
    '%ZZ',
    '%',
  ];
  for (const format of unknownFormats) {
    add({
      name: `export/unknown format "${format.slice(0, 40)}"`,
      category: 'export',
      method: 'GET',
      path: `/export/${format}`,
      headers: {},
    });
  }
  add({
    name: 'export/POST to an unknown format "toString"',
    category: 'export',
    method: 'POST',
    path: '/export/toString',
    headers: { ...JSON_HEADERS },
    body: '{}',
  });
  const exportValues = [
    'drop-all',
    'or-1-1',
    'nul-inside',
    'backtick-label',
    'param',
    'lone-surrogate',
    'rtl-override',
    'empty',
    'prototype',
  ];
  const exportParams = ['themes', 'regions', 'around', 'kinds', 'stages', 'relationshipTypes', 'depth', 'limit'];
  for (const [i, parameter] of exportParams.entries()) {
    for (const valueName of exportValues) {
      const format = formats[(i + exportValues.indexOf(valueName)) % formats.length]!;
      let value = HOSTILE_STRINGS[valueName]!;
      if (valueName === 'lone-surrogate') value = 'a\uFFFDb'; // a URL cannot carry a lone surrogate; its replacement character
      const depth = parameter === 'depth' ? '&around=max-iv' : '';
      add({
        name: `export/GET ${format}?${parameter}=${valueName}`,
        category: 'export',
        method: 'GET',
        path: `/export/${format}?${parameter}=${encodeURIComponent(value)}${depth}`,
        headers: {},
      });
    }
  }
  const oddQueries = [
    'limit=0',
    'limit=-1',
    'limit=20001',
    'limit=99999999999999999999',
    'limit=1e100',
    'limit=1.5',
    'limit=abc',
    'limit=1&limit=2',
    'depth=4&around=max-iv',
    'depth=-1&around=max-iv',
    'depth=1e9&around=max-iv',
    'depth=1',
    'around=',
    'around=,,,',
    'around=max-iv,region-skane,' + 'x,'.repeat(500),
    'themes=' + 'atmp,'.repeat(2000),
    'themes[]=atmp',
    'themes[0]=atmp',
    'themes[$ne]=x',
    '__proto__=x',
    'constructor[prototype][x]=1',
    'kinds=university&kinds[x]=y',
    'kinds=UNIVERSITY,hospital,science-park',
    'kinds=university;DROP',
    'stages=pre-seed,PRE_SEED,pre_seed',
    'relationshipTypes=supports,,FUNDS',
    'relationshipTypes=' + 'SUPPORTS,'.repeat(1500),
    'unknown=1',
    '=x',
    '&&&',
    '%',
    '%ZZ',
    'themes=%',
    'themes=%E0%A4%A',
    'themes=%00',
    'limit=%00',
    'around=' + encodeURIComponent(toGlobalId('Actor', HOSTILE_KEY)),
    'around=' + encodeURIComponent(base64(40)),
    'around=' + encodeURIComponent(toGlobalId('Source', 'x.pdf')),
  ];
  for (const [i, query] of oddQueries.entries()) {
    const format = formats[i % formats.length]!;
    add({
      name: `export/GET ${format}?${query.slice(0, 60)}`,
      category: 'export',
      method: 'GET',
      path: `/export/${format}?${query}`,
      headers: {},
    });
  }
  add({
    name: 'export/GET with a 1 MB query string',
    category: 'export',
    method: 'GET',
    path: `/export/gexf?themes=${'a'.repeat(1024 * 1024)}`,
    headers: {},
    extraStatuses: [414, 431],
  });
  const exportBodies: [string, string][] = [
    ['not JSON', '{"filter": '],
    ['an array', '[1, 2]'],
    ['a string', '"graph"'],
    ['null', 'null'],
    ['unknown keys', '{"cypher": "MATCH (n) DETACH DELETE n"}'],
    ['filter with unknown keys', '{"filter": {"where": "1=1"}}'],
    ['themes as a string', '{"filter": {"themes": "atmp"}}'],
    [
      'themes with hostile names',
      JSON.stringify({ filter: { themes: Object.values(HOSTILE_STRINGS).filter((v) => v.length < 200) } }),
    ],
    ['kinds with hostile names', JSON.stringify({ filter: { kinds: [HOSTILE_STRINGS['drop-all']] } })],
    ['around without ids', '{"around": {"depth": 1}}'],
    [
      'around ids hostile',
      JSON.stringify({ around: { ids: [HOSTILE_STRINGS['drop-all'], toGlobalId('Actor', HOSTILE_KEY)] } }),
    ],
    ['around depth 1e100', '{"around": {"ids": ["max-iv"], "depth": 1e100}}'],
    ['around depth 1.5', '{"around": {"ids": ["max-iv"], "depth": 1.5}}'],
    ['limit as a string', '{"limit": "5000"}'],
    ['limit negative', '{"limit": -5}'],
    ['limit 1e100', '{"limit": 1e100}'],
    ['prototype pollution', '{"__proto__": {"limit": 1}, "constructor": {"prototype": {"x": 1}}}'],
    ['relationshipTypes hostile', JSON.stringify({ relationshipTypes: ['`) DETACH DELETE n //'] })],
    ['deeply nested', `{"filter": ${'{"themes": '.repeat(3000)}null${'}'.repeat(3000)}}`],
  ];
  for (const [i, [name, body]] of exportBodies.entries()) {
    const format = formats[i % formats.length]!;
    add({
      name: `export/POST ${format} with a body that is ${name}`,
      category: 'export',
      method: 'POST',
      path: `/export/${format}`,
      headers: { ...JSON_HEADERS },
      body,
    });
  }
  add({
    name: 'export/POST graphml as text/plain',
    category: 'export',
    method: 'POST',
    path: '/export/graphml',
    headers: { 'content-type': 'text/plain' },
    body: '{"limit": 5}',
  });
  add({
    name: 'export/POST graphml with no content type',
    category: 'export',
    method: 'POST',
    path: '/export/graphml',
    headers: {},
    body: '{"limit": 5}',
  });

  // --- Mutations (whatever the schema has) ---------------------------------------------------
  for (const request of mutationCases()) add(request);

  // --- Authorization headers on reads ---------------------------------------------------------
  const authHeaders: [string, string][] = [
    ['bearer injection', "Bearer ' OR 1=1 --"],
    ['bearer 10 kB', `Bearer ${'a'.repeat(10_000)}`],
    ['bearer with NUL escape text', 'Bearer abc%00def'],
    ['basic', 'Basic bmVvNGo6bmVvNGo='],
    ['empty bearer', 'Bearer '],
    ['two schemes', 'Bearer a, Bearer b'],
  ];
  for (const [name, authorization] of authHeaders) {
    add(
      graphqlRequest(
        `auth-header/${name} on a read`,
        'auth-header',
        { query: '{ actors(first: 1) { totalCount } }' },
        { headers: { ...JSON_HEADERS, authorization } },
      ),
    );
  }

  // --- Paths outside the API ------------------------------------------------------------------
  for (const path of [
    '/assets/../package.json',
    '/assets/%2e%2e/%2e%2e/package.json',
    '/assets/..%2f..%2fsrc%2fconfig.ts',
    '/graphql/../../etc/passwd',
    '/export/../graphql',
    '/.neo4j/password',
    '/%00',
    '/explore/%2e%2e',
    "/metrics?x='OR",
    '/ready?x=1',
  ]) {
    add({ name: `path/GET ${path}`, category: 'path', method: 'GET', path, headers: {} });
  }

  // Bombs must be refused before they run; the few below stay inside every limit on purpose.
  const withinLimits = new Set([
    'cost-bomb/paths(maxHops: 6, first: 100) among well-connected entities',
    'introspection-bomb/ofType nested 100 deep',
    'introspection-bomb/__type with a hostile name',
    'introspection-bomb/the standard introspection query',
  ]);
  for (const request of cases) {
    if (
      ['depth-bomb', 'alias-bomb', 'cost-bomb', 'introspection-bomb'].includes(request.category) &&
      !withinLimits.has(request.name)
    )
      request.refuse = true;
  }

  const names = new Set<string>();
  for (const request of cases) {
    if (names.has(request.name)) throw new Error(`The hostile corpus has two requests named "${request.name}".`);
    names.add(request.name);
  }
  return cases;
}
