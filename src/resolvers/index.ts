import type { Resolvers } from '../generated/graphql';
import { AuditEvent } from './audit';
import { connectionFields } from './connections';
import { entityResolvers } from './entities';
import { Actor, Entity, Node } from './interfaces';
import { Citation, Source } from './provenance';
import { createActor } from './Mutation/createActor';
import { createInitiative } from './Mutation/createInitiative';
import { createRelationship } from './Mutation/createRelationship';
import { deleteRelationship } from './Mutation/deleteRelationship';
import { updateActor } from './Mutation/updateActor';
import { updateInitiative } from './Mutation/updateInitiative';
import { updateRelationship } from './Mutation/updateRelationship';
import { actor } from './Query/actor';
import { auditTrail } from './Query/auditTrail';
import { graph, GraphEdge, GraphNode } from './Query/graph';
import { actors, initiatives, regions, sources, strategies, themes } from './Query/lists';
import { node, nodes } from './Query/node';
import { entity, fact, neighbourhood, paths, search, supporters } from './Query/questions';
import { FactCheck, Figure, Hop, Path, RelationshipEdge } from './relationships';

/** The resolver map: root fields, then object types. Generated types check every entry. */
export const resolvers: Resolvers = {
  Query: {
    node,
    nodes,
    actor,
    actors,
    initiatives,
    strategies,
    themes,
    regions,
    sources,
    entity,
    search,
    supporters,
    neighbourhood,
    paths,
    fact,
    graph,
    auditTrail,
  },
  Mutation: {
    createActor,
    updateActor,
    createInitiative,
    updateInitiative,
    createRelationship,
    updateRelationship,
    deleteRelationship,
  },
  Node,
  Entity,
  Actor,
  ...entityResolvers,
  ActorConnection: { ...connectionFields(), facets: (connection) => connection.facets() },
  InitiativeConnection: connectionFields(),
  StrategyConnection: connectionFields(),
  ThemeConnection: connectionFields(),
  RegionConnection: connectionFields(),
  SourceConnection: connectionFields(),
  SearchConnection: connectionFields(),
  SupporterConnection: connectionFields(),
  RelationshipConnection: connectionFields(),
  RelationshipEdge,
  Hop,
  Path,
  Figure,
  FactCheck,
  Citation,
  Source,
  GraphNode,
  GraphEdge,
  AuditEvent,
  AuditEventConnection: connectionFields(),
};
