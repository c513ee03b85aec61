// The explorer's only way to the data: POST /graphql, like any other client of the API. The
// operations are in ./queries.graphql; their types are generated (npm run codegen) into
// ./generated/graphql.ts, so a query and the code that reads its answer cannot drift apart.
import type { ExplorerDetailsQuery, TypedDocumentString } from './generated/graphql';

export interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: string; argumentName?: string };
}

/** A GraphQL error answer, with the server's message (it names the bad input) and code. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    readonly code: string | undefined,
    /** The argument a BAD_USER_INPUT names: `limit` when the graph asked for is larger than the API returns. */
    readonly argumentName?: string,
  ) {
    super(message);
  }
}

/** How a request may be sent: `signal` cancels it (a search superseded by the next keystroke). */
export interface RequestOptions {
  signal?: AbortSignal;
}

/**
 * Runs one of the explorer's operations; the answer has the operation's generated type. An
 * operation without variables takes none; one with required variables must get them, and options.
 */
export async function graphql<Data, Variables>(
  document: TypedDocumentString<Data, Variables>,
  ...[variables, options]: Variables extends Record<string, never> ? [] : [Variables, RequestOptions?]
): Promise<Data> {
  const response = await fetch('/graphql', {
    method: 'POST',
    signal: options?.signal,
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
  });
  const body = (await response.json()) as { data?: Data; errors?: GraphQLErrorBody[] };
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code, first.extensions?.argumentName);
  if (!body.data) throw new ApiError(`The API answered ${response.status} without data.`, undefined);
  return body.data;
}

/**
 * A root field's answer when the caller cannot go on without it. Root fields are nullable (one
 * failing field leaves its siblings), and null comes with an error that graphql() throws already;
 * this keeps the type honest and says which field was missing if that ever changes.
 */
export function answered<T>(value: T | null | undefined, field: string): T {
  if (value === null || value === undefined) throw new ApiError(`The API answered no "${field}".`, undefined);
  return value;
}

/** What `node(id)` answers for an entity (the explorer draws only entities, never a Source). */
export type EntityDetails = Extract<NonNullable<ExplorerDetailsQuery['node']>, { name: string }>;

/** A quoted source, as the details of an entity or of one of its relationships list it. */
export type Citation =
  EntityDetails['sources'][number] | EntityDetails['relationships']['edges'][number]['sources'][number];
