import { buildSchema, GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { composeStatement, patternOf, withFilterVariables, type StatementShape } from '../../src/planner/compose';
import {
  EDGE_FIELD_PROPERTIES,
  ENTITY_FIELD_PROPERTIES,
  relationshipProjection,
  valuesOf,
} from '../../src/planner/projection';
import type { ResolveTree } from '../../src/planner/selection';
import { relationshipTypesOf } from '../../src/planner/slots';
import { loadTypeDefs } from '../../src/server/loadTypeDefs';

/** The planner without a database: its allow-lists against the schema, its projections and its statements. */

const schema: GraphQLSchema = buildSchema(loadTypeDefs().join('\n'));
const types = relationshipTypesOf(schema);

function objectFields(predicate: (type: GraphQLObjectType) => boolean): string[] {
  return Object.values(schema.getTypeMap())
    .filter((type): type is GraphQLObjectType => type instanceof GraphQLObjectType && predicate(type))
    .flatMap((type) => Object.keys(type.getFields()));
}

test('every field of every entity type and of RelationshipEdge has its properties listed', () => {
  const entityFields = objectFields((type) => type.getInterfaces().some((i) => i.name === 'Entity'));
  expect(entityFields.length).toBeGreaterThan(50);
  expect([...new Set(entityFields)].filter((field) => !(field in ENTITY_FIELD_PROPERTIES))).toEqual([]);
  const edgeFields = objectFields((type) => type.name === 'RelationshipEdge');
  expect(edgeFields.filter((field) => !(field in EDGE_FIELD_PROPERTIES))).toEqual([]);
});

/** A selection as graphql-parse-resolve-info writes it: `fields` under one type. */
function tree(name: string, type: string, fields: ResolveTree[] = [], args: ResolveTree['args'] = {}): ResolveTree {
  return { name, alias: name, args, fieldsByTypeName: { [type]: Object.fromEntries(fields.map((f) => [f.alias, f])) } };
}
const leaf = (name: string) => tree(name, 'None');

test('a connection reads what its edges and nodes select, provenance only with sources', () => {
  const plain = tree('relationships', 'RelationshipConnection', [
    tree('edges', 'RelationshipEdge', [leaf('type'), leaf('role'), tree('node', 'Entity', [leaf('name')])]),
    tree('nodes', 'Actor', [leaf('slug'), leaf('nameEn')]),
  ]);
  expect(relationshipProjection(plain)).toEqual({
    relProps: ['key', 'role'],
    nodeProps: ['id', 'sortKey', 'kind', 'name', 'nameEn'],
  });
  const cited = tree('relationships', 'RelationshipConnection', [
    tree('edges', 'RelationshipEdge', [leaf('sources'), tree('node', 'Entity', [leaf('sources')])]),
  ]);
  expect(relationshipProjection(cited)).toEqual({
    relProps: ['key', 'sourceDocs', 'quotes'],
    nodeProps: ['id', 'sortKey', 'kind', 'sourceDocs', 'quotes'],
  });
});

test('a field the allow-list does not know reads every property, never too few', () => {
  const unknown = tree('relationships', 'RelationshipConnection', [
    tree('edges', 'RelationshipEdge', [tree('node', 'Entity', [leaf('somethingNew')])]),
  ]);
  expect(relationshipProjection(unknown).nodeProps).toContain('description');
  expect(relationshipProjection(unknown).nodeProps).toContain('quotes');
});

test('projected values become a record without the missing ones', () => {
  expect(valuesOf(['a', null, 3], ['id', 'website', 'year'])).toEqual({ id: 'a', year: 3 });
});

test('relationship patterns take types only from the schema enum', () => {
  expect(patternOf({ types: ['MEMBER_OF'], direction: 'INCOMING' }, types)).toBe('(n)<-[r:MEMBER_OF]-(m:Entity)');
  expect(patternOf({ types: ['LOCATED_IN', 'PART_OF'], direction: 'OUTGOING' }, types)).toBe(
    '(n)-[r:LOCATED_IN|PART_OF]->(m:Entity)',
  );
  expect(patternOf({ types: null, direction: 'BOTH' }, types)).toBe('(n)-[r]-(m:Entity)');
  expect(() => patternOf({ types: ['MEMBER_OF]-() DETACH DELETE n //'], direction: 'BOTH' }, types)).toThrow(
    /not a RelationshipType/,
  );
});

test('a composed statement has every slot filled, one count per counted slot, and reads the filter as variables', () => {
  const shape: StatementShape = {
    root: 'actors',
    count: 'actorsCountRelated',
    probe: true,
    slots: [
      { types: ['LOCATED_IN'], direction: 'OUTGOING', count: true, children: [] },
      { types: ['FOCUSES_ON'], direction: 'OUTGOING', count: false, children: [] },
    ],
  };
  const { name, text } = composeStatement(shape, types);
  expect(name).toBe('planner/actors');
  expect(text).not.toMatch(/__slot__|__pattern__|@include/);
  expect(text.match(/AS s\dCount\b/g)).toEqual(['AS s0Count']);
  expect(text).toContain('(n)-[r:FOCUSES_ON]->(m:Entity)');
  // Bound once from parameters, read as variables after.
  const afterBinding = text.slice(text.indexOf('AS nameMatches'));
  expect(afterBinding).not.toMatch(/\$(kinds|themeIds|regionIds|stageIds)\b/);
  expect(text).toContain('$kinds AS kinds');
  expect(text).toContain('kinds IS NULL OR n.kind IN kinds');
  expect(composeStatement(shape, types)).toBe(composeStatement(shape, types));
  expect(withFilterVariables('$themeIds $themeNames')).toBe('themeIds $themeNames');
});

test('a slot with slots on its nodes reads them in a CALL on each node, named after its parent', () => {
  const shape: StatementShape = {
    root: 'entity',
    count: null,
    probe: false,
    slots: [
      {
        types: ['PARTNER_IN'],
        direction: 'OUTGOING',
        count: false,
        children: [{ types: ['ALIGNS_WITH'], direction: 'OUTGOING', count: true, children: [] }],
      },
    ],
  };
  const { text } = composeStatement(shape, types);
  expect(text).not.toMatch(/__slot__|__pattern__|__nested__/);
  expect(text).toContain('$s0_0.limit');
  expect(text).toContain('RETURN [s0_0] AS nestedSlots, [s0_0Count] AS nestedCounts');
  // The leaf slots bind empty lists; the parent reads its children's page in a CALL on `m`.
  expect(text.match(/^\s*CALL \(m\) \{$/gm)).toHaveLength(1);
  expect(text).toContain('[] AS nestedSlots');
});
