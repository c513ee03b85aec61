import { ENTITY_LABELS, SLUG, type EntityLabel } from '../seed/model';
import { truncate } from '../text/truncate';
import { badUserInput } from './errors';

/** Types whose objects have global ids. */
export type GlobalType = EntityLabel | 'Source';
const GLOBAL_TYPES = new Set<string>([...ENTITY_LABELS, 'Source']);

/**
 * Global ids are opaque to clients: base64url of "Type:key". They stay stable across reloads
 * because the key is the seed slug (or a source's file name).
 */
export function toGlobalId(type: GlobalType, key: string): string {
  return Buffer.from(`${type}:${key}`, 'utf8').toString('base64url');
}

/** Decodes a global id; BAD_USER_INPUT when it is not one of ours. */
export function fromGlobalId(id: string, argumentName = 'id'): { type: GlobalType; key: string } {
  const decoded = /^[A-Za-z0-9_-]{1,400}$/.test(id) ? Buffer.from(id, 'base64url').toString('utf8') : '';
  const separator = decoded.indexOf(':');
  const type = decoded.slice(0, separator);
  const key = decoded.slice(separator + 1);
  if (separator <= 0 || !GLOBAL_TYPES.has(type) || key.length === 0 || toGlobalId(type as GlobalType, key) !== id) {
    throw badUserInput(`"${truncate(id)}" is not a valid id.`, argumentName);
  }
  return { type: type as GlobalType, key };
}

/**
 * How clients name an entity: its slug ("lund-university", easy to type) or its global id. A slug
 * never decodes as a global id (it has no ":"), so the two cannot be confused. Only a global id
 * says its type. BAD_USER_INPUT when `ref` is neither; a name ("Lund University") is the commonest
 * such mistake, so the message points to `search`, which finds entities by name.
 */
export function fromSlugOrGlobalId(ref: string, argumentName = 'id'): { key: string; type?: GlobalType } {
  if (SLUG.test(ref)) return { key: ref };
  try {
    return fromGlobalId(ref, argumentName);
  } catch {
    throw badUserInput(
      `"${truncate(ref)}" is neither a global id nor a slug (such as "lund-university"); to find an entity by its name, use search(query: ...).`,
      argumentName,
    );
  }
}
