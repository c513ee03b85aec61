import type { SeedData } from '../seed/loadSeedFiles';
import { editAllowance, firstLetters, tolerantDistance } from './tolerantEqual';
import { nameForm, tokenize, type NameForm, type Token } from './tokenize';

/** An entity named in a text: tokens `first`..`last` (inclusive) of the tokens searched. */
export interface Mention {
  id: string;
  first: number;
  last: number;
  /** Edits between the text and the name (0: the same once folded). */
  distance: number;
  /** Length of the name's key: the longer name wins an overlap. */
  length: number;
}

interface NameEntry {
  id: string;
  form: NameForm;
  words: number;
}

/**
 * A window may hold a few words more or fewer than the name, spelt the same: "MAXIV" for "MAX IV",
 * "Sci Life lab" for "SciLifeLab". Only a window of as many words may differ in spelling, so that
 * "med en" is not "Medeon".
 */
const WORD_SLACK = 2;

/**
 * Finds the graph's entities in text by every name they have: id (its words), name, nameEn and
 * aliases. Names and text are compared as `nameKey`s with `tolerantEqual`, so the documents' own
 * spellings ("Region Skdnes", "Skanes") find the curated names. Where names overlap, the longest
 * wins: "Region Skånes ATMP-centrum" is one mention, not Region Skåne and ATMP besides.
 */
export class NameResolver {
  private readonly byFirstLetter = new Map<string, NameEntry[]>();
  private readonly longest: number;

  constructor(entities: { id: string; names: string[] }[]) {
    const seen = new Map<string, NameEntry>();
    let longest = 1;
    for (const { id, names } of entities) {
      // The names first: where the id spells a name without å, ä or ö, the name's letters are kept.
      for (const name of [...names, id.replace(/-/g, ' ')]) {
        const form = nameForm(name);
        const { key } = form;
        if (key.length < 2) continue;
        // One entry per spelling; where "Skåne" and "Skane" meet, å is kept.
        const same = seen.get(`${id}\u0000${key}`);
        if (same) {
          same.form.garbled.forEach((bit, i) => (same.form.garbled[i] = bit | form.garbled[i]!));
          continue;
        }
        const entry = { id, form, words: tokenize(name).length };
        seen.set(`${id}\u0000${key}`, entry);
        longest = Math.max(longest, entry.words);
        for (const letter of firstLetters(form)) {
          const list = this.byFirstLetter.get(letter) ?? [];
          list.push(entry);
          this.byFirstLetter.set(letter, list);
        }
      }
    }
    this.longest = longest + WORD_SLACK;
  }

  static fromSeed(data: SeedData): NameResolver {
    return new NameResolver(
      data.entities.map(({ record }) => ({ id: record.id, names: [record.name, record.nameEn, ...record.aliases] })),
    );
  }

  /** The entities named in a run of tokens (one sentence), longest names first, none overlapping. */
  mentions(tokens: Token[]): Mention[] {
    const found: Mention[] = [];
    for (let first = 0; first < tokens.length; first++) {
      const entries = this.byFirstLetter.get(tokens[first]!.folded[0]!);
      if (!entries) continue;
      // The window's keys, one word longer each time.
      const windows: string[] = [];
      for (let last = first, key = ''; last < tokens.length && last - first < this.longest; last++) {
        key += tokens[last]!.folded;
        windows.push(key);
      }
      for (const entry of entries) {
        // The window closest to the name: "Skanes Forsknings- och innovationsrad", not "som Skanes …".
        let best: Mention | null = null;
        const from = Math.max(1, entry.words - WORD_SLACK);
        const to = Math.min(windows.length, entry.words + WORD_SLACK);
        for (let size = from; size <= to; size++) {
          const window = windows[size - 1]!;
          const { key } = entry.form;
          let distance: number | null;
          if (size !== entry.words) {
            distance = window === key || window === `${key}s` ? 0 : null;
          } else {
            // Cheap test first: most windows differ too much in length to be the name.
            if (Math.abs(window.length - key.length) > 4 * editAllowance(key.length) + 1) continue;
            distance = tolerantDistance(window, entry.form);
          }
          if (distance !== null && (!best || distance < best.distance)) {
            best = { id: entry.id, first, last: first + size - 1, distance, length: key.length };
          }
        }
        if (best) found.push(best);
      }
    }
    // Longest names first, then the closest, then the earliest: each token belongs to one mention.
    found.sort((a, b) => b.length - a.length || a.distance - b.distance || a.first - b.first);
    const taken = new Array<boolean>(tokens.length).fill(false);
    const chosen: Mention[] = [];
    for (const mention of found) {
      let free = true;
      for (let i = mention.first; i <= mention.last; i++) free &&= !taken[i];
      if (!free) continue;
      for (let i = mention.first; i <= mention.last; i++) taken[i] = true;
      chosen.push(mention);
    }
    return chosen.sort((a, b) => a.first - b.first);
  }

  /**
   * The entities a whole name stands for: the ids of the mentions that together cover every word
   * of it ("Skdne" → ["skane"]), or null when some word is named by none.
   */
  resolve(name: string): string[] | null {
    const tokens = tokenize(name);
    if (tokens.length === 0) return null;
    const mentions = this.mentions(tokens);
    return NameResolver.covers(mentions, 0, tokens.length - 1) ? [...new Set(mentions.map((m) => m.id))] : null;
  }

  /** Whether tokens `first`..`last` all lie in some mention. */
  static covers(mentions: Mention[], first: number, last: number): boolean {
    for (let i = first; i <= last; i++) {
      if (!mentions.some((m) => m.first <= i && i <= m.last)) return false;
    }
    return true;
  }
}
