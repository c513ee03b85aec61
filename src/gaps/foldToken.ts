/**
 * How the completeness check compares words: case and diacritics folded on both sides, and the
 * digits that the PDF text of the FIRS agenda (001) puts where a letter stood, so that the
 * document's "Skéne", "6ka" and "16per" compare with the curated "Skåne", "öka" and "löper".
 * What folding cannot repair ("Skdne", "hilsa") is left to `tolerantEqual`.
 */

/**
 * A word: letters and digits, with & or + inside a name ("R&D", "1M+Genome"). Everything else
 * separates words, so a genitive written "EU:s" or "Skåne´s" leaves "EU" and "Skåne" (and an "s"
 * that `tokenize` drops).
 */
export const WORD_PATTERN = /[\p{L}\p{N}]+(?:[&+][\p{L}\p{N}]+)*/gu;

// ø and æ have no decomposition; the rest of Latin loses its marks through NFKD.
const LETTER_FOLDS: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ł: 'l', ı: 'i' };

// A digit beside a letter is a garbled letter: 6 and 0 for ö, 1 for l ("1angsiktigt", "lI6sningarna").
const DIGIT_LETTERS: Record<string, string> = { '0': 'o', '1': 'l', '6': 'o' };
const DIGIT_BESIDE_LETTER = /(?<=\p{L})[016]|[016](?=\p{L})/gu;

/** One word folded: lower case, no diacritics, a garbled digit inside the word read as its letter. */
export function foldToken(word: string): string {
  let folded = word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[øæœßđłı]/g, (c) => LETTER_FOLDS[c]!);
  // Twice, since a repaired digit can make its neighbour a digit beside a letter ("16per").
  for (let pass = 0; pass < 2; pass++) folded = folded.replace(DIGIT_BESIDE_LETTER, (d) => DIGIT_LETTERS[d]!);
  return folded;
}
