// Where the explorer puts its nodes. Every node starts at a place derived from its id (so two
// loads of one view start, and end, the same), or next to a neighbour already placed; ForceAtlas2
// then runs in a web worker (graphology-layout-forceatlas2/worker), never on the main thread, and
// stops after a fixed number of iterations, so that the picture is reproducible. Nodes that stay
// drawn when a filter changes are held still (FA2's `fixed`): only the new ones move.
import type Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';

export interface Point {
  x: number;
  y: number;
}

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
export function placeNodes(graph: Graph, known: Map<string, Point>): Set<string> {
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

/**
 * Runs ForceAtlas2 in a web worker for `iterations` iterations (each one a message from the
 * worker, applied to the graph and so redrawn by sigma), holding `fixed` still. Resolves when done
 * or cancelled; a new run cancels the one before.
 */
export class LayoutRunner {
  private current: { supervisor: FA2Layout; finish: () => void } | null = null;
  /** Resolved runs, for the tests and the screenshot script: "the layout has finished". */
  runs = 0;
  running = false;

  run(graph: Graph, fixed: Set<string>, iterations: number): Promise<void> {
    this.cancel();
    if (graph.order < 2 || fixed.size === graph.order) {
      this.runs++;
      return Promise.resolve();
    }
    graph.forEachNode((id) => graph.setNodeAttribute(id, 'fixed', fixed.has(id)));
    const settings = {
      ...forceAtlas2.inferSettings(graph),
      // Hubs (a region, a theme) would otherwise pull everything into one knot.
      outboundAttractionDistribution: true,
      scalingRatio: graph.order > 1000 ? 10 : 4,
      gravity: 1,
    };
    return new Promise((resolve) => {
      const supervisor = new FA2Layout(graph, { settings, getEdgeWeight: 'weight' });
      let done = 0;
      const onIteration = (): void => {
        done++;
        if (done >= iterations) finish();
      };
      const finish = (): void => {
        graph.off('eachNodeAttributesUpdated', onIteration);
        supervisor.kill();
        graph.forEachNode((id) => graph.removeNodeAttribute(id, 'fixed'));
        if (this.current?.supervisor === supervisor) this.current = null;
        this.running = false;
        this.runs++;
        resolve();
      };
      // The supervisor writes each iteration's positions with one updateEachNodeAttributes call.
      graph.on('eachNodeAttributesUpdated', onIteration);
      this.current = { supervisor, finish };
      this.running = true;
      supervisor.start();
    });
  }

  cancel(): void {
    this.current?.finish();
  }
}
