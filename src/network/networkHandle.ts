import { createHash } from 'node:crypto';
import type { NetworkAnalysisModel, NetworkHandle } from '../models';
import {
  analyseNetwork,
  centralityMethod,
  DEFAULT_ANALYSIS_OPTIONS,
  type AnalysisEdge,
  type AnalysisNode,
} from './analyse';
import { layoutNetwork } from './layout';
import type { Side } from './sides';

/**
 * Network analysis per request, cached per graph version. A graph's analysis depends only on its
 * nodes, its edges (ends and weights) and its nodes' sides, so the cache key is a digest of exactly
 * these: any write that changes the graph asked for (a relationship added, a location changed)
 * changes the digest and misses the cache, and nothing needs invalidating; a write elsewhere keeps
 * the entry. Entries are evicted least recently used. The layout is cached the same way.
 */
export interface NetworkSettings {
  /** Analyses (and layouts) kept (MEDICON_METRICS_CACHE_SIZE). */
  cacheSize: number;
  /** Exact betweenness and closeness up to this many nodes (MEDICON_METRICS_EXACT_MAX_NODES). */
  exactMaxNodes: number;
  /** Source nodes that estimate them above it (MEDICON_METRICS_PIVOTS). */
  pivots: number;
}

export const DEFAULT_NETWORK_SETTINGS: NetworkSettings = { cacheSize: 32, ...DEFAULT_ANALYSIS_OPTIONS };

/** A small least-recently-used map: a Map keeps insertion order, so the first key is the oldest. */
class LruCache<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly size: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}

let settings = DEFAULT_NETWORK_SETTINGS;
let analyses = new LruCache<Promise<NetworkAnalysisModel>>(settings.cacheSize);
let layouts = new LruCache<Promise<Map<string, { x: number; y: number }>>>(settings.cacheSize);
/** How many analyses were computed rather than taken from the cache: tests read it to see the cache work. */
export const networkCacheStats = { analyses: 0, layouts: 0 };

/** Applies the settings (src/config.ts) and empties the caches; the server calls it on start. */
export function configureNetworkAnalysis(next: NetworkSettings): void {
  settings = next;
  analyses = new LruCache(next.cacheSize);
  layouts = new LruCache(next.cacheSize);
}

function digest(nodes: readonly AnalysisNode[], edges: readonly AnalysisEdge[], sides?: Map<string, Side | null>) {
  const hash = createHash('sha256');
  for (const node of nodes) hash.update(`n\u0000${node.id}\u0000${node.label}\u0000${sides?.get(node.id) ?? ''}\n`);
  for (const edge of edges)
    hash.update(`e\u0000${edge.id}\u0000${edge.source}\u0000${edge.target}\u0000${edge.weight}\n`);
  return hash.digest('base64');
}

/** Runs `compute` once per key; a failure is not cached. */
function cached<V>(cache: LruCache<Promise<V>>, key: string, compute: () => Promise<V>): Promise<V> {
  const hit = cache.get(key);
  if (hit) return hit;
  const value = compute();
  cache.set(key, value);
  value.catch(() => cache.delete(key));
  return value;
}

/**
 * The handle that a subgraph's nodes and edges share: `analysis()` and `layout()` each run at most
 * once per handle, and once per graph version across requests. `loadSides` reads the nodes' country
 * sides (one query), only when the analysis is asked for.
 */
export function networkHandle(
  nodes: readonly AnalysisNode[],
  edges: readonly AnalysisEdge[],
  loadSides: () => Promise<Map<string, Side | null>>,
): NetworkHandle {
  let analysis: Promise<NetworkAnalysisModel> | undefined;
  let layout: Promise<Map<string, { x: number; y: number }>> | undefined;
  return {
    // Decided by the size alone, so that saying whether the values are estimates computes nothing.
    centralities: { ...centralityMethod(nodes.length, settings), nodeCount: nodes.length },
    analysis() {
      analysis ??= loadSides().then((sides) =>
        cached(analyses, digest(nodes, edges, sides), async () => {
          networkCacheStats.analyses += 1;
          return analyseNetwork(nodes, edges, sides, settings);
        }),
      );
      return analysis;
    },
    layout() {
      layout ??= cached(layouts, digest(nodes, edges), async () => {
        networkCacheStats.layouts += 1;
        return layoutNetwork(nodes, edges);
      });
      return layout;
    },
  };
}
