import type { ForceInput } from './force-layout.js';
import { components, type Csr } from './graph-structure.js';

/**
 * Where nodes start: Pivot MDS per component, packed in rows; or, for an expansion, beside
 * the nodes already placed. Pure.
 */
/** Pivot MDS of one connected component; coordinates in hops. */
export function pivotMds(nodes: Int32Array, g: Csr, local: Int32Array, random: () => number): Float64Array {
  const s = nodes.length;
  const out = new Float64Array(2 * s);
  if (s === 1) return out;
  if (s === 2) {
    out[2] = 1;
    return out;
  }
  for (let i = 0; i < s; i++) local[nodes[i]!] = i;
  const k = Math.min(s, s > 2000 ? 32 : 40);
  const d = new Float64Array(s * k);
  const minDist = new Float64Array(s).fill(Infinity);
  const dist = new Int32Array(s);
  const queue = new Int32Array(s);
  let pivot = 0;
  let bestDeg = -1;
  for (let i = 0; i < s; i++) {
    const v = nodes[i]!;
    const deg = g.start[v + 1]! - g.start[v]!;
    if (deg > bestDeg) {
      bestDeg = deg;
      pivot = i;
    }
  }
  for (let p = 0; p < k; p++) {
    dist.fill(-1);
    let head = 0;
    let tail = 0;
    queue[tail++] = pivot;
    dist[pivot] = 0;
    while (head < tail) {
      const li = queue[head++]!;
      const v = nodes[li]!;
      for (let e = g.start[v]!; e < g.start[v + 1]!; e++) {
        const lw = local[g.adj[e]!]!;
        if (dist[lw] === -1) {
          dist[lw] = dist[li]! + 1;
          queue[tail++] = lw;
        }
      }
    }
    let far = 0;
    let farD = -1;
    for (let i = 0; i < s; i++) {
      const di = dist[i]!;
      d[i * k + p] = di * di;
      if (di < minDist[i]!) minDist[i] = di;
      // ties broken at random so pivots spread over equally distant leaves
      const score = minDist[i]! + random() * 0.5;
      if (score > farD) {
        farD = score;
        far = i;
      }
    }
    pivot = far;
  }
  // double centring of the squared distances
  const colMean = new Float64Array(k);
  let grand = 0;
  for (let i = 0; i < s; i++) {
    let row = 0;
    for (let p = 0; p < k; p++) {
      const v = d[i * k + p]!;
      row += v;
      colMean[p]! += v;
    }
    grand += row;
    const rm = row / k;
    for (let p = 0; p < k; p++) d[i * k + p] = d[i * k + p]! - rm;
  }
  grand /= s * k;
  for (let p = 0; p < k; p++) colMean[p] = colMean[p]! / s;
  for (let i = 0; i < s; i++) for (let p = 0; p < k; p++) d[i * k + p] = -0.5 * (d[i * k + p]! - colMean[p]! + grand);
  // B = Cᵀ C (k × k), its two leading eigenvectors by power iteration
  const b = new Float64Array(k * k);
  for (let i = 0; i < s; i++) {
    const base = i * k;
    for (let p = 0; p < k; p++) {
      const cp = d[base + p]!;
      if (cp === 0) continue;
      for (let q = p; q < k; q++) b[p * k + q]! += cp * d[base + q]!;
    }
  }
  for (let p = 0; p < k; p++) for (let q = 0; q < p; q++) b[p * k + q] = b[q * k + p]!;
  const vecs: Float64Array[] = [];
  for (let dim = 0; dim < 2; dim++) {
    let v: Float64Array = new Float64Array(k).map(() => random() - 0.5);
    for (let it = 0; it < 80; it++) {
      const w = new Float64Array(k);
      for (let p = 0; p < k; p++) {
        let sum = 0;
        for (let q = 0; q < k; q++) sum += b[p * k + q]! * v[q]!;
        w[p] = sum;
      }
      for (const u of vecs) {
        let dot = 0;
        for (let p = 0; p < k; p++) dot += w[p]! * u[p]!;
        for (let p = 0; p < k; p++) w[p] = w[p]! - dot * u[p]!;
      }
      let norm = 0;
      for (let p = 0; p < k; p++) norm += w[p]! * w[p]!;
      norm = Math.sqrt(norm) || 1;
      for (let p = 0; p < k; p++) w[p] = w[p]! / norm;
      v = w;
    }
    vecs.push(v);
  }
  for (let i = 0; i < s; i++) {
    let x = 0;
    let y = 0;
    for (let p = 0; p < k; p++) {
      x += d[i * k + p]! * vecs[0]![p]!;
      y += d[i * k + p]! * vecs[1]![p]!;
    }
    out[2 * i] = x;
    out[2 * i + 1] = y;
  }
  // scale to one unit per hop: the mean edge length inside the component
  let sum = 0;
  let count = 0;
  for (let i = 0; i < s; i++) {
    const v = nodes[i]!;
    for (let e = g.start[v]!; e < g.start[v + 1]!; e++) {
      const j = local[g.adj[e]!]!;
      sum += Math.hypot(out[2 * i]! - out[2 * j]!, out[2 * i + 1]! - out[2 * j + 1]!);
      count++;
    }
  }
  const mean = count > 0 ? sum / count : 1;
  const scale = mean > 1e-9 ? 1 / mean : 1;
  for (let i = 0; i < 2 * s; i++) out[i] = out[i]! * scale;
  return out;
}

