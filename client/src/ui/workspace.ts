import type { Viewer } from '../api/session-api.js';
import { GraphView, type ChartStatus, type ElementInfo } from '../graph/graph-view.js';
import type { LayoutName } from '../graph/chart-layouts.js';
import { ChartController } from './chart-controller.js';
import { chartWords } from './chart-words.js';
import { closeMenu, showMenu } from './context-menu.js';
import { AccountsPanel } from './accounts-panel.js';
import { AuditPanel } from './audit-panel.js';
import { ImportPanel } from './import-panel.js';
import { DetailsPanel } from './details-panel.js';
import { h } from './dom.js';
import { askExpandFilter } from './expand-dialog.js';
import { HeaderBar } from './header-bar.js';
import { formatTime, onLanguageChange, t, type StringKey } from './i18n.js';
import { bindKeys } from './keyboard.js';
import { buildLegend } from './legend.js';
import { PathsPanel } from './paths-panel.js';
import { SearchPanel } from './search-panel.js';
import { ChartToolbar } from './chart-toolbar.js';
import { TimeSlider } from './time-slider.js';
import { toast } from './toasts.js';
import { exportChart, exportEvidenceOf } from './chart-export.js';
import type { EvidenceFormat } from '../api/export-api.js';
import { Sidebar, type SidebarTab } from './sidebar.js';
import { buildTechniquesPanel } from './techniques-panel.js';
import { buildOrdersPanel } from './orders-panel.js';
import { AlertsCenter } from './alerts-center.js';
import { showHelp } from './help.js';
import { openChangePassword } from './change-password.js';
import { SavedChartsController } from './saved-charts-controller.js';

/**
 * The investigator's workspace: header, the side panels (search, paths, techniques,
 * orders), the chart with its toolbar, time window and status line, and the details
 * panel. This module only wires parts together; each part lives in its own module.
 */
export interface WorkspaceHooks {
  editPurpose(): void;
  signOut(): void;
  /** The user's password was changed, which ended every session of theirs. */
  passwordChanged(): void;
}

export interface Workspace {
  el: HTMLElement;
  view: GraphView;
  header: HeaderBar;
  destroy(): void;
}

