// Where the explorer puts its nodes. Every node starts at a place derived from its id (so two
// loads of one view start, and end, the same), or next to a neighbour already placed; ForceAtlas2
// then runs in a web worker (graphology-layout-forceatlas2/worker), never on the main thread, and
// stops after a fixed number of iterations, so that the picture is reproducible. Nodes that stay
// drawn when a filter changes are held still (FA2's `fixed`): only the new ones move.
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';

export interface Point {
  x: number;
  y: number;
}

/** What the layout reads and writes: positions and sizes of nodes, weights of edges. */
export type LaidOutGraph = Graph<Point & { size: number }, { weight: number }>;

/** FNV-1a: a small, fast string hash; the same id gives the same number in every browser. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A place in a disc of radius 100 derived from the id alone. */
export function seededPosition(id: string): Point {
  const h = hash(id);
  const angle = ((h & 0xffff) / 0x10000) * 2 * Math.PI;
  const radius = 100 * Math.sqrt(((h >>> 16) & 0xffff) / 0x10000);
  return { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
}

/**
 * Gives every node of `graph` its x and y: the place it had before (`known`), else next to the
 * neighbours already placed, else its seeded place. Returns the ids of the nodes that kept a place.
 */
export function placeNodes(graph: LaidOutGraph, known: Map<string, Point>): Set<string> {
  const kept = new Set<string>();
  graph.forEachNode((id) => {
    const place = known.get(id);
    if (place) {
      graph.mergeNodeAttributes(id, { x: place.x, y: place.y });
      kept.add(id);
    }
  });
  graph.forEachNode((id) => {
    if (kept.has(id)) return;
    const near = graph.neighbors(id).filter((n) => kept.has(n));
    const seeded = seededPosition(id);
    if (near.length === 0) {
      graph.mergeNodeAttributes(id, seeded);
      return;
    }
    const centre = near.reduce(
      (sum, n) => ({
        x: sum.x + graph.getNodeAttribute(n, 'x') / near.length,
        y: sum.y + graph.getNodeAttribute(n, 'y') / near.length,
      }),
      { x: 0, y: 0 },
    );
    graph.mergeNodeAttributes(id, { x: centre.x + seeded.x / 20, y: centre.y + seeded.y / 20 });
  });
  return kept;
}

/** Iterations for a layout from scratch and for settling new nodes among fixed ones. */
export const FRESH_ITERATIONS = 400;
export const SETTLE_ITERATIONS = 150;

/** How often the drawing takes the layout's positions while it runs: each take is one redraw. */
const APPLY_EVERY_MS = 250;

/**
 * Runs ForceAtlas2 in a web worker for `iterations` iterations, holding `fixed` still. The worker
 * works on a copy of the graph: the drawn graph takes its positions at most every APPLY_EVERY_MS
 * and at the end, so that sigma redraws a few times rather than once per iteration (on a slow
 * machine a redraw of the seeded graph costs tens of milliseconds of the main thread). Resolves when
 * done or cancelled; a new run cancels the one before.
 */
export class LayoutRunner {
  private current: { finish: () => void } | null = null;
  /** Finished runs, for the tests and the screenshot script: "the layout has finished". */
  runs = 0;
  running = false;

  run(graph: LaidOutGraph, fixed: Set<string>, iterations: number): Promise<void> {
    this.cancel();
    if (graph.order < 2 || fixed.size === graph.order) {
      this.runs++;
      return Promise.resolve();
    }
    const copy = new Graph<Point & { size: number; fixed: boolean }, { weight: number }>({
      multi: true,
      allowSelfLoops: true,
    });
    graph.forEachNode((id, a) => copy.addNode(id, { x: a.x, y: a.y, size: a.size, fixed: fixed.has(id) }));
    graph.forEachEdge((_edge, a, source, target) => copy.addEdge(source, target, { weight: a.weight }));
    const settings = {
      ...forceAtlas2.inferSettings(copy),
      // Hubs (a region, a theme) would otherwise pull everything into one knot.
      outboundAttractionDistribution: true,
      scalingRatio: copy.order > 1000 ? 10 : 4,
      gravity: 1,
    };
    const apply = (): void => {
      graph.updateEachNodeAttributes(
        (id, a) => {
          if (copy.hasNode(id)) {
            a.x = copy.getNodeAttribute(id, 'x');
            a.y = copy.getNodeAttribute(id, 'y');
          }
          return a;
        },
        { attributes: ['x', 'y'] },
      );
    };
    return new Promise((resolve) => {
      const supervisor = new FA2Layout(copy, { settings, getEdgeWeight: 'weight' });
      let done = 0;
      let applied = performance.now();
      const onIteration = (): void => {
        done++;
        if (done >= iterations) {
          finish();
        } else if (performance.now() - applied > APPLY_EVERY_MS) {
          apply();
          applied = performance.now();
        }
      };
      const finish = (): void => {
        if (this.current?.finish !== finish) return;
        this.current = null;
        copy.off('eachNodeAttributesUpdated', onIteration);
        // Stopped here, killed after: the supervisor still holds the message being handled.
        supervisor.stop();
        setTimeout(() => supervisor.kill(), 0);
        apply();
        this.running = false;
        this.runs++;
        resolve();
      };
      // The supervisor writes each iteration's positions with one updateEachNodeAttributes call.
      copy.on('eachNodeAttributesUpdated', onIteration);
      this.current = { finish };
      this.running = true;
      supervisor.start();
    });
  }

  cancel(): void {
    this.current?.finish();
  }
}
