import DataLoader from 'dataloader';
import { cypher } from '../db/cypher';
import type { Database, QueryCounter } from '../db/Database';
import { encodeCursor, pageOf, type CursorValue } from '../graphql/pagination';
import type { EntityModel, RelationshipEdgeModel } from '../models';
import { relationshipProperties } from '../queries/rows';

/** A request for one page of one entity's relationships; the arguments are part of the key. */
export interface RelationshipsKey {
  id: string;
  types: string[] | null;
  direction: 'OUTGOING' | 'INCOMING' | 'BOTH';
  /** Only relationships with one of these bases (STATED, IMPLIED, INFERRED), or null for all. */
  bases: string[] | null;
  first: number;
  /** Keyset position: [type, other end's sortKey, other end's id, relationship key]. */
  after: CursorValue[] | null;
}

export interface RelationshipPage {
  edges: RelationshipEdgeModel[];
  hasNextPage: boolean;
}

interface RelationshipRow {
  type: string;
  direction: 'OUTGOING' | 'INCOMING';
  props: Record<string, unknown>;
  node: EntityModel;
}

/** The cursor list name of relationship connections. */
export const RELATIONSHIPS_CURSOR = 'relationships';

function toEdge(row: RelationshipRow): RelationshipEdgeModel {
  return {
    ...relationshipProperties(row.type, row.props),
    direction: row.direction,
    node: row.node,
    cursor: encodeCursor(RELATIONSHIPS_CURSOR, [
      row.type,
      row.node.sortKey,
      row.node.id,
      typeof row.props.key === 'string' ? row.props.key : '',
    ]),
  };
}

/** The arguments of a key, without the entity: keys with equal arguments share one query. */
export const argumentsOf = ({ types, direction, bases, first, after }: Omit<RelationshipsKey, 'id'>) =>
  JSON.stringify([types ? [...types].sort() : null, direction, bases ? [...bases].sort() : null, first, after]);

/**
 * Pages of entities' relationships, keyed by entity and arguments. A batch is grouped by
 * arguments and each group costs one `UNWIND` query (cypher/relationshipsByEntity.cypher); a
 * GraphQL field asks with the same arguments for every parent, so a level costs one query.
 */
export function relationshipsByEntity(
  db: Database,
  counter: QueryCounter,
): DataLoader<RelationshipsKey, RelationshipPage, string> {
  const cacheKey = (key: RelationshipsKey) => JSON.stringify([key.id, argumentsOf(key)]);
  return new DataLoader(
    async (keys) => {
      const groups = new Map<string, RelationshipsKey[]>();
      for (const key of keys) groups.set(argumentsOf(key), [...(groups.get(argumentsOf(key)) ?? []), key]);
      const found = new Map<string, RelationshipPage>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const { types, direction, bases, first, after } = group[0]!;
          const ids = [...new Set(group.map((k) => k.id))];
          const rows = await db.read(
            cypher('relationshipsByEntity'),
            { ids, types, direction, bases, after, limit: first + 1 },
            counter,
          );
          for (const row of rows) {
            const { items, hasNextPage } = pageOf(row.relationships as RelationshipRow[], first);
            found.set(cacheKey({ ...group[0]!, id: row.id as string }), { edges: items.map(toEdge), hasNextPage });
          }
        }),
      );
      return keys.map((key) => found.get(cacheKey(key)) ?? { edges: [], hasNextPage: false });
    },
    { cacheKeyFn: cacheKey },
  );
}
