/**
 * A seeded random source (mulberry32) for Louvain's moves, betweenness pivots and the initial
 * layout: the same graph gives the same communities and positions on every request and machine,
 * which Math.random cannot promise.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed every analysis and layout uses: fixed, so that results depend on the graph alone. */
export const NETWORK_SEED = 16;
