/**
 * Resolvers of schema/mutations.graphql: the curated writes and their audit trail. Each mutation
 * hands its input to src/mutations/, which checks the writer, validates and writes in one
 * transaction.
 */
import type { AuditOperation, Resolvers } from '../generated/graphql';
import { citationsOf } from '../models';
import type { FieldChange } from '../mutations/auditEvents';
import { createActor, createInitiative, updateActor, updateInitiative } from '../mutations/entityWrites';
import { createRelationship, deleteRelationship, updateRelationship } from '../mutations/relationshipWrites';
import { auditTrailPage } from '../queries/auditTrail';
import { connectionFields } from './connectionFields';

export const mutationsResolvers = {
  Mutation: {
    createActor: (_parent, { input }, ctx) => createActor(ctx, input),
    updateActor: (_parent, { input }, ctx) => updateActor(ctx, input),
    createInitiative: (_parent, { input }, ctx) => createInitiative(ctx, input),
    updateInitiative: (_parent, { input }, ctx) => updateInitiative(ctx, input),
    createRelationship: (_parent, { input }, ctx) => createRelationship(ctx, input),
    updateRelationship: (_parent, { input }, ctx) => updateRelationship(ctx, input),
    deleteRelationship: (_parent, { input }, ctx) => deleteRelationship(ctx, input),
  },
  Query: {
    auditTrail: (_parent, args, ctx) => auditTrailPage(ctx, args),
  },
  AuditEvent: {
    operation: (event) => event.operation as AuditOperation,
    // The entity as it is now, through the request's loader; null when it is gone.
    target: (event, _args, ctx) =>
      event.targetType === 'Relationship' ? null : ctx.loaders.entitiesById.load(event.targetId),
    changes: (event) => JSON.parse(event.changes) as FieldChange[],
    sources: (event) => citationsOf(event),
  },
  AuditEventConnection: connectionFields(),
} satisfies Resolvers;