export function buildWorkspace(viewer: Viewer, hooks: WorkspaceHooks): Workspace {
  const chartHost = h('div', { class: 'chart', id: 'chart', tabindex: '0', 'aria-label': t('chart.legend') });
  const empty = h(
    'div',
    { class: 'chart-empty', id: 'chart-empty' },
    h('h2', { i18n: 'chart.empty.title' }),
    h('p', { i18n: 'chart.empty.step1' }),
    h('p', { i18n: 'chart.empty.step2' }),
    h('p', { i18n: 'chart.empty.step3' }),
  );
  const busy = h('div', { class: 'chart-busy', hidden: true }, h('span', { class: 'spinner' }), h('span', { i18n: 'chart.layouting' }));
  const status = h('div', { class: 'status-line', id: 'chart-status', 'aria-live': 'polite' });
  const legend = buildLegend() as HTMLDetailsElement;
  // supervisors review who looked at what (网上督察) without leaving the page
  const auditPanel = viewer.role === 'SUPERVISOR' ? new AuditPanel() : null;
  const details = new DetailsPanel({
    ...(viewer.role === 'ANALYST' || viewer.role === 'INVESTIGATOR' ? { expand: (id: string) => void controller.expandNodes([id]) } : {}),
    trajectory: (id) => {
      view.select([id]);
      void runLayout('trajectory');
    },
    selectEdge: (edgeId) => {
      if (view.has(edgeId)) {
        view.select([edgeId]);
        view.reveal([edgeId]);
      }
    },
    close: () => layout.classList.toggle('details-closed', true),
    canWatch: viewer.role === 'ANALYST' || viewer.role === 'INVESTIGATOR',
    ...(auditPanel
      ? {
          whoLooked: (id: string) => {
            sidebar.open('audit');
            void auditPanel.showEntity(id);
          },
        }
      : {}),
  });

  const view: GraphView = new GraphView(chartHost, chartWords(), {
    selection: (items) => {
      if (items.length) layout.classList.remove('details-closed');
      void details.show(items);
    },
    expandRequest: (id) => void controller.expandNodes([id]),
    moreRequest: (owner) => void controller.loadMore(owner),
    contextMenu: (target, x, y) => openContextMenu(target, x, y),
    status: (s) => renderStatus(s),
  });
  function renderStatus(s: ChartStatus): void {
    // the key stays open on an empty chart and folds away once there is something to read
    if (!empty.hidden && s.nodes > 0) legend.open = false;
    empty.hidden = s.nodes > 0;
    let text = t('chart.status', { nodes: s.nodes, edges: s.edges });
    if (s.hidden) text += t('chart.status.hidden', { hidden: s.hidden });
    if (s.selected) text += t('chart.status.selected', { selected: s.selected });
    if (s.outOfWindow) text += t('chart.status.window', { out: s.outOfWindow });
    if (s.lean) text += t('chart.status.lean');
    status.textContent = text;
    toolbar.setHistory(view.history.nextUndo, view.history.nextRedo);
    slider.setSpan(view.timeExtent());
  }
  const slider = new TimeSlider((from, to) => view.setTimeWindow(from, to));
  const controller = new ChartController(view, () => slider.windowIso(), (b) => (busy.hidden = !b), viewer.role === 'ANALYST' || viewer.role === 'INVESTIGATOR');

  const toolbar = new ChartToolbar({
    expand: () => void controller.expandNodes(view.selectedNodeIds()),
    layout: (name) => void runLayout(name),
    lasso: () => {
      view.setLassoMode(!view.lassoMode);
      toolbar.setLasso(view.lassoMode);
      if (view.lassoMode) toast(t('lasso.on'));
    },
    hide: () => edit(() => view.hideSelected(t('hide.label', { count: view.selectedNodeIds().length })), 'hide.done'),
    showHidden: () => view.showHidden(t('show.label')),
    pin: () => {
      const r = view.togglePinSelected(t('pin.label', { count: view.selectedNodeIds().length }));
      if (r.count === 0) toast(t('select.first'), 'warn');
      else toast(t(r.pinned ? 'pin.done' : 'unpin.done', { count: r.count }), 'ok');
    },
    group: () => groupSelected(),
    ungroup: () => view.ungroupSelected(t('ungroup.label')),
    remove: () => edit(() => view.removeSelected(t('remove.label', { count: view.selectedNodeIds().length })), null),
    undo: () => {
      const label = view.undo();
      toast(label ? t('history.undone', { label }) : t('history.nothing'));
    },
    redo: () => {
      const label = view.redo();
      if (label) toast(t('history.redone', { label }));
    },
    fit: () => view.fit(),
    zoom: (f) => view.zoomBy(f),
    exportPng: () => void exportChart(view, 'png'),
    exportSvg: () => void exportChart(view, 'svg'),
    exportEvidence: (f) => void exportEvidenceOf(view, f as EvidenceFormat | 'PACKAGE'),
    saveChart: () => void charts.save(),
    openChart: () => void charts.open(),
    clear: () => view.clear(t('clear.label')),
  });
  const charts = new SavedChartsController(view, slider, viewer.name, (b) => (busy.hidden = !b));
  // Saved charts are the investigators' (server/src/security/policies.ts): other posts do not see the buttons.
  if (viewer.role !== 'ANALYST' && viewer.role !== 'INVESTIGATOR') for (const id of ['#tool-save', '#tool-open']) toolbar.el.querySelector<HTMLElement>(id)?.remove();

  const search = new SearchPanel({ add: (hit, expandToo) => void controller.addHit(hit, expandToo) });
  const pathsPanel = new PathsPanel({
    selectedPersons: () => view.selectedNodeIds('PERSON').map((id) => ({ id, label: view.info(id)?.label ?? id })),
    personsOnChart: () => view.nodeIds('PERSON').map((id) => ({ id, label: view.info(id)?.label ?? id })),
    draw: async (sg, found, active) => {
      await controller.draw(sg, t('paths.heading'));
      highlightPaths(found, active);
    },
    highlight: (found, active) => highlightPaths(found, active),
    clearHighlight: () => view.clearHighlights(),
    labelOf: (id) => view.info(id)?.label ?? id.replace(/^\w+:/, ''),
  });
  const highlightPaths = (found: { nodeIds: string[]; hops: { edgeId: string }[] }[], active: number) =>
    view.highlightPaths(
      found.map((p) => ({ nodeIds: p.nodeIds, edgeIds: p.hops.map((x) => x.edgeId) })),
      active,
    );

  const header = new HeaderBar(viewer, {
    editPurpose: hooks.editPurpose,
    openAlerts: () => void alerts.open(),
    help: () => showHelp(),
    changePassword: () => void openChangePassword(viewer.name).then((changed) => changed && hooks.passwordChanged()),
    signOut: hooks.signOut,
  });
  const ctx = { view, chart: controller, viewer, openTab: (name: string) => sidebar.open(name) };
  const alerts = new AlertsCenter(ctx, (n) => header.setAlertCount(n));
  // a post sees the tabs it may use: a station works its orders; only investigators walk the graph
  const investigating = viewer.role === 'ANALYST' || viewer.role === 'INVESTIGATOR';
  // Analysts import; supervisors follow the imports (server/src/security/policies.ts).
  const importPanel = viewer.role === 'ANALYST' || viewer.role === 'SUPERVISOR' ? new ImportPanel(viewer.role === 'ANALYST') : null;
  // An administrator keeps the accounts and reads no case data (server/src/security/policies.ts).
  const accountsPanel = viewer.role === 'ADMINISTRATOR' ? new AccountsPanel() : null;
  const sidebar = new Sidebar(
    accountsPanel ? [{ name: 'accounts', label: 'tab.accounts', el: accountsPanel.el, onOpen: () => void accountsPanel.refresh() }] : investigationTabs(),
  );

  function investigationTabs(): SidebarTab[] {
    return [
      ...(viewer.role === 'STATION_OFFICER' ? [{ name: 'orders', label: 'tab.orders' as const, el: buildOrdersPanel(ctx) }] : []),
      { name: 'search', label: 'tab.search', el: search.el },
      ...(investigating
        ? [
            { name: 'paths', label: 'tab.paths' as const, el: pathsPanel.el },
            { name: 'techniques', label: 'tab.techniques' as const, el: buildTechniquesPanel({ ...ctx, canManageLists: viewer.role === 'ANALYST', canManageProfiles: viewer.role === 'ANALYST' }) },
          ]
        : []),
      ...(viewer.role !== 'STATION_OFFICER' ? [{ name: 'orders', label: 'tab.orders' as const, el: buildOrdersPanel(ctx) }] : []),
      // The jobs are read when the tab is opened, not at sign-in.
      ...(importPanel ? [{ name: 'import', label: 'tab.import' as const, el: importPanel.el, onOpen: () => void importPanel.refresh() }] : []),
      ...(auditPanel ? [{ name: 'audit', label: 'tab.audit' as const, el: auditPanel.el }] : []),
    ];
  }

  const layout = h(
    'div',
    { class: 'workspace' },
    header.el,
    sidebar.el,
    h('main', { class: 'chart-area' }, toolbar.el, h('div', { class: 'chart-wrap' }, chartHost, empty, busy, legend), h('div', { class: 'chart-foot' }, slider.el, status)),
    details.el,
  );

  async function runLayout(name: LayoutName): Promise<void> {
    busy.hidden = false;
    try {
      const span = await view.layout(name, t('layout.label', { name: t(`layout.${name}` as StringKey) }));
      if (name === 'trajectory' && span?.from) toast(t('trajectory.span', { from: formatTime(span.from), to: formatTime(span.to) }), 'info', 6000);
    } finally {
      busy.hidden = true;
    }
  }

  function edit(run: () => number, done: StringKey | null): void {
    const n = run();
    if (n === 0) toast(t('select.first'), 'warn');
    else if (done) toast(t(done, { count: n }), 'ok');
  }

  let groups = 0;
  function groupSelected(): void {
    const n = view.selectedNodeIds().length;
    if (n === 0) return void toast(t('select.first'), 'warn');
    const name = window.prompt(t('group.prompt'), t('group.default', { n: ++groups }));
    if (!name) return;
    view.groupSelected(name, t('group.label', { name }));
    toast(t('group.done', { count: n }), 'ok');
  }

  function openContextMenu(target: ElementInfo | null, x: number, y: number): void {
    if (!target) {
      showMenu(x, y, [
        { label: 'menu.fit', run: () => view.fit() },
        { label: 'menu.showAll', run: () => view.showHidden(t('show.label')) },
      ]);
      return;
    }
    const isNode = target.group === 'node';
    const isPerson = target.kind === 'PERSON';
    showMenu(
      x,
      y,
      [
        { label: 'menu.expand', run: () => void controller.expandNodes(view.selectedNodeIds()), hidden: !isNode || !investigating },
        {
          label: 'menu.expandFiltered',
          hidden: !isNode || !investigating,
          run: async () => {
            const f = await askExpandFilter(target.label, slider.windowIso());
            if (f) await controller.expandNodes(view.selectedNodeIds().length ? view.selectedNodeIds() : [target.id], f);
          },
        },
        { label: 'menu.details', run: () => void details.show([target]) },
        { label: 'menu.pathFrom', hidden: !isPerson || !investigating, run: () => (pathsPanel.setEnd('from', { id: target.id, label: target.label }), sidebar.open('paths')) },
        { label: 'menu.pathTo', hidden: !isPerson || !investigating, run: () => (pathsPanel.setEnd('to', { id: target.id, label: target.label }), sidebar.open('paths')) },
        { label: 'menu.trace', hidden: !isPerson || !investigating, run: () => (sidebar.open('techniques'), document.dispatchEvent(new CustomEvent('clew:trace', { detail: target }))) },
        { label: 'menu.trajectory', hidden: !isPerson, run: () => (view.select([target.id]), void runLayout('trajectory')) },
        { label: 'menu.focus', hidden: !isNode, run: () => (view.setFocus([target.id]), void runLayout('concentric')) },
        { label: 'menu.pin', hidden: !isNode, run: () => view.togglePinSelected(t('pin.label', { count: 1 })) },
        { label: 'menu.group', hidden: !isNode, run: () => groupSelected() },
        { label: 'menu.hide', run: () => view.hideSelected(t('hide.label', { count: 1 })) },
        { label: 'menu.remove', run: () => view.removeSelected(t('remove.label', { count: 1 })) },
      ],
      target.label,
    );
  }

  const unbindKeys = bindKeys({
    search: () => (sidebar.open('search'), search.focus()),
    expand: () => void controller.expandNodes(view.selectedNodeIds()),
    remove: () => view.removeSelected(t('remove.label', { count: view.selectedNodeIds().length })),
    hide: () => toolbar.el.querySelector<HTMLButtonElement>('#tool-hide')?.click(),
    pin: () => toolbar.el.querySelector<HTMLButtonElement>('#tool-pin')?.click(),
    group: () => groupSelected(),
    lasso: () => toolbar.lassoButton.click(),
    fit: () => view.fit(),
    zoom: (f) => view.zoomBy(f),
    layout: (name) => void runLayout(name),
    undo: () => toolbar.el.querySelector<HTMLButtonElement>('#tool-undo')?.click(),
    redo: () => toolbar.el.querySelector<HTMLButtonElement>('#tool-redo')?.click(),
    saveChart: () => toolbar.el.querySelector<HTMLButtonElement>('#tool-save')?.click(),
    openChart: () => toolbar.el.querySelector<HTMLButtonElement>('#tool-open')?.click(),
    escape: () => {
      closeMenu();
      if (view.lassoMode) toolbar.lassoButton.click();
      // A first Esc lets go of the selection, the next one of a highlight (evidence, paths).
      if (view.selected().length > 0) view.select([]);
      else view.clearHighlights();
    },
  });

  const offLang = onLanguageChange(() => {
    view.setWords(chartWords());
    renderStatus(view.status());
    slider.refresh();
  });
  toolbar.setHistory(null, null);
  const onResize = () => view.resize();
  window.addEventListener('resize', onResize);
  return {
    el: layout,
    view,
    header,
    destroy() {
      unbindKeys();
      offLang();
      alerts.close();
      window.removeEventListener('resize', onResize);
      view.destroy();
    },
  };
}
