import { nameForm, type NameForm } from './tokenize';

/**
 * Whether a text (folded and joined, see `nameKey`) is the name as the documents write it. The PDF
 * text of 001 puts other letters where the name has å, ä or ö ("Skdne", "Skéne", "hilsa",
 * "Skédne", "séirskilt", "mgjliggor"): those edits cost a quarter, every other edit one, and
 * longer names allow more (see `editAllowance`). Digits must be the same ("Dent2Health" is no
 * "dental health"), and a genitive "s" on either side is free ("Lunds", "IVAs", "Medicon Valleys").
 * `name` is a curated name, with its diacritics, or its `nameForm`.
 */
export function tolerantEqual(text: string, name: string | NameForm): boolean {
  return tolerantDistance(text, typeof name === 'string' ? nameForm(name) : name) !== null;
}

/** The cost of the edits from a text to a name, or null when `tolerantEqual` does not allow them. */
export function tolerantDistance(text: string, name: NameForm): number | null {
  const key = name.key;
  if (text === key || text === `${key}s` || key === `${text}s`) return 0;
  // The first letter survives, but for a garbled å, ä or ö ("éldrande"); requiring it keeps
  // "Medeon" from "Medicon".
  const firstGarbled = name.garbled[0] === 1 && IS_GARBLED[text.charCodeAt(0)] === 1;
  if ((text[0] !== key[0] && !firstGarbled) || digits(text) !== digits(key)) return null;
  const allowed = editAllowance(key.length);
  let best = editDistance(text, name, allowed);
  if (best > 0 && text.endsWith('s')) best = Math.min(best, editDistance(text.slice(0, -1), name, allowed));
  return best <= allowed ? best : null;
}

/** The letters a text may start with and be the name: its first, or any letter garbling puts for å, ä or ö. */
export function firstLetters(name: NameForm): string[] {
  return name.garbled[0] ? [...new Set([name.key[0]!, ...GARBLED])] : [name.key[0]!];
}

/**
 * What the edits between a text and a name of this length may cost: up to 4 letters two garbled
 * letters, up to 9 three, up to 24 one other edit and two garbled letters, and beyond that one
 * edit in twelve letters (priorities' titles, garbled all over in 001).
 */
export function editAllowance(length: number): number {
  if (length <= 4) return 0.5;
  if (length <= 9) return 0.75;
  if (length <= 24) return 1.5;
  return length / 12;
}

// The letters the PDF text writes where a name has å, ä or ö (folded to a and o), and the letters
// it adds beside them ("hialsa", "séirskilt", "Skédne", "niiringslivet").
const GARBLED = 'aoeidg';
const GARBLE_EXTRA = 'ied';
const GARBLE_COST = 0.25;

const IS_GARBLED = new Uint8Array(65536);
for (const c of GARBLED) IS_GARBLED[c.charCodeAt(0)] = 1;
const IS_EXTRA = new Uint8Array(65536);
for (const c of GARBLE_EXTRA) IS_EXTRA[c.charCodeAt(0)] = 1;

let previous = new Float64Array(64);
let current = new Float64Array(64);

/**
 * The cost of the cheapest edits from `text` to `name`: a letter of the text in place of the
 * name's å, ä or ö, or an extra GARBLE_EXTRA letter beside one, costs GARBLE_COST, any other edit
 * 1; Infinity as soon as it must exceed `max`.
 */
export function editDistance(text: string, name: NameForm, max: number): number {
  const { key, garbled } = name;
  if (Math.abs(text.length - key.length) > max / GARBLE_COST) return Infinity;
  if (previous.length <= key.length) {
    previous = new Float64Array(key.length * 2 + 1);
    current = new Float64Array(key.length * 2 + 1);
  }
  // Deleting a name's letter (the text lacks it): always a full edit.
  previous[0] = 0;
  for (let j = 1; j <= key.length; j++) previous[j] = previous[j - 1]! + 1;
  for (let i = 1; i <= text.length; i++) {
    const x = text.charCodeAt(i - 1);
    current[0] = previous[0]! + 1;
    let rowMin = current[0];
    for (let j = 1; j <= key.length; j++) {
      const y = key.charCodeAt(j - 1);
      const substitution = x === y ? 0 : garbled[j - 1] && IS_GARBLED[x] ? GARBLE_COST : 1;
      let value = previous[j - 1]! + substitution;
      // The text has a letter more, after name letter j: cheap beside å, ä or ö.
      const extra = previous[j]! + (IS_EXTRA[x] && (garbled[j - 1] || garbled[j]) ? GARBLE_COST : 1);
      if (extra < value) value = extra;
      const missing = current[j - 1]! + 1;
      if (missing < value) value = missing;
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return Infinity;
    [previous, current] = [current, previous];
  }
  return previous[key.length]! <= max ? previous[key.length]! : Infinity;
}

function digits(text: string): string {
  return text.replace(/\D+/g, ' ').trim();
}
