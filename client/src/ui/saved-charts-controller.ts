import { chartElements, openSavedChart, saveChart, type SavedChart } from '../api/charts-api.js';
import type { GraphView } from '../graph/graph-view.js';
import { reportError } from './errors.js';
import { t } from './i18n.js';
import { askSaveChart, chooseSavedChart } from './saved-charts.js';
import type { TimeSlider } from './time-slider.js';
import { toast } from './toasts.js';

/**
 * Saving the chart and opening a saved one (保存 / 打开 above the chart). Remembers the chart
 * last saved or opened, so saving again updates it (one's own) or starts from its title.
 */
export class SavedChartsController {
  private current: SavedChart | null = null;

  constructor(
    private readonly view: GraphView,
    private readonly slider: TimeSlider,
    private readonly me: string,
    private readonly setBusy: (busy: boolean) => void,
  ) {}

  async save(): Promise<void> {
    if (this.view.status().nodes === 0) return void toast(t('charts.empty'), 'warn');
    const state = this.view.savedState();
    const saved = await askSaveChart(this.current, this.me, (request) => saveChart({ ...request, state }));
    if (!saved) return;
    this.current = saved;
    toast(t('charts.saved', { title: saved.title, nodes: saved.nodeCount, edges: saved.edgeCount }), 'ok');
  }

  async open(): Promise<void> {
    const chosen = await chooseSavedChart(this.me);
    if (!chosen) return;
    this.setBusy(true);
    try {
      const chart = await openSavedChart(chosen.id);
      if (!chart?.state) return void toast(t('charts.gone', { title: chosen.title }), 'warn');
      const { state } = chart;
      // The records are read again now: what changed since shows as it is, what is gone is named.
      const found = await chartElements(
        state.nodes.map((n) => n.id),
        state.edges.map((e) => e.id),
      );
      await this.view.restore(found.subgraph, state, t('charts.openLabel', { title: chart.title }));
      // The chart's own window, or none: a window left from the chart it replaced would fade the wrong things.
      this.slider.setWindow(state.window?.from ?? null, state.window?.to ?? null);
      this.current = chart;
      const gone = found.missingNodeIds.length + found.missingEdgeIds.length;
      const opened = t('charts.opened', { title: chart.title, nodes: found.subgraph.nodes.length, edges: found.subgraph.edges.length });
      toast(gone > 0 ? `${opened}${t('charts.missing', { nodes: found.missingNodeIds.length, edges: found.missingEdgeIds.length })}` : opened, gone > 0 ? 'warn' : 'ok');
    } catch (e) {
      reportError(e);
    } finally {
      this.setBusy(false);
    }
  }
}
