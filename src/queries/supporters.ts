import type { Context } from '../context';
import { cypher } from '../db/cypher';
import type { ActorKind, CompanyStage } from '../generated/graphql';
import { checkFirst, decodeCursor, encodeCursor, pageOf } from '../graphql/pagination';
import type { EntityModel, SupporterConnectionModel } from '../models';
import { lazyCount } from './connections';
import { resolveNames } from './resolveNames';
import { toPath, type PathRow } from './rows';

/** Relationship types that count as help to companies, for SupporterEdge.supportTypes. */
const HELP_TYPES = new Set(['SUPPORTS', 'FUNDS', 'INVESTS_IN', 'INCUBATES', 'TARGETS_STAGE']);

/** The Stage node id of a CompanyStage: PRE_SEED is "pre-seed". */
export function stageId(stage: CompanyStage): string {
  return stage.toLowerCase().replace('_', '-');
}

/**
 * Who supports companies of a theme (and stage)? The theme is matched by name or alias with its
 * sub-themes; the conditions are documented in cypher/fragments/supporterCandidates.cypher.
 */
export async function supporters(
  ctx: Context,
  args: { theme: string; stage?: CompanyStage | null; kinds?: readonly ActorKind[] | null; first: number; after?: string | null },
): Promise<SupporterConnectionModel> {
  const first = checkFirst(args.first);
  const [theme] = await resolveNames(ctx, 'Theme', [args.theme], 'theme');
  const themeIds = theme!.ids;
  const stage = args.stage ? await ctx.loaders.entitiesById.load(stageId(args.stage)) : null;
  const [fromKey, fromId] = args.after ? (decodeCursor(args.after, 'supporters', ['string', 'string']) as string[]) : ['', ''];
  const params = {
    themeIds,
    stageId: args.stage ? stageId(args.stage) : null,
    kinds: args.kinds?.length ? args.kinds.map((k) => k.toLowerCase()) : null,
  };
  const rows = await ctx.db.read(cypher('supporters'), { ...params, fromKey, fromId, limit: first + 1 }, ctx.queries);
  const { items, hasNextPage } = pageOf(rows, first);
  const matchedThemes = await ctx.loaders.entitiesById.loadMany(themeIds);
  return {
    theme: theme!.entity,
    matchedThemes: matchedThemes.filter((t): t is EntityModel => t !== null && !(t instanceof Error)),
    stage,
    edges: items.map((row) => {
      const node = row.supporter as EntityModel;
      const evidence = (row.evidence as PathRow[]).map(toPath);
      const supportTypes = new Set<string>();
      for (const path of evidence) {
        for (const hop of path.hops) if (HELP_TYPES.has(hop.type) || hop.from.id === node.id) supportTypes.add(hop.type);
      }
      return { node, evidence, supportTypes: [...supportTypes].sort(), cursor: encodeCursor('supporters', [node.sortKey, node.id]) };
    }),
    hasNextPage,
    hasPreviousPage: Boolean(args.after),
    count: lazyCount(ctx, 'supportersCount', { ...params, fromKey: '', fromId: '' }),
  };
}
