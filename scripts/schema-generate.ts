import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { TYPED_RELATIONSHIPS_SDL_FILE, typedRelationshipsSdl } from '../src/graphql/typedRelationshipsSdl';

/**
 * Writes the schema files made from tables (schema/typedRelationships.graphql from
 * src/graphql/typedRelationships.ts). Run `npm run codegen` afterwards for the generated types.
 */
const file = path.join(PROJECT_ROOT, TYPED_RELATIONSHIPS_SDL_FILE);
fs.writeFileSync(file, typedRelationshipsSdl());
console.log(`Wrote ${TYPED_RELATIONSHIPS_SDL_FILE}.`);
