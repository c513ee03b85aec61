import type { MutationResolvers } from '../../generated/graphql';
import { deleteRelationship as write } from '../../mutations/relationshipWrites';

export const deleteRelationship: MutationResolvers['deleteRelationship'] = (_parent, { input }, ctx) =>
  write(ctx, input);
