import { expand, type SearchHit } from '../api/graph-api.js';
import { caseRecord, locationRecord, personRecord } from '../api/records-api.js';
import type { ApiSubgraph } from '../graph/elements.js';
import type { GraphView } from '../graph/graph-view.js';
import { reportError } from './errors.js';
import type { ExpandFilter } from './expand-dialog.js';
import { t } from './i18n.js';
import { toast } from './toasts.js';

/**
 * What the page does to the chart through the API: put a search hit on it, expand a
 * node (all ties, or filtered), load a hub's left-out neighbours, draw a result's
 * subgraph. Each drawing is one undoable step.
 */
export class ChartController {
  private busy = 0;

  constructor(
    private readonly view: GraphView,
    private readonly timeWindow: () => { from: string | null; to: string | null },
    private readonly onBusy: (busy: boolean) => void,
    /** Only analysts and investigators may walk the graph (expand); others see records. */
    private readonly canWalk: boolean,
  ) {}

  async addHit(hit: SearchHit, thenExpand: boolean): Promise<void> {
    if (!this.canWalk) return this.addRecord(hit);
    await this.guard(async () => {
      // limit 1 brings the node alone, with its neighbours counted: the chart shows them as "N more"
      const sg = await expand({ ids: [hit.id], depth: 1, ...(thenExpand ? {} : { limit: 1 }), ...this.windowArgs() });
      await this.view.addSubgraph(sg, { label: t(thenExpand ? 'expand.label' : 'add.label', { name: hit.label }), focus: [hit.id], reveal: [hit.id] });
      this.view.select([hit.id]);
      if (thenExpand) this.reportExpansion(sg, sg.nodes.length - 1);
    });
  }

  /** The record alone, for a post that may read records but not walk the graph. */
  private async addRecord(hit: SearchHit): Promise<void> {
    await this.guard(async () => {
      const key = hit.id.slice(hit.id.indexOf(':') + 1);
      const record = hit.kind === 'PERSON' ? await personRecord(key) : hit.kind === 'CASE' ? await caseRecord(key) : hit.kind === 'LOCATION' ? await locationRecord(key) : null;
      const sg: ApiSubgraph = { nodes: [{ id: hit.id, kind: hit.kind, label: hit.label, properties: record ?? {} }], edges: [], truncated: false, omitted: [] };
      await this.view.addSubgraph(sg, { label: t('add.label', { name: hit.label }), focus: [hit.id], reveal: [hit.id] });
      this.view.select([hit.id]);
    });
  }

  async expandNodes(ids: string[], filter?: ExpandFilter): Promise<number> {
    const real = ids.filter((id) => !id.startsWith('more:') && !id.startsWith('group:'));
    if (real.length === 0) {
      toast(t('select.first'), 'warn');
      return 0;
    }
    const name = real.length === 1 ? (this.view.info(real[0]!)?.label ?? real[0]!) : `${real.length}`;
    return (
      (await this.guard(async () => {
        const w = filter ? { from: filter.from, to: filter.to } : this.windowArgs();
        const sg = await expand({
          ids: real,
          depth: filter?.depth ?? 1,
          relationTypes: filter?.relationTypes ?? null,
          ...w,
          perNodeLimit: filter?.perNodeLimit ?? null,
        });
        const added = await this.view.addSubgraph(sg, { label: t('expand.label', { name }), focus: real, reveal: real });
        this.reportExpansion(sg, added);
        return added;
      })) ?? 0
    );
  }

  /** A hub's "+N" node: the same expansion again with a cap big enough for all of them. */
  async loadMore(ownerId: string): Promise<void> {
    const owner = this.view.info(ownerId);
    const more = this.view.info(`more:${ownerId}`);
    const total = Number((more as { properties: Record<string, unknown> } | null)?.properties.total ?? 0);
    toast(t('more.loading', { name: owner?.label ?? ownerId }));
    await this.guard(async () => {
      const sg = await expand({ ids: [ownerId], depth: 1, perNodeLimit: Math.min(500, Math.max(100, total)), limit: 2000, ...this.windowArgs() });
      const added = await this.view.addSubgraph(sg, { label: t('expand.label', { name: owner?.label ?? ownerId }), focus: [ownerId], reveal: [ownerId] });
      this.reportExpansion(sg, added);
    });
  }

  async draw(sg: ApiSubgraph, label: string, focus: string[] = []): Promise<void> {
    await this.guard(() => this.view.addSubgraph(sg, { label, focus, reveal: focus }));
  }

  private windowArgs(): { from: string | null; to: string | null } {
    return this.timeWindow();
  }

  private reportExpansion(sg: ApiSubgraph, added: number): void {
    const capped = (sg.omitted ?? []).filter((o) => o.omitted > 0).length;
    if (capped > 0) toast(t('expand.truncated', { count: capped }), 'warn', 7000);
    else toast(added > 0 ? t('expand.done', { count: added }) : t('expand.none.found'), added > 0 ? 'ok' : 'info');
  }

  private async guard<T>(work: () => Promise<T>): Promise<T | undefined> {
    this.busy++;
    this.onBusy(true);
    try {
      return await work();
    } catch (e) {
      reportError(e);
      return undefined;
    } finally {
      if (--this.busy === 0) this.onBusy(false);
    }
  }
}
