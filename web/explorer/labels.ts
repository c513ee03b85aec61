// Label collision handling. Before the first label of a frame is drawn, every candidate (a node
// shown, on screen, with a label) is placed in turn, largest node first: it gets its label only if
// the label's box overlaps no box placed before it. sigma then offers labels from its label grid and
// this drawing function draws those that were placed, so that the labels shown are the ones that fit,
// the hubs' first; near the right edge a label goes left of its node. Zooming in makes room, and more
// labels appear.
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
  /** The side each placed label is drawn on; a node near the right edge has its label on the left. */
  private placed: Map<string, 'right' | 'left'> | null = null;
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

  private place(): Map<string, 'right' | 'left'> {
    const size = this.font.size;
    const boxes: Box[] = [];
    const right = this.viewportWidth();
    const placed = new Map<string, 'right' | 'left'>();
    const free = (box: Box): boolean =>
      box.left >= 0 &&
      box.right <= right &&
      !boxes.some((b) => box.left < b.right && b.left < box.right && box.top < b.bottom && b.top < box.bottom);
    const candidates = this.candidates().sort(
      (a, b) => Number(b.first ?? false) - Number(a.first ?? false) || b.size - a.size,
    );
    for (const c of candidates) {
      // Where the text goes: right of the disc (as sigma's drawDiscNodeLabel puts it), else left.
      const width = this.width(c.label);
      const top = c.y - size * 0.8;
      const bottom = c.y + size * 0.5;
      const onRight = { left: c.x + c.size + 1, top, right: c.x + c.size + 5 + width, bottom };
      const onLeft = { left: c.x - c.size - 5 - width, top, right: c.x - c.size - 1, bottom };
      const side = free(onRight) ? 'right' : free(onLeft) ? 'left' : null;
      if (!side) continue;
      boxes.push(side === 'right' ? onRight : onLeft);
      placed.set(c.key, side);
    }
    return placed;
  }

  readonly draw: NodeLabelDrawingFunction = (context, data, settings) => {
    if (!data.label) return;
    this.placed ??= this.place();
    const key = (data as { key?: string }).key;
    const side = key === undefined ? undefined : this.placed.get(key);
    if (!side) return;
    this.drawn.push(data.label);
    if (side === 'right') {
      drawDiscNodeLabel(context, data, settings);
      return;
    }
    context.fillStyle = settings.labelColor.color ?? '#000';
    context.font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
    context.fillText(data.label, data.x - data.size - 3 - this.width(data.label), data.y + settings.labelSize / 3);
  };
}
