/** The graph as the layout worker holds it: compressed adjacency, components, a seeded generator. */
export interface Csr {
  start: Int32Array;
  adj: Int32Array;
}

export function buildCsr(n: number, edges: Uint32Array): Csr {
  const deg = new Int32Array(n + 1);
  const m = edges.length >> 1;
  for (let i = 0; i < m; i++) {
    const a = edges[2 * i]!;
    const b = edges[2 * i + 1]!;
    if (a === b) continue;
    deg[a]!++;
    deg[b]!++;
  }
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i]! + deg[i]!;
  const fill = start.slice(0, n);
  const adj = new Int32Array(start[n]!);
  for (let i = 0; i < m; i++) {
    const a = edges[2 * i]!;
    const b = edges[2 * i + 1]!;
    if (a === b) continue;
    adj[fill[a]!++] = b;
    adj[fill[b]!++] = a;
  }
  return { start, adj };
}

/** A small deterministic generator, so the same graph always gets the same picture. */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

export function components(n: number, g: Csr): Int32Array[] {
  const seen = new Uint8Array(n);
  const out: Int32Array[] = [];
  const queue = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    if (seen[s]) continue;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    seen[s] = 1;
    while (head < tail) {
      const v = queue[head++]!;
      for (let k = g.start[v]!; k < g.start[v + 1]!; k++) {
        const w = g.adj[k]!;
        if (!seen[w]) {
          seen[w] = 1;
          queue[tail++] = w;
        }
      }
    }
    out.push(queue.slice(0, tail));
  }
  return out.sort((a, b) => b.length - a.length);
}
