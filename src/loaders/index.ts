import type { QueryCounter } from '../db/Database';
import type { Reader } from './batch';
import { entitiesById } from './entitiesById';
import { figuresByEntity } from './figuresByEntity';
import { relationshipCountsByEntity } from './relationshipCountsByEntity';
import { relationshipsByEntity } from './relationshipsByEntity';
import { sourcesById } from './sourcesById';

/** Every DataLoader of one request, one per relationship shape. Created per request. */
export function createLoaders(db: Reader, counter: QueryCounter) {
  return {
    entitiesById: entitiesById(db, counter),
    relationshipsByEntity: relationshipsByEntity(db, counter),
    relationshipCountsByEntity: relationshipCountsByEntity(db, counter),
    figuresByEntity: figuresByEntity(db, counter),
    sourcesById: sourcesById(db, counter),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
