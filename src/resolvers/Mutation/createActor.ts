import type { MutationResolvers } from '../../generated/graphql';
import { createActor as write } from '../../mutations/entityWrites';

export const createActor: MutationResolvers['createActor'] = (_parent, { input }, ctx) => write(ctx, input);
