import neo4j from 'neo4j-driver';

/**
 * Converts what the driver returns into plain JS values at the boundary, so that nothing above
 * src/db sees a driver type: integers become numbers (the graph's counts fit in 2^53), temporal
 * values ISO strings, nodes and relationships their properties.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Strings, numbers and booleans, most of what a projected row holds, need none of the checks below.
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(toPlain);
  // A map the driver unpacked is a plain object; its integers, temporals and graph types are class instances.
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype === Object.prototype || prototype === null) return plainMap(value as Record<string, unknown>);
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value)
  ) {
    return String(value);
  }
  if (neo4j.isNode(value) || neo4j.isRelationship(value)) {
    return toPlain((value as { properties: unknown }).properties);
  }
  return plainMap(value as Record<string, unknown>);
}

function plainMap(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) out[key] = toPlain(inner);
  return out;
}
