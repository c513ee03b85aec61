// Label collision handling. Before the first label of a frame is drawn, every candidate (a node
// shown, on screen, with a label) is placed in turn, largest node first: it gets its label only if
// the label's box overlaps no box placed before it. sigma then offers labels from its label grid and
// this drawing function draws those that were placed, so that the labels shown are the ones that fit,
// the hubs' first. Zooming in makes room, and more labels appear.
import type { NodeLabelDrawingFunction } from 'sigma/rendering';
import { drawDiscNodeLabel } from 'sigma/rendering';

/** A node as drawn on screen: centre and radius in CSS pixels. */
export interface LabelCandidate {
  key: string;
  label: string;
  x: number;
  y: number;
  size: number;
  /** Selected or hovered: placed before any other. */
  first?: boolean;
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export class LabelPlacer {
  private placed: Set<string> | null = null;
  private readonly widths = new Map<string, number>();
  private readonly measure = document.createElement('canvas').getContext('2d')!;
  /** The labels drawn in the last frame, in drawing order. */
  drawn: string[] = [];

  constructor(
    private readonly candidates: () => LabelCandidate[],
    /** The canvas's width in CSS pixels: a label that would run past it is not drawn. */
    private readonly viewportWidth: () => number,
    private readonly font: { size: number; weight: string; family: string },
  ) {}

  /** Called before each frame (sigma's "beforeRender"): the placement is made again at the first label. */
  reset(): void {
    this.placed = null;
    this.drawn = [];
  }

  private width(label: string): number {
    let width = this.widths.get(label);
    if (width === undefined) {
      this.measure.font = `${this.font.weight} ${this.font.size}px ${this.font.family}`;
      width = this.measure.measureText(label).width;
      this.widths.set(label, width);
    }
    return width;
  }

  private place(): Set<string> {
    const size = this.font.size;
    const boxes: Box[] = [];
    const right = this.viewportWidth();
    const placed = new Set<string>();
    const candidates = this.candidates().sort(
      (a, b) => Number(b.first ?? false) - Number(a.first ?? false) || b.size - a.size,
    );
    for (const c of candidates) {
      // Where drawDiscNodeLabel puts the text (right of the disc, on its middle line), with a margin.
      const left = c.x + c.size + 3;
      const box = {
        left: left - 2,
        top: c.y - size * 0.8,
        right: left + this.width(c.label) + 2,
        bottom: c.y + size * 0.5,
      };
      if (box.right > right) continue;
      if (boxes.some((b) => box.left < b.right && b.left < box.right && box.top < b.bottom && b.top < box.bottom))
        continue;
      boxes.push(box);
      placed.add(c.key);
    }
    return placed;
  }

  readonly draw: NodeLabelDrawingFunction = (context, data, settings) => {
    if (!data.label) return;
    this.placed ??= this.place();
    const key = (data as { key?: string }).key;
    if (key === undefined || !this.placed.has(key)) return;
    this.drawn.push(data.label);
    drawDiscNodeLabel(context, data, settings);
  };
}
