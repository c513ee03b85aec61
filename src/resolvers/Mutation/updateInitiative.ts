import type { MutationResolvers } from '../../generated/graphql';
import { updateInitiative as write } from '../../mutations/entityWrites';

export const updateInitiative: MutationResolvers['updateInitiative'] = (_parent, { input }, ctx) => write(ctx, input);
