import type { MutationResolvers } from '../../generated/graphql';
import { createInitiative as write } from '../../mutations/entityWrites';

export const createInitiative: MutationResolvers['createInitiative'] = (_parent, { input }, ctx) => write(ctx, input);
