/**
 * Where quotes stand in a document's text, as offsets of the file: a quote is compared with the
 * text as the seed loader compares it (runs of whitespace as one space, hyphens at line breaks
 * kept), so every quote the loader accepted is found. Every occurrence is returned.
 */
export function locateQuotes(raw: string, quotes: string[]): { start: number; end: number }[] {
  // The text with whitespace collapsed, and where each of its characters stands in the file.
  let flat = '';
  const offsets: number[] = [];
  for (const match of raw.matchAll(/\S+/g)) {
    if (flat) {
      flat += ' ';
      offsets.push(match.index - 1);
    }
    flat += match[0];
    for (let i = 0; i < match[0].length; i++) offsets.push(match.index + i);
  }
  const spans: { start: number; end: number }[] = [];
  for (const quote of quotes) {
    const needle = quote.split(/\s+/).filter(Boolean).join(' ');
    if (!needle) continue;
    for (let at = flat.indexOf(needle); at >= 0; at = flat.indexOf(needle, at + 1)) {
      spans.push({ start: offsets[at]!, end: offsets[at + needle.length - 1]! + 1 });
    }
  }
  return spans;
}
