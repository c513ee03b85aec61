import { foldToken, WORD_PATTERN } from './foldToken';

export interface Token {
  /** The word as it stands. */
  text: string;
  /** The word as `foldToken` folds it. */
  folded: string;
  /** Offsets in the document (the text's offset added). */
  start: number;
  end: number;
  /** Joined to the previous word by a hyphen or slash without a space: "ATMP-centrum", "ESS/MAX". */
  joined: '' | '-' | '/';
}

/**
 * The words of a text with their offsets; `offset` is the text's place in its document. The "s" of
 * a genitive written with an apostrophe or colon ("EU:s", "Skåne´s", "Union’s") is dropped: the
 * word before it is the name.
 */
export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD_PATTERN)) {
    const start = match.index;
    const before = text[start - 1] ?? '';
    if (
      match[0] === 's' &&
      /[:’'´]/.test(before) &&
      tokens.length > 0 &&
      tokens[tokens.length - 1]!.end === start - 1 + offset
    ) {
      continue;
    }
    const joined = (before === '-' || before === '/') && /[\p{L}\p{N}]/u.test(text[start - 2] ?? '') ? before : '';
    tokens.push({
      text: match[0],
      folded: foldToken(match[0]),
      start: start + offset,
      end: start + match[0].length + offset,
      joined,
    });
  }
  return tokens;
}

/** A name's words folded and joined without spaces: how names are compared ("MAX IV" = "MAXIV"). */
export function nameKey(text: string): string {
  return tokenize(text)
    .map((t) => t.folded)
    .join('');
}

/** A name as `tolerantEqual` compares it: its `nameKey`, and which letters of the key were å, ä, ö, ø or æ. */
export interface NameForm {
  key: string;
  /** 1 where the key's letter was å, ä, ö, ø or æ: where the PDF text of 001 garbles. */
  garbled: Uint8Array;
}

const GARBLED_LETTERS = /[åäöøæÅÄÖØÆ]/u;

/** The `NameForm` of a curated name: "Skåne" is "skane" with its third letter marked. */
export function nameForm(text: string): NameForm {
  const tokens = tokenize(text);
  const key = tokens.map((t) => t.folded).join('');
  const garbled = new Uint8Array(key.length + 1);
  let at = 0;
  for (const token of tokens) {
    // Letter by letter: a folded letter is one letter, but for æ (ae).
    const letters = [...token.text].map((c) => ({ folded: foldToken(c), garbled: GARBLED_LETTERS.test(c) }));
    if (letters.reduce((n, l) => n + l.folded.length, 0) !== token.folded.length) {
      at += token.folded.length;
      continue;
    }
    for (const letter of letters) {
      for (let k = 0; k < letter.folded.length; k++) garbled[at++] = Number(letter.garbled);
    }
  }
  return { key, garbled };
}
