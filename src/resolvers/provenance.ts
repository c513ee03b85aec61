/** Resolvers of schema/provenance.graphql: `sources`, the Source documents, citations and figures. */
import type { Resolvers } from '../generated/graphql';
import { toGlobalId } from '../graphql/globalId';
import { citationsOf } from '../models';
import { sourcesPage } from '../queries/entitiesPage';
import { connectionFields } from './connectionFields';

export const provenanceResolvers = {
  Query: {
    sources: (_parent, args, ctx) => sourcesPage(ctx, args),
  },
  Source: {
    id: (source) => toGlobalId('Source', source.id),
    fileName: (source) => source.id,
  },
  Citation: {
    source: (citation, _args, ctx) =>
      /^https?:\/\//.test(citation.document) ? null : ctx.loaders.sourcesById.load(citation.document),
  },
  Figure: {
    basis: (figure) => figure.basis ?? 'STATED',
    sources: (figure) => citationsOf(figure),
  },
  SourceConnection: connectionFields(),
} satisfies Resolvers;
