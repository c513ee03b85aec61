// The explorer's only way to the data: POST /graphql, like any other client of the API.

export interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: string };
}

/** A GraphQL error answer, with the server's message (it names the bad input) and code. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

export async function graphql<Data>(query: string, variables: Record<string, unknown> = {}): Promise<Data> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Data; errors?: GraphQLErrorBody[] };
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code);
  if (!body.data) throw new ApiError(`The API answered ${response.status} without data.`, undefined);
  return body.data;
}

export interface GraphNode {
  id: string;
  label: string;
  kind: string;
  attributes: { slug: string; nameEn: string; entityType: string; themes: string[]; regions: string[] };
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type: string;
}

export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface GraphFilterInput {
  kinds?: string[] | null;
  themes?: string[] | null;
  regions?: string[] | null;
}

export const GRAPH_QUERY = /* GraphQL */ `
  query ExplorerGraph($filter: GraphFilter, $around: GraphAround) {
    graph(filter: $filter, around: $around) {
      nodes {
        id
        label
        kind
        attributes {
          slug
          nameEn
          entityType
          themes
          regions
        }
      }
      edges {
        id
        source
        target
        type
      }
    }
  }
`;

export const CHOICES_QUERY = /* GraphQL */ `
  query ExplorerChoices {
    themes(first: 100) {
      nodes {
        slug
        nameEn
      }
    }
    regions(first: 100) {
      nodes {
        slug
        nameEn
      }
    }
  }
`;

export interface Choice {
  slug: string;
  nameEn: string;
}

export const SEARCH_QUERY = /* GraphQL */ `
  query ExplorerSearch($query: String!) {
    search(query: $query, first: 10) {
      edges {
        node {
          __typename
          id
          name
          nameEn
          slug
        }
      }
    }
  }
`;

export interface SearchHit {
  __typename: string;
  id: string;
  name: string;
  nameEn: string;
  slug: string;
}

export const DETAILS_QUERY = /* GraphQL */ `
  query ExplorerDetails($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Entity {
        slug
        name
        nameEn
        description
        aliases
        sources {
          document
          quote
          source {
            title
            publisher
            year
            url
          }
        }
        relationships(first: 100) {
          totalCount
          edges {
            type
            direction
            negated
            role
            validFrom
            validTo
            node {
              __typename
              id
              name
              nameEn
            }
            sources {
              document
              quote
              source {
                title
              }
            }
          }
        }
      }
      ... on Actor {
        website
      }
      ... on Initiative {
        website
      }
      ... on Strategy {
        website
      }
    }
  }
`;

export interface Citation {
  document: string;
  quote: string;
  source: { title: string; publisher?: string; year?: number | null; url?: string | null } | null;
}

export interface Details {
  __typename: string;
  id: string;
  slug: string;
  name: string;
  nameEn: string;
  description: string | null;
  aliases: string[];
  website?: string | null;
  sources: Citation[];
  relationships: {
    totalCount: number;
    edges: {
      type: string;
      direction: 'OUTGOING' | 'INCOMING';
      negated: boolean;
      role: string | null;
      validFrom: string | null;
      validTo: string | null;
      node: { __typename: string; id: string; name: string; nameEn: string };
      sources: Citation[];
    }[];
  };
}
