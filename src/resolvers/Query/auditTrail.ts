import type { QueryResolvers } from '../../generated/graphql';
import { auditTrailPage } from '../../queries/auditTrail';

export const auditTrail: QueryResolvers['auditTrail'] = (_parent, args, ctx) => auditTrailPage(ctx, args);
