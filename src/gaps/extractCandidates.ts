import type { Token } from './tokenize';
import { tolerantEqual } from './tolerantEqual';

/**
 * What made a stretch of text look like a name:
 * - `acronym`: capitals ("ERRIN", "ICPerMed", "MAX IV") or letters with digits ("S3P", "RUFS2050");
 * - `name`: capitalised words in a row ("Blekinge Institute of Technology");
 * - `capitalised`: one capitalised word that no sentence start explains ("Fordonsdalen");
 * - `pattern`: a Swedish organisation or programme ("Lunds universitet", "Skanes innovationsstrategi",
 *   "regionalfondsprogrammet", "Region Stockholm");
 * - `listed`: an item of a list after "t.ex.", "exempelvis", "such as" … ("diabetes").
 */
export type CandidateKind = 'acronym' | 'name' | 'capitalised' | 'pattern' | 'listed';

/** A stretch of a sentence that looks like a name: tokens `first`..`last` of the sentence's tokens. */
export interface Candidate {
  kind: CandidateKind;
  first: number;
  last: number;
  /** The stretch as it stands in the cleaned document, whitespace collapsed. */
  text: string;
  /**
   * The stretch without what may not belong to the name, the capitalised word that starts the
   * sentence and a "för …" after it: a name too when that is known ("Positionera Skane" where Skåne
   * is, "Centrum för primärvårdsforskning" where Centrum … is not).
   */
  core?: { first: number; last: number };
}

// Which kind a stretch found twice keeps.
const KIND_ORDER: CandidateKind[] = ['acronym', 'pattern', 'name', 'capitalised', 'listed'];

// Small words inside names: "Blekinge Institute of Technology", "Invest in Skåne", "Centrum för …".
const CONNECTORS = new Set(['of', 'in', 'for', 'on', 'the', 'de', 'del', 'der', 'van', 'von', 'du', 'la', 'le']);

// Words that are never a name, capitalised or not (folded): articles, pronouns, prepositions and
// numerals, which a sentence or a figure's label starts with ("Tre universitet", "Nio universitet").
const FUNCTION_WORDS = new Set(
  (
    'i en ett den det de dem dess denna detta dessa där dar här har vi ni du jag man som att och eller samt men om pa på av ' +
    'for för fran från till med vid under efter inom genom mellan utan aven även nar när sa så sedan da då ' +
    'tva två tre fyra fem sex sju atta åtta nio tio elva tolv ' +
    'the a an and or of in on at to for from with by as is are was were be this that these those there their ' +
    'our we you it its if yes no not one two three four five six seven eight nine ten'
  )
    .split(' ')
    .map((w) => w.normalize('NFKD').replace(/\p{M}/gu, '')),
);

// Endings of Swedish organisations and programmes, folded ("rådet" is "radet", "högskola" "hogskola").
const SUFFIXES = [
  'centrum',
  'centret',
  'fakulteten',
  'fakultet',
  'programmet',
  'institutet',
  'institut',
  'universitetet',
  'universitet',
  'hogskolan',
  'hogskola',
  'strategin',
  'strategi',
  'radet',
  'fonden',
];
// Words with those endings that name nothing: "området" folds to "omradet".
const NOT_SUFFIXED = ['omradet'];
// "Precisionsmedicinskt centrum syd", "GMC Syd".
const DIRECTIONS = new Set(['syd', 'nord', 'vast', 'ost', 'south', 'north', 'east', 'west']);
/** Words a "för" after a bare ending takes along: "strategi för hållbar tillväxt". */
const FOR_WORDS = 2;

// Where a list of examples begins, word by word ("sdsom" in 001 is "såsom").
const LIST_CUES = [
  ['t', 'ex'],
  ['tex'],
  ['till', 'exempel'],
  ['exempelvis'],
  ['såsom'],
  ['bland', 'annat'],
  ['bl', 'a'],
  ['e', 'g'],
  ['such', 'as'],
];
const LIST_END = /[;:!?()]|\.(?=\s|$)|\s[—–-]\s/u;
const LIST_SEPARATOR = /,\s*|(?<!-)\s+(?:och|and|eller|or|samt|&)\s+/gu;
// What an item may start with that is not its name: "genom samarbete", "inom regulatory affairs".
const ITEM_LEAD =
  /^(?:(?:the|an?|en|ett|den|det|de|and|or|och|eller|samt|genom|inom|via|med|i|in|within|through)\s+)+/iu;
/** A list item longer than this is prose, and ends the list. */
const MAX_ITEM_WORDS = 4;

