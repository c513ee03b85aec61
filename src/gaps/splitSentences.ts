export interface Sentence {
  /** Offsets in the cleaned text (see `cleanDocument`): the first and one past the last character. */
  start: number;
  end: number;
  text: string;
}

// Abbreviations whose period ends no sentence: "e.g. Lund University", "t.ex. Google".
const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  't.ex',
  'bl.a',
  'ca',
  'cfr',
  'cf',
  'etc',
  'dvs',
  'd.v.s',
  's.k',
  'm.m',
  'resp',
  'nr',
  'no',
  'kap',
  'vs',
  'mr',
  'dr',
  'st',
]);

// A list item's mark at the start of a line: •, a dash, "1." and the bullets the PDF text turned
// into letters ("e Storre samverkan", "o Kommersialiseringsprogram", "¢ Regulatorisk").
const LIST_MARK = /^[ \t]*(?:[•·◦▪‣*¢–—-]|[eo](?=[ \t]+\p{Lu})|\d{1,2}[.)])[ \t]+/u;

/** A text whose lines are this long at most is wrapped, as a PDF's text is; a web page's lines are paragraphs. */
const WRAPPED_WIDTH = 200;
/** In wrapped text, a line this much shorter than the others ends its paragraph. */
const SHORT_LINE = 0.6;

/**
 * Splits a cleaned document into sentences: at ".", "!" or "?" before a capital (not after an
 * abbreviation) and at a list item; at every line break in a web page's text, whose lines are
 * paragraphs; in a PDF's wrapped text at a blank line unless the text goes on in lower case (a page
 * break inside a sentence), and after a short line when the next begins with a capital (a heading,
 * or a figure's label, as "Tre universitet och en hogskola i Skdne").
 */
export function splitSentences(text: string): Sentence[] {
  const widths = text
    .split('\n')
    .map((line) => line.trim().length)
    .filter((width) => width > 0)
    .sort((a, b) => a - b);
  // The width the text is wrapped at: most lines but the widest.
  const width = widths[Math.floor(widths.length * 0.9)] ?? 0;
  const wrapped = (widths[widths.length - 1] ?? 0) <= WRAPPED_WIDTH;
  const sentences: Sentence[] = [];
  let start = 0;
  let lineStart = 0;
  const close = (end: number, next: number) => {
    pushTrimmed(sentences, text, start, end);
    start = next;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      const rest = text.slice(i + 1, i + 200);
      const line = text.slice(lineStart, i).trim();
      lineStart = i + 1;
      const mark = LIST_MARK.exec(rest);
      const blank = /^[ \t]*\r?\n/.test(rest);
      const goesOnInLowerCase = /^\s*\p{Ll}/u.test(rest);
      if (mark) {
        close(i, i + 1 + mark[0].length);
      } else if (!wrapped || (blank && !goesOnInLowerCase)) {
        close(i, i + 1);
      } else if (line.length > 0 && line.length < width * SHORT_LINE && /^\s*[\p{Lu}\p{N}]/u.test(rest)) {
        close(i, i + 1);
      }
    } else if (c === '?' || c === '!') {
      if (/^\s/.test(text.slice(i + 1, i + 2))) close(i + 1, i + 1);
    } else if (c === '.') {
      const after = text.slice(i + 1, i + 24);
      if (!/^["”’)]?\s+["“(]?[\p{Lu}\p{N}]/u.test(after) && !/^["”’)]?\s*$/.test(after)) continue;
      const word = /[\p{L}.]*$/u.exec(text.slice(Math.max(0, i - 8), i))![0].toLowerCase();
      if (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word)) continue;
      close(i + 1, i + 1);
    }
  }
  close(text.length, text.length);
  return sentences;
}

function pushTrimmed(sentences: Sentence[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (/[\p{L}\p{N}]/u.test(text.slice(start, end))) sentences.push({ start, end, text: text.slice(start, end) });
}
