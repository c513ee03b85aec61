import { stringify } from 'csv-stringify/sync';
import type { SubgraphModel } from '../models';
import { withoutControlCharacters } from '../text/controlCharacters';
import { EDGE_COLUMNS, LIST_SEPARATOR, NODE_COLUMNS, attributeRecord, type AttributeValue } from './attributes';
import { kindStyle } from './kindStyle';

/**
 * The characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection"):
 * `=`, `+`, `-` and `@`, and tab and carriage return, after which some programs look again.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell as the CSV files write it: without control characters (src/text/controlCharacters.ts,
 * as every export), and, when it would start a formula, with a single quote before it, as OWASP
 * recommends: `=HYPERLINK(...)` is written `'=HYPERLINK(...)`, which Excel, LibreOffice and Google
 * Sheets show as text. Only text is guarded: the numeric columns (`amount`) are written as numbers
 * (a negative one stays `-5`, which no spreadsheet runs), and a text column that holds `-5` gets the
 * quote like any other text, since the rule cannot tell a number from the start of a formula there.
 */
export function csvText(value: string): string {
  const text = withoutControlCharacters(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * Node and edge lists as CSV, in the column layouts that Kumu and Gephi import. Written with
 * csv-stringify (quoting, embedded line breaks); every text cell through csvText; booleans as
 * "true"/"false", not csv-stringify's default of "1" and "".
 */
function toCsv(header: string[], rows: (AttributeValue | null)[][]): string {
  return stringify([header, ...rows], {
    cast: { boolean: (value) => (value ? 'true' : 'false'), string: csvText },
  });
}

const nodeColumnsExcept = (...names: string[]) => NODE_COLUMNS.filter((c) => !names.includes(c.name));
const edgeColumnsExcept = (...names: string[]) => EDGE_COLUMNS.filter((c) => !names.includes(c.name));

/**
 * Kumu's element sheet: ID first (Kumu then matches connections by it, so that two entities with
 * one name stay two), Label, Type (the readable kind), Description, Tags (the themes, joined by
 * "|" as Kumu reads multiple values), then the other attributes as custom fields.
 */
export function writeKumuElements(graph: SubgraphModel): string {
  const extra = nodeColumnsExcept('description', 'themes');
  return toCsv(
    ['ID', 'Label', 'Type', 'Description', 'Tags', ...extra.map((c) => c.name)],
    graph.nodes.map((node) => [
      node.id,
      node.label,
      kindStyle(node.kind).label,
      node.attributes.description,
      node.attributes.themes.join(LIST_SEPARATOR),
      ...extra.map((c) => c.value(node)),
    ]),
  );
}

/** Kumu's connection sheet: ID, From and To (element IDs), Type (the relationship type), then the rest. */
export function writeKumuConnections(graph: SubgraphModel): string {
  const extra = edgeColumnsExcept('relationship');
  return toCsv(
    ['ID', 'From', 'To', 'Type', ...extra.map((c) => c.name)],
    graph.edges.map((edge) => [edge.id, edge.source, edge.target, edge.type, ...extra.map((c) => c.value(edge))]),
  );
}

/** Gephi's node table (Data Laboratory > Import Spreadsheet): Id, Label, then every attribute. */
export function writeGephiNodes(graph: SubgraphModel): string {
  return toCsv(
    ['Id', 'Label', ...NODE_COLUMNS.map((c) => c.name)],
    graph.nodes.map((node) => {
      const record = attributeRecord(NODE_COLUMNS, node);
      return [node.id, node.label, ...NODE_COLUMNS.map((c) => record[c.name] ?? null)];
    }),
  );
}

/**
 * Gephi's edge table: Source, Target, Type (Gephi's word for the direction: always "Directed"),
 * Id, Label (the relationship type), then every attribute.
 */
export function writeGephiEdges(graph: SubgraphModel): string {
  return toCsv(
    ['Source', 'Target', 'Type', 'Id', 'Label', ...EDGE_COLUMNS.map((c) => c.name)],
    graph.edges.map((edge) => {
      const record = attributeRecord(EDGE_COLUMNS, edge);
      return [
        edge.source,
        edge.target,
        'Directed',
        edge.id,
        edge.type,
        ...EDGE_COLUMNS.map((c) => record[c.name] ?? null),
      ];
    }),
  );
}
