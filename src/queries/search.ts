import type { GraphQLResolveInfo } from 'graphql';
import type { ReadContext } from '../context';
import type { Row } from '../db/Database';
import type { SearchKind } from '../generated/graphql';
import { badUserInput } from '../graphql/errors';
import { cursorKind } from '../graphql/pagination';
import type { EntityModel, SearchConnectionModel, SearchEdgeModel } from '../models';
import { plannedSearch } from '../planner/plannedLists';
import { foldForMatching } from '../text/fold';
import { keysetConnection, type EdgeReader, type PageArgs } from './connections';

const MAX_QUERY_LENGTH = 200;
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

const LABEL_OF_KIND: Record<SearchKind, string> = {
  ACTOR: 'Actor',
  INITIATIVE: 'Initiative',
  STRATEGY: 'Strategy',
  PRIORITY: 'Priority',
  THEME: 'Theme',
  STAGE: 'Stage',
  REGION: 'Region',
};

/**
 * Words that join names rather than name anything, in English, Swedish and Danish (folded, as the
 * words are): "Lund and University" is written "Lund University" elsewhere, and the index's
 * analyzer drops some of them, so a required "and" would match nothing.
 */
const STOP_WORDS = new Set(
  ['and', 'of', 'the', 'for', 'in', 'on', 'at', 'to', 'by', 'with', 'an', 'och', 'av', 'pa', 'med', 'till', 'vid', 'om']
    .concat(['det', 'den', 'en', 'ett', 'og', 'af', 'til'])
    .map(foldForMatching),
);

/**
 * Builds the Lucene query for the user's words. Every word is escaped (no Lucene syntax from
 * input) and must match, exactly (boosted), as a prefix, or within one edit. Words are folded
 * first because prefix and fuzzy terms bypass the analyzer. Stop words are optional (they only
 * raise the score), unless the query has nothing else.
 */
export function luceneQuery(text: string): string {
  const words = foldForMatching(text)
    .replace(LUCENE_SPECIAL, ' ')
    .split(' ')
    .filter((w) => w.length > 0);
  const term = (w: string) => (w.length >= 4 ? `(${w}^3 OR ${w}* OR ${w}~1)` : `(${w}^3 OR ${w}*)`);
  const required = words.filter((w) => !STOP_WORDS.has(w));
  if (required.length === 0) return words.map(term).join(' AND ');
  const optional = words.filter((w) => STOP_WORDS.has(w));
  // Lucene's classic parser: "A AND B C" requires A and B; C (default operator OR) is optional.
  return [required.map(term).join(' AND '), ...optional.map(term)].join(' ');
}

/** The search list's cursors: [score, id]. */
export const SEARCH_CURSOR = cursorKind('search', ['number', 'string']);

/** A search hit as an edge of the list, with the sort values of its cursor. */
export const searchEdges: EdgeReader<typeof SEARCH_CURSOR.shape, Row, Omit<SearchEdgeModel, 'cursor'>> = {
  cursor: SEARCH_CURSOR,
  edge: (row) => ({ node: row.entity as EntityModel, score: row.score as number }),
  sortValues: ({ node, score }) => [score, node.id],
};

/** The checked parameters of a search: the Lucene query and the labels of the kinds. BAD_USER_INPUT otherwise. */
export function searchParams(args: { query: string; kinds?: readonly SearchKind[] | null }) {
  if (args.query.length > MAX_QUERY_LENGTH) {
    throw badUserInput(`"query" must be at most ${MAX_QUERY_LENGTH} characters, not ${args.query.length}.`, 'query');
  }
  const lucene = luceneQuery(args.query);
  if (!lucene) throw badUserInput(`"query" must contain a word to search for, and "${args.query}" has none.`, 'query');
  const labels = args.kinds?.length ? args.kinds.map((k) => LABEL_OF_KIND[k]) : null;
  return { lucene, labels };
}

/**
 * Full-text search over entities (cypher/search.cypher), ranked by score, keyset-paginated. With
 * the field's resolve info, a first page is read with its nested relationship fields in one
 * planned statement where it can be (src/planner/).
 */
export async function search(
  ctx: ReadContext,
  args: PageArgs & { query: string; kinds?: readonly SearchKind[] | null },
  info?: GraphQLResolveInfo,
): Promise<SearchConnectionModel> {
  const params = searchParams(args);
  const planned = info ? await plannedSearch(ctx, args, params, info) : null;
  if (planned) return planned;
  return keysetConnection(ctx, args, {
    ...searchEdges,
    query: { forward: 'search', backward: 'searchReverse' },
    params,
    position: (from) => {
      const [fromScore, fromId] = from ?? [null, null];
      return { fromScore, fromId };
    },
    count: { query: 'searchCount' },
    prime: ctx.loaders.entitiesById,
  });
}
