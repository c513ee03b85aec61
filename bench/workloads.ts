import { cypher } from '../src/db/cypher';
import type { Database } from '../src/db/Database';
import { toGlobalId } from '../src/graphql/globalId';
import { encodeCursor } from '../src/graphql/pagination';
import { luceneQuery } from '../src/queries/search';
import { HELP_TYPES } from '../src/seed/model';
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

/** Workload 6: the stage asked about (an id of the synthetic graph's stages, and its CompanyStage value). */
export const SUPPORTERS_STAGE = { id: 'startup', value: 'STARTUP' } as const;
/** Workload 7: the longest path looked for, and as many paths as the API gives (the fixture has at most this many). */
export const PATHS_MAX_HOPS = 4;
export const PATHS_FIRST = 100;
/** Workload 8: depth 2 through partnerships and strategy alignments, whole (the fixture reaches at most NEIGHBOURHOOD_FIRST). */
export const NEIGHBOURHOOD_TYPES = ['PARTNER_IN', 'ALIGNS_WITH'] as const;
export const NEIGHBOURHOOD_FIRST = 500;
/** Workload 9: regions per actor (its other list has FAN_OUT_PER_LIST). */
export const TYPED_REGIONS = 5;

export type WorkloadId =
  | 'w1-member-page'
  | 'w2-fan-out'
  | 'w3-page-1'
  | 'w3-deep-page'
  | 'w4-filter-count'
  | 'w5-search'
  | 'w6-supporters'
  | 'w7-paths'
  | 'w8-neighbourhood'
  | 'w9-typed-fields';

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
  /** The question for @neo4j/graphql, or why its generated schema cannot ask it. */
  library: GraphQLRequest | { unsupported: string };
  cypher: BaselineRequest;
  /** Turns each system's answer (GraphQL `data`, or the baseline's rows) into the canonical form. */
  canonical: {
    api(data: unknown): unknown;
    library?(data: unknown): unknown;
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
  /** Workload 7 goes from deepId to this actor; its shortest paths have pathHops hops. */
  pathToId: string;
  pathHops: number;
  /** Workload 8's centre, and how many entities it reaches. */
  centreId: string;
  centreReach: number;
}

