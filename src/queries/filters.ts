import type { ReadContext } from '../context';
import type { CompanyStage } from '../generated/graphql';
import { resolveNames } from './resolveNames';

/** The Stage node id of a CompanyStage: PRE_SEED is "pre-seed". */
export function stageId(stage: CompanyStage): string {
  return stage.toLowerCase().replace('_', '-');
}

/** What ActorFilter and GraphFilter share: kinds, and themes, regions and stages by name. */
export interface NamedFilter {
  kinds?: readonly string[] | null;
  themes?: readonly string[] | null;
  regions?: readonly string[] | null;
  stages?: readonly CompanyStage[] | null;
}

/** A filter as query parameters; null where the filter does not restrict. (A type, not an interface: it is a parameter map.) */
export type FilterParams = {
  /** Kinds lower-cased, as actors store them. */
  kinds: string[] | null;
  /** The named themes' ids, with their sub-themes. */
  themeIds: string[] | null;
  /** The named regions' ids, with their sub-regions. */
  regionIds: string[] | null;
  stageIds: string[] | null;
};

/**
 * A filter as query parameters (cypher/fragments/actorFilter.cypher and the graph's): themes and
 * regions resolved by name (slug, name or alias) to ids with their descendants, stages to their
 * ids, kinds lower-cased. The two name lookups run together; an unknown name is BAD_USER_INPUT
 * naming it, themes reported before regions when both have one. `field` prefixes the argument
 * names in errors ("filter").
 */
export async function filterParams(ctx: ReadContext, filter: NamedFilter | null | undefined, field = 'filter') {
  const ids = async (label: 'Theme' | 'Region', names: readonly string[] | null | undefined, argument: string) =>
    names?.length ? (await resolveNames(ctx, label, names, `${field}.${argument}`)).flatMap((r) => r.ids) : null;
  const [themes, regions] = await Promise.allSettled([
    ids('Theme', filter?.themes, 'themes'),
    ids('Region', filter?.regions, 'regions'),
  ]);
  if (themes.status === 'rejected') throw themes.reason;
  if (regions.status === 'rejected') throw regions.reason;
  const params: FilterParams = { ...directFilterParams(filter), themeIds: themes.value, regionIds: regions.value };
  return params;
}

/** The parameters of a filter that need no lookup: kinds lower-cased, stages as their ids. */
export function directFilterParams(filter: NamedFilter | null | undefined): Pick<FilterParams, 'kinds' | 'stageIds'> {
  return {
    kinds: filter?.kinds?.length ? filter.kinds.map((k) => k.toLowerCase()) : null,
    stageIds: filter?.stages?.length ? filter.stages.map(stageId) : null,
  };
}
