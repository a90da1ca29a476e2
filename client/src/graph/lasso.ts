import type { Core } from 'cytoscape';

/**
 * Free-hand lasso selection over the chart: while on, a transparent canvas above the
 * chart takes the pointer; a drawn loop selects the visible nodes inside it (added to the
 * selection with Shift). Cytoscape's own box selection stays on Shift + drag.
 */
export class Lasso {
  private readonly canvas: HTMLCanvasElement;
  private points: [number, number][] = [];
  private drawing = false;
  private enabled = false;

  constructor(
    private readonly cy: Core,
    container: HTMLElement,
    private readonly onDone: (count: number) => void,
  ) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'lasso-layer';
    this.canvas.style.cssText = 'position:absolute;inset:0;z-index:5;cursor:crosshair;display:none;touch-action:none';
    container.appendChild(this.canvas);
    this.canvas.addEventListener('pointerdown', (e) => this.start(e));
    this.canvas.addEventListener('pointermove', (e) => this.move(e));
    this.canvas.addEventListener('pointerup', (e) => this.end(e));
    this.canvas.addEventListener('pointercancel', () => this.reset());
  }

  get active(): boolean {
    return this.enabled;
  }

  setEnabled(on: boolean): void {
    this.enabled = on;
    this.canvas.style.display = on ? 'block' : 'none';
    if (on) {
      const r = this.canvas.parentElement!.getBoundingClientRect();
      this.canvas.width = r.width;
      this.canvas.height = r.height;
    }
    this.reset();
  }

  private local(e: PointerEvent): [number, number] {
    const r = this.canvas.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  }

  private start(e: PointerEvent): void {
    this.canvas.setPointerCapture(e.pointerId);
    this.drawing = true;
    this.points = [this.local(e)];
  }

  private move(e: PointerEvent): void {
    if (!this.drawing) return;
    const p = this.local(e);
    const last = this.points.at(-1)!;
    if (Math.hypot(p[0] - last[0], p[1] - last[1]) < 3) return;
    this.points.push(p);
    const ctx = this.canvas.getContext('2d')!;
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.beginPath();
    ctx.moveTo(this.points[0]![0], this.points[0]![1]);
    for (const [x, y] of this.points) ctx.lineTo(x, y);
    ctx.closePath();
    ctx.fillStyle = 'rgba(250, 204, 21, 0.15)';
    ctx.strokeStyle = '#ca8a04';
    ctx.setLineDash([6, 4]);
    ctx.lineWidth = 2;
    ctx.fill();
    ctx.stroke();
  }

  private end(e: PointerEvent): void {
    if (!this.drawing) return;
    this.drawing = false;
    const poly = this.points;
    if (poly.length >= 3) {
      const inside = this.cy.nodes(':visible').filter((n) => {
        const p = n.renderedPosition();
        return pointInPolygon(p.x, p.y, poly);
      });
      this.cy.batch(() => {
        if (!e.shiftKey) this.cy.elements(':selected').unselect();
        inside.select();
      });
      this.onDone(inside.length);
    }
    this.reset();
  }

  private reset(): void {
    this.points = [];
    this.drawing = false;
    this.canvas.getContext('2d')?.clearRect(0, 0, this.canvas.width, this.canvas.height);
  }
}

export function pointInPolygon(x: number, y: number, poly: readonly (readonly [number, number])[]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i]!;
    const [xj, yj] = poly[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
