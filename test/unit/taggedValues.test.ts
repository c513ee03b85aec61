import neo4j from 'neo4j-driver';
import { fromTagged, toTagged } from '../../src/db/taggedValues';

/** Backups keep every property's Neo4j type: what toTagged writes, fromTagged gives back. */
const roundTrip = (value: unknown) => fromTagged(JSON.parse(JSON.stringify(toTagged(value))));

test('integers stay integers (64 bits, as text) and floats stay floats, NaN and infinities included', () => {
  expect(toTagged(neo4j.int('9007199254740993'))).toEqual({ $int: '9007199254740993' });
  expect(String(roundTrip(neo4j.int('9007199254740993')))).toBe('9007199254740993');
  expect(neo4j.isInt(roundTrip(neo4j.int(5)))).toBe(true);
  expect(toTagged(5)).toBe(5);
  expect(roundTrip(5)).toBe(5);
  expect(roundTrip(Number.NaN)).toBeNaN();
  expect(roundTrip(-Infinity)).toBe(-Infinity);
});

test('strings, booleans, null and lists are plain JSON', () => {
  const value = ['a', 'ü', '$int'];
  expect(toTagged(value)).toEqual(value);
  expect(roundTrip(true)).toBe(true);
  expect(roundTrip(null)).toBeNull();
  expect(roundTrip([neo4j.int(1), neo4j.int(2)])).toEqual([neo4j.int(1), neo4j.int(2)]);
});

test('temporal values, durations and points keep every field, the zone of a datetime included', () => {
  const values = [
    new neo4j.types.DateTime(2026, 12, 2, 9, 41, 5, 123456789, 3600, undefined),
    new neo4j.types.DateTime(2026, 12, 2, 9, 41, 5, 0, undefined, 'Europe/Stockholm'),
    new neo4j.types.Date(2021, 2, 28),
    new neo4j.types.LocalDateTime(2021, 2, 28, 23, 59, 59, 1),
    new neo4j.types.LocalTime(23, 59, 59, 1),
    new neo4j.types.Time(8, 0, 0, 0, -7200),
    new neo4j.types.Duration(14, 3, 3600, 5),
    new neo4j.types.Point(4326, 13.19, 55.7),
    new neo4j.types.Point(9157, 1, 2, 3),
  ];
  for (const value of values) expect(String(roundTrip(value))).toBe(String(value));
  expect(toTagged(values[2])).toEqual({ $Date: { year: 2021, month: 2, day: 28 } });
});

test('byte arrays travel as base64', () => {
  const bytes = new Int8Array([0, -1, 127]);
  expect(toTagged(bytes)).toEqual({ $bytes: Buffer.from(bytes).toString('base64') });
  expect(roundTrip(bytes)).toEqual(bytes);
});

test('an unknown tag is refused, so a damaged file is not half-read', () => {
  expect(() => fromTagged({ $nope: 1 })).toThrow('Unknown value tag "$nope".');
});
