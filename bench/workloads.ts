import { cypher } from '../src/db/cypher';
import type { Database } from '../src/db/Database';
import { toGlobalId } from '../src/graphql/globalId';
import { encodeCursor } from '../src/graphql/pagination';
import { luceneQuery } from '../src/queries/search';
import type { BaselineQuery } from './servers/cypherServer';

/**
 * The benchmark's workloads (issue 6), each as the same question put to the three systems:
 * (a) this API, (b) @neo4j/graphql with bench/neo4jGraphql/typeDefs.graphql, (c) one hand-written
 * Cypher query (cypher/bench/baseline/). Each answer is turned into one canonical form, so that
 * the benchmark can check that the systems return the same data before it times them.
 */

/** Items per page in every paginated workload. */
export const PAGE_SIZE = 20;
/** Workload 2: actors, and items per nested list. */
export const FAN_OUT_ACTORS = 50;
export const FAN_OUT_PER_LIST = 10;
/** Workload 3: "the page after 10,000 items" (fewer in a graph with fewer actors). */
export const DEEP_OFFSET = 10_000;
/** Workload 5: the words searched for (a name root that about 1 in 40 actors has) and the items per hydrated list. */
export const SEARCH_TEXT = 'cardio';
export const SEARCH_PER_LIST = 5;

export type WorkloadId =
  'w1-member-page' | 'w2-fan-out' | 'w3-page-1' | 'w3-deep-page' | 'w4-filter-count' | 'w5-search';

export interface GraphQLRequest {
  query: string;
  variables: Record<string, unknown>;
}

export interface BaselineRequest {
  query: BaselineQuery;
  params: Record<string, unknown>;
}

export interface Workload {
  id: WorkloadId;
  title: string;
  api: GraphQLRequest;
  library: GraphQLRequest;
  cypher: BaselineRequest;
  /** Turns each system's answer (GraphQL `data`, or the baseline's rows) into the canonical form. */
  canonical: {
    api(data: unknown): unknown;
    library(data: unknown): unknown;
    cypher(rows: unknown[]): unknown;
  };
}

/** What the workloads ask about, chosen from the loaded graph (cypher/bench/workloadFixtures.cypher). */
export interface WorkloadFixtures {
  hubId: string;
  hubMembers: number;
  deepOffset: number;
  deepSortKey: string;
  deepId: string;
  themeId: string;
  regionId: string;
}

export async function loadWorkloadFixtures(db: Database, actors: number): Promise<WorkloadFixtures> {
  const deepOffset = Math.min(DEEP_OFFSET, actors - PAGE_SIZE);
  const [row] = await db.read(cypher('bench/workloadFixtures'), { deepOffset });
  if (!row) throw new Error('The benchmark graph has no actors: load it first.');
  return { ...(row as unknown as Omit<WorkloadFixtures, 'deepOffset'>), deepOffset };
}

// ---------------------------------------------------------------------------------------------
// The shapes of the answers, as far as the canonical forms read them.

interface Named {
  id: string;
  name: string;
}
interface ApiNamed {
  slug: string;
  name: string;
}
interface ApiList {
  nodes: ApiNamed[];
}

const named = ({ id, name }: Named): Named => ({ id, name });
const fromApi = ({ slug, name }: ApiNamed): Named => ({ id: slug, name });
/** The baseline fetches one row more than a page, to tell whether more follow. */
const pageOfRows = <T>(rows: T[]) => ({ hasNextPage: rows.length > PAGE_SIZE, items: rows.slice(0, PAGE_SIZE) });

const NAME_ORDER = '[{ sortKey: ASC }, { id: ASC }]';

// ---------------------------------------------------------------------------------------------

