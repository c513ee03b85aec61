/**
 * Resolvers of schema/typedRelationships.graphql: the typed relationship fields, made from the same
 * table as that file (src/graphql/typedRelationships.ts). Each reads the entity's relationships
 * of its row's types and direction through relationshipsOf, the batched path of `relationships`.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context';
import type { Basis, InputMaybe, Resolvers } from '../generated/graphql';
import type { EntityModel, RelationshipConnectionModel } from '../models';
import { relationshipProjectionOf } from '../planner/projection';
import { relationshipsOf } from '../queries/relationships';
import { ACTOR_TYPE_OF_KIND, type ActorTypeName } from './typeNames';
import { TYPED_RELATIONSHIPS, type TypedOwner, type TypedRelationship } from '../graphql/typedRelationships';

/** The arguments every typed field takes (schema/typedRelationships.graphql). */
interface TypedFieldArgs {
  basis?: InputMaybe<Array<Basis>>;
  first?: InputMaybe<number>;
  after?: InputMaybe<string>;
  last?: InputMaybe<number>;
  before?: InputMaybe<string>;
}

type TypedFieldResolver = (
  entity: EntityModel,
  args: TypedFieldArgs,
  ctx: Context,
  info: GraphQLResolveInfo,
) => Promise<RelationshipConnectionModel>;

const resolverOf =
  ({ types, direction, labels }: TypedRelationship): TypedFieldResolver =>
  (entity, args, ctx, info) =>
    relationshipsOf(ctx, entity.id, { ...args, types: [...types], direction }, labels, relationshipProjectionOf(info));

function fieldsOf(owner: TypedOwner): Record<string, TypedFieldResolver> {
  return Object.fromEntries(
    TYPED_RELATIONSHIPS.filter((entry) => entry.owner === owner).map((entry) => [entry.field, resolverOf(entry)]),
  );
}

const actorFields = fieldsOf('Actor');

export const typedRelationshipsResolvers = {
  ...(Object.fromEntries(Object.values(ACTOR_TYPE_OF_KIND).map((type) => [type, actorFields])) as Record<
    ActorTypeName,
    typeof actorFields
  >),
  Initiative: fieldsOf('Initiative'),
  Strategy: fieldsOf('Strategy'),
  Priority: fieldsOf('Priority'),
  Theme: fieldsOf('Theme'),
  Region: fieldsOf('Region'),
} satisfies Resolvers;

/**
 * The resolver map with the typed fields added to the types' other resolvers (Initiative's,
 * Strategy's, ... from their own files): a spread of the two maps would replace those.
 */
export function withTypedRelationships(resolvers: Resolvers): Resolvers {
  const merged: Record<string, object | undefined> = { ...resolvers };
  for (const [type, fields] of Object.entries(typedRelationshipsResolvers))
    merged[type] = { ...merged[type], ...fields };
  return merged;
}
