/** The longest piece of a client's input that an error message echoes. */
export const ECHO_LIMIT = 80;

/**
 * Shortens text that an error message echoes back to the client, so that a 100 kB argument does
 * not come back as a 100 kB message: at most `max` characters, the last three "..." when cut.
 */
export function truncate(text: string, max = ECHO_LIMIT): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}
