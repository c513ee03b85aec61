import type { CitationResolvers, SourceResolvers } from '../generated/graphql';
import { toGlobalId } from '../graphql/globalId';

export const Citation: CitationResolvers = {
  source: (citation, _args, ctx) =>
    /^https?:\/\//.test(citation.document) ? null : ctx.loaders.sourcesById.load(citation.document),
};

export const Source: SourceResolvers = {
  id: (source) => toGlobalId('Source', source.id),
  fileName: (source) => source.id,
};
