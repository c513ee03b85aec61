import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse } from 'graphql';
import { PROJECT_ROOT } from '../../src/config';
import type { Resolvers } from '../../src/generated/graphql';
import { resolvers } from '../../src/resolvers';
import { actorsResolvers } from '../../src/resolvers/actors';
import { baseResolvers } from '../../src/resolvers/base';
import { entitiesResolvers } from '../../src/resolvers/entities';
import { graphResolvers } from '../../src/resolvers/graph';
import { mutationsResolvers } from '../../src/resolvers/mutations';
import { othersResolvers } from '../../src/resolvers/others';
import { provenanceResolvers } from '../../src/resolvers/provenance';
import { questionsResolvers } from '../../src/resolvers/questions';
import { typedRelationshipsResolvers } from '../../src/resolvers/typedRelationships';

/** Each resolver file's map, by the name of the schema file it mirrors. */
const RESOLVER_FILES: Record<string, Resolvers> = {
  actors: actorsResolvers,
  base: baseResolvers,
  entities: entitiesResolvers,
  graph: graphResolvers,
  mutations: mutationsResolvers,
  others: othersResolvers,
  provenance: provenanceResolvers,
  questions: questionsResolvers,
  typedRelationships: typedRelationshipsResolvers,
};

/** What one schema file declares: its object and interface types, and its root fields. */
interface Declared {
  types: Set<string>;
  rootFields: { Query: Set<string>; Mutation: Set<string> };
}

const ROOTS = ['Query', 'Mutation'] as const;

function declaredIn(file: string): Declared {
  const declared: Declared = { types: new Set(), rootFields: { Query: new Set(), Mutation: new Set() } };
  for (const definition of parse(fs.readFileSync(file, 'utf8')).definitions) {
    // A custom scalar is resolved (parsed and serialised) where it is declared.
    if (definition.kind === Kind.SCALAR_TYPE_DEFINITION) {
      declared.types.add(definition.name.value);
      continue;
    }
    if (
      definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
      definition.kind !== Kind.OBJECT_TYPE_EXTENSION &&
      definition.kind !== Kind.INTERFACE_TYPE_DEFINITION
    )
      continue;
    const name = definition.name.value;
    if (name === 'Query' || name === 'Mutation') {
      for (const field of definition.fields ?? []) declared.rootFields[name].add(field.name.value);
    } else {
      declared.types.add(name);
    }
  }
  return declared;
}

const schemaDir = path.join(PROJECT_ROOT, 'schema');
const domains = fs
  .readdirSync(schemaDir)
  .filter((f) => f.endsWith('.graphql'))
  .map((f) => f.replace(/\.graphql$/, ''))
  .sort();

test('every schema file has a resolver file of the same name', () => {
  expect(domains).toEqual(Object.keys(RESOLVER_FILES).sort());
  for (const domain of domains)
    expect(fs.existsSync(path.join(PROJECT_ROOT, 'src', 'resolvers', `${domain}.ts`))).toBe(true);
});

test.each(domains)(
  'schema/%s.graphql has its resolvers in src/resolvers/%s.ts, and that file resolves nothing else',
  (domain) => {
    const declared = declaredIn(path.join(schemaDir, `${domain}.graphql`));
    const { Query, Mutation, ...types } = RESOLVER_FILES[domain]!;
    expect(Object.keys(Query ?? {}).filter((field) => !declared.rootFields.Query.has(field))).toEqual([]);
    expect(Object.keys(Mutation ?? {}).filter((field) => !declared.rootFields.Mutation.has(field))).toEqual([]);
    expect(Object.keys(types).filter((type) => !declared.types.has(type))).toEqual([]);
  },
);

test('every root field of the schema has a resolver in the assembled map', () => {
  const missing: string[] = [];
  for (const domain of domains) {
    const declared = declaredIn(path.join(schemaDir, `${domain}.graphql`));
    for (const root of ROOTS) {
      const map = (resolvers[root] ?? {}) as Record<string, unknown>;
      for (const field of declared.rootFields[root]) if (!map[field]) missing.push(`${root}.${field}`);
    }
  }
  expect(missing).toEqual([]);
});
