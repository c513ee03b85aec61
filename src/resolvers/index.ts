import type { Resolvers } from '../generated/graphql';
import { actorsResolvers } from './actors';
import { baseResolvers } from './base';
import { entitiesResolvers } from './entities';
import { graphResolvers } from './graph';
import { mutationsResolvers } from './mutations';
import { othersResolvers } from './others';
import { provenanceResolvers } from './provenance';
import { questionsResolvers } from './questions';
import { withTypedRelationships } from './typedRelationships';

/**
 * The resolver map. Each schema file has its resolvers in the file of the same name
 * (schema/actors.graphql: ./actors.ts), its root fields and its object types together; the field
 * sets several types share are in ./entityFields.ts and ./connectionFields.ts. Query is declared
 * in base.graphql and extended by the others, so its fields are gathered from every file.
 * Generated types check every entry. The typed relationship fields join their types' resolvers.
 */
export const resolvers: Resolvers = withTypedRelationships({
  ...baseResolvers,
  ...entitiesResolvers,
  ...actorsResolvers,
  ...othersResolvers,
  ...provenanceResolvers,
  ...questionsResolvers,
  ...graphResolvers,
  ...mutationsResolvers,
  Query: {
    ...baseResolvers.Query,
    ...actorsResolvers.Query,
    ...othersResolvers.Query,
    ...provenanceResolvers.Query,
    ...questionsResolvers.Query,
    ...graphResolvers.Query,
    ...mutationsResolvers.Query,
  },
});
