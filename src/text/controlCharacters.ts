/**
 * Characters that no file the API writes may carry, whatever its format: the C0 controls but tab,
 * line feed and carriage return (NUL, BEL, form feed and the like, which arrive in text copied
 * from PDFs or typed by a hostile client), DEL, the C1 controls (U+0080 to U+009F), lone
 * surrogates (half a character, which no UTF-8 file can hold) and the noncharacters U+FFFE and
 * U+FFFF. XML 1.0 cannot hold most of them at all; in CSV and JSON they reach spreadsheets,
 * terminals and log viewers, which act on them. With the `u` flag a surrogate pair is one code
 * point, so the range U+D800 to U+DFFF matches only a surrogate without its other half.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFFFE\uFFFF]/gu;

/**
 * The text without control characters (see above): removed, not replaced, so that a name with a
 * stray BEL reads as the name. Tab, line feed and carriage return stay: descriptions and quotes
 * have line breaks, and each format quotes or escapes them.
 */
export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '');
}
