/**
 * The country sides of Medicon Valley. A node's side is the country its LOCATED_IN regions lie in,
 * followed up the regions' PART_OF (cypher/nodeSides.cypher walks them). The seed nests Skåne in
 * Sydsverige in Sweden, but gives each region one `partOf`: the Copenhagen area (Copenhagen's
 * region) is part of Greater Copenhagen, the cross-border region of eastern Denmark and Skåne, so
 * it is named here as Danish itself. Greater Copenhagen, Medicon Valley and the Øresund Region span
 * both sides and give none.
 */
export type Side = 'SE' | 'DK';

export const SIDE_ANCHORS: Readonly<Record<string, Side>> = {
  sweden: 'SE',
  denmark: 'DK',
  'copenhagen-area': 'DK',
};

/** The side of a node from the anchor regions it reaches: null for none, or for both sides. */
export function sideOf(anchors: readonly string[]): Side | null {
  const sides = new Set(anchors.map((anchor) => SIDE_ANCHORS[anchor]).filter((side) => side !== undefined));
  return sides.size === 1 ? [...sides][0]! : null;
}
