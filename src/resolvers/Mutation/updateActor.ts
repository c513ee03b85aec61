import type { MutationResolvers } from '../../generated/graphql';
import { updateActor as write } from '../../mutations/entityWrites';

export const updateActor: MutationResolvers['updateActor'] = (_parent, { input }, ctx) => write(ctx, input);
