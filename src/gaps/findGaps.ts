import type { SeedData } from '../seed/loadSeedFiles';
import { cleanDocument } from './cleanDocument';
import { extractCandidates, type Candidate, type CandidateKind } from './extractCandidates';
import { findRelationCue } from './findRelationCue';
import { graphJoins } from './graphJoins';
import type { Exclusions, NameExclusion, SentenceExclusion } from './loadExclusions';
import { locateQuotes } from './locateQuotes';
import { NameResolver } from './NameResolver';
import { splitSentences } from './splitSentences';
import { nameKey, tokenize } from './tokenize';
import { tolerantEqual } from './tolerantEqual';

/** A name in a document that no entity's id, name, nameEn or alias resolves. */
export interface NameGap {
  doc: string;
  line: number;
  kind: CandidateKind;
  text: string;
  /** The sentence it stands in, whitespace collapsed. */
  sentence: string;
}

/** A sentence that states a relation (`cue`) between entities the graph does not join. */
export interface SentenceGap {
  doc: string;
  line: number;
  cue: string;
  text: string;
  /** Every entity the sentence names, in order. */
  entities: { id: string; name: string }[];
  /** The ids among them joined to none of the others. */
  unjoined: string[];
}

export interface DocumentGaps {
  doc: string;
  names: NameGap[];
  sentences: SentenceGap[];
  /** Gaps that seed/exclusions.yaml leaves out on purpose. */
  excluded: { names: number; sentences: number };
}

/** An exclusion that matches no gap any more: the file must say only what is still true. */
export interface StaleExclusion {
  where: string;
  message: string;
}

export interface GapReport {
  seed: { entities: number; relationships: number };
  documents: DocumentGaps[];
  stale: StaleExclusion[];
  totals: { names: number; distinctNames: number; sentences: number; stale: number; excluded: number };
}

/**
 * The completeness check (`npm run data:gaps`): what the documents name that the graph lacks, and
 * the relations they state between entities that the graph does not join. Files only, no Neo4j.
 * `documents` are the texts of seed/documents/, `data` what `loadSeedFiles` returns.
 */
export function findGaps(input: {
  data: SeedData;
  documents: { doc: string; text: string }[];
  exclusions: Exclusions;
}): GapReport {
  const { data, exclusions } = input;
  const resolver = NameResolver.fromSeed(data);
  const joins = graphJoins(data);
  const nameOf = new Map(data.entities.map(({ record }) => [record.id, record.name]));
  const documents = input.documents.map(({ doc, text }) => {
    const clean = cleanDocument(text);
    return { doc, raw: text, clean, sentences: splitSentences(clean.text) };
  });
  // Words the documents write in lower case somewhere: a capital on one of them at a sentence
  // start does not make a name.
  const commonWords = new Set<string>();
  for (const { clean } of documents) {
    for (const token of tokenize(clean.text)) if (/^\p{Ll}/u.test(token.text)) commonWords.add(token.folded);
  }

  // The exclusions that matched a gap: the others are stale.
  const used = new Set<NameExclusion | SentenceExclusion>();
  const use = (exclusion: NameExclusion | SentenceExclusion | undefined) => {
    if (exclusion) used.add(exclusion);
    return exclusion !== undefined;
  };

  const results: DocumentGaps[] = documents.map(({ doc, raw, clean, sentences }) => {
    const lineOf = lineNumbers(raw);
    const rawSpan = (start: number, end: number) => ({
      start: clean.rawOffsets[start]!,
      end: clean.rawOffsets[end - 1]! + 1,
    });
    const quoted = locateQuotes(
      raw,
      data.relationships.flatMap((r) => r.sources.filter((s) => s.doc === doc).map((s) => s.quote)),
    );
    const result: DocumentGaps = { doc, names: [], sentences: [], excluded: { names: 0, sentences: 0 } };

    for (const sentence of sentences) {
      const tokens = tokenize(sentence.text, sentence.start);
      const mentions = resolver.mentions(tokens);
      const sentenceText = collapse(sentence.text);

      const unresolved = extractCandidates(sentence, tokens, commonWords).filter(
        (c) =>
          !NameResolver.covers(mentions, c.first, c.last) &&
          !(c.core && NameResolver.covers(mentions, c.core.first, c.core.last)),
      );
      for (const candidate of outermost(unresolved)) {
        const exclusion = exclusions.names.find(
          (e) => (e.doc === undefined || e.doc === doc) && tolerantEqual(nameKey(candidate.text), e.text),
        );
        if (use(exclusion)) {
          result.excluded.names++;
          continue;
        }
        const line = lineOf(clean.rawOffsets[tokens[candidate.first]!.start]!);
        result.names.push({ doc, line, kind: candidate.kind, text: candidate.text, sentence: sentenceText });
      }

      const cue = findRelationCue(tokens);
      const ids = [...new Set(mentions.map((m) => m.id))];
      if (!cue || ids.length < 2) continue;
      const unjoined = ids.filter((id) => !ids.some((other) => other !== id && joins.get(id)?.has(other)));
      if (unjoined.length === 0) continue;
      const span = rawSpan(sentence.start, sentence.end);
      // A relationship whose quote lies within the sentence (or holds all of it) explains it.
      if (
        quoted.some((q) => (q.start >= span.start && q.end <= span.end) || (q.start <= span.start && q.end >= span.end))
      )
        continue;
      const rawText = collapse(raw.slice(span.start, span.end));
      const exclusion = exclusions.sentences.find((e) => {
        const snippet = collapse(e.contains);
        return e.doc === doc && (rawText.includes(snippet) || sentenceText.includes(snippet));
      });
      if (use(exclusion)) {
        result.excluded.sentences++;
        continue;
      }
      result.sentences.push({
        doc,
        line: lineOf(span.start),
        cue,
        text: sentenceText,
        entities: ids.map((id) => ({ id, name: nameOf.get(id) ?? id })),
        unjoined,
      });
    }
    return result;
  });

  const stale: StaleExclusion[] = [...exclusions.names, ...exclusions.sentences]
    .filter((e) => !used.has(e))
    .map((e) => ({
      where: e.where,
      message:
        'text' in e
          ? 'no unresolved name matches it any more: remove it.'
          : 'no unexplained sentence contains it any more: remove it.',
    }));
  const names = results.flatMap((r) => r.names);
  return {
    seed: { entities: data.entities.length, relationships: data.relationships.length },
    documents: results,
    stale,
    totals: {
      names: names.length,
      distinctNames: new Set(names.map((n) => `${n.doc}\u0000${nameKey(n.text)}`)).size,
      sentences: results.reduce((sum, r) => sum + r.sentences.length, 0),
      stale: stale.length,
      excluded: results.reduce((sum, r) => sum + r.excluded.names + r.excluded.sentences, 0),
    },
  };
}

/** Unresolved candidates that no other unresolved candidate holds: "GMC Syd" rather than "GMC" besides. */
function outermost(candidates: Candidate[]): Candidate[] {
  return candidates.filter(
    (c) =>
      !candidates.some((o) => o !== c && o.first <= c.first && c.last <= o.last && o.last - o.first > c.last - c.first),
  );
}

function collapse(text: string): string {
  return text.split(/\s+/).filter(Boolean).join(' ');
}

/** The 1-based line of an offset in a text. */
function lineNumbers(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}
