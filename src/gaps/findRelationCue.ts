import type { Token } from './tokenize';

/**
 * Words that state a relation between the things a sentence names, folded, with the forms the
 * documents use ("finansieras", "partners"). One word, or several in a row.
 */
const CUES: string[][] = [
  // "driv" and the forms of driva ("Medeon har drivit …"), not English "drive".
  ['driv'],
  ['driva'],
  ['drivs'],
  ['driver'],
  ['drivit'],
  ['drivet'],
  ['drivna'],
  ['arrangerar'],
  ['arrangeras'],
  ['ager'],
  ['ags'],
  ['finansierar'],
  ['finansierat'],
  ['finansieras'],
  ['medfinansierar'],
  ['medfinansierat'],
  ['medfinansieras'],
  ['partner'],
  ['partners'],
  ['partnership'],
  ['tillsammans', 'med'],
  ['samarbete', 'mellan'],
  ['i', 'samarbete', 'med'],
  ['member'],
  ['members'],
  ['runs'],
  ['owned'],
  ['owner'],
  ['funds'],
  ['funding'],
  ['leads'],
  ['coordinated'],
  ['co', 'ordinated'],
  ['startat'],
  ['etablerat'],
  ['initierat'],
  ['pa', 'uppdrag', 'av'],
];

/** The first relation cue in a sentence's tokens, as it stands ("drivs av", "i samarbete med"), or null. */
export function findRelationCue(tokens: Token[]): string | null {
  for (let i = 0; i < tokens.length; i++) {
    // The longest cue that starts here: "i samarbete med" rather than "samarbete".
    const cue = CUES.filter((words) => words.every((word, k) => tokens[i + k]?.folded === word)).sort(
      (a, b) => b.length - a.length,
    )[0];
    if (cue) {
      return tokens
        .slice(i, i + cue.length)
        .map((t) => t.text)
        .join(' ');
    }
  }
  return null;
}
