import type { MutationResolvers } from '../../generated/graphql';
import { updateRelationship as write } from '../../mutations/relationshipWrites';

export const updateRelationship: MutationResolvers['updateRelationship'] = (_parent, { input }, ctx) =>
  write(ctx, input);
