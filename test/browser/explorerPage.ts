import type { Page } from 'playwright-core';

/**
 * Reading the explorer page from a browser test: what sigma.js draws lives in the graphology graph
 * and the renderer that the page puts on `window.explorer` (web/explorer/main.ts).
 */
interface ExplorerHandle {
  graph: {
    order: number;
    size: number;
    nodes(): string[];
    edges(): string[];
    getNodeAttributes(id: string): Record<string, any>;
    getEdgeAttributes(id: string): Record<string, any>;
    extremities(id: string): [string, string];
  };
  renderer: {
    getNodeDisplayData(id: string): { hidden?: boolean; highlighted?: boolean; color: string } | undefined;
    getEdgeDisplayData(id: string): { hidden?: boolean } | undefined;
    getCanvases(): Record<string, HTMLCanvasElement>;
  };
  layout: { running: boolean; runs: number };
  state: Record<string, unknown>;
  displayedLabels(): string[];
  nodeOnScreen(id: string): { x: number; y: number } | null;
  idOf(slug: string): string | undefined;
}

export type WindowWithExplorer = Window & { explorer: ExplorerHandle };

/** Waits until the page has finished what it was asked (body[data-state=ready]) and the layout is done. */
export async function settled(page: Page): Promise<void> {
  await page.waitForSelector('body[data-state="ready"]', { timeout: 150000 });
  await page.waitForFunction(() => !(window as unknown as WindowWithExplorer).explorer.layout.running, undefined, {
    timeout: 150000,
  });
}

export async function drawnIds(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as WindowWithExplorer).explorer.graph.nodes().sort());
}

export async function drawnCounts(page: Page): Promise<{ nodes: number; edges: number; statusNodes: number }> {
  return page.evaluate(() => {
    const { graph } = (window as unknown as WindowWithExplorer).explorer;
    return {
      nodes: graph.order,
      edges: graph.size,
      statusNodes: Number(document.getElementById('status')!.dataset.nodes),
    };
  });
}

/** The nodes sigma shows (not hidden by focus mode). */
export async function visibleIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const { graph, renderer } = (window as unknown as WindowWithExplorer).explorer;
    return graph
      .nodes()
      .filter((id) => !renderer.getNodeDisplayData(id)?.hidden)
      .sort();
  });
}

/** Clicks a drawn node with the mouse, where sigma drew it. */
export async function clickNode(page: Page, id: string): Promise<void> {
  const position = await page.evaluate(
    (nodeId) => (window as unknown as WindowWithExplorer).explorer.nodeOnScreen(nodeId),
    id,
  );
  if (!position) throw new Error(`Node "${id}" is not drawn.`);
  const box = (await page.locator('#graph').boundingBox())!;
  await page.mouse.click(box.x + position.x, box.y + position.y);
}

/** How many pixels of sigma's label layer are painted: 0 when no label is drawn. */
export async function labelPixels(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = (window as unknown as WindowWithExplorer).explorer.renderer.getCanvases().labels!;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
    return painted;
  });
}