/** Workload 1: one actor with a page of 20 relationships (its members), totalCount and pageInfo. */
function memberPage(f: WorkloadFixtures): Workload {
  interface Canonical {
    id: string;
    name: string;
    total: number;
    hasNextPage: boolean;
    members: (Named & { role: string | null })[];
  }
  return {
    id: 'w1-member-page',
    title: `One actor (the hub, ${f.hubMembers} members) with a page of ${PAGE_SIZE} of its members, totalCount and pageInfo`,
    api: {
      query: `query MemberPage($id: ID!, $first: Int!) {
        actor(id: $id) {
          slug name
          relationships(types: [MEMBER_OF], direction: INCOMING, first: $first) {
            totalCount
            pageInfo { hasNextPage endCursor }
            edges { role node { slug name } }
          }
        }
      }`,
      variables: { id: toGlobalId('Actor', f.hubId), first: PAGE_SIZE },
    },
    library: {
      query: `query MemberPage($id: ID!, $first: Int!) {
        actors(where: { id: { eq: $id } }) {
          id name
          membersConnection(first: $first, sort: [{ node: { sortKey: ASC } }, { node: { id: ASC } }]) {
            totalCount
            pageInfo { hasNextPage endCursor }
            edges { properties { role } node { id name } }
          }
        }
      }`,
      variables: { id: f.hubId, first: PAGE_SIZE },
    },
    cypher: { query: 'memberPage', params: { id: f.hubId, limit: PAGE_SIZE + 1 } },
    canonical: {
      api: (data): Canonical => {
        const { actor } = data as {
          actor: ApiNamed & {
            relationships: {
              totalCount: number;
              pageInfo: { hasNextPage: boolean };
              edges: { role: string | null; node: ApiNamed }[];
            };
          };
        };
        return {
          ...fromApi(actor),
          total: actor.relationships.totalCount,
          hasNextPage: actor.relationships.pageInfo.hasNextPage,
          members: actor.relationships.edges.map((e) => ({ ...fromApi(e.node), role: e.role })),
        };
      },
      library: (data): Canonical => {
        const [actor] = (
          data as {
            actors: (Named & {
              membersConnection: {
                totalCount: number;
                pageInfo: { hasNextPage: boolean };
                edges: { properties: { role: string | null }; node: Named }[];
              };
            })[];
          }
        ).actors;
        return {
          ...named(actor!),
          total: actor!.membersConnection.totalCount,
          hasNextPage: actor!.membersConnection.pageInfo.hasNextPage,
          members: actor!.membersConnection.edges.map((e) => ({ ...named(e.node), role: e.properties.role })),
        };
      },
      cypher: (rows): Canonical => {
        const [row] = rows as (Named & { total: number; members: (Named & { role: string | null })[] })[];
        const page = pageOfRows(row!.members);
        return {
          ...named(row!),
          total: row!.total,
          hasNextPage: page.hasNextPage,
          members: page.items.map((m) => ({ ...named(m), role: m.role })),
        };
      },
    },
  };
}

/** Workload 2: 50 actors x their themes x their initiatives x those initiatives' strategies. */
function fanOut(): Workload {
  interface Canonical extends Named {
    themes: Named[];
    initiatives: (Named & { strategies: Named[] })[];
  }
  return {
    id: 'w2-fan-out',
    title: `Wide fan-out: ${FAN_OUT_ACTORS} actors x their themes x their initiatives x those initiatives' strategies (${FAN_OUT_PER_LIST} per list)`,
    api: {
      query: `query FanOut($actors: Int!, $per: Int!) {
        actors(first: $actors) {
          nodes {
            slug name
            themes: relationships(types: [FOCUSES_ON], direction: OUTGOING, first: $per) { nodes { slug name } }
            initiatives: relationships(types: [PARTNER_IN], direction: OUTGOING, first: $per) {
              nodes {
                slug name
                strategies: relationships(types: [ALIGNS_WITH], direction: OUTGOING, first: $per) { nodes { slug name } }
              }
            }
          }
        }
      }`,
      variables: { actors: FAN_OUT_ACTORS, per: FAN_OUT_PER_LIST },
    },
    library: {
      query: `query FanOut($actors: Int!, $per: Int!) {
        actors(limit: $actors, sort: ${NAME_ORDER}) {
          id name
          themes(limit: $per, sort: ${NAME_ORDER}) { id name }
          initiatives(limit: $per, sort: ${NAME_ORDER}) {
            id name
            strategies(limit: $per, sort: ${NAME_ORDER}) { id name }
          }
        }
      }`,
      variables: { actors: FAN_OUT_ACTORS, per: FAN_OUT_PER_LIST },
    },
    cypher: { query: 'fanOut', params: { actors: FAN_OUT_ACTORS, per: FAN_OUT_PER_LIST } },
    canonical: {
      api: (data): Canonical[] => {
        type Node = ApiNamed & { themes: ApiList; initiatives: { nodes: (ApiNamed & { strategies: ApiList })[] } };
        return (data as { actors: { nodes: Node[] } }).actors.nodes.map((a) => ({
          ...fromApi(a),
          themes: a.themes.nodes.map(fromApi),
          initiatives: a.initiatives.nodes.map((i) => ({ ...fromApi(i), strategies: i.strategies.nodes.map(fromApi) })),
        }));
      },
      library: (data): Canonical[] =>
        (data as { actors: Canonical[] }).actors.map((a) => ({
          ...named(a),
          themes: a.themes.map(named),
          initiatives: a.initiatives.map((i) => ({ ...named(i), strategies: i.strategies.map(named) })),
        })),
      cypher: (rows): Canonical[] =>
        (rows as Canonical[]).map((a) => ({
          ...named(a),
          themes: a.themes.map(named),
          initiatives: a.initiatives.map((i) => ({ ...named(i), strategies: i.strategies.map(named) })),
        })),
    },
  };
}

