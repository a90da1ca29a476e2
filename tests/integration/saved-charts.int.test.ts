/**
 * Saved charts: an analyst keeps a chart of 李国华's ties, finds it in their list, opens it
 * (its records read again as they are now, a record gone since named as missing), shares it
 * with their unit; a colleague of the unit may open it but not change or delete it, another
 * unit does not see it. A bad state is refused by field and nothing is saved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type GqlClient, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let owner: GqlClient;
let colleague: GqlClient;
let outsider: GqlClient;

type Subgraph = { nodes: { id: string; label: string }[]; edges: { id: string; source: string; target: string }[] };
type Chart = { id: string; title: string; caseNumber: string | null; owner: string; shared: boolean; nodeCount: number; edgeCount: number; state: unknown };

const CHART_FIELDS = 'id title caseNumber owner shared nodeCount edgeCount state';
const SAVE = `mutation ($input: SaveChartInput!) { saveChart(input: $input) { ${CHART_FIELDS} } }`;
const ELEMENTS = 'query ($n: [ID!]!, $e: [ID!]) { chartElements(nodeIds: $n, edgeIds: $e) { subgraph { nodes { id label } edges { id source target } } missingNodeIds missingEdgeIds } }';
const LIST = `{ savedCharts { totalCount items { ${CHART_FIELDS} } } }`;

let neighbourhood: Subgraph;
let state: { nodes: { id: string; x: number; y: number; pinned?: boolean; hidden?: boolean; group?: string }[]; edges: { id: string; hidden?: boolean }[]; groups: { id: string; label: string }[]; window: null };
let chartId = '';

beforeAll(async () => {
  t = await startTestApp();
  owner = await t.client({ role: 'ANALYST', unit: 'dept:intel' });
  colleague = await t.client({ role: 'INVESTIGATOR', unit: 'dept:intel' });
  outsider = await t.client({ role: 'ANALYST', unit: 'dept:dongtai' });
  const expanded = await owner.gql<{ expand: Subgraph }>('{ expand(ids: ["Person:P-LI"], relationTypes: [FAMILY, ASSOCIATE, OLD_RELATION], limit: 20) { nodes { id label } edges { id source target } } }');
  expect(expanded.errors).toBeUndefined();
  neighbourhood = expanded.data!.expand;
  expect(neighbourhood.edges.length).toBeGreaterThan(1);
  const [li, ...others] = neighbourhood.nodes;
  state = {
    nodes: [
      { id: li!.id, x: 0, y: 0, pinned: true, group: 'group:1:li' },
      ...others.map((n, k) => ({ id: n.id, x: 120 * Math.cos(k), y: 120 * Math.sin(k), ...(k === 0 ? { hidden: true } : {}) })),
    ],
    edges: neighbourhood.edges.map((e, k) => ({ id: e.id, ...(k === 0 ? { hidden: true } : {}) })),
    groups: [{ id: 'group:1:li', label: '李国华本人' }],
    window: null,
  };
});

afterAll(async () => {
  const owners = [owner, colleague, outsider].map((c) => c?.user?.username).filter(Boolean);
  if (t) await t.graph.write((tx) => tx.run('MATCH (c:SavedChart) WHERE c.owner IN $owners DETACH DELETE c', { owners }));
  await t?.close();
});

describe('saved charts', () => {
  it('saves a chart with its arrangement and lists it without the state', async () => {
    const saved = await owner.gql<{ saveChart: Chart }>(SAVE, { input: { title: '李国华 关系人', caseNumber: 'A3209822026030001', state } });
    expect(saved.errors).toBeUndefined();
    const chart = saved.data!.saveChart;
    chartId = chart.id;
    expect(chart).toMatchObject({ title: '李国华 关系人', caseNumber: 'A3209822026030001', owner: owner.user!.username, shared: false, nodeCount: state.nodes.length, edgeCount: state.edges.length });
    expect(chart.state).toEqual(state);
    const list = await owner.gql<{ savedCharts: { totalCount: number; items: Chart[] } }>(LIST);
    expect(list.data!.savedCharts.items.map((c) => c.id)).toEqual([chartId]);
    expect(list.data!.savedCharts.items[0]!.state).toBeNull();
  });

  it('opens it: the records are read again, and one gone since is named, not fatal', async () => {
    const opened = await owner.gql<{ savedChart: Chart }>(`query ($id: ID!) { savedChart(id: $id) { ${CHART_FIELDS} } }`, { id: chartId });
    const kept = opened.data!.savedChart.state as typeof state;
    const nodeIds = [...kept.nodes.map((n) => n.id), 'Person:P-GONE-SINCE'];
    const edgeIds = [...kept.edges.map((e) => e.id), 'FAMILY:P-LI|P-GONE-SINCE'];
    const read = await owner.gql<{ chartElements: { subgraph: Subgraph; missingNodeIds: string[]; missingEdgeIds: string[] } }>(ELEMENTS, { n: nodeIds, e: edgeIds });
    expect(read.errors).toBeUndefined();
    const { subgraph, missingNodeIds, missingEdgeIds } = read.data!.chartElements;
    expect(subgraph.nodes.map((n) => n.id).sort()).toEqual(neighbourhood.nodes.map((n) => n.id).sort());
    expect(subgraph.edges.map((e) => e.id).sort()).toEqual(neighbourhood.edges.map((e) => e.id).sort());
    expect(subgraph.nodes.find((n) => n.id === 'Person:P-LI')?.label).toBe('李国华');
    expect(missingNodeIds).toEqual(['Person:P-GONE-SINCE']);
    expect(missingEdgeIds).toEqual(['FAMILY:P-LI|P-GONE-SINCE']);
  });

  it('reads records only with a stated purpose, as any look-up', async () => {
    const res = await owner.gql(ELEMENTS, { n: ['Person:P-LI'] }, { purpose: null });
    expect(res.errors?.[0]?.extensions?.code).toBe('PURPOSE_REQUIRED');
  });

  it('keeps a chart to its owner until it is shared, then lets the unit open it but not change it', async () => {
    const byId = (c: GqlClient) => c.gql<{ savedChart: Chart | null }>('query ($id: ID!) { savedChart(id: $id) { id state } }', { id: chartId });
    expect((await byId(colleague)).data!.savedChart).toBeNull();
    expect((await colleague.gql<{ savedCharts: { totalCount: number } }>(LIST)).data!.savedCharts.totalCount).toBe(0);

    const shared = await owner.gql<{ saveChart: Chart }>(SAVE, { input: { id: chartId, title: '李国华 关系人（共享）', shared: true, state } });
    expect(shared.data!.saveChart).toMatchObject({ id: chartId, shared: true, caseNumber: null });
    expect((await byId(colleague)).data!.savedChart?.state).toEqual(state);
    expect((await byId(outsider)).data!.savedChart).toBeNull();

    const overwrite = await colleague.gql(SAVE, { input: { id: chartId, title: '改掉', state } });
    expect(overwrite.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const removal = await colleague.gql('mutation ($id: ID!) { deleteSavedChart(id: $id) }', { id: chartId });
    expect(removal.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect((await byId(owner)).data!.savedChart?.id).toBe(chartId);
    expect((await owner.gql<{ savedChart: Chart }>(`query ($id: ID!) { savedChart(id: $id) { ${CHART_FIELDS} } }`, { id: chartId })).data!.savedChart.title).toBe('李国华 关系人（共享）');
  });

  it('refuses a bad state by field, in Chinese too, and saves nothing', async () => {
    const before = (await owner.gql<{ savedCharts: { totalCount: number } }>(LIST)).data!.savedCharts.totalCount;
    const badId = await owner.gql(SAVE, { input: { title: '坏的', state: { ...state, nodes: [{ id: 'P-LI', x: 0, y: 0 }] } } });
    expect(badId.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.state.nodes[0].id', reasonZh: '不是图中编号，例如 Person:P-000123' });
    const badGroup = await owner.gql(SAVE, { input: { title: '坏的', state: { ...state, groups: [] } } });
    expect(badGroup.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.state.nodes[0].group' });
    const empty = await owner.gql(SAVE, { input: { title: '空的', state: { nodes: [], edges: [], groups: [] } } });
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.state.nodes', reasonZh: '图中没有节点，无需保存' });
    const noTitle = await owner.gql(SAVE, { input: { title: '  ', state } });
    expect(noTitle.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.title' });
    expect((await owner.gql<{ savedCharts: { totalCount: number } }>(LIST)).data!.savedCharts.totalCount).toBe(before);
  });

  it('lists a page at a time, narrowed by words of title, case number or owner', async () => {
    const titles = ['戴南 盗窃 一', '戴南 盗窃 二', '新城 诈骗 三'];
    for (const title of titles) {
      const saved = await owner.gql(SAVE, { input: { title, caseNumber: 'A3209822026040002', state } });
      expect(saved.errors).toBeUndefined();
    }
    type Page = { savedCharts: { totalCount: number; items: { title: string }[] } };
    const PAGE = 'query ($first: Int, $offset: Int, $text: String) { savedCharts(first: $first, offset: $offset, text: $text) { totalCount items { title } } }';
    const first = await owner.gql<Page>(PAGE, { first: 2, offset: 0 });
    const second = await owner.gql<Page>(PAGE, { first: 2, offset: 2 });
    const all = first.data!.savedCharts.totalCount;
    expect(all).toBe(4);
    // Newest first, and the second page goes on where the first stopped.
    expect([...first.data!.savedCharts.items, ...second.data!.savedCharts.items].map((c) => c.title)).toEqual(['新城 诈骗 三', '戴南 盗窃 二', '戴南 盗窃 一', '李国华 关系人（共享）']);
    const theft = await owner.gql<Page>(PAGE, { text: ' 戴南  盗窃 ' });
    expect(theft.data!.savedCharts).toEqual({ totalCount: 2, items: [{ title: '戴南 盗窃 二' }, { title: '戴南 盗窃 一' }] });
    const byCase = await owner.gql<Page>(PAGE, { text: 'a3209822026040002 新城' });
    expect(byCase.data!.savedCharts.items.map((c) => c.title)).toEqual(['新城 诈骗 三']);
    const byOwner = await colleague.gql<Page>(PAGE, { text: owner.user!.username });
    expect(byOwner.data!.savedCharts.items.map((c) => c.title)).toEqual(['李国华 关系人（共享）']);
    const tooLong = await owner.gql(PAGE, { text: '字'.repeat(101) });
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'text', reasonZh: '超过 100 个字符' });
  });

  it('deletes the owner’s chart; the records on it stay', async () => {
    const deleted = await owner.gql<{ deleteSavedChart: boolean }>('mutation ($id: ID!) { deleteSavedChart(id: $id) }', { id: chartId });
    expect(deleted.data!.deleteSavedChart).toBe(true);
    expect((await owner.gql<{ savedChart: Chart | null }>('query ($id: ID!) { savedChart(id: $id) { id } }', { id: chartId })).data!.savedChart).toBeNull();
    const li = await owner.gql<{ person: { name: string } }>('{ person(id: "P-LI") { name } }');
    expect(li.data!.person.name).toBe('李国华');
  });
});