/**
 * The stretches of one sentence that look like names, found by their form alone (whether the
 * graph knows them is for `NameResolver`). `tokens` are the sentence's tokens with offsets in the
 * cleaned document, `sentence.start` the sentence's offset there. `commonWords` are the folded
 * words the documents also write in lower case: a capital on such a word where a sentence or line
 * starts (or after ":", "—", "(") is the sentence's, not a name's, and a word in capitals that is
 * one is a heading shouting ("LIVSMEDEL"), not an acronym.
 */
export function extractCandidates(
  sentence: { text: string; start: number },
  tokens: Token[],
  commonWords: ReadonlySet<string>,
): Candidate[] {
  const at = (offset: number) => offset - sentence.start;
  const gapBefore = (i: number) => sentence.text.slice(i === 0 ? 0 : at(tokens[i - 1]!.end), at(tokens[i]!.start));
  const plain = (i: number) => /^(?:\s+|-|\s*&\s*)$/u.test(gapBefore(i));
  const genitive = (i: number) => /^[:’'´]s\s+$/u.test(gapBefore(i));
  const textOf = (first: number, last: number) =>
    sentence.text.slice(at(tokens[first]!.start), at(tokens[last]!.end)).replace(/\s+/g, ' ');

  const info = tokens.map((token, i) => {
    const letters = token.text.match(/\p{L}/gu)?.length ?? 0;
    const upper = token.text.match(/\p{Lu}/gu)?.length ?? 0;
    const digit = /\p{N}/u.test(token.text);
    const shouted = !digit && letters >= 4 && upper === letters && (letters >= 7 || commonWords.has(token.folded));
    const acronym = !shouted && letters > 0 && !/^\p{Ll}/u.test(token.text) && (upper >= 2 || (digit && upper >= 1));
    const capital = !shouted && /^\p{Lu}/u.test(token.text) && !FUNCTION_WORDS.has(token.folded);
    const gap = gapBefore(i).replace(/^[:’'´]s/u, '');
    // Where a capital may be the sentence's: its start, after ":", "—", "(" or a list mark, or
    // after a period that is not an abbreviation's ("e.g. Lund University") …
    const afterPeriod = /[.?!]/u.test(gap) && (tokens[i - 1]?.text.length ?? 0) > 2;
    const sentenceStart = i === 0 || afterPeriod || /[:;—–(“"•]|(?:^|\s)-\s/u.test(gap);
    // … or at a line's start, where the PDF text runs a heading into the sentence after it.
    const lineStart = sentenceStart || gap.includes('\n');
    const common = commonWords.has(token.folded);
    return {
      acronym,
      // Starts the sentence with a capital that may be the sentence's: named only with the words after it.
      opens: sentenceStart && capital && !acronym,
      nameWord: acronym || (capital && !(lineStart && common)),
      // A common word capitalised at the sentence's start, before a name: "Positionera Skane", "Innovation Performance Group".
      leads: sentenceStart && capital && common,
    };
  });
  // "Region Skåne" is a name even where a sentence starts with it.
  tokens.forEach((token, i) => {
    if (token.folded === 'region' && /^\p{Lu}/u.test(token.text) && info[i + 1]?.nameWord && plain(i + 1)) {
      Object.assign(info[i]!, { nameWord: true, opens: false, leads: false });
    }
  });

  const found: Candidate[] = [];
  const add = (kind: CandidateKind, first: number, last: number, core?: { first: number; last: number }) => {
    const differs = core && core.first <= core.last && (core.first !== first || core.last !== last);
    found.push({ kind, first, last, text: textOf(first, last), ...(differs ? { core } : {}) });
  };

  // Capitalised words and acronyms in a row, with connectors between them.
  for (let i = 0; i < tokens.length;) {
    const leads = info[i]!.leads && info[i + 1]?.nameWord === true && plain(i + 1);
    if (!info[i]!.nameWord && !leads) {
      i++;
      continue;
    }
    let last = i;
    let words = 1;
    let acronyms = Number(info[i]!.acronym);
    for (let j = i + 1; j < tokens.length && plain(j); j++) {
      if (info[j]!.nameWord) {
        last = j;
        words++;
        acronyms += Number(info[j]!.acronym);
      } else if (CONNECTORS.has(tokens[j]!.folded) && info[j + 1]?.nameWord && plain(j + 1)) {
        continue;
      } else {
        break;
      }
    }
    // One capitalised word where a sentence starts is the sentence's capital, not a name, unless
    // it is all the sentence says (a list item, a label: "Facebook", "Fordonsdalen").
    const single = words === 1;
    if (single && info[i]!.opens && tokens.length > 1) {
      i = last + 1;
      continue;
    }
    const kind: CandidateKind = single
      ? info[i]!.acronym
        ? 'acronym'
        : 'capitalised'
      : acronyms === words
        ? 'acronym'
        : tokens[i]!.folded === 'region'
          ? 'pattern'
          : 'name';
    // The core skips the opening word and a connector after it ("Invest in Skåne": "Skåne").
    let inner = i + 1;
    while (inner < last && !info[inner]!.nameWord) inner++;
    if (!single || tokens[i]!.text.length >= 2) add(kind, i, last, info[i]!.opens ? { first: inner, last } : undefined);
    i = last + 1;
  }

  // Swedish organisations and programmes by their endings.
  tokens.forEach((token, head) => {
    const suffix = SUFFIXES.find((s) => token.folded.endsWith(s));
    if (!suffix || NOT_SUFFIXED.some((s) => token.folded.endsWith(s))) return;
    let first = head;
    while (first > 0 && tokens[first]!.joined === '-') first--;
    const compound = first < head || token.folded.length > suffix.length;
    // "life science-strategin": the words of a hyphenated compound's first part.
    if (first < head && first > 0 && !info[first]!.nameWord && /^\p{Ll}/u.test(tokens[first - 1]!.text) && plain(first))
      first--;
    // "Forsknings- och innovationsrådet": a compound sharing its ending with the word before.
    if (first > 1 && tokens[first - 1]!.folded === 'och' && /^-\s+$/u.test(gapBefore(first - 1))) first -= 2;
    while (first > 0 && info[first - 1]!.nameWord && (plain(first) || genitive(first))) first--;
    let last = head;
    // "Centrum för primärvårdsforskning", "strategi för hållbar tillväxt", "doktorandprogrammet för ATMP".
    const withFor = tokens[head + 1]?.folded === 'for' && plain(head + 1);
    if (withFor) {
      // A bare ending takes any words ("strategi för hållbar tillväxt"), a compound only names.
      for (let k = head + 2; k < tokens.length && k - head - 1 <= FOR_WORDS && plain(k); k++) {
        if (FUNCTION_WORDS.has(tokens[k]!.folded) || (compound && !info[k]!.nameWord)) break;
        last = k;
      }
    }
    if (DIRECTIONS.has(tokens[last + 1]?.folded ?? '') && plain(last + 1)) last++;
    // A bare "strategin" or "programmet" names nothing by itself.
    if (!compound && first === head && last === head) return;
    const opens = first < head && info[first]!.opens;
    add('pattern', first, last, { first: opens ? first + 1 : first, last: withFor && last > head ? head : last });
  });

  // Items of a list of examples.
  for (let i = 0; i < tokens.length; i++) {
    const cue = LIST_CUES.find((words) =>
      words.every((word, k) => {
        const folded = tokens[i + k]?.folded;
        return folded !== undefined && tolerantEqual(folded, word);
      }),
    );
    if (!cue) continue;
    const listStart = at(tokens[i + cue.length - 1]!.end);
    let rest = sentence.text.slice(listStart);
    const lead = /^[\s.:,]*/u.exec(rest)![0].length;
    rest = rest.slice(lead);
    const end = LIST_END.exec(rest);
    if (end) rest = rest.slice(0, end.index);
    let itemStart = 0;
    for (const separator of [...rest.matchAll(LIST_SEPARATOR), null]) {
      const itemEnd = separator ? separator.index : rest.length;
      let item = rest.slice(itemStart, itemEnd);
      let from = listStart + lead + itemStart;
      itemStart = separator ? separator.index + separator[0].length : rest.length;
      const itemLead = ITEM_LEAD.exec(item);
      if (itemLead) {
        from += itemLead[0].length;
        item = item.slice(itemLead[0].length);
      }
      const to = from + item.trimEnd().length;
      const inside = tokens.map((t, k) => [t, k] as const).filter(([t]) => at(t.start) >= from && at(t.end) <= to);
      if (inside.length === 0) continue;
      if (inside.length > MAX_ITEM_WORDS) break;
      add('listed', inside[0]![1], inside[inside.length - 1]![1]);
    }
  }

  // One candidate per stretch, of the first kind in KIND_ORDER.
  const bySpan = new Map<string, Candidate>();
  for (const candidate of found) {
    const span = `${candidate.first}:${candidate.last}`;
    const kept = bySpan.get(span);
    if (!kept || KIND_ORDER.indexOf(candidate.kind) < KIND_ORDER.indexOf(kept.kind)) bySpan.set(span, candidate);
  }
  return [...bySpan.values()].sort((a, b) => a.first - b.first || b.last - a.last);
}