/** Workload 3: a page of 20 actors in name order: page 1, or the page after `deepOffset` items. */
function actorsPage(f: WorkloadFixtures, deep: boolean): Workload {
  interface Canonical {
    hasNextPage: boolean;
    nodes: Named[];
  }
  return {
    id: deep ? 'w3-deep-page' : 'w3-page-1',
    title: deep
      ? `Deep paging: the ${PAGE_SIZE} actors after the first ${f.deepOffset.toLocaleString('en')}`
      : `Paging: page 1 (${PAGE_SIZE} actors in name order)`,
    api: {
      query: `query ActorsPage($first: Int!, $after: String) {
        actors(first: $first, after: $after) { nodes { slug name } pageInfo { hasNextPage endCursor } }
      }`,
      // The API's keyset cursor of the item at that position: what a client paging there holds.
      variables: { first: PAGE_SIZE, after: deep ? encodeCursor('actors', [f.deepSortKey, f.deepId]) : null },
    },
    library: {
      query: `query ActorsPage($first: Int!, $after: String) {
        actorsConnection(first: $first, after: $after, sort: ${NAME_ORDER}) { edges { node { id name } } pageInfo { hasNextPage endCursor } }
      }`,
      // The library's cursors are offsets ("arrayconnection:<index>", base64), as graphql-relay writes them.
      variables: {
        first: PAGE_SIZE,
        after: deep ? Buffer.from(`arrayconnection:${f.deepOffset - 1}`).toString('base64') : null,
      },
    },
    cypher: {
      query: 'actorsPage',
      params: { fromKey: deep ? f.deepSortKey : '', fromId: deep ? f.deepId : '', limit: PAGE_SIZE + 1 },
    },
    canonical: {
      api: (data): Canonical => {
        const { actors } = data as { actors: ApiList & { pageInfo: { hasNextPage: boolean } } };
        return { hasNextPage: actors.pageInfo.hasNextPage, nodes: actors.nodes.map(fromApi) };
      },
      library: (data): Canonical => {
        const { actorsConnection } = data as {
          actorsConnection: { edges: { node: Named }[]; pageInfo: { hasNextPage: boolean } };
        };
        return {
          hasNextPage: actorsConnection.pageInfo.hasNextPage,
          nodes: actorsConnection.edges.map((e) => named(e.node)),
        };
      },
      cypher: (rows): Canonical => {
        const page = pageOfRows(rows as Named[]);
        return { hasNextPage: page.hasNextPage, nodes: page.items.map(named) };
      },
    },
  };
}

/** Workload 4: actors filtered through two relationships (a theme and a region), first page and count. */
function filterCount(f: WorkloadFixtures): Workload {
  interface Canonical {
    total: number;
    hasNextPage: boolean;
    nodes: Named[];
  }
  // The API's ActorFilter relates an actor to a theme by any of these types; the library's
  // schema has one field per type, ORed.
  const themeFields = ['themes', 'supportedThemes', 'fundedThemes', 'investedThemes', 'incubatedThemes'];
  return {
    id: 'w4-filter-count',
    title: `Filter through relationships (theme "${f.themeId}" by 5 types, region "${f.regionId}") with totalCount, first ${PAGE_SIZE}`,
    api: {
      query: `query FilterCount($theme: String!, $region: String!, $first: Int!) {
        actors(filter: { themes: [$theme], regions: [$region] }, first: $first) {
          totalCount nodes { slug name } pageInfo { hasNextPage endCursor }
        }
      }`,
      variables: { theme: f.themeId, region: f.regionId, first: PAGE_SIZE },
    },
    library: {
      query: `query FilterCount($theme: ID!, $region: ID!, $first: Int!) {
        actorsConnection(
          first: $first
          sort: ${NAME_ORDER}
          where: {
            AND: [
              { OR: [${themeFields.map((field) => `{ ${field}: { some: { id: { eq: $theme } } } }`).join(', ')}] }
              { regions: { some: { id: { eq: $region } } } }
            ]
          }
        ) { totalCount edges { node { id name } } pageInfo { hasNextPage endCursor } }
      }`,
      variables: { theme: f.themeId, region: f.regionId, first: PAGE_SIZE },
    },
    // The chosen theme and region are leaves, so the API's expansion to sub-themes and
    // sub-regions adds nothing, and the baseline can take the ids as they are.
    cypher: {
      query: 'filteredCount',
      params: { themeIds: [f.themeId], regionIds: [f.regionId], limit: PAGE_SIZE + 1 },
    },
    canonical: {
      api: (data): Canonical => {
        const { actors } = data as { actors: ApiList & { totalCount: number; pageInfo: { hasNextPage: boolean } } };
        return { total: actors.totalCount, hasNextPage: actors.pageInfo.hasNextPage, nodes: actors.nodes.map(fromApi) };
      },
      library: (data): Canonical => {
        const { actorsConnection: c } = data as {
          actorsConnection: { totalCount: number; edges: { node: Named }[]; pageInfo: { hasNextPage: boolean } };
        };
        return { total: c.totalCount, hasNextPage: c.pageInfo.hasNextPage, nodes: c.edges.map((e) => named(e.node)) };
      },
      cypher: (rows): Canonical => {
        const [row] = rows as { total: number; page: Named[] }[];
        const page = pageOfRows(row!.page);
        return { total: row!.total, hasNextPage: page.hasNextPage, nodes: page.items.map(named) };
      },
    },
  };
}

