import { cypher, type CypherQuery } from '../db/cypher';

/**
 * Composes a planned statement from the fragments in cypher/planner/: a root (one entity, a page of
 * actors, a page of search hits), then for each planned relationship field its page and, if
 * selected, its count, then the row the planner reads back. Nothing of a request's text enters
 * the statement: slot names are generated (s0, s1, ...), relationship types and directions are
 * checked against the schema's enums, and every value is a parameter. Statements are kept by
 * shape, so a shape is composed once and Neo4j caches one plan for it.
 */

export type Root = 'entity' | 'actors' | 'search';

/** The count query a list root wraps, when its totalCount is selected. */
export type RootCount = 'actorsCount' | 'actorsCountRelated' | 'searchCount';

export type Direction = 'OUTGOING' | 'INCOMING' | 'BOTH';

/** What of a planned relationship field changes the statement's text (its values are parameters). */
export interface SlotShape {
  types: readonly string[] | null;
  direction: Direction;
  count: boolean;
  /** The relationship fields planned on the nodes of this one's page (src/planner/slots.ts bounds the depth). */
  children: SlotShape[];
}

export interface StatementShape {
  root: Root;
  /** The list root's count query, or null. */
  count: RootCount | null;
  /** Whether an `actors` page after a cursor probes for hasPreviousPage. */
  probe: boolean;
  slots: SlotShape[];
}

const statements = new Map<string, CypherQuery>();

/**
 * The statement of `shape`. `relationshipTypes` is the allow-list of type names (the schema's
 * RelationshipType values); a type outside it is a bug of the planner, not a user's error.
 */
export function composeStatement(shape: StatementShape, relationshipTypes: ReadonlySet<string>): CypherQuery {
  const signature = JSON.stringify(shape);
  let statement = statements.get(signature);
  if (!statement) {
    statement = { name: `planner/${shape.root}`, text: textOf(shape, relationshipTypes) };
    statements.set(signature, statement);
  }
  return statement;
}

const slotName = (i: number) => `s${i}`;

/** `(n)-[r]-(m:Entity)` with the slot's types and direction. */
export function patternOf(
  { types, direction }: Pick<SlotShape, 'types' | 'direction'>,
  relationshipTypes: ReadonlySet<string>,
): string {
  for (const type of types ?? []) {
    if (!relationshipTypes.has(type) || !/^[A-Z_]+$/.test(type))
      throw new Error(`Invariant: the planner was given "${type}", which is not a RelationshipType.`);
  }
  const relationship = types?.length ? `[r:${types.join('|')}]` : '[r]';
  const left = direction === 'INCOMING' ? '<-' : '-';
  const right = direction === 'OUTGOING' ? '->' : '-';
  return `(n)${left}${relationship}${right}(m:Entity)`;
}

/** The list of the slots' pages (`[s0, s1]`) and of their counts (`[s0Count, null]`), as `name` names them. */
function slotLists(slots: SlotShape[], name: (i: number) => string): { pages: string; counts: string } {
  return {
    pages: `[${slots.map((_, i) => name(i)).join(', ')}]`,
    counts: `[${slots.map((slot, i) => (slot.count ? `${name(i)}Count` : 'null')).join(', ')}]`,
  };
}

/**
 * A slot's page and count, named `name`, with its children read on each node of its page: a
 * CALL (m) that renames `m` to `n` (what the fragments start from) and composes the children as
 * the root's slots are composed, then puts the page back in order, as a CALL may not keep it.
 */
function slotText(slot: SlotShape, name: string, relationshipTypes: ReadonlySet<string>): string {
  const childName = (i: number) => `${name}_${i}`;
  const { pages, counts } = slotLists(slot.children, childName);
  const nested = slot.children.length
    ? [
        'CALL (m) {',
        'WITH m AS n',
        ...slot.children.map((child, i) => slotText(child, childName(i), relationshipTypes)),
        `RETURN ${pages} AS nestedSlots, ${counts} AS nestedCounts`,
        '}',
        'WITH *',
        'ORDER BY type(r), m.sortKey, m.id, r.key',
      ].join('\n')
    : 'WITH r, m, [] AS nestedSlots, [] AS nestedCounts';
  const fill = (fragment: string) =>
    cypher(`planner/${fragment}`)
      .text.replaceAll('__pattern__', patternOf(slot, relationshipTypes))
      .replaceAll('__slot__', name)
      .replace('__nested__', () => nested);
  return [fill('relationships'), ...(slot.count ? [fill('relationshipsCount')] : [])].join('\n');
}

function textOf(shape: StatementShape, relationshipTypes: ReadonlySet<string>): string {
  const slots = shape.slots.map((slot, i) => slotText(slot, slotName(i), relationshipTypes));
  const { pages: slotList, counts: countList } = slotLists(shape.slots, slotName);
  if (shape.root === 'entity') {
    return [cypher('planner/entity').text, ...slots, `RETURN node, ${slotList} AS slots, ${countList} AS counts`].join(
      '\n',
    );
  }
  const actors = shape.root === 'actors';
  const text = [
    ...(shape.count ? [`CALL (*) {\n${cypher(shape.count).text}\n}`] : []),
    'CALL (*) {',
    cypher(actors ? 'planner/actorsPage' : 'planner/searchPage').text,
    ...slots,
    'WITH *',
    'ORDER BY position',
    `RETURN collect({node: node, extra: extra, slots: ${slotList}, counts: ${countList}}) AS page`,
    '}',
    ...(shape.probe ? [cypher('planner/actorsProbe').text] : []),
    `RETURN page, ${shape.count ? 'count' : 'null'} AS total, ${shape.probe ? 'before' : 'false'} AS before` +
      (actors ? ', nameMatches, themeIds, regionIds' : ''),
  ].join('\n');
  // The filter's values are bound first, from parameters; everything after reads them as variables.
  return actors ? `${cypher('planner/actorFilter').text}\n${withFilterVariables(text)}` : text;
}

/**
 * The ActorFilter's four parameters as the variables cypher/planner/actorFilter.cypher binds
 * (fragments/actorFilter says so): the planned statement resolves theme and region names itself,
 * so the filter reads the ids it found, not parameters.
 */
export function withFilterVariables(text: string): string {
  return text.replace(/\$(kinds|themeIds|regionIds|stageIds)\b/g, '$1');
}
