import type DataLoader from 'dataloader';
import { cypher } from '../db/cypher';
import type { QueryCounter } from '../db/Database';
import { cursorKind, type CursorValues } from '../graphql/pagination';
import type { EntityModel, RelationshipEdgeModel } from '../models';
import { edgesOf, type EdgeReader, type PageDirection } from '../queries/connections';
import { relationshipProperties } from '../queries/rows';
import {
  entityOf,
  FULL_RELATIONSHIP_PROJECTION,
  valuesOf,
  type ProjectedEntity,
  type RelationshipProjection,
} from '../planner/projection';
import { groupedLoader, type Reader } from './batch';

/** The cursors of relationship connections: [type, other end's sortKey, other end's id, relationship key]. */
export const RELATIONSHIPS_CURSOR = cursorKind('relationships', ['string', 'string', 'string', 'string']);

/** A request for one page of one entity's relationships; the arguments are part of the key. */
export interface RelationshipsKey {
  id: string;
  types: string[] | null;
  direction: 'OUTGOING' | 'INCOMING' | 'BOTH';
  /** Only relationships with one of these bases (STATED, IMPLIED, INFERRED), or null for all. */
  bases: string[] | null;
  /**
   * Only relationships whose other end has one of these labels (Theme, Actor, ...); null or absent
   * for every entity. The typed fields (src/graphql/typedRelationships.ts) set it.
   */
  labels?: readonly string[] | null;
  /** Which way the read walks the list: in its order, or in reverse (before `from`). */
  paging: PageDirection;
  /** The page size (0: only whether any relationship lies that way, a probe). */
  size: number;
  /** Keyset position: the sort values of the edge the read starts after (before, backward); null: from that end. */
  from: CursorValues<typeof RELATIONSHIPS_CURSOR.shape> | null;
  /**
   * The properties the selection reads of the relationships and of the entities at their other
   * ends (src/planner/projection.ts); absent: all of them. Part of the arguments: a page read for
   * one selection holds only what that selection asks for.
   */
  projection?: RelationshipProjection;
}

export interface RelationshipPage {
  /** The page in list order. */
  edges: RelationshipEdgeModel[];
  /** Whether the read found more relationships beyond the page, in its direction. */
  hasMore: boolean;
}

/** A relationship as relationshipsByEntity.cypher returns it: only the projection's values. */
export interface ProjectedRelationshipRow {
  type: string;
  direction: 'OUTGOING' | 'INCOMING';
  props: unknown[];
  node: ProjectedEntity;
}

/** A projected row as the row edges are read from (a missing property is absent, as properties(r) leaves it). */
export function relationshipRowOf(row: ProjectedRelationshipRow, projection: RelationshipProjection): RelationshipRow {
  return {
    type: row.type,
    direction: row.direction,
    props: valuesOf(row.props, projection.relProps),
    node: entityOf(row.node, projection.nodeProps),
  };
}

interface RelationshipRow {
  type: string;
  direction: 'OUTGOING' | 'INCOMING';
  props: Record<string, unknown>;
  node: EntityModel;
}

/**
 * A relationship as an edge seen from one end (Entity.relationships, and what a mutation
 * returns), with its cursor in that list.
 */
export const relationshipEdges: EdgeReader<
  typeof RELATIONSHIPS_CURSOR.shape,
  RelationshipRow,
  Omit<RelationshipEdgeModel, 'cursor'>
> = {
  cursor: RELATIONSHIPS_CURSOR,
  edge: (row) => ({ ...relationshipProperties(row.type, row.props), direction: row.direction, node: row.node }),
  sortValues: (edge, row) => [
    edge.type,
    edge.node.sortKey,
    edge.node.id,
    typeof row.props.key === 'string' ? row.props.key : '',
  ],
};

/**
 * A projection as part of a key, written once per projection object: a request's fields share
 * one object per selection (relationshipProjectionOf, the planner's slots), and a level of 500
 * parents would otherwise write the same lists 500 times.
 */
const projectionKeys = new WeakMap<RelationshipProjection, string>();

function projectionKey(projection: RelationshipProjection): string {
  let key = projectionKeys.get(projection);
  if (key === undefined) {
    key = JSON.stringify(projection);
    projectionKeys.set(projection, key);
  }
  return key;
}

/** The arguments of a key, without the entity: keys with equal arguments share one query. */
export const argumentsOf = ({
  types,
  direction,
  bases,
  labels,
  paging,
  size,
  from,
  projection,
}: Omit<RelationshipsKey, 'id'>) =>
  JSON.stringify([
    types ? [...types].sort() : null,
    direction,
    bases ? [...bases].sort() : null,
    labels ? [...labels].sort() : null,
    paging,
    size,
    from,
  ]) + projectionKey(projection ?? FULL_RELATIONSHIP_PROJECTION);

/**
 * Pages of entities' relationships, keyed by entity and arguments, cut by edgesOf
 * (src/queries/connections.ts) like every list. A batch is grouped by arguments and each
 * group costs one `UNWIND` query (cypher/relationshipsByEntity.cypher, or
 * relationshipsByEntityReverse.cypher to read backward); a GraphQL field asks with the same
 * arguments for every parent, so a level costs one query (and one per probe when a cursor is given).
 */
export function relationshipsByEntity(
  db: Reader,
  counter: QueryCounter,
): DataLoader<RelationshipsKey, RelationshipPage, string> {
  return groupedLoader<RelationshipsKey, RelationshipPage>(
    argumentsOf,
    async (ids, { types, direction, bases, labels, paging, size, from, projection = FULL_RELATIONSHIP_PROJECTION }) => {
      const rows = await db.read(
        cypher(paging === 'forward' ? 'relationshipsByEntity' : 'relationshipsByEntityReverse'),
        { ids, types, direction, bases, labels: labels ?? null, from, limit: size + 1, ...projection },
        counter,
      );
      return new Map(
        rows.map((row) => [
          row.id as string,
          edgesOf(
            (row.relationships as ProjectedRelationshipRow[]).map((r) => relationshipRowOf(r, projection)),
            size,
            relationshipEdges,
            paging,
          ),
        ]),
      );
    },
    () => ({ edges: [], hasMore: false }),
  );
}