/** Workload 5: full-text search, 20 hits, each hydrated with two relationships. */
function searchHydrated(): Workload {
  interface Canonical extends Named {
    score: number;
    regions: Named[];
    themes: Named[];
  }
  const lucene = luceneQuery(SEARCH_TEXT);
  return {
    id: 'w5-search',
    title: `Full-text search for "${SEARCH_TEXT}" among actors, ${PAGE_SIZE} hits, each with its regions and themes`,
    api: {
      query: `query Search($text: String!, $first: Int!, $per: Int!) {
        search(query: $text, kinds: [ACTOR], first: $first) {
          edges {
            score
            node {
              slug name
              regions: relationships(types: [LOCATED_IN], direction: OUTGOING, first: $per) { nodes { slug name } }
              themes: relationships(types: [FOCUSES_ON], direction: OUTGOING, first: $per) { nodes { slug name } }
            }
          }
        }
      }`,
      variables: { text: SEARCH_TEXT, first: PAGE_SIZE, per: SEARCH_PER_LIST },
    },
    library: {
      // The library passes the phrase to the index as Lucene syntax: it gets the Lucene query
      // the API builds from the same words, so both rank the same hits with the same scores.
      query: `query Search($phrase: String!, $first: Int!, $per: Int!) {
        actorsSearch(phrase: $phrase, first: $first, sort: [{ score: DESC }, { node: { id: ASC } }]) {
          edges {
            score
            node {
              id name
              regions(limit: $per, sort: ${NAME_ORDER}) { id name }
              themes(limit: $per, sort: ${NAME_ORDER}) { id name }
            }
          }
        }
      }`,
      variables: { phrase: lucene, first: PAGE_SIZE, per: SEARCH_PER_LIST },
    },
    cypher: { query: 'searchHydrated', params: { lucene, limit: PAGE_SIZE, per: SEARCH_PER_LIST } },
    canonical: {
      api: (data): Canonical[] =>
        (
          data as { search: { edges: { score: number; node: ApiNamed & { regions: ApiList; themes: ApiList } }[] } }
        ).search.edges.map((e) => ({
          ...fromApi(e.node),
          score: e.score,
          regions: e.node.regions.nodes.map(fromApi),
          themes: e.node.themes.nodes.map(fromApi),
        })),
      library: (data): Canonical[] =>
        (
          data as { actorsSearch: { edges: { score: number; node: Named & { regions: Named[]; themes: Named[] } }[] } }
        ).actorsSearch.edges.map((e) => ({
          ...named(e.node),
          score: e.score,
          regions: e.node.regions.map(named),
          themes: e.node.themes.map(named),
        })),
      cypher: (rows): Canonical[] =>
        (rows as Canonical[]).map((r) => ({
          ...named(r),
          score: r.score,
          regions: r.regions.map(named),
          themes: r.themes.map(named),
        })),
    },
  };
}

/** The workloads of issue 6, in the order they are run and reported. */
export function buildWorkloads(fixtures: WorkloadFixtures): Workload[] {
  return [
    memberPage(fixtures),
    fanOut(),
    actorsPage(fixtures, false),
    actorsPage(fixtures, true),
    filterCount(fixtures),
    searchHydrated(),
  ];
}
