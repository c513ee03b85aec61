import XMLBuilder from 'fast-xml-builder';
import { withoutControlCharacters } from '../text/controlCharacters';

/**
 * The XML writer of the GraphML and GEXF exports: fast-xml-builder, which escapes text and
 * attribute values. Two additions: line breaks and tabs in attribute values are written as
 * character references, because an XML parser turns raw ones into spaces (and a quote would come
 * back changed); and characters that XML 1.0 cannot hold at all (control characters from PDF
 * text or a hostile client) are removed, as every export removes them (src/text/controlCharacters.ts),
 * instead of making the file unreadable.
 */
const DEFAULT_ENTITIES = [
  // "&" first: the other replacements insert ampersands of their own.
  { regex: /&/g, val: '&amp;' },
  { regex: />/g, val: '&gt;' },
  { regex: /</g, val: '&lt;' },
  { regex: /'/g, val: '&apos;' },
  { regex: /"/g, val: '&quot;' },
  { regex: /\n/g, val: '&#10;' },
  { regex: /\r/g, val: '&#13;' },
  { regex: /\t/g, val: '&#9;' },
];

/** A value as XML text: strings made safe for XML 1.0, numbers and booleans as they print. */
export function xmlText(value: string | number | boolean): string {
  return typeof value === 'string' ? withoutControlCharacters(value) : String(value);
}

/** Builds an XML document from fast-xml-builder's object form ("@_name" for attributes). */
export function buildXml(document: Record<string, unknown>): string {
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    format: true,
    indentBy: '  ',
    suppressEmptyNode: true,
    // Otherwise an attribute whose value is "true" is written bare (<attvalue value/>), which is not XML.
    suppressBooleanAttributes: false,
    // Not in the option types or the README, but read by the builder for every text and attribute
    // value (replaceEntitiesValue); test/unit/exportFormats.test.ts checks that it still is.
    ...({ entities: DEFAULT_ENTITIES } as object),
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build(document)}`;
}
