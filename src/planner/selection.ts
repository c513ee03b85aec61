import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';

export type { ResolveTree };

/**
 * The selection under a field, read ahead from its resolve info (graphql-parse-resolve-info:
 * fragments spread, `@skip`/`@include` applied, arguments coerced with their defaults).
 *
 * Kept per field nodes and variables: graphql-js hands every parent of a field the same
 * `fieldNodes` array, and Apollo keeps parsed documents, so a field resolved for 500 parents is
 * read once. Both keys are weak: nothing outlives its document or its request's variables.
 */
const trees = new WeakMap<readonly FieldNode[], WeakMap<object, ResolveTree>>();

export function selectionOf(info: GraphQLResolveInfo): ResolveTree {
  const byVariables = trees.get(info.fieldNodes) ?? new WeakMap<object, ResolveTree>();
  trees.set(info.fieldNodes, byVariables);
  let tree = byVariables.get(info.variableValues);
  if (!tree) {
    tree = parseResolveInfo(info) as ResolveTree;
    byVariables.set(info.variableValues, tree);
  }
  return tree;
}

/**
 * The fields selected under `tree`, whatever type condition selected them (a union of every type's
 * fields: a superset of what any one object will resolve, which is what a read ahead may fetch).
 */
export function subfields(tree: ResolveTree): ResolveTree[] {
  const byAlias = new Map<string, ResolveTree>();
  for (const fields of Object.values(tree.fieldsByTypeName)) {
    for (const field of Object.values(fields)) {
      // The same alias under two type conditions: both selections count.
      const seen = byAlias.get(field.alias);
      byAlias.set(field.alias, seen ? merge(seen, field) : field);
    }
  }
  return [...byAlias.values()];
}

/** Every selection of the field `name` under `tree` (each alias once). */
export function fieldsNamed(tree: ResolveTree, name: string): ResolveTree[] {
  return subfields(tree).filter((field) => field.name === name);
}

/** The nodes a connection's selection reads (edges.node and nodes). */
export function connectionNodes(tree: ResolveTree): ResolveTree[] {
  return [
    ...fieldsNamed(tree, 'edges')
      .flatMap(subfields)
      .filter((field) => field.name === 'node'),
    ...fieldsNamed(tree, 'nodes'),
  ];
}

function merge(a: ResolveTree, b: ResolveTree): ResolveTree {
  const fieldsByTypeName = { ...a.fieldsByTypeName };
  for (const [type, fields] of Object.entries(b.fieldsByTypeName)) {
    const merged = { ...fieldsByTypeName[type] };
    for (const [alias, field] of Object.entries(fields)) {
      const seen = merged[alias];
      merged[alias] = seen ? merge(seen, field) : field;
    }
    fieldsByTypeName[type] = merged;
  }
  return { ...a, fieldsByTypeName };
}
