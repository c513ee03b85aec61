import type { ReadContext } from '../context';
import type { ActorKind, CompanyStage } from '../generated/graphql';
import { cursorKind } from '../graphql/pagination';
import type { EntityModel, SupporterConnectionModel } from '../models';
import { HELP_TYPES } from '../seed/model';
import { keysetConnection, type PageArgs } from './connections';
import { stageId } from './filters';
import { resolveNames } from './resolveNames';
import { toPath, type PathRow } from './rows';

const HELP = new Set<string>(HELP_TYPES);

/** Supporter cursors: [stageRank, sortKey, id]. */
const SUPPORTERS_CURSOR = cursorKind('supporters', ['number', 'string', 'string']);

/**
 * Who supports companies of a theme (and stage)? The theme is matched by name or alias with its
 * sub-themes; the conditions are documented in cypher/fragments/supporterCandidates.cypher.
 * Supporters with stated stage evidence come first, then those that help the theme with no stage
 * stated; `stageEvidence` on each edge says which.
 */
export async function supporters(
  ctx: ReadContext,
  args: PageArgs & { theme: string; stage?: CompanyStage | null; kinds?: readonly ActorKind[] | null },
): Promise<SupporterConnectionModel> {
  const [theme] = await resolveNames(ctx, 'Theme', [args.theme], 'theme');
  const themeIds = theme!.ids;
  // The matched themes and the stage in one batch, read while the page is: a round trip in parallel, not two in a row.
  const related = ctx.loaders.entitiesById.loadMany(args.stage ? [...themeIds, stageId(args.stage)] : themeIds);
  const connection = await keysetConnection(ctx, args, {
    cursor: SUPPORTERS_CURSOR,
    query: { forward: 'supporters', backward: 'supportersReverse' },
    params: {
      themeIds,
      stageId: args.stage ? stageId(args.stage) : null,
      kinds: args.kinds?.length ? args.kinds.map((k) => k.toLowerCase()) : null,
    },
    position: (from) => ({ from }),
    edge: (row) => {
      const evidence = (row.evidence as PathRow[]).map(toPath);
      // Only relationships that mean help: not LEADS or TARGETS_STAGE, which say who or what, not how.
      const supportTypes = new Set<string>();
      for (const path of evidence) for (const hop of path.hops) if (HELP.has(hop.type)) supportTypes.add(hop.type);
      return {
        node: row.supporter as EntityModel,
        evidence,
        supportTypes: [...supportTypes].sort(),
        stageEvidence: Number(row.stageRank) === 0 ? ('STATED' as const) : ('NOT_STATED' as const),
      };
    },
    sortValues: ({ node }, row) => [Number(row.stageRank), node.sortKey, node.id],
    count: { query: 'supportersCount' },
  });
  const found = (await related).map((entity) => (entity instanceof Error ? null : entity));
  return {
    ...connection,
    theme: theme!.entity,
    matchedThemes: found.slice(0, themeIds.length).filter((t): t is EntityModel => t !== null),
    stage: args.stage ? (found[themeIds.length] ?? null) : null,
  };
}
