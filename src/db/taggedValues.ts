import neo4j from 'neo4j-driver';

/**
 * Lossless JSON for Neo4j property values, for backups: what `toTagged` writes, `fromTagged`
 * turns back into the driver values that write exactly the same property again. Plain JSON keeps
 * strings, booleans, floats and lists; the types JSON lacks become one-key objects (a property
 * value is never a map in Neo4j, so an object is always a tag):
 *
 * | Neo4j | tagged JSON |
 * |---|---|
 * | Integer | `{"$int": "42"}` (a string: 64 bits do not fit a JSON number) |
 * | Float NaN, ±Infinity | `{"$float": "NaN"}` |
 * | Date, Time, LocalTime, DateTime, LocalDateTime, Duration, Point | `{"$DateTime": {year, month, …, timeZoneId}}`: the driver object's own fields |
 * | ByteArray | `{"$bytes": "<base64>"}` |
 */
export type Tagged = null | boolean | number | string | Tagged[] | { [tag: string]: unknown };

type Fields = Record<string, number | string | null>;

const TEMPORALS = {
  Date: { is: neo4j.isDate, fields: ['year', 'month', 'day'] },
  Time: { is: neo4j.isTime, fields: ['hour', 'minute', 'second', 'nanosecond', 'timeZoneOffsetSeconds'] },
  LocalTime: { is: neo4j.isLocalTime, fields: ['hour', 'minute', 'second', 'nanosecond'] },
  DateTime: {
    is: neo4j.isDateTime,
    fields: ['year', 'month', 'day', 'hour', 'minute', 'second', 'nanosecond', 'timeZoneOffsetSeconds', 'timeZoneId'],
  },
  LocalDateTime: {
    is: neo4j.isLocalDateTime,
    fields: ['year', 'month', 'day', 'hour', 'minute', 'second', 'nanosecond'],
  },
  Duration: { is: neo4j.isDuration, fields: ['months', 'days', 'seconds', 'nanoseconds'] },
  Point: { is: neo4j.isPoint, fields: ['srid', 'x', 'y', 'z'] },
} as const;
type TemporalName = keyof typeof TEMPORALS;

function fieldsOf(value: Record<string, unknown>, names: readonly string[]): Fields {
  const fields: Fields = {};
  for (const name of names) {
    const field = value[name];
    if (field === undefined || field === null) continue;
    fields[name] = neo4j.isInt(field) ? (field as { toNumber(): number }).toNumber() : (field as number | string);
  }
  return fields;
}

/** A driver value (a property or a list of them) as tagged JSON. */
export function toTagged(value: unknown): Tagged {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return { $int: String(value) };
  if (typeof value === 'number') return Number.isFinite(value) ? value : { $float: String(value) };
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Int8Array || value instanceof Uint8Array)
    return { $bytes: Buffer.from(value).toString('base64') };
  if (Array.isArray(value)) return value.map(toTagged);
  for (const [name, { is, fields }] of Object.entries(TEMPORALS)) {
    if (is(value)) return { [`$${name}`]: fieldsOf(value as unknown as Record<string, unknown>, fields) };
  }
  if (typeof value === 'object') {
    const out: Record<string, Tagged> = {};
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) out[key] = toTagged(inner);
    return out;
  }
  throw new Error(`A value of type ${typeof value} cannot be stored in a backup.`);
}

function fromTemporal(name: TemporalName, f: Fields): unknown {
  const n = (key: string) => (f[key] ?? 0) as number;
  switch (name) {
    case 'Date':
      return new neo4j.types.Date(n('year'), n('month'), n('day'));
    case 'Time':
      return new neo4j.types.Time(n('hour'), n('minute'), n('second'), n('nanosecond'), n('timeZoneOffsetSeconds'));
    case 'LocalTime':
      return new neo4j.types.LocalTime(n('hour'), n('minute'), n('second'), n('nanosecond'));
    case 'DateTime':
      return new neo4j.types.DateTime(
        n('year'),
        n('month'),
        n('day'),
        n('hour'),
        n('minute'),
        n('second'),
        n('nanosecond'),
        f.timeZoneOffsetSeconds === undefined ? undefined : n('timeZoneOffsetSeconds'),
        (f.timeZoneId as string | undefined) ?? undefined,
      );
    case 'LocalDateTime':
      return new neo4j.types.LocalDateTime(
        n('year'),
        n('month'),
        n('day'),
        n('hour'),
        n('minute'),
        n('second'),
        n('nanosecond'),
      );
    case 'Duration':
      return new neo4j.types.Duration(n('months'), n('days'), n('seconds'), n('nanoseconds'));
    case 'Point':
      return f.z === undefined
        ? new neo4j.types.Point(n('srid'), n('x'), n('y'))
        : new neo4j.types.Point(n('srid'), n('x'), n('y'), n('z'));
  }
}

/**
 * Tagged JSON (from `toTagged`) as the driver values to pass as query parameters. Throws on a
 * tag it does not know, so that a damaged file is refused rather than half-read.
 */
export function fromTagged(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(fromTagged);
  const entries = Object.entries(value as Record<string, unknown>);
  const [tag, inner] = entries[0] ?? [];
  if (entries.length === 1 && tag?.startsWith('$')) {
    if (tag === '$int') return neo4j.int(String(inner));
    if (tag === '$float') return Number(inner);
    if (tag === '$bytes') return new Int8Array(Buffer.from(String(inner), 'base64'));
    const name = tag.slice(1);
    if (name in TEMPORALS && inner && typeof inner === 'object')
      return fromTemporal(name as TemporalName, inner as Fields);
    throw new Error(`Unknown value tag "${tag}".`);
  }
  return Object.fromEntries(entries.map(([key, inner]) => [key, fromTagged(inner)]));
}
