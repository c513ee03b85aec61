import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../../src/db/Database';
import { toGlobalId } from '../../src/graphql/globalId';
import { postGraphQL, type TestServer, startSeededServer, stopSeededServer } from './harness';
import {
  expectedSupporterEvidence,
  expectedSupporters,
  HELP_LINKS,
  seedGraph,
  shortestDistance,
  THEME_LINKS,
} from './seedGraph';

/**
 * The questions users ask, against the real Neo4j and the real seed. Expected answers are
 * computed from the seed files by test/integration/seedGraph.ts, independently of the Cypher.
 */
let db: Database;
let server: TestServer;
const g = seedGraph();
const docsQueries = path.join(__dirname, '..', '..', 'docs', 'queries');
const documented = (file: string) => fs.readFileSync(path.join(docsQueries, file), 'utf8');

beforeAll(async () => {
  ({ db, server } = await startSeededServer());
});
afterAll(() => stopSeededServer(db, server));

async function ask(query: string, variables?: Record<string, unknown>): Promise<any> {
  const { status, body } = await postGraphQL(server, query, variables);
  expect(body.errors).toBeUndefined();
  expect(status).toBe(200);
  return body.data;
}

async function askForError(query: string, variables?: Record<string, unknown>) {
  const { body } = await postGraphQL(server, query, variables);
  expect(body.errors?.length).toBeGreaterThan(0);
  return body.errors![0]!;
}

describe('docs/queries run against the seeded graph', () => {
  test.each(fs.readdirSync(docsQueries).filter((f) => f.endsWith('.graphql')))(
    '%s answers without errors',
    async (file) => {
      const data = await ask(documented(file));
      expect(JSON.stringify(data)).not.toBe('{}');
    },
  );
});

describe('who supports ATMP startups', () => {
  const atmp = g.byName('Theme', 'ATMP')!;
  const themeIds = g.withDescendants(atmp.id, 'SUBTHEME_OF');

  test('the answer is complete: exactly the supporters the seed states, each with quoted evidence', async () => {
    const data = await ask(documented('who-supports-atmp-startups.graphql'));
    const answer = data.supporters;
    const expected = expectedSupporterEvidence(g, themeIds, 'startup');
    expect(expected.size).toBeGreaterThan(0);
    expect(answer.totalCount).toBe(expected.size);
    expect(new Map(answer.edges.map((e: any) => [e.node.slug, e.stageEvidence]))).toEqual(expected);
    // Those with stated start-up evidence come first, then those that help ATMP with no stage stated.
    const ranks = answer.edges.map((e: any) => (e.stageEvidence === 'STATED' ? 0 : 1));
    expect(ranks).toEqual([...ranks].sort());
    expect(answer.theme.nameEn).toBe(atmp.nameEn);
    for (const edge of answer.edges) {
      expect(edge.evidence.length).toBeGreaterThan(0);
      // Only relationships that mean help are support types; a NOT_STATED supporter always has one.
      for (const type of edge.supportTypes) expect(HELP_LINKS).toContain(type);
      if (edge.stageEvidence === 'NOT_STATED') expect(edge.supportTypes.length).toBeGreaterThan(0);
      for (const path of edge.evidence) {
        expect(path.hops[0].from.name).toBe(edge.node.name);
        for (const hop of path.hops) {
          expect(hop.sources.length).toBeGreaterThan(0);
          for (const source of hop.sources) expect(source.quote.length).toBeGreaterThan(0);
        }
      }
    }
  });

  test('the theme is found through its aliases and spellings, and without a stage the answer is wider', async () => {
    const byAlias = await ask(
      '{ supporters(theme: "cell- och genterapier", stage: STARTUP, first: 100) { totalCount theme { slug } } }',
    );
    expect(byAlias.supporters.theme.slug).toBe(atmp.id);
    const anyStage = await ask('{ supporters(theme: "atmp", first: 100) { totalCount nodes { slug } } }');
    const expected = expectedSupporters(g, themeIds, null);
    expect(new Set(anyStage.supporters.nodes.map((n: any) => n.slug))).toEqual(expected);
    expect(anyStage.supporters.totalCount).toBeGreaterThanOrEqual(byAlias.supporters.totalCount);
  });

  test('kinds narrows the supporters to actors of those kinds', async () => {
    const data = await ask(
      '{ supporters(theme: "ATMP", kinds: [INCUBATOR, SCIENCE_PARK, INNOVATION_OFFICE, INVESTOR], first: 100) { nodes { __typename } } }',
    );
    for (const node of data.supporters.nodes)
      expect(['Incubator', 'SciencePark', 'InnovationOffice', 'Investor']).toContain(node.__typename);
  });

  test('an unknown theme is BAD_USER_INPUT naming it', async () => {
    const error = await askForError('{ supporters(theme: "alchemy", first: 5) { totalCount } }');
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe('No theme is called "alchemy".');
  });
});

