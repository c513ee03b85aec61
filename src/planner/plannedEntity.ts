import type { GraphQLResolveInfo } from 'graphql';
import type { ReadContext } from '../context';
import type { EntityModel } from '../models';
import { composeStatement } from './compose';
import { entityOf, entityProperties, type ProjectedEntity } from './projection';
import { selectionOf } from './selection';
import { primeSlots, relationshipTypesOf, slotParams, slotsOf, type PlannedRelationshipRow } from './slots';

/**
 * One entity (`actor(id)`, `entity(ref)`) read with the relationship connections selected on it,
 * their counts included, in one statement (cypher/planner/entity.cypher and relationships.cypher),
 * and only the properties the selection reads. The connections' pages go into the request's
 * loaders, where their fields find them. Null when no entity has the id.
 */
export async function plannedEntity(
  ctx: ReadContext,
  id: string,
  info: GraphQLResolveInfo,
): Promise<EntityModel | null> {
  const tree = selectionOf(info);
  const slots = slotsOf([tree], ctx.maxPageSize);
  const nodeProps = entityProperties([tree]);
  const statement = composeStatement(
    { root: 'entity', count: null, probe: false, slots: slots.map((slot) => slot.shape) },
    relationshipTypesOf(info.schema),
  );
  const [row] = await ctx.db.read(statement, { id, nodeProps, ...slotParams(slots) }, ctx.queries);
  if (!row) return null;
  primeSlots(ctx, id, slots, row.slots as PlannedRelationshipRow[][], row.counts as (number | null)[]);
  return entityOf(row.node as ProjectedEntity, nodeProps);
}