export async function loadWorkloadFixtures(db: Database, actors: number): Promise<WorkloadFixtures> {
  const deepOffset = Math.min(DEEP_OFFSET, actors - PAGE_SIZE);
  const [row] = await db.read(cypher('bench/workloadFixtures'), {
    deepOffset,
    neighbourhoodTypes: NEIGHBOURHOOD_TYPES,
    neighbourhoodFirst: NEIGHBOURHOOD_FIRST,
  });
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

// ---------------------------------------------------------------------------------------------
// The workloads of issue 15: the questions the API is for. @neo4j/graphql generates a schema of
// nodes and their relationship fields; it has no query for shortest paths, for a breadth-first
// neighbourhood or for the union of paths and the ranking that make a supporter, so those three
// are (a) against (c) only.

/** A path as the canonical forms compare it: entity ids in walking order and hops as "TYPE from>to". */
const pathKey = (nodes: string[], hops: string[]) => `${nodes.join(' ')} | ${hops.join(' ')}`;
const hopKey = (type: string, from: string, to: string) => `${type} ${from}>${to}`;
const sorted = (items: string[]) => [...items].sort();

/** Workload 6: supporters of a theme for a stage, first page, with totalCount and the evidence paths. */
function supporters(f: WorkloadFixtures): Workload {
  interface Canonical {
    total: number;
    hasNextPage: boolean;
    supporters: (Named & { stated: boolean; supportTypes: string[]; evidence: string[] })[];
  }
  interface ApiEvidence {
    nodes: { slug: string }[];
    hops: { type: string }[];
  }
  return {
    id: 'w6-supporters',
    title: `Supporters of theme "${f.themeId}" for stage ${SUPPORTERS_STAGE.value}, first ${PAGE_SIZE} with totalCount, support types and evidence paths`,
    api: {
      query: `query Supporters($theme: String!, $stage: CompanyStage!, $first: Int!) {
        supporters(theme: $theme, stage: $stage, first: $first) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges {
            stageEvidence supportTypes
            node { slug name }
            evidence { nodes { slug } hops { type } }
          }
        }
      }`,
      variables: { theme: f.themeId, stage: SUPPORTERS_STAGE.value, first: PAGE_SIZE },
    },
    library: { unsupported: 'its schema has no query for the union of helping paths and the stage ranking' },
    cypher: {
      query: 'supporters',
      params: { themeId: f.themeId, stageId: SUPPORTERS_STAGE.id, limit: PAGE_SIZE + 1, helpTypes: HELP_TYPES },
    },
    canonical: {
      api: (data): Canonical => {
        const { supporters: c } = data as {
          supporters: {
            totalCount: number;
            pageInfo: { hasNextPage: boolean };
            edges: { stageEvidence: string; supportTypes: string[]; node: ApiNamed; evidence: ApiEvidence[] }[];
          };
        };
        return {
          total: c.totalCount,
          hasNextPage: c.pageInfo.hasNextPage,
          supporters: c.edges.map((e) => ({
            ...fromApi(e.node),
            stated: e.stageEvidence === 'STATED',
            supportTypes: e.supportTypes,
            evidence: sorted(
              e.evidence.map((p) =>
                pathKey(
                  p.nodes.map((n) => n.slug),
                  p.hops.map((h) => h.type),
                ),
              ),
            ),
          })),
        };
      },
      cypher: (rows): Canonical => {
        type Row = Named & {
          stageRank: number;
          supportTypes: string[];
          evidence: { nodes: string[]; types: string[] }[];
        };
        const [row] = rows as { total: number; page: Row[] }[];
        const page = pageOfRows(row!.page);
        return {
          total: row!.total,
          hasNextPage: page.hasNextPage,
          supporters: page.items.map((s) => ({
            ...named(s),
            stated: s.stageRank === 0,
            supportTypes: s.supportTypes,
            evidence: sorted(s.evidence.map((p) => pathKey(p.nodes, p.types))),
          })),
        };
      },
    },
  };
}

/** Workload 7: every shortest path between two actors (at most 4 hops), with its entities and hops. */
function paths(f: WorkloadFixtures): Workload {
  interface Canonical {
    paths: string[];
    names: Record<string, string>;
  }
  const canonical = (list: { nodes: Named[]; hops: { type: string; from: string; to: string }[] }[]): Canonical => ({
    paths: sorted(
      list.map((p) =>
        pathKey(
          p.nodes.map((n) => n.id),
          p.hops.map((h) => hopKey(h.type, h.from, h.to)),
        ),
      ),
    ),
    names: Object.fromEntries(
      list
        .flatMap((p) => p.nodes)
        .map((n) => [n.id, n.name] as const)
        .sort(),
    ),
  });
  return {
    id: 'w7-paths',
    title: `Shortest paths between two actors ("${f.deepId}" and "${f.pathToId}", ${f.pathHops} hops), all of them, each with its entities and hops`,
    api: {
      query: `query Paths($from: ID!, $to: ID!, $maxHops: Int!, $first: Int!) {
        paths(from: $from, to: $to, maxHops: $maxHops, first: $first) {
          length
          nodes { slug name }
          hops { type from { slug } to { slug } }
        }
      }`,
      variables: { from: f.deepId, to: f.pathToId, maxHops: PATHS_MAX_HOPS, first: PATHS_FIRST },
    },
    library: { unsupported: 'its schema has no shortest-path query' },
    cypher: {
      query: 'paths',
      params: { from: f.deepId, to: f.pathToId, maxHops: PATHS_MAX_HOPS, limit: PATHS_FIRST },
    },
    canonical: {
      api: (data) => {
        type ApiPath = {
          nodes: ApiNamed[];
          hops: { type: string; from: { slug: string }; to: { slug: string } }[];
        };
        return canonical(
          (data as { paths: ApiPath[] }).paths.map((p) => ({
            nodes: p.nodes.map(fromApi),
            hops: p.hops.map((h) => ({ type: h.type, from: h.from.slug, to: h.to.slug })),
          })),
        );
      },
      cypher: (rows) => canonical(rows as { nodes: Named[]; hops: { type: string; from: string; to: string }[] }[]),
    },
  };
}

/** Workload 8: the neighbourhood of an actor, depth 2 through two relationship types, whole. */
function neighbourhood(f: WorkloadFixtures): Workload {
  interface Canonical {
    centre: string;
    truncated: boolean;
    nodes: string[];
    hops: string[];
  }
  // Within a level the API orders by name, and names repeat: compare the sets, sorted by id.
  const nodeKey = (id: string, name: string, distance: number) => `${distance} ${id} ${name}`;
  return {
    id: 'w8-neighbourhood',
    title: `Neighbourhood of actor "${f.centreId}", depth 2 through ${NEIGHBOURHOOD_TYPES.join(' and ')} (${f.centreReach} entities), with the relationships among them`,
    api: {
      query: `query Neighbourhood($id: ID!, $types: [RelationshipType!], $first: Int!) {
        neighbourhood(id: $id, depth: 2, relationshipTypes: $types, first: $first) {
          centre { slug }
          truncated
          nodes { distance node { slug name } }
          hops { type from { slug } to { slug } }
        }
      }`,
      variables: { id: f.centreId, types: NEIGHBOURHOOD_TYPES, first: NEIGHBOURHOOD_FIRST },
    },
    library: { unsupported: 'its schema has no breadth-first walk that collects entities by distance' },
    cypher: {
      query: 'neighbourhood',
      params: { id: f.centreId, types: NEIGHBOURHOOD_TYPES, first: NEIGHBOURHOOD_FIRST },
    },
    canonical: {
      api: (data): Canonical => {
        const { neighbourhood: n } = data as {
          neighbourhood: {
            centre: { slug: string };
            truncated: boolean;
            nodes: { distance: number; node: ApiNamed }[];
            hops: { type: string; from: { slug: string }; to: { slug: string } }[];
          };
        };
        return {
          centre: n.centre.slug,
          truncated: n.truncated,
          nodes: sorted(n.nodes.map((x) => nodeKey(x.node.slug, x.node.name, x.distance))),
          hops: sorted(n.hops.map((h) => hopKey(h.type, h.from.slug, h.to.slug))),
        };
      },
      cypher: (rows): Canonical => {
        const [row] = rows as {
          id: string;
          truncated: boolean;
          nodes: (Named & { distance: number })[];
          hops: { type: string; from: string; to: string }[];
        }[];
        return {
          centre: row!.id,
          truncated: row!.truncated,
          nodes: sorted(row!.nodes.map((x) => nodeKey(x.id, x.name, x.distance))),
          hops: sorted(row!.hops.map((h) => hopKey(h.type, h.from, h.to))),
        };
      },
    },
  };
}

/** Workload 9: a page of actors, each with two typed relationship fields (`locatedIn`, `partnerIn`). */
function typedFields(): Workload {
  interface Canonical extends Named {
    regions: Named[];
    initiatives: Named[];
  }
  return {
    id: 'w9-typed-fields',
    title: `Typed relationship fields: ${FAN_OUT_ACTORS} actors, each with locatedIn (${TYPED_REGIONS}) and partnerIn (${FAN_OUT_PER_LIST})`,
    api: {
      query: `query TypedFields($actors: Int!, $regions: Int!, $per: Int!) {
        actors(first: $actors) {
          nodes {
            slug name
            locatedIn(first: $regions) { nodes { slug name } }
            partnerIn(first: $per) { nodes { slug name } }
          }
        }
      }`,
      variables: { actors: FAN_OUT_ACTORS, regions: TYPED_REGIONS, per: FAN_OUT_PER_LIST },
    },
    library: {
      query: `query TypedFields($actors: Int!, $regions: Int!, $per: Int!) {
        actors(limit: $actors, sort: ${NAME_ORDER}) {
          id name
          regions(limit: $regions, sort: ${NAME_ORDER}) { id name }
          initiatives(limit: $per, sort: ${NAME_ORDER}) { id name }
        }
      }`,
      variables: { actors: FAN_OUT_ACTORS, regions: TYPED_REGIONS, per: FAN_OUT_PER_LIST },
    },
    cypher: { query: 'typedFields', params: { actors: FAN_OUT_ACTORS, regions: TYPED_REGIONS, per: FAN_OUT_PER_LIST } },
    canonical: {
      api: (data): Canonical[] => {
        type Node = ApiNamed & { locatedIn: ApiList; partnerIn: ApiList };
        return (data as { actors: { nodes: Node[] } }).actors.nodes.map((a) => ({
          ...fromApi(a),
          regions: a.locatedIn.nodes.map(fromApi),
          initiatives: a.partnerIn.nodes.map(fromApi),
        }));
      },
      library: (data): Canonical[] =>
        (data as { actors: Canonical[] }).actors.map((a) => ({
          ...named(a),
          regions: a.regions.map(named),
          initiatives: a.initiatives.map(named),
        })),
      cypher: (rows): Canonical[] =>
        (rows as Canonical[]).map((a) => ({
          ...named(a),
          regions: a.regions.map(named),
          initiatives: a.initiatives.map(named),
        })),
    },
  };
}

/** The workloads of issues 6 and 15, in the order they are run and reported. */
export function buildWorkloads(fixtures: WorkloadFixtures): Workload[] {
  return [
    memberPage(fixtures),
    fanOut(),
    actorsPage(fixtures, false),
    actorsPage(fixtures, true),
    filterCount(fixtures),
    searchHydrated(),
    supporters(fixtures),
    paths(fixtures),
    neighbourhood(fixtures),
    typedFields(),
  ];
}