test('what Lund University takes part in: every stated relationship of those types', async () => {
  const data = await ask(documented('what-does-lund-university-take-part-in.graphql'));
  const types = ['PARTNER_IN', 'LEADS', 'ARRANGES', 'OPERATES', 'MEMBER_OF', 'PART_OF', 'COLLABORATES_WITH'];
  const expected = g
    .out('lund-university', types)
    .map((e) => `${e.type} ${e.to}`)
    .sort();
  expect(expected.length).toBeGreaterThan(0);
  const got = data.entity.relationships.edges.map((e: any) => `${e.type} ${e.node.slug}`).sort();
  expect(got).toEqual(expected);
  expect(data.entity.relationships.totalCount).toBe(expected.length);
});

test('how Medicon Village is connected to Region Skåne: shortest paths with sources on every hop', async () => {
  const data = await ask(documented('how-is-medicon-village-connected-to-region-skane.graphql'));
  const distance = shortestDistance(g, 'medicon-village', 'region-skane');
  expect(distance).not.toBeNull();
  expect(data.paths.length).toBeGreaterThan(0);
  for (const p of data.paths) {
    expect(p.length).toBe(distance);
    expect(p.nodes[0].name).toBe(g.entities.get('medicon-village')!.name);
    expect(p.nodes.at(-1).name).toBe(g.entities.get('region-skane')!.name);
    for (const hop of p.hops) expect(hop.sources.length).toBeGreaterThan(0);
  }
});

test('which infrastructures serve structural biology: the research infrastructures linked to the theme', async () => {
  const data = await ask(documented('which-infrastructures-serve-structural-biology.graphql'));
  const theme = g.byName('Theme', 'structural biology')!;
  const themeIds = g.withDescendants(theme.id, 'SUBTHEME_OF');
  const expected = new Set(
    g.edges
      .filter((e) => THEME_LINKS.includes(e.type) && themeIds.has(e.to))
      .map((e) => g.entities.get(e.from)!)
      .filter((e) => e.label === 'Actor' && e.kind === 'research_infrastructure')
      .map((e) => e.name),
  );
  expect(expected.size).toBeGreaterThan(0);
  expect(new Set(data.actors.nodes.map((n: any) => n.name))).toEqual(expected);
});

test('which initiatives are EU-funded: each has a funding chain to the EU with quotes', async () => {
  const data = await ask(documented('which-initiatives-are-eu-funded.graphql'));
  expect(data.initiatives.totalCount).toBeGreaterThan(0);
  expect(data.initiatives.nodes).toHaveLength(data.initiatives.totalCount);
  for (const initiative of data.initiatives.nodes) {
    expect(initiative.relationships.edges.length).toBeGreaterThan(0);
    for (const edge of initiative.relationships.edges) expect(edge.sources.length).toBeGreaterThan(0);
  }
});

