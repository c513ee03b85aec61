import { project, type ProjectableNode, type ProjectedEdge } from '../../src/network/projections';
import type { Basis } from '../../src/seed/model';

/**
 * The projections on a hand-made graph: actors A, B, C, D and the network N (an actor), the
 * initiative I and the theme T.
 *   A PARTNER_IN I (STATED), B LEADS I (IMPLIED), A FUNDS B (STATED),
 *   C MEMBER_OF N, D MEMBER_OF N, A NOT_MEMBER_OF N, A FOCUSES_ON T, I FOCUSES_ON T.
 */
const node = (id: string, entityType: string): ProjectableNode => ({
  id: `g-${id}`,
  label: id,
  attributes: { slug: id.toLowerCase(), entityType: entityType as ProjectableNode['attributes']['entityType'] },
});
const nodes = [
  node('A', 'Actor'),
  node('B', 'Actor'),
  node('C', 'Actor'),
  node('D', 'Actor'),
  node('I', 'Initiative'),
  node('N', 'Actor'),
  node('T', 'Theme'),
];
const edge = (from: string, type: string, to: string, basis: Basis = 'STATED'): ProjectedEdge => ({
  id: `${from}|${type}|${to}`,
  source: `g-${from}`,
  target: `g-${to}`,
  type,
  attributes: {
    role: null,
    amount: null,
    currency: null,
    validFrom: null,
    validTo: null,
    negated: type === 'NOT_MEMBER_OF',
    basis,
    basisNote: null,
    derived: false,
  },
  sources: [{ document: 'doc.txt', quote: `${from} ${type} ${to}` }],
  weight: 1,
  via: [],
  viaTypes: [type],
});
const edges = [
  edge('A', 'PARTNER_IN', 'I'),
  edge('B', 'LEADS', 'I', 'IMPLIED'),
  edge('A', 'FUNDS', 'B'),
  edge('C', 'MEMBER_OF', 'N'),
  edge('D', 'MEMBER_OF', 'N'),
  edge('A', 'NOT_MEMBER_OF', 'N'),
  edge('A', 'FOCUSES_ON', 'T'),
  edge('I', 'FOCUSES_ON', 'T'),
];

describe('ACTOR_NETWORK', () => {
  const projected = project({ nodes, edges }, 'ACTOR_NETWORK');
  const byEnds = new Map(projected.edges.map((e) => [`${e.source.slice(2)}-${e.target.slice(2)}`, e]));

  test('keeps the actors only, in their order', () => {
    expect(projected.nodes.map((n) => n.label)).toEqual(['A', 'B', 'C', 'D', 'N']);
  });

  test('joins actors that share an initiative, a membership target or a direct link; NOT_MEMBER_OF joins nothing', () => {
    expect([...byEnds.keys()].sort()).toEqual(['A-B', 'C-D', 'C-N', 'D-N']);
  });

  test('the weight counts the links: A and B share I and A funds B', () => {
    const ab = byEnds.get('A-B')!;
    expect(ab.weight).toBe(2);
    expect(ab.via).toEqual(['g-I']);
    expect(ab.viaTypes).toEqual(['FUNDS', 'LEADS', 'PARTNER_IN']);
    expect(ab.type).toBe('FUNDS');
    expect(ab.id).toBe('a|ACTOR_NETWORK|b');
    expect(ab.sources.map((s) => s.quote).sort()).toEqual(['A FUNDS B', 'A PARTNER_IN I', 'B LEADS I']);
  });

  test('a link holds as its weakest relationship, an edge as its strongest link', () => {
    // Through I: STATED and IMPLIED make IMPLIED; the direct FUNDS is STATED: the edge is STATED.
    expect(byEnds.get('A-B')!.attributes.basis).toBe('STATED');
    const onlyI = project({ nodes, edges: edges.filter((e) => e.type !== 'FUNDS') }, 'ACTOR_NETWORK');
    expect(onlyI.edges.find((e) => e.id === 'a|ACTOR_NETWORK|b')!.attributes.basis).toBe('IMPLIED');
  });

  test('co-members are joined through their organisation, and each to it directly', () => {
    expect(byEnds.get('C-D')).toMatchObject({ weight: 1, via: ['g-N'], type: 'MEMBER_OF' });
    expect(byEnds.get('C-N')).toMatchObject({ weight: 1, via: [], type: 'MEMBER_OF' });
  });

  test('too many pairs is an error raised before they are all built', () => {
    expect(() => project({ nodes, edges }, 'ACTOR_NETWORK', 3, () => new Error('too large'))).toThrow('too large');
  });
});

describe('ACTOR_INITIATIVE', () => {
  const projected = project({ nodes, edges }, 'ACTOR_INITIATIVE');

  test('keeps actors and initiatives and the relationships between an actor and an initiative', () => {
    expect(projected.nodes.map((n) => n.label)).toEqual(['A', 'B', 'C', 'D', 'I', 'N']);
    expect(projected.edges.map((e) => e.id)).toEqual(['A|PARTNER_IN|I', 'B|LEADS|I']);
    for (const e of projected.edges) expect(e.weight).toBe(1);
  });
});

describe('FULL', () => {
  test('is the graph as it is', () => {
    const projected = project({ nodes, edges }, 'FULL');
    expect(projected.nodes).toHaveLength(nodes.length);
    expect(projected.edges).toHaveLength(edges.length);
  });
});
