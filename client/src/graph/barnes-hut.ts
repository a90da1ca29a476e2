import type { ForceInput } from './force-layout.js';
import type { Csr } from './graph-structure.js';

/** A Barnes-Hut quadtree in flat arrays, rebuilt every step: repulsion in O(n log n). */
export class QuadTree {
  cap = 0;
  count = 0;
  mass = new Float64Array(0);
  mx = new Float64Array(0);
  my = new Float64Array(0);
  x0 = new Float64Array(0);
  y0 = new Float64Array(0);
  size = new Float64Array(0);
  child = new Int32Array(0);
  body = new Int32Array(0);

  private grow(min: number): void {
    if (min <= this.cap) return;
    const cap = Math.max(min, this.cap * 2, 1024);
    const f = (a: Float64Array) => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    const g = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    this.mass = f(this.mass);
    this.mx = f(this.mx);
    this.my = f(this.my);
    this.x0 = f(this.x0);
    this.y0 = f(this.y0);
    this.size = f(this.size);
    this.child = g(this.child);
    this.body = g(this.body);
    this.cap = cap;
  }

  private alloc(x0: number, y0: number, size: number): number {
    this.grow(this.count + 1);
    const k = this.count++;
    this.mass[k] = 0;
    this.mx[k] = 0;
    this.my[k] = 0;
    this.x0[k] = x0;
    this.y0[k] = y0;
    this.size[k] = size;
    this.child[k] = -1;
    this.body[k] = -1;
    return k;
  }

  /** Builds the tree over the given nodes (a component), or over all n when `nodes` is null. */
  build(xy: Float32Array, n: number, nodes: Int32Array | null = null): void {
    const count = nodes ? nodes.length : n;
    const at = (k: number) => (nodes ? nodes[k]! : k);
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let k = 0; k < count; k++) {
      const i = at(k);
      minX = Math.min(minX, xy[2 * i]!);
      maxX = Math.max(maxX, xy[2 * i]!);
      minY = Math.min(minY, xy[2 * i + 1]!);
      maxY = Math.max(maxY, xy[2 * i + 1]!);
    }
    this.count = 0;
    this.grow(4 * count + 8);
    this.alloc(minX - 1, minY - 1, Math.max(maxX - minX, maxY - minY) + 2);
    for (let k = 0; k < count; k++) {
      const i = at(k);
      this.insert(i, xy[2 * i]!, xy[2 * i + 1]!);
    }
  }

  private quadrant(k: number, x: number, y: number): number {
    const half = this.size[k]! / 2;
    return (x >= this.x0[k]! + half ? 1 : 0) + (y >= this.y0[k]! + half ? 2 : 0);
  }

  private insert(i: number, x: number, y: number): void {
    let k = 0;
    for (let depth = 0; ; depth++) {
      const c = this.child[k]!;
      if (c >= 0) {
        this.add(k, x, y);
        k = c + this.quadrant(k, x, y);
        continue;
      }
      if (this.mass[k] === 0) {
        this.body[k] = i;
        this.add(k, x, y);
        return;
      }
      if (depth > 24) {
        // coincident points: one aggregate leaf
        this.add(k, x, y);
        return;
      }
      const j = this.body[k]!;
      const jx = this.mx[k]! / this.mass[k]!;
      const jy = this.my[k]! / this.mass[k]!;
      const half = this.size[k]! / 2;
      const first = this.count;
      for (let q = 0; q < 4; q++) this.alloc(this.x0[k]! + (q & 1 ? half : 0), this.y0[k]! + (q & 2 ? half : 0), half);
      this.child[k] = first;
      this.body[k] = -1;
      const cj = first + this.quadrant(k, jx, jy);
      this.body[cj] = j;
      this.mass[cj] = this.mass[k]!;
      this.mx[cj] = this.mx[k]!;
      this.my[cj] = this.my[k]!;
    }
  }

  private add(k: number, x: number, y: number): void {
    this.mass[k]! += 1;
    this.mx[k]! += x;
    this.my[k]! += y;
  }
}

/**
 * Force refinement: Fruchterman-Reingold with Barnes-Hut repulsion and a cooling step size,
 * `count` steps from step `offset` of `steps`. `groups`: node lists that repel only among themselves (the components of a fresh layout,
 * so that pieces with no tie between them are not pushed apart forever; they are packed
 * afterwards), or null for one group of all nodes.
 */
export function refine(input: ForceInput, g: Csr, xy: Float32Array, movable: Float32Array, count: number, steps: number, offset: number, groups: Int32Array[] | null = null): void {
  const n = input.n;
  const L = input.edgeLength ?? 70;
  const L2 = L * L;
  const theta2 = 0.9 * 0.9;
  const dx = new Float32Array(n);
  const dy = new Float32Array(n);
  const tree = new QuadTree();
  const stack = new Int32Array(4096);
  for (let k = 0; k < count; k++) {
    const step = offset + k;
    const temp = L * 2 * (1 - step / steps) + L * 0.05;
    dx.fill(0);
    dy.fill(0);
    for (const group of groups ?? [null]) {
      if (group && group.length < 2) continue;
      tree.build(xy, n, group);
      const { mass, mx, my, size, child, body } = tree;
      const members = group ? group.length : n;
      for (let q = 0; q < members; q++) {
        const i = group ? group[q]! : q;
        if (movable[i] === 0) continue;
        const xi = xy[2 * i]!;
        const yi = xy[2 * i + 1]!;
        let fx = 0;
        let fy = 0;
        let top = 0;
        stack[top++] = 0;
        while (top > 0) {
          const k = stack[--top]!;
          const m = mass[k]!;
          if (m === 0 || body[k] === i) continue;
          let ddx = xi - mx[k]! / m;
          let ddy = yi - my[k]! / m;
          let d2 = ddx * ddx + ddy * ddy;
          const c = child[k]!;
          if (c >= 0 && (size[k]! * size[k]!) / (d2 || 1e-9) > theta2 && top < stack.length - 4) {
            stack[top++] = c;
            stack[top++] = c + 1;
            stack[top++] = c + 2;
            stack[top++] = c + 3;
            continue;
          }
          if (d2 < 1e-2) {
            ddx = ((i * 7919) % 13) - 6 + 0.5;
            ddy = ((i * 104729) % 11) - 5 + 0.5;
            d2 = ddx * ddx + ddy * ddy;
          }
          // FR repulsion L²/d along the unit vector: L² · d⃗ / d²
          const f = (m * L2) / d2;
          fx += ddx * f;
          fy += ddy * f;
        }
        dx[i]! += fx;
        dy[i]! += fy;
      }
    }
    for (let i = 0; i < n; i++) {
      for (let e = g.start[i]!; e < g.start[i + 1]!; e++) {
        const j = g.adj[e]!;
        if (j <= i) continue;
        const ddx = xy[2 * j]! - xy[2 * i]!;
        const ddy = xy[2 * j + 1]! - xy[2 * i + 1]!;
        const d = Math.sqrt(ddx * ddx + ddy * ddy) || 1e-3;
        const f = d / L;
        dx[i]! += ddx * f;
        dy[i]! += ddy * f;
        dx[j]! -= ddx * f;
        dy[j]! -= ddy * f;
      }
    }
    for (let i = 0; i < n; i++) {
      const m = movable[i]!;
      if (m === 0) continue;
      const d = Math.hypot(dx[i]!, dy[i]!);
      if (d < 1e-9) continue;
      const lim = Math.min(d, temp * m);
      xy[2 * i]! += (dx[i]! / d) * lim;
      xy[2 * i + 1]! += (dy[i]! / d) * lim;
    }
  }
}
