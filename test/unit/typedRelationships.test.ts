import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, isInterfaceType, isObjectType } from 'graphql';
import { PROJECT_ROOT } from '../../src/config';
import { resolvers } from '../../src/resolvers';
import { ACTOR_TYPE_OF_KIND } from '../../src/resolvers/typeNames';
import { TYPED_RELATIONSHIPS } from '../../src/graphql/typedRelationships';
import { TYPED_RELATIONSHIPS_SDL_FILE, typedRelationshipsSdl } from '../../src/graphql/typedRelationshipsSdl';
import { loadTypeDefs } from '../../src/server/loadTypeDefs';

const schema = buildSchema(loadTypeDefs().join('\n'));

test('schema/typedRelationships.graphql is what the table gives (run `npm run schema:generate` after editing it)', () => {
  expect(fs.readFileSync(path.join(PROJECT_ROOT, TYPED_RELATIONSHIPS_SDL_FILE), 'utf8')).toBe(typedRelationshipsSdl());
});

const ownerTypes = (owner: string) => (owner === 'Actor' ? ['Actor', ...Object.values(ACTOR_TYPE_OF_KIND)] : [owner]);

test.each(TYPED_RELATIONSHIPS.map((entry) => [`${entry.owner}.${entry.field}`, entry] as const))(
  '%s is declared on its types with a description and the paging arguments, and resolved on each object type',
  (_name, entry) => {
    for (const typeName of ownerTypes(entry.owner)) {
      const type = schema.getType(typeName);
      expect(isObjectType(type) || isInterfaceType(type)).toBe(true);
      if (!isObjectType(type) && !isInterfaceType(type)) continue;
      const field = type.getFields()[entry.field];
      expect(field).toBeDefined();
      expect(String(field!.type)).toBe('RelationshipConnection!');
      expect(field!.description).toContain(entry.description);
      expect(field!.description).toContain(`types: [${entry.types.join(', ')}], direction: ${entry.direction}`);
      expect(field!.args.map((arg) => arg.name)).toEqual(['basis', 'first', 'after', 'last', 'before']);
      expect(field!.args.every((arg) => arg.description)).toBe(true);
      if (isObjectType(type)) {
        const map = (resolvers as Record<string, Record<string, unknown> | undefined>)[typeName];
        expect(typeof map?.[entry.field]).toBe('function');
      }
    }
  },
);

test('the typed fields join the resolvers their types already had, replacing none', () => {
  const map = resolvers as Record<string, Record<string, unknown> | undefined>;
  for (const typeName of ['Initiative', 'Strategy', 'Priority', 'Theme', 'Region', 'University'])
    for (const field of ['id', 'slug', 'sources', 'figures', 'relationships'])
      expect(typeof map[typeName]?.[field]).toBe('function');
});

test('a typed field name is unique on its owner', () => {
  const names = TYPED_RELATIONSHIPS.map((entry) => `${entry.owner}.${entry.field}`);
  expect(new Set(names).size).toBe(names.length);
});
