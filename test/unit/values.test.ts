import neo4j from 'neo4j-driver';
import { toPlain } from '../../src/db/values';

/** What the driver hands back becomes plain values at src/db's boundary, however deeply nested. */
test('integers, temporals, nodes and relationships become plain values inside lists and maps', () => {
  const node = new neo4j.types.Node(neo4j.int(1), ['Entity', 'Actor'], { id: 'a', year: neo4j.int(2020) }, 'e1');
  const relationship = new neo4j.types.Relationship(neo4j.int(2), neo4j.int(1), neo4j.int(3), 'FUNDS', {
    amount: neo4j.int(5),
  });
  const value = {
    count: neo4j.int(42),
    when: new neo4j.types.Date(2026, 12, 2),
    rows: [{ node, relationship, names: ['x', null, true, 1.5] }],
    missing: undefined,
  };
  expect(toPlain(value)).toEqual({
    count: 42,
    when: '2026-12-02',
    rows: [{ node: { id: 'a', year: 2020 }, relationship: { amount: 5 }, names: ['x', null, true, 1.5] }],
    missing: null,
  });
  expect(toPlain('text')).toBe('text');
  expect(toPlain(Object.create(null))).toEqual({});
});
