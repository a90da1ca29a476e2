/**
 * A synthetic subgraph shaped like what the API returns (GraphQL `Subgraph`), with the
 * skewed degrees of real link charts: a few hubs (hotels, checkpoints, busy phones) and
 * many persons with a handful of ties. Deterministic for a given size.
 */
export interface SyntheticSubgraph {
  nodes: { id: string; kind: string; label: string; properties: Record<string, unknown> }[];
  edges: { id: string; source: string; target: string; kind: string; properties: Record<string, unknown> }[];
  truncated: boolean;
  omitted: { nodeId: string; total: number; shown: number; omitted: number }[];
}

export function syntheticSubgraph(nodeCount: number, edgeCount: number, seed = 20260327): SyntheticSubgraph {
  let s = seed >>> 0;
  const random = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  const persons = Math.round(nodeCount * 0.7);
  const places = Math.round(nodeCount * 0.18);
  const phones = Math.round(nodeCount * 0.07);
  const vehicles = nodeCount - persons - places - phones;
  const nodes: SyntheticSubgraph['nodes'] = [];
  const placeTypes = ['HOTEL', 'INTERNET_CAFE', 'CHECKPOINT', 'MARKET', 'ADDRESS'];
  const tags = [['FUGITIVE'], ['DRUG_USER'], ['EX_OFFENDER'], ['DRUG_USER', 'EX_OFFENDER']];
  for (let i = 0; i < persons; i++) {
    const t = random() < 0.04 ? tags[Math.floor(random() * tags.length)]! : [];
    nodes.push({ id: `Person:B-${i}`, kind: 'PERSON', label: `人员${i}`, properties: { id: `B-${i}`, name: `人员${i}`, tags: t, source: 'bench' } });
  }
  for (let i = 0; i < places; i++) {
    const type = placeTypes[i % placeTypes.length]!;
    nodes.push({ id: `Location:L-${i}`, kind: 'LOCATION', label: `场所${i}`, properties: { id: `L-${i}`, type, name: `场所${i}` } });
  }
  for (let i = 0; i < phones; i++) nodes.push({ id: `Phone:1380000${String(i).padStart(4, '0')}`, kind: 'PHONE', label: `1380000${i}`, properties: {} });
  for (let i = 0; i < vehicles; i++) nodes.push({ id: `Vehicle:苏M${String(i).padStart(5, '0')}`, kind: 'VEHICLE', label: `苏M${i}`, properties: {} });

  // degree skew: the k-th place is chosen with weight ~ 1/(k+1)
  const pickSkewed = (count: number) => Math.min(count - 1, Math.floor(Math.pow(random(), 2.2) * count));
  const edges: SyntheticSubgraph['edges'] = [];
  const seen = new Set<string>();
  const relationKinds = ['FAMILY', 'ASSOCIATE', 'CO_OFFENDER', 'PARTNER', 'OLD_RELATION', 'COLLEAGUE', 'CONTACT'];
  const base = Date.parse('2026-06-03T00:00:00+08:00');
  const day = 86_400_000;
  const add = (source: string, target: string, kind: string, properties: Record<string, unknown>) => {
    const id = `${kind}:${source}|${target}`;
    if (source === target || seen.has(id)) return;
    seen.add(id);
    edges.push({ id, source, target, kind, properties: { ...properties, source: 'bench' } });
  };
  // a spanning tree first, so the chart is one piece like an expansion
  for (let i = 1; i < persons; i++) add(`Person:B-${i}`, `Person:B-${Math.floor(random() * i)}`, relationKinds[i % 7]!, { since: '2020-01-01' });
  for (let i = 0; i < places; i++) add(`Person:B-${Math.floor(random() * persons)}`, `Location:L-${i}`, 'STAYED_AT', { checkIn: new Date(base + random() * 88 * day).toISOString() });
  for (let i = 0; i < phones; i++) add(`Person:B-${Math.floor(random() * persons)}`, nodes[persons + places + i]!.id, 'USES_PHONE', {});
  for (let i = 0; i < vehicles; i++) add(`Person:B-${Math.floor(random() * persons)}`, nodes[persons + places + phones + i]!.id, 'OWNS_VEHICLE', {});
  let guard = 0;
  while (edges.length < edgeCount && guard++ < edgeCount * 10) {
    const r = random();
    const p = `Person:B-${Math.floor(random() * persons)}`;
    if (r < 0.55) {
      add(p, `Location:L-${pickSkewed(places)}`, random() < 0.5 ? 'STAYED_AT' : 'LOGGED_IN', { checkIn: new Date(base + random() * 88 * day).toISOString(), at: new Date(base + random() * 88 * day).toISOString() });
    } else if (r < 0.85) {
      add(p, `Person:B-${pickSkewed(persons)}`, relationKinds[Math.floor(random() * 7)]!, { since: '2021-05-01' });
    } else {
      const a = nodes[persons + places + pickSkewed(phones)]!.id;
      const b = nodes[persons + places + Math.floor(random() * phones)]!.id;
      add(a, b, 'CALLED', { at: new Date(base + random() * 88 * day).toISOString(), seconds: 60 });
    }
  }
  return { nodes, edges, truncated: false, omitted: [] };
}