test('filtering actors by a theme and asking who supports it agree', async () => {
  // Every actor with a helping relationship to the theme is a supporter, and every supporter
  // linked to the theme directly is found by the theme filter.
  for (const themeName of ['structural biology', 'ATMP', 'precision medicine', 'medtech']) {
    const theme = g.byName('Theme', themeName);
    if (!theme) throw new Error(`no theme "${themeName}" in seed/`);
    const data = await ask(
      `query($t: String!) { actors(filter: { themes: [$t] }, first: 100) { nodes { slug } }
         supporters(theme: $t, first: 100) { edges { node { __typename slug } evidence { length nodes { __typename } } } } }`,
      { t: themeName },
    );
    const filtered = new Set(data.actors.nodes.map((n: any) => n.slug));
    const supporters = new Set(data.supporters.edges.map((e: any) => e.node.slug));
    const themeIds = g.withDescendants(theme.id, 'SUBTHEME_OF');
    const helpers = g.edges.filter(
      (e) => HELP_LINKS.includes(e.type) && themeIds.has(e.to) && g.entities.get(e.from)!.label === 'Actor',
    );
    for (const e of helpers) {
      expect(filtered).toContain(e.from);
      expect(supporters).toContain(e.from);
    }
    const directActorSupporters = data.supporters.edges.filter(
      (e: any) =>
        e.node.__typename !== 'Initiative' &&
        e.evidence.some((p: any) => p.length === 1 && p.nodes[1].__typename === 'Theme'),
    );
    for (const e of directActorSupporters) expect(filtered).toContain(e.node.slug);
  }
});

