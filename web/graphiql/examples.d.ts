/**
 * The README's example questions (its table of docs/queries/*.graphql), put into the bundle by
 * scripts/build-web.ts: each file's question and its text.
 */
declare const EXAMPLE_QUESTIONS: { question: string; file: string; query: string }[];
