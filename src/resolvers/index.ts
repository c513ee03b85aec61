import type { Resolvers } from '../generated/graphql';
import { connectionFields } from './connections';
import { entityResolvers } from './entities';
import { Actor, Entity, Node } from './interfaces';
import { Citation, Source } from './provenance';
import { actor } from './Query/actor';
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
};