describe('search', () => {
  test('"Skane" finds Skåne, insensitive to case and diacritics, ranked by score', async () => {
    const data = await ask('{ search(query: "Skane", first: 10) { totalCount edges { score node { name } } } }');
    const names = data.search.edges.map((e: any) => e.node.name);
    expect(names.some((n: string) => /Skåne/.test(n))).toBe(true);
    const scores = data.search.edges.map((e: any) => e.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(data.search.totalCount).toBeGreaterThanOrEqual(data.search.edges.length);
  });

  test('"cell- och genterapier" finds the ATMP theme, "MAX IV" the synchrotron', async () => {
    const atmp = await ask('{ search(query: "cell- och genterapier", kinds: [THEME], first: 5) { nodes { slug } } }');
    expect(atmp.search.nodes.map((n: any) => n.slug)).toContain(g.byName('Theme', 'ATMP')!.id);
    const maxIv = await ask('{ search(query: "MAX IV", first: 3) { nodes { slug } } }');
    expect(maxIv.search.nodes[0].slug).toBe('max-iv');
  });

  test('paging through results returns each hit once', async () => {
    const all = await ask('{ search(query: "life science", first: 100) { totalCount nodes { slug } } }');
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await ask(
        'query ($after: String) { search(query: "life science", first: 3, after: $after) { nodes { slug } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      seen.push(...page.search.nodes.map((n: any) => n.slug));
      if (!page.search.pageInfo.hasNextPage) break;
      after = page.search.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.search.nodes.map((n: any) => n.slug));
    expect(new Set(seen).size).toBe(Math.min(all.search.totalCount, 100));
  });

  test('Lucene syntax in the query is searched as text, not interpreted', async () => {
    const data = await ask('{ search(query: "Lund* OR name:(x) AND \\"", first: 5) { totalCount } }');
    expect(data.search.totalCount).toBeGreaterThanOrEqual(0);
  });
});

describe('actors with filters and facets', () => {
  test('facet counts describe the same filtered set as totalCount', async () => {
    const data = await ask(
      '{ actors(filter: { regions: ["Skane"] }, first: 100) { totalCount nodes { slug } facets { kinds { value count } regions { value count } themes { value label count } } } }',
    );
    const located = g.withDescendants(g.byName('Region', 'Skåne')!.id, 'PART_OF');
    const expected = new Set(
      g.edges
        .filter((e) => e.type === 'LOCATED_IN' && located.has(e.to) && g.entities.get(e.from)!.label === 'Actor')
        .map((e) => e.from),
    );
    expect(new Set(data.actors.nodes.map((n: any) => n.slug))).toEqual(expected);
    expect(data.actors.totalCount).toBe(expected.size);
    const kindTotal = data.actors.facets.kinds.reduce((sum: number, f: any) => sum + f.count, 0);
    expect(kindTotal).toBe(data.actors.totalCount);
  });

  test.each([
    ['a theme', '{ themes: ["ATMP"] }'],
    ['a theme and a stage', '{ themes: ["life science"], stages: [STARTUP] }'],
    ['a theme and a region', '{ themes: ["ATMP"], regions: ["Skane"] }'],
    ['kinds and a region', '{ kinds: [UNIVERSITY, HOSPITAL], regions: ["Sweden"] }'],
    ['kinds only', '{ kinds: [PUBLIC_BODY] }'],
  ])('with %s, totalCount and the kind facets count exactly the actors listed', async (_what, filter) => {
    const data = await ask(
      `{ actors(filter: ${filter}, first: 100) { totalCount nodes { slug } facets { kinds { count } } } }`,
    );
    expect(data.actors.nodes.length).toBeGreaterThan(0);
    expect(data.actors.totalCount).toBe(data.actors.nodes.length);
    expect(data.actors.facets.kinds.reduce((sum: number, f: any) => sum + f.count, 0)).toBe(data.actors.nodes.length);
  });

  test('kinds and themes filter actors; an unknown region is BAD_USER_INPUT', async () => {
    const data = await ask('{ actors(filter: { kinds: [UNIVERSITY] }, first: 100) { nodes { __typename } } }');
    expect(data.actors.nodes.length).toBeGreaterThan(0);
    for (const node of data.actors.nodes) expect(node.__typename).toBe('University');
    const error = await askForError('{ actors(filter: { regions: ["Atlantis"] }, first: 5) { totalCount } }');
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe('No region is called "Atlantis".');
  });
});

describe('neighbourhood, paths and facts', () => {
  test('the neighbourhood at depth 1 is exactly the entities one relationship away', async () => {
    const data = await ask(
      '{ neighbourhood(id: "region-skane", depth: 1, first: 500) { centre { slug } center { slug } truncated nodes { distance node { slug } } hops { from { slug } to { slug } type sources { quote } } } }',
    );
    const expected = new Set(
      g.edges.flatMap((e) => (e.from === 'region-skane' ? [e.to] : e.to === 'region-skane' ? [e.from] : [])),
    );
    // The centre, in the schema's spelling, and under the deprecated `center` for older clients.
    expect(data.neighbourhood.centre).toEqual({ slug: 'region-skane' });
    expect(data.neighbourhood.center).toEqual({ slug: 'region-skane' });
    expect(data.neighbourhood.truncated).toBe(false);
    expect(new Set(data.neighbourhood.nodes.map((n: any) => n.node.slug))).toEqual(expected);
    for (const n of data.neighbourhood.nodes) expect(n.distance).toBe(1);
    for (const hop of data.neighbourhood.hops) expect(hop.sources.length).toBeGreaterThan(0);
  });

  test('depth 2 reaches further, nearest first, and first truncates', async () => {
    const data = await ask(
      '{ neighbourhood(id: "lund-university", depth: 2, first: 5) { truncated nodes { distance } } }',
    );
    expect(data.neighbourhood.nodes).toHaveLength(5);
    const distances = data.neighbourhood.nodes.map((n: any) => n.distance);
    expect(distances).toEqual([...distances].sort());
  });

  test('a stated "no" is NO, a stated membership YES, silence UNKNOWN', async () => {
    const denial = g.edges.find((e) => e.type === 'NOT_MEMBER_OF')!;
    expect(denial).toBeDefined();
    const no = await ask(
      'query ($s: ID!, $o: ID!) { fact(subject: $s, type: MEMBER_OF, object: $o) { answer sources { quote } } }',
      { s: denial.from, o: denial.to },
    );
    expect(no.fact).toEqual({ answer: 'NO', sources: denial.quotes.map((quote) => ({ quote })) });
    const membership = g.edges.find((e) => e.type === 'MEMBER_OF')!;
    const yes = await ask('query ($s: ID!, $o: ID!) { fact(subject: $s, type: MEMBER_OF, object: $o) { answer } }', {
      s: membership.from,
      o: membership.to,
    });
    expect(yes.fact.answer).toBe('YES');
    const unknown = await ask(
      '{ fact(subject: "max-iv", type: MEMBER_OF, object: "medicon-village") { answer sources { quote } } }',
    );
    expect(unknown.fact).toEqual({ answer: 'UNKNOWN', sources: [] });
  });

  test('global ids and slugs name the same entity; bad ones get their codes', async () => {
    const bySlug = await ask('{ entity(ref: "max-iv") { id name } }');
    const byId = await ask('query ($id: ID!) { entity(ref: $id) { name } node(id: $id) { id } }', {
      id: toGlobalId('Actor', 'max-iv'),
    });
    expect(byId.entity.name).toBe(bySlug.entity.name);
    expect(byId.node.id).toBe(bySlug.entity.id);
    const unknown = await askForError('{ entity(ref: "no-such-thing") { name } }');
    expect(unknown.extensions?.code).toBe('NOT_FOUND');
    expect(unknown.message).toBe('No entity has the id "no-such-thing".');
    const depth = await askForError('{ neighbourhood(id: "max-iv", depth: 7) { truncated } }');
    expect(depth.message).toBe('"depth" must be from 1 to 3, not 7.');
    const self = await askForError('{ paths(from: "max-iv", to: "max-iv") { length } }');
    expect(self.extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('nodes(ids) answers in order, with null and a NOT_FOUND error for an unknown id', async () => {
    const unknownId = toGlobalId('Actor', 'no-such-actor');
    const { body } = await postGraphQL(server, 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
      ids: [toGlobalId('Actor', 'max-iv'), unknownId, toGlobalId('Actor', 'lund-university')],
    });
    expect(body.data!.nodes).toEqual([
      { id: toGlobalId('Actor', 'max-iv') },
      null,
      { id: toGlobalId('Actor', 'lund-university') },
    ]);
    expect(body.errors).toEqual([expect.objectContaining({ path: ['nodes', 1], extensions: { code: 'NOT_FOUND' } })]);
  });
});

describe('relationship connections', () => {
  test("paging through an entity's relationships returns each exactly once, with totalCount", async () => {
    const all = g.edges.filter((e) => e.from === 'region-skane' || e.to === 'region-skane').length;
    const seen: string[] = [];
    let after: string | null = null;
    const totals: number[] = [];
    for (;;) {
      const page: any = await ask(
        'query ($after: String) { entity(ref: "region-skane") { relationships(first: 4, after: $after) { totalCount edges { type direction role node { slug } } pageInfo { hasNextPage endCursor } } } }',
        { after },
      );
      const connection = page.entity.relationships;
      totals.push(connection.totalCount);
      seen.push(...connection.edges.map((e: any) => `${e.type} ${e.direction} ${e.node.slug} ${e.role}`));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    // Every page counts the whole connection.
    expect(new Set(totals)).toEqual(new Set([all]));
    expect(seen).toHaveLength(all);
    expect(new Set(seen).size).toBe(all);
  });

  test('basis narrows the relationships to those the quotes state, and totalCount counts them', async () => {
    const g2 = g.data.relationships.filter((r) => r.from === 'region-skane' || r.to === 'region-skane');
    const stated = g2.filter((r) => r.basis === 'STATED').length;
    expect(stated).toBeGreaterThan(0);
    expect(stated).toBeLessThan(g2.length);
    const data = await ask(
      '{ entity(ref: "region-skane") { relationships(basis: [STATED], first: 100) { totalCount edges { basis basisNote derived sources { quote } } } } }',
    );
    expect(data.entity.relationships.totalCount).toBe(stated);
    expect(data.entity.relationships.edges).toHaveLength(stated);
    for (const edge of data.entity.relationships.edges) {
      expect(edge.basis).toBe('STATED');
      expect(edge.derived).toBe(false);
    }
    const inferred = await ask(
      '{ entity(ref: "sweden") { relationships(types: [PART_OF], direction: OUTGOING, first: 5) { edges { basis basisNote derived node { slug } } } } }',
    );
    // A region's partOf is derived: inferred from geography, and it says so.
    expect(inferred.entity.relationships.edges).toEqual([
      { basis: 'INFERRED', basisNote: expect.stringContaining('partOf'), derived: true, node: { slug: 'eu' } },
    ]);
  });

  test('a cursor of another list is refused', async () => {
    const page = await ask('{ actors(first: 1) { pageInfo { endCursor } } }');
    const error = await askForError(
      'query ($a: String) { entity(ref: "region-skane") { relationships(first: 2, after: $a) { totalCount } } }',
      {
        a: page.actors.pageInfo.endCursor,
      },
    );
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/is not a valid cursor for this list\.$/);
  });
});
