/**
 * The overview painter for large charts (past LEAN_THRESHOLD nodes): rasterizes the whole
 * chart around the viewport into an OffscreenCanvas off the main thread and hands back an
 * ImageBitmap. The main thread only blits it while panning and zooming, so no frame waits
 * for thousands of edges to be drawn (software canvas on these machines needs hundreds of
 * milliseconds for that).
 */
export type OverviewMessage =
  | { type: 'graph'; edges: Uint32Array; colors: string[]; nodeColor: Uint8Array; ring: Uint8Array; radius: Float32Array }
  | { type: 'positions'; xy: Float32Array }
  | { type: 'flags'; nodeFlags: Uint8Array; edgeFlags: Uint8Array }
  | { type: 'render'; id: number; zoom: number; x1: number; y1: number; width: number; height: number };

export interface OverviewFrame {
  id: number;
  bitmap: ImageBitmap;
  zoom: number;
  x1: number;
  y1: number;
  ms: number;
}

/** Flags: 1 hidden, 2 faded (dimmed). */
export const HIDDEN = 1;
export const FADED = 2;

const RING_COLORS = ['', '#dc2626', '#9333ea', '#d97706'];

let edges: Uint32Array = new Uint32Array(0);
let colors: string[] = [];
let nodeColor: Uint8Array = new Uint8Array(0);
let ring: Uint8Array = new Uint8Array(0);
let radius: Float32Array = new Float32Array(0);
let xy: Float32Array = new Float32Array(0);
let nodeFlags: Uint8Array = new Uint8Array(0);
let edgeFlags: Uint8Array = new Uint8Array(0);

const scope = self as unknown as { onmessage: ((e: MessageEvent<OverviewMessage>) => void) | null; postMessage(m: unknown, t: Transferable[]): void };

scope.onmessage = (event) => {
  const m = event.data;
  switch (m.type) {
    case 'graph':
      ({ edges, colors, nodeColor, ring, radius } = m);
      nodeFlags = new Uint8Array(nodeColor.length);
      edgeFlags = new Uint8Array(edges.length / 2);
      return;
    case 'positions':
      xy = m.xy;
      return;
    case 'flags':
      ({ nodeFlags, edgeFlags } = m);
      return;
    case 'render': {
      const started = performance.now();
      const bitmap = paint(m);
      const frame: OverviewFrame = { id: m.id, bitmap, zoom: m.zoom, x1: m.x1, y1: m.y1, ms: performance.now() - started };
      scope.postMessage(frame, [bitmap]);
    }
  }
};

function paint(m: { zoom: number; x1: number; y1: number; width: number; height: number }): ImageBitmap {
  const canvas = new OffscreenCanvas(Math.max(1, m.width), Math.max(1, m.height));
  const ctx = canvas.getContext('2d')!;
  const z = m.zoom;
  const X = (i: number) => (xy[2 * i]! - m.x1) * z;
  const Y = (i: number) => (xy[2 * i + 1]! - m.y1) * z;
  const n = nodeColor.length;
  if (xy.length < 2 * n) return canvas.transferToImageBitmap();
  const w = m.width;
  const h = m.height;
  const inView = (x: number, y: number) => x > -50 && y > -50 && x < w + 50 && y < h + 50;
  // edges: one path per kind of look, so the rasterizer gets a few big strokes, not 15,000 small ones
  for (const faded of [true, false]) {
    ctx.beginPath();
    for (let e = 0; e < edgeFlags.length; e++) {
      const f = edgeFlags[e]!;
      if (f & HIDDEN || Boolean(f & FADED) !== faded) continue;
      const a = edges[2 * e]!;
      const b = edges[2 * e + 1]!;
      const ax = X(a);
      const ay = Y(a);
      const bx = X(b);
      const by = Y(b);
      if (!inView(ax, ay) && !inView(bx, by) && !crosses(ax, ay, bx, by, w, h)) continue;
      ctx.moveTo(ax, ay);
      ctx.lineTo(bx, by);
    }
    ctx.strokeStyle = faded ? 'rgba(148, 163, 184, 0.12)' : 'rgba(100, 116, 139, 0.45)';
    ctx.lineWidth = Math.max(0.5, Math.min(1.5, 1.2 * z));
    ctx.stroke();
  }
  const r0 = Math.max(1.5, Math.min(14, 6 * z));
  for (let c = 0; c < colors.length; c++) {
    for (const faded of [true, false]) {
      ctx.beginPath();
      let any = false;
      for (let i = 0; i < n; i++) {
        if (nodeColor[i] !== c) continue;
        const f = nodeFlags[i]!;
        if (f & HIDDEN || Boolean(f & FADED) !== faded) continue;
        const x = X(i);
        const y = Y(i);
        if (!inView(x, y)) continue;
        const r = Math.max(r0, (radius[i]! / 17) * r0);
        ctx.moveTo(x + r, y);
        ctx.arc(x, y, r, 0, Math.PI * 2);
        any = true;
      }
      if (!any) continue;
      ctx.globalAlpha = faded ? 0.15 : 1;
      ctx.fillStyle = colors[c]!;
      ctx.fill();
    }
  }
  ctx.globalAlpha = 1;
  // watch-list rings
  ctx.lineWidth = Math.max(1.2, r0 * 0.4);
  for (let k = 1; k < RING_COLORS.length; k++) {
    ctx.beginPath();
    for (let i = 0; i < n; i++) {
      if (ring[i] !== k || nodeFlags[i]! & HIDDEN) continue;
      const x = X(i);
      const y = Y(i);
      if (!inView(x, y)) continue;
      const r = Math.max(r0, (radius[i]! / 17) * r0) + ctx.lineWidth / 2;
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, Math.PI * 2);
    }
    ctx.strokeStyle = RING_COLORS[k]!;
    ctx.stroke();
  }
  return canvas.transferToImageBitmap();
}

/** Whether a segment with both ends outside the box may still cross it (a cheap bounding test). */
function crosses(ax: number, ay: number, bx: number, by: number, w: number, h: number): boolean {
  return Math.max(ax, bx) >= 0 && Math.min(ax, bx) <= w && Math.max(ay, by) >= 0 && Math.min(ay, by) <= h;
}
