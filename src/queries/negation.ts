import type { RelationshipType } from '../generated/graphql';

/**
 * Relationship types that state an absence, by the type they deny: a source that says "X is not
 * a member of Y" is NOT_MEMBER_OF, which answers "is X a member of Y?" with NO
 * (cypher/fact.cypher) and is drawn as a negated edge (RelationshipEdge.negated, the exports).
 */
export const NEGATION_OF: Partial<Record<RelationshipType, RelationshipType>> = { MEMBER_OF: 'NOT_MEMBER_OF' };

const NEGATED_TYPES = new Set<string>(Object.values(NEGATION_OF));

/** Whether a relationship of `type` states an absence. */
export function isNegated(type: string): boolean {
  return NEGATED_TYPES.has(type);
}
