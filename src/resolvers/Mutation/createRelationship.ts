import type { MutationResolvers } from '../../generated/graphql';
import { createRelationship as write } from '../../mutations/relationshipWrites';

export const createRelationship: MutationResolvers['createRelationship'] = (_parent, { input }, ctx) =>
  write(ctx, input);
