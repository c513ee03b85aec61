/**
 * A seeded random source for the synthetic graph: the same seed gives the same graph on every
 * machine and Node version (Math.random cannot be seeded). mulberry32 is a 32-bit generator with
 * a full period of 2^32, plenty for a few million draws, and small enough to read here.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** Picks by weight: `weights[i]` is the relative chance of `items[i]`. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    const total = weights.reduce((sum, w) => sum + w, 0);
    let roll = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      roll -= weights[i]!;
      if (roll < 0) return items[i]!;
    }
    return items[items.length - 1]!;
  }

  /**
   * A popularity rank in [0, n) with a power-law distribution: rank r is drawn with probability
   * roughly proportional to r^(1/skew - 1), so with skew 3 the first ranks ("hubs") are drawn
   * far more often than the tail, as in preferential attachment. Callers map ranks to nodes
   * through a fixed permutation so that hubs are spread over the name order.
   */
  powerLawRank(n: number, skew: number): number {
    return Math.min(n - 1, Math.floor(n * Math.pow(this.next(), skew)));
  }

  /**
   * A count from a discrete Pareto distribution with the given minimum and tail exponent `alpha`
   * (mean about min * alpha / (alpha - 1) before the cap): most draws are small, a few are large.
   */
  paretoCount(min: number, alpha: number, max: number): number {
    const value = min / Math.pow(1 - this.next(), 1 / alpha);
    return Math.min(max, Math.floor(value));
  }
}

/**
 * A fixed permutation of [0, n): i -> (i * stride + offset) mod n, with a stride coprime to n.
 * It spreads power-law ranks over the nodes, so that the hubs are not the first names in order.
 */
export function rankPermutation(n: number, salt: number): (rank: number) => number {
  if (n <= 1) return () => 0;
  let stride = (7919 + salt * 104729) % n || 1;
  while (gcd(stride, n) !== 1) stride = (stride + 1) % n || 1;
  const offset = (salt * 2654435761) % n;
  return (rank) => (rank * stride + offset) % n;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
