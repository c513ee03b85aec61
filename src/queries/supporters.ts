import type { Context } from '../context';
import { cypher } from '../db/cypher';
import type { ActorKind, CompanyStage } from '../generated/graphql';
import { checkFirst, decodeCursor, encodeCursor, pageOf } from '../graphql/pagination';
import type { EntityModel, SupporterConnectionModel } from '../models';
import { HELP_TYPES } from '../seed/model';
import { lazyCount } from './connections';
import { resolveNames } from './resolveNames';
import { toPath, type PathRow } from './rows';

const HELP = new Set<string>(HELP_TYPES);

/** The cursor list name of supporter connections: [stageRank, sortKey, id]. */
const SUPPORTERS_CURSOR = 'supporters';

/** The Stage node id of a CompanyStage: PRE_SEED is "pre-seed". */
export function stageId(stage: CompanyStage): string {
  return stage.toLowerCase().replace('_', '-');
}

/**
 * Who supports companies of a theme (and stage)? The theme is matched by name or alias with its
 * sub-themes; the conditions are documented in cypher/fragments/supporterCandidates.cypher.
 * Supporters with stated stage evidence come first, then those that help the theme with no stage
 * stated; `stageEvidence` on each edge says which.
 */
export async function supporters(
  ctx: Context,
  args: {
    theme: string;
    stage?: CompanyStage | null;
    kinds?: readonly ActorKind[] | null;
    first: number;
    after?: string | null;
  },
): Promise<SupporterConnectionModel> {
  const first = checkFirst(args.first);
  const [theme] = await resolveNames(ctx, 'Theme', [args.theme], 'theme');
  const themeIds = theme!.ids;
  const stage = args.stage ? await ctx.loaders.entitiesById.load(stageId(args.stage)) : null;
  const after = args.after ? decodeCursor(args.after, SUPPORTERS_CURSOR, ['number', 'string', 'string']) : null;
  const params = {
    themeIds,
    stageId: args.stage ? stageId(args.stage) : null,
    kinds: args.kinds?.length ? args.kinds.map((k) => k.toLowerCase()) : null,
  };
  const rows = await ctx.db.read(cypher('supporters'), { ...params, after, limit: first + 1 }, ctx.queries);
  const { items, hasNextPage } = pageOf(rows, first);
  const matchedThemes = await ctx.loaders.entitiesById.loadMany(themeIds);
  return {
    theme: theme!.entity,
    matchedThemes: matchedThemes.filter((t): t is EntityModel => t !== null && !(t instanceof Error)),
    stage,
    edges: items.map((row) => {
      const node = row.supporter as EntityModel;
      const stageRank = Number(row.stageRank);
      const evidence = (row.evidence as PathRow[]).map(toPath);
      // Only relationships that mean help: not LEADS or TARGETS_STAGE, which say who or what, not how.
      const supportTypes = new Set<string>();
      for (const path of evidence) for (const hop of path.hops) if (HELP.has(hop.type)) supportTypes.add(hop.type);
      return {
        node,
        evidence,
        supportTypes: [...supportTypes].sort(),
        stageEvidence: stageRank === 0 ? 'STATED' : 'NOT_STATED',
        cursor: encodeCursor(SUPPORTERS_CURSOR, [stageRank, node.sortKey, node.id]),
      };
    }),
    hasNextPage,
    hasPreviousPage: Boolean(args.after),
    count: lazyCount(ctx, 'supportersCount', params),
  };
}