/** Places every component with Pivot MDS and packs them in rows, biggest first. */
export function globalPlacement(input: ForceInput, g: Csr, xy: Float32Array, random: () => number, only?: Uint8Array): void {
  const L = input.edgeLength ?? 70;
  const local = new Int32Array(input.n);
  let comps = components(input.n, g);
  if (only) comps = comps.filter((c) => only[c[0]!]);
  const boxes = comps.map((c) => {
    const hop = pivotMds(c, g, local, random);
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < c.length; i++) {
      // jitter separates leaves that share a position (same distances to every pivot)
      const x = hop[2 * i]! * L + (random() - 0.5) * L * 0.6;
      const y = hop[2 * i + 1]! * L + (random() - 0.5) * L * 0.6;
      hop[2 * i] = x;
      hop[2 * i + 1] = y;
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
    // small-world graphs are a few hops wide whatever their size: stretch each component
    // to about one edge length squared per node, so that local repulsion has room to work
    const area = Math.max((maxX - minX) * (maxY - minY), L * L);
    const stretch = Math.max(1, Math.sqrt((c.length * L * L * 1.2) / area));
    for (let i = 0; i < 2 * c.length; i++) hop[i] = hop[i]! * stretch;
    minX *= stretch;
    minY *= stretch;
    maxX *= stretch;
    maxY *= stretch;
    return { c, hop, minX, minY, w: maxX - minX + L, h: maxY - minY + L };
  });
  packInRows(boxes, (bx, cx, cy) => {
    for (let i = 0; i < bx.c.length; i++) {
      const v = bx.c[i]!;
      xy[2 * v] = bx.hop[2 * i]! - bx.minX + cx;
      xy[2 * v + 1] = bx.hop[2 * i + 1]! - bx.minY + cy;
    }
  });
}

/** Packs components in rows, biggest first, each moved as a whole (after a per-component refinement). */
export function pack(comps: Int32Array[], xy: Float32Array, L: number): void {
  const boxes = comps.map((c) => {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const v of c) {
      minX = Math.min(minX, xy[2 * v]!);
      minY = Math.min(minY, xy[2 * v + 1]!);
      maxX = Math.max(maxX, xy[2 * v]!);
      maxY = Math.max(maxY, xy[2 * v + 1]!);
    }
    return { c, minX, minY, w: maxX - minX + L, h: maxY - minY + L };
  });
  packInRows(boxes, (bx, cx, cy) => {
    for (const v of bx.c) {
      xy[2 * v] = xy[2 * v]! - bx.minX + cx;
      xy[2 * v + 1] = xy[2 * v + 1]! - bx.minY + cy;
    }
  });
}

/** Lays boxes out left to right in rows about as wide as the square of their total area; `place` moves a box's nodes to its corner. */
function packInRows<B extends { w: number; h: number }>(boxes: B[], place: (box: B, x: number, y: number) => void): void {
  const totalArea = boxes.reduce((a, bx) => a + bx.w * bx.h, 0);
  const rowWidth = Math.max(Math.sqrt(totalArea) * 1.2, boxes[0]?.w ?? 0);
  let cx = 0;
  let cy = 0;
  let rowH = 0;
  for (const bx of boxes) {
    if (cx > 0 && cx + bx.w > rowWidth) {
      cx = 0;
      cy += rowH;
      rowH = 0;
    }
    place(bx, cx, cy);
    cx += bx.w;
    rowH = Math.max(rowH, bx.h);
  }
}

/** New nodes start beside their already placed neighbours; what touches none is placed globally. */
export function incrementalPlacement(input: ForceInput, g: Csr, xy: Float32Array, random: () => number): void {
  const n = input.n;
  const L = input.edgeLength ?? 70;
  const placed = new Uint8Array(n);
  let queue: number[] = [];
  for (let i = 0; i < n; i++) if (Number.isFinite(input.init![2 * i]!)) placed[i] = 1;
  for (let i = 0; i < n; i++) if (!placed[i]) for (let e = g.start[i]!; e < g.start[i + 1]!; e++) if (placed[g.adj[e]!]) { queue.push(i); break; }
  while (queue.length > 0) {
    const next: number[] = [];
    for (const v of queue) {
      if (placed[v]) continue;
      let sx = 0;
      let sy = 0;
      let c = 0;
      for (let e = g.start[v]!; e < g.start[v + 1]!; e++) {
        const w = g.adj[e]!;
        if (placed[w] === 1) {
          sx += xy[2 * w]!;
          sy += xy[2 * w + 1]!;
          c++;
        }
      }
      const a = random() * Math.PI * 2;
      const r = L * (0.8 + random() * 0.8);
      xy[2 * v] = sx / c + Math.cos(a) * r;
      xy[2 * v + 1] = sy / c + Math.sin(a) * r;
      placed[v] = 2;
    }
    for (const v of queue) {
      if (placed[v] === 2) placed[v] = 1;
      for (let e = g.start[v]!; e < g.start[v + 1]!; e++) if (!placed[g.adj[e]!]) next.push(g.adj[e]!);
    }
    queue = next;
  }
  const loose = new Uint8Array(n);
  let any = false;
  for (let i = 0; i < n; i++) if (!placed[i]) { loose[i] = 1; any = true; }
  if (!any) return;
  const tmp = new Float32Array(2 * n);
  globalPlacement(input, g, tmp, random, loose);
  let maxX = -Infinity;
  let minY = Infinity;
  for (let i = 0; i < n; i++) if (!loose[i]) { maxX = Math.max(maxX, xy[2 * i]!); minY = Math.min(minY, xy[2 * i + 1]!); }
  for (let i = 0; i < n; i++) if (loose[i]) { xy[2 * i] = tmp[2 * i]! + maxX + 2 * L; xy[2 * i + 1] = tmp[2 * i + 1]! + minY; }
}
