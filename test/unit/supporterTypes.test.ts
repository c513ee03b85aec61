import fs from 'node:fs';
import path from 'node:path';
import { HELP_TYPES } from '../../src/seed/model';

/**
 * The Cypher of supporters and the actor filter name their relationship types in patterns (a
 * type cannot be a parameter there): they must be exactly the helping types of src/seed/model.ts.
 */
const fragment = (name: string) =>
  fs.readFileSync(path.join(__dirname, '..', '..', 'cypher', 'fragments', `${name}.cypher`), 'utf8');
const typeLists = (text: string) => [...text.matchAll(/\[:([A-Z_|]+)\]/g)].map((m) => m[1]!.split('|').sort());

describe('the helping relationship types are the same in the Cypher and in the model', () => {
  test('supporterCandidates: theme links are the helping types and FOCUSES_ON, stage links add TARGETS_STAGE', () => {
    const lists = typeLists(fragment('supporterCandidates')).filter((l) => l.includes('SUPPORTS'));
    expect(lists).toHaveLength(4);
    expect(lists[0]).toEqual([...HELP_TYPES, 'FOCUSES_ON'].sort());
    expect(lists[1]).toEqual([...HELP_TYPES, 'FOCUSES_ON'].sort());
    expect(lists[2]).toEqual([...HELP_TYPES, 'TARGETS_STAGE'].sort());
    expect(lists[3]).toEqual([...HELP_TYPES, 'TARGETS_STAGE'].sort());
  });

  test('actorFilter: themes through the helping types and FOCUSES_ON, stages through them and TARGETS_STAGE', () => {
    const lists = typeLists(fragment('actorFilter')).filter((l) => l.includes('SUPPORTS'));
    expect(lists).toEqual([[...HELP_TYPES, 'FOCUSES_ON'].sort(), [...HELP_TYPES, 'TARGETS_STAGE'].sort()]);
  });
});
