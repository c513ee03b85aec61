import type { Basis } from '../seed/model';
import type { EntityModel, HopModel, PathModel, RelationshipProperties } from '../models';

/**
 * Turns the maps that Cypher returns for relationships and paths into models. Values are plain
 * already (src/db/values.ts); these only rename and default.
 */

export function relationshipProperties(type: string, props: Record<string, unknown>): RelationshipProperties {
  return {
    type,
    role: (props.role as string | undefined) ?? null,
    amount: (props.amount as number | undefined) ?? null,
    currency: (props.currency as string | undefined) ?? null,
    validFrom: (props.validFrom as string | undefined) ?? null,
    validTo: (props.validTo as string | undefined) ?? null,
    // Written by the loader and the mutations for every relationship; an older graph may lack it.
    basis: (props.basis as Basis | undefined) ?? 'STATED',
    basisNote: (props.basisNote as string | undefined) ?? null,
    derived: props.derived === true,
    sourceDocs: (props.sourceDocs as string[] | undefined) ?? [],
    quotes: (props.quotes as string[] | undefined) ?? [],
  };
}

/** A path as cypher returns it: its nodes, and hops that name their ends by id. */
export interface PathRow {
  nodes: EntityModel[];
  hops: { type: string; props: Record<string, unknown>; from: string; to: string }[];
}

export function toPath(row: PathRow): PathModel {
  const byId = new Map(row.nodes.map((n) => [n.id, n]));
  // Hop i joins nodes i and i + 1; it is walked forward when it is stored from node i.
  const hops: HopModel[] = row.hops.map((hop, i) => ({
    ...relationshipProperties(hop.type, hop.props),
    from: byId.get(hop.from)!,
    to: byId.get(hop.to)!,
    walkedForward: hop.from === row.nodes[i]?.id,
  }));
  return { nodes: row.nodes, hops };
}
