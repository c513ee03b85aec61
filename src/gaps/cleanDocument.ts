/**
 * A document's text as the completeness check reads it, with the way back to the file: `text[i]`
 * stands at `rawOffsets[i]` of the file (and `rawOffsets[text.length]` is the file's length), so a
 * finding can name its line and be compared with quotes, which stand in the file as it is.
 */
export interface CleanText {
  text: string;
  rawOffsets: number[];
}

// A hyphen that the PDF put at a line break ("komp-\netens"): a letter, the hyphen at the line's
// end, the break (blank lines too, at a page break) and a lower-case letter. Not a suspended
// compound ("cell-\noch genterapier" is "cell- och genterapier").
const LINE_BREAK_HYPHEN = /(?<=\p{L})-[ \t]*\r?\n\s*(?=\p{Ll})(?!(?:och|eller|samt|and|or)[\s,.])/gu;

// Web addresses are not names: "https://…" (001 writes "https: //" once, and the Outlook safelinks
// address runs 500 characters) and bare domains such as "1177.se" and "Sll.se".
const URL =
  /https?:\s?\/\/\S+|\b(?:www\.)?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:se|com|dk|eu|org|net|nu|be)\b(?:\/\S*)?/giu;

/**
 * Joins line-break hyphens ("komp-\netens" → "kompetens") and blanks web addresses. The rest of a
 * joined word moves up to its first part and the line break follows it, so lines keep their
 * number and about their width (`splitSentences` reads both).
 */
export function cleanDocument(raw: string): CleanText {
  let text = '';
  const rawOffsets: number[] = [];
  let from = 0;
  const copy = (to: number) => {
    text += raw.slice(from, to);
    for (let i = from; i < to; i++) rawOffsets.push(i);
    from = to;
  };
  // Line breaks taken out of a word, put back after it (a word may break twice: "sam-\nver-\nkan").
  const owed: number[] = [];
  const matches = [...raw.matchAll(LINE_BREAK_HYPHEN)];
  matches.forEach((match, k) => {
    copy(match.index);
    owed.push(raw.indexOf('\n', match.index));
    from = match.index + match[0].length;
    const next = matches[k + 1]?.index ?? Infinity;
    const wordEnd = Math.min(from + /^\S*/u.exec(raw.slice(from))![0].length, next);
    copy(wordEnd);
    if (wordEnd === next) return;
    for (const offset of owed.splice(0)) {
      text += '\n';
      rawOffsets.push(offset);
    }
  });
  copy(raw.length);
  rawOffsets.push(raw.length);
  // Blanked rather than cut, so that the offsets stay as they are.
  return { text: text.replace(URL, (url) => ' '.repeat(url.length)), rawOffsets };
}
