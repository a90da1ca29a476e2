import type { Core, EdgeSingular, ElementDefinition, EventObject, NodeSingular } from 'cytoscape';
import { byIds } from './by-ids.js';
import { ChartEdits } from './chart-edits.js';
import { applyPositions, ChartLayouts, layoutGraphOfDefinitions, layoutNodes, snapshot, type LayoutName, type Positions } from './chart-layouts.js';
import { leanStyle, LEAN_THRESHOLD, richStyle } from './chart-style.js';
import { edgeLabel, moreNodeId, newElements, type ApiSubgraph, type ChartWords } from './elements.js';
import { registerExtensions } from './extensions.js';
import { readSavedState, restoredDefinitions, type SavedChartState } from './saved-state.js';
import { History } from './history.js';
import { Lasso } from './lasso.js';
import { LayoutSuperseded } from './layout-runner.js';
import { OverviewLayer } from './overview-layer.js';
import { nodeImage } from './node-images.js';
import { applyTimeWindow, timeExtent, type TimeExtent } from './time-window.js';
import type { VisualKind, WatchTag } from './visual-kinds.js';

/**
 * The chart: the one object the page talks to. It owns the Cytoscape instance, the
 * layouts, the undo history and the lasso; the page sees plain data (ids, properties)
 * and never a Cytoscape element.
 */
export interface ElementInfo {
  group: 'node' | 'edge';
  id: string;
  kind: string;
  label: string;
  properties: Record<string, unknown>;
  source?: string;
  target?: string;
}

export interface ChartStatus {
  nodes: number;
  edges: number;
  hidden: number;
  selected: number;
  outOfWindow: number;
  lean: boolean;
}

export interface ChartEvents {
  selection(items: ElementInfo[]): void;
  expandRequest(nodeId: string): void;
  moreRequest(ownerId: string): void;
  contextMenu(target: ElementInfo | null, x: number, y: number): void;
  status(status: ChartStatus): void;
  layoutFrame?(stage: string, ms: number): void;
}

export interface AddOptions {
  /** What the undo button says, e.g. "展开 李国华". */
  label: string;
  /** Nodes to mark as the focus (concentric and trajectory layouts centre on them). */
  focus?: string[];
  /** Centre the view on these after the layout. */
  reveal?: string[];
}

export class GraphView {
  readonly cy: Core;
  readonly history = new History();
  private readonly layouts: ChartLayouts;
  private readonly lasso: Lasso;
  private readonly edits: ChartEdits;
  /** Draws large charts off the main thread (see overview-layer.ts). */
  readonly overview: OverviewLayer;
  private lean = false;
  private window: { from: number | null; to: number | null } = { from: null, to: null };
  private outOfWindow = 0;
  private focusIds: string[] = [];
  /** A selection change waiting to be told (Cytoscape fires one event per element changed). */
  private selectionTimer = 0;

  constructor(
    private readonly container: HTMLElement,
    private words: ChartWords,
    private readonly events: ChartEvents,
  ) {
    const cytoscape = registerExtensions();
    this.cy = cytoscape({
      container,
      style: richStyle(),
      layout: { name: 'preset' },
      minZoom: 0.03,
      maxZoom: 4,
      boxSelectionEnabled: true,
      selectionType: 'additive',
      motionBlur: false,
      // canvas, not WebGL: without a real GPU (headless tests, many office PCs) WebGL is far slower
      hideEdgesOnViewport: false,
      textureOnViewport: false,
    });
    this.layouts = new ChartLayouts(this.cy);
    this.overview = new OverviewLayer(this.cy, container);
    setTimeout(() => this.overview.warmUp(), 800);
    this.lasso = new Lasso(this.cy, container, () => this.emitSelection());
    this.edits = new ChartEdits(this.cy, this.history, { selection: () => this.emitSelection(), status: () => this.emitStatus() });
    this.bindEvents();
    this.history.onChange(() => this.emitStatus());
  }

  // ── reading ────────────────────────────────────────────────────────────────

  info(id: string): ElementInfo | null {
    const el = this.cy.getElementById(id);
    if (el.empty()) return null;
    return toInfo(el as NodeSingular | EdgeSingular);
  }

  has(id: string): boolean {
    return this.cy.getElementById(id).nonempty();
  }

  selected(): ElementInfo[] {
    return this.cy.elements(':selected').map((el) => toInfo(el as NodeSingular | EdgeSingular));
  }

  selectedNodeIds(kind?: string): string[] {
    return this.cy
      .nodes(':selected')
      .filter((n) => !kind || n.data('kind') === kind)
      .map((n) => n.id());
  }

  nodeIds(kind?: string): string[] {
    return this.cy
      .nodes()
      .filter((n) => !n.isParent() && (!kind || n.data('kind') === kind))
      .map((n) => n.id());
  }

  get isEmpty(): boolean {
    return this.cy.nodes().empty();
  }

  status(): ChartStatus {
    const real = this.cy.nodes().filter((n) => n.data('kind') !== 'MORE' && !n.isParent());
    return {
      nodes: real.length,
      edges: this.cy.edges().filter((e) => e.data('kind') !== 'MORE').length,
      hidden: this.cy.elements('.hidden').length,
      selected: this.cy.elements(':selected').length,
      outOfWindow: this.outOfWindow,
      lean: this.lean,
    };
  }

  timeExtent(): TimeExtent | null {
    return timeExtent(this.cy);
  }

  // ── adding and removing ────────────────────────────────────────────────────

  /** Draws a subgraph from the API; new nodes are placed by the force layout near what is there. */
  async addSubgraph(sg: ApiSubgraph, options: AddOptions): Promise<number> {
    await this.edgesPending;
    const wasEmpty = this.isEmpty;
    const placed = new Set(layoutNodes(this.cy).map((n) => n.id()));
    // a hub expanded again: its old "+N" stands for neighbours that may now be on the chart
    const owners = new Set((sg.omitted ?? []).map((o) => o.nodeId));
    const expandedFrom = new Set(options.focus ?? []);
    const staleMore = this.cy.nodes('[kind = "MORE"]').filter((n) => owners.has(n.data('owner') as string) || expandedFrom.has(n.data('owner') as string));
    const removedMore = staleMore.union(staleMore.connectedEdges()).jsons() as unknown as ElementDefinition[];
    const staleIds = new Set(staleMore.map((n) => n.id()));
    const defs = newElements(sg, (id) => this.has(id) && !staleIds.has(id), this.words);
    const newNodes = defs.filter((d) => d.group === 'nodes').length;
    performance.mark('clew:mapped');
    this.setLean(this.cy.nodes().length - staleMore.length + newNodes > LEAN_THRESHOLD);
    if (defs.length === 0 && staleMore.empty()) {
      if (options.reveal?.length) this.reveal(options.reveal);
      if (options.focus) this.setFocus(options.focus);
      this.emitStatus();
      return 0;
    }
    let final: Positions;
    if (wasEmpty) {
      final = await this.drawFirst(defs);
    } else {
      this.cy.batch(() => {
        staleMore.remove();
        this.cy.add(this.besideAnchors(defs, options.focus ?? []));
      });
      final = await this.layouts.force({ incremental: placed, onFrame: (s, ms) => this.events.layoutFrame?.(s, ms) }).catch((e: unknown) => {
        // a newer drawing's layout places these nodes too
        if (e instanceof LayoutSuperseded) return snapshot(layoutNodes(this.cy));
        throw e;
      });
      await applyPositions(this.cy, final, true);
    }
    if (options.focus) this.setFocus(options.focus);
    if (this.window.from !== null) this.outOfWindow = applyTimeWindow(this.cy, this.window.from, this.window.to);
    if (wasEmpty) this.fitPositions(final);
    else if (options.reveal?.length) this.reveal(options.reveal);
    const addedIds = defs.map((d) => d.data.id!);
    const removedIds = removedMore.map((d) => d.data.id!);
    this.history.push({
      label: options.label,
      undo: () => {
        this.cy.batch(() => {
          byIds(this.cy, addedIds).remove();
          if (removedMore.length) this.cy.add(removedMore);
        });
        this.emitStatus();
      },
      redo: () => {
        this.cy.batch(() => {
          byIds(this.cy, removedIds).remove();
          this.cy.add(defs.map((d) => (d.group === 'nodes' && final.has(d.data.id!) ? { ...d, position: final.get(d.data.id!)! } : d)));
        });
        this.emitStatus();
      },
    });
    this.emitStatus();
    return newNodes;
  }

  /**
   * A first drawing: the worker's fast placement comes back in tens of milliseconds, the
   * elements go into Cytoscape already placed (one batch), and the worker's refinement,
   * running meanwhile on the other core, is applied once when the chart is up.
   */
  private async drawFirst(defs: ElementDefinition[]): Promise<Positions> {
    const graph = layoutGraphOfDefinitions(defs);
    performance.mark('clew:layout-input');
    let resolvePlaced!: (p: Positions) => void;
    const placedPositions = new Promise<Positions>((r) => (resolvePlaced = r));
    const done = this.layouts
      .run(graph, (stage, positions, ms) => {
        if (stage === 'placed') resolvePlaced(positions);
        this.events.layoutFrame?.(stage, ms);
      })
      .catch((e: unknown) => {
        if (!(e instanceof LayoutSuperseded)) throw e;
        return null;
      });
    void done.then((r) => r === null && resolvePlaced(new Map()));
    const first = await placedPositions;
    performance.mark('clew:placed');
    // the batch stays open until the worker's result is in (or a moment has passed), so the
    // first (costly) render happens once, with the final positions
    // a large chart's ties are drawn by the overview worker at once and reach Cytoscape (which
    // only needs them for layouts and highlights) a slice at a time afterwards
    const large = this.lean;
    const nodeDefs = defs.filter((d) => d.group === 'nodes');
    const edgeDefs = defs.filter((d) => d.group === 'edges');
    this.cy.startBatch();
    let early: Positions | null;
    try {
      this.cy.add((large ? nodeDefs : defs).map((d) => (d.group === 'nodes' ? { ...d, position: first.get(d.data.id!) ?? { x: 0, y: 0 } } : d)));
      performance.mark('clew:added');
      early = await Promise.race([done, new Promise<null>((r) => window.setTimeout(() => r(null), 400))]);
      if (early) {
        const positions = early;
        this.cy.nodes().positions((n) => positions.get((n as NodeSingular).id()) ?? (n as NodeSingular).position());
      }
    } finally {
      this.cy.endBatch();
      performance.mark('clew:batch-closed');
    }
    // a large chart's bitmap is painted by the worker while Cytoscape does its first render
    if (large) {
      this.overview.syncGraph(edgeDefs.map((d) => ({ id: d.data.id!, source: d.data.source as string, target: d.data.target as string })));
      this.edgesPending = this.addInSlices(edgeDefs);
    }
    if (early) {
      this.fitPositions(early);
      return early;
    }
    this.fitPositions(first);
    const final = (await done) ?? first;
    await applyPositions(this.cy, final, defs.length < 600);
    return final;
  }

  /** Ties of a large first drawing still being handed to Cytoscape (see drawFirst). */
  private edgesPending: Promise<void> = Promise.resolve();

  /** Adds elements a slice per task, so no task is long enough to stall panning. */
  private async addInSlices(defs: ElementDefinition[], slice = 500): Promise<void> {
    for (let i = 0; i < defs.length; i += slice) {
      await new Promise((r) => setTimeout(r, 0));
      this.cy.add(defs.slice(i, i + slice).filter((d) => !this.has(d.data.id!)));
    }
    if (this.window.from !== null) this.outOfWindow = applyTimeWindow(this.cy, this.window.from, this.window.to);
    this.emitStatus();
  }

  /** Resolves once every tie of the last large drawing is in Cytoscape. */
  whenComplete(): Promise<void> {
    return this.edgesPending;
  }

  /**
   * Fits the view to known positions. Cytoscape's fit() measures every element's bounding
   * box, labels included, which costs seconds on a big chart; the positions are at hand.
   */
  private fitPositions(positions: Positions, padding = 40): void {
    let x1 = Infinity;
    let y1 = Infinity;
    let x2 = -Infinity;
    let y2 = -Infinity;
    for (const p of positions.values()) {
      x1 = Math.min(x1, p.x);
      y1 = Math.min(y1, p.y);
      x2 = Math.max(x2, p.x);
      y2 = Math.max(y2, p.y);
    }
    if (!Number.isFinite(x1)) return;
    const w = this.cy.width();
    const h = this.cy.height();
    const zoom = Math.min(1.2, Math.max(this.cy.minZoom(), Math.min((w - 2 * padding) / Math.max(x2 - x1, 1), (h - 2 * padding) / Math.max(y2 - y1, 1))));
    this.cy.viewport({ zoom, pan: { x: w / 2 - ((x1 + x2) / 2) * zoom, y: h / 2 - ((y1 + y2) / 2) * zoom } });
  }

  /** New nodes start on top of the node they were expanded from, not at the origin. */
  private besideAnchors(defs: ElementDefinition[], anchors: string[]): ElementDefinition[] {
    const anchor = anchors.map((id) => this.cy.getElementById(id)).find((e) => e.nonempty());
    const at = anchor ? (anchor as NodeSingular).position() : this.cy.extent();
    const x = 'x' in at ? at.x : (at.x1 + at.x2) / 2;
    const y = 'y' in at ? at.y : (at.y1 + at.y2) / 2;
    return defs.map((d) => (d.group === 'nodes' ? { ...d, position: { x, y } } : d));
  }

  /** Removes everything (undoable). */
  clear(label: string): void {
    this.edits.clear(label);
  }

  /** What a saved chart keeps of this one (saved-state.ts). */
  savedState(): SavedChartState {
    return readSavedState(this.cy, this.window);
  }

  /**
   * Replaces the chart with a reopened one: its records as the database has them now, each
   * node where it stood, grouped, pinned and hidden as saved. One undoable step.
   */
  async restore(sg: ApiSubgraph, state: SavedChartState, label: string): Promise<void> {
    await this.edgesPending;
    const before = this.cy.elements().jsons() as unknown as ElementDefinition[];
    const defs = restoredDefinitions(newElements(sg, () => false, this.words), state);
    const show = (els: ElementDefinition[]) => {
      this.setLean(els.filter((d) => d.group === 'nodes').length > LEAN_THRESHOLD);
      this.cy.batch(() => {
        this.cy.elements().remove();
        this.cy.add(els);
      });
      if (this.lean) this.overview.syncGraph(this.cy.edges().map((e) => ({ id: e.id(), source: e.source().id(), target: e.target().id() })));
      this.emitStatus();
    };
    show(defs);
    this.history.push({ label, undo: () => show(before), redo: () => show(defs) });
    this.fitPositions(new Map(state.nodes.map((n) => [n.id, { x: n.x, y: n.y }])));
  }

  removeSelected(label: string): number {
    return this.edits.removeSelected(label);
  }

  hideSelected(label: string): number {
    return this.edits.hideSelected(label);
  }

  showHidden(label: string): number {
    return this.edits.showHidden(label);
  }

  /** Pins the selected nodes where they are, or unpins them if all are pinned already. */
  togglePinSelected(label: string): { pinned: boolean; count: number } {
    return this.edits.togglePinSelected(label);
  }

  /** Puts the selected nodes in a named box (a compound node) that moves as one. */
  groupSelected(name: string, label: string): string | null {
    return this.edits.groupSelected(name, label);
  }

  /** Dissolves the selected groups (or the groups of the selected nodes). */
  ungroupSelected(label: string): number {
    return this.edits.ungroupSelected(label);
  }

  undo(): string | null {
    return this.history.undo()?.label ?? null;
  }

  redo(): string | null {
    return this.history.redo()?.label ?? null;
  }

  // ── layouts and view ───────────────────────────────────────────────────────

  /** Runs a layout over the visible chart; undo puts every node back. */
  async layout(name: LayoutName, label: string): Promise<{ from: number | null; to: number | null } | null> {
    await this.edgesPending;
    const nodes = layoutNodes(this.cy);
    if (nodes.empty()) return null;
    const before = snapshot(nodes);
    const focus = this.selectedNodeIds().length ? this.selectedNodeIds() : this.focusIds;
    let after: Positions;
    let span: { from: number | null; to: number | null } | null = null;
    try {
      switch (name) {
        case 'force':
          after = await this.layouts.force({ incremental: null, onFrame: (s, ms) => this.events.layoutFrame?.(s, ms) });
          break;
        case 'concentric':
          after = await this.layouts.concentric(focus);
          break;
        case 'hierarchy':
          after = await this.layouts.hierarchy(focus);
          break;
        case 'trajectory': {
          const r = this.layouts.trajectory(focus);
          after = r.positions;
          span = { from: r.from, to: r.to };
          break;
        }
      }
    } catch (e) {
      // another layout started meanwhile: it will place the nodes
      if (e instanceof LayoutSuperseded) return null;
      throw e;
    }
    nodes.forEach((n) => {
      if (n.locked()) after.delete(n.id());
    });
    await applyPositions(this.cy, after, true);
    this.cy.fit(this.cy.elements(':visible'), 30);
    this.capZoom();
    this.history.push({
      label,
      undo: () => void applyPositions(this.cy, before, false),
      redo: () => void applyPositions(this.cy, after, false),
    });
    return span;
  }

  fit(): void {
    this.cy.fit(this.cy.elements(':visible'), 30);
    this.capZoom();
  }

  /** Fitting two or three nodes would zoom in absurdly far; stop at a readable size. */
  private capZoom(): void {
    if (this.cy.zoom() > 1.2) this.cy.zoom({ level: 1.2, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } });
  }

  zoomBy(factor: number): void {
    const c = this.container.getBoundingClientRect();
    this.cy.zoom({ level: this.cy.zoom() * factor, renderedPosition: { x: c.width / 2, y: c.height / 2 } });
  }

  reveal(ids: string[]): void {
    const els = byIds(this.cy, ids);
    if (els.empty()) return;
    this.cy.animate({ center: { eles: els }, zoom: Math.max(this.cy.zoom(), 0.8), duration: 250 });
  }

  select(ids: string[]): void {
    this.cy.batch(() => {
      this.cy.elements(':selected').unselect();
      for (const id of ids) this.cy.getElementById(id).select();
    });
    this.emitSelection();
  }

  setFocus(ids: string[]): void {
    this.focusIds = ids;
    this.cy.batch(() => {
      this.cy.nodes('.focus').removeClass('focus');
      for (const id of ids) this.cy.getElementById(id).addClass('focus');
    });
  }

  setLassoMode(on: boolean): void {
    this.lasso.setEnabled(on);
  }

  get lassoMode(): boolean {
    return this.lasso.active;
  }

  // ── time window and highlights ─────────────────────────────────────────────

  setTimeWindow(from: number | null, to: number | null): number {
    this.window = { from, to };
    this.outOfWindow = applyTimeWindow(this.cy, from, to);
    this.emitStatus();
    return this.outOfWindow;
  }

  /** Highlights paths (arrays of node ids and edge ids); the active one strongest, the rest fainter. */
  highlightPaths(paths: { nodeIds: string[]; edgeIds: string[] }[], active: number): void {
    this.cy.batch(() => {
      this.clearHighlights();
      if (paths.length === 0) return;
      const keep = this.cy.collection();
      paths.forEach((p, i) => {
        const edges = byIds(this.cy, p.edgeIds);
        const nodes = byIds(this.cy, p.nodeIds);
        edges.addClass(i === active ? 'path-hop' : 'path-alt');
        nodes.addClass('path-node');
        keep.merge(edges).merge(nodes);
      });
      this.cy.elements().difference(keep).addClass('faded');
    });
  }

  highlightEvidence(nodeIds: string[], edgeIds: string[]): void {
    this.cy.batch(() => {
      this.clearHighlights();
      const keep = byIds(this.cy, [...nodeIds, ...edgeIds]);
      keep.addClass('evidence');
      if (keep.nonempty()) this.cy.elements().difference(keep).addClass('faded');
    });
  }

  clearHighlights(): void {
    this.cy.batch(() => {
      this.cy.elements('.faded, .path-hop, .path-alt, .path-node, .evidence').removeClass('faded path-hop path-alt path-node evidence');
    });
  }

  // ── words and export ───────────────────────────────────────────────────────

  /** The page switched language: relabel edges, hub placeholders and badges. */
  setWords(words: ChartWords): void {
    this.words = words;
    this.cy.batch(() => {
      this.cy.edges().forEach((e) => {
        if (e.data('kind') !== 'MORE') e.data('label', edgeLabel(e.data('kind') as string, (e.data('t') as number | null) ?? null, words));
      });
      this.cy.nodes().forEach((n) => {
        if (n.data('kind') === 'MORE') n.data('label', words.more(n.data('omitted') as number));
        else if (n.data('tags')) n.data('img', nodeImage(n.data('vkind') as VisualKind, (n.data('tags') as string).split(' ') as WatchTag[], words.badgeLetters));
      });
    });
  }

  /** What an evidence export covers: the selection if there is one, else the visible chart, with positions. */
  exportScope(): { nodeIds: string[]; edgeIds: string[]; layout: Record<string, { x: number; y: number }> } {
    const selected = this.cy.nodes(':selected').filter((n) => !n.isParent() && n.data('kind') !== 'MORE');
    const nodes = selected.nonempty() ? selected : this.cy.nodes().filter((n) => !n.isParent() && n.data('kind') !== 'MORE' && !n.hasClass('hidden'));
    const ids = new Set(nodes.map((n) => n.id()));
    const edges = this.cy.edges().filter((e) => ids.has(e.data('source') as string) && ids.has(e.data('target') as string) && e.data('kind') !== 'MORE');
    const layout: Record<string, { x: number; y: number }> = {};
    nodes.forEach((n) => {
      const p = n.position();
      layout[n.id()] = { x: Math.round(p.x), y: Math.round(p.y) };
    });
    return { nodeIds: [...ids], edgeIds: edges.map((e) => e.id()), layout };
  }

  exportPng(): Promise<Blob> {
    return this.cy.png({ output: 'blob-promise', full: true, scale: this.isEmpty ? 1 : 2, bg: '#ffffff', maxWidth: 8000, maxHeight: 8000 });
  }

  exportSvg(): string {
    return (this.cy as unknown as { svg(o: object): string }).svg({ full: true, bg: '#ffffff', scale: 1 });
  }

  resize(): void {
    this.cy.resize();
  }

  destroy(): void {
    this.layouts.dispose();
    this.overview.dispose();
    this.cy.destroy();
  }

  // ── internals ──────────────────────────────────────────────────────────────

  private setLean(lean: boolean): void {
    if (lean === this.lean) return;
    this.lean = lean;
    this.cy.style(lean ? leanStyle() : richStyle());
    if (lean) this.overview.enable();
    else this.overview.disable();
  }

  private bindEvents(): void {
    this.cy.on('select unselect', () => {
      // one notification per burst (a box selection fires one event per element)
      window.clearTimeout(this.selectionTimer);
      this.selectionTimer = window.setTimeout(() => this.emitSelection(), 30);
    });
    this.cy.on('dbltap', 'node', (e: EventObject) => {
      const n = e.target as NodeSingular;
      if (n.data('kind') === 'MORE') this.events.moreRequest(n.data('owner') as string);
      else if (!n.isParent()) this.events.expandRequest(n.id());
    });
    this.cy.on('tap', 'node[kind = "MORE"]', (e: EventObject) => this.events.moreRequest((e.target as NodeSingular).data('owner') as string));
    this.cy.on('cxttap', (e: EventObject) => {
      const target = e.target === this.cy ? null : toInfo(e.target as NodeSingular | EdgeSingular);
      if (target && !(e.target as NodeSingular).selected()) this.select([target.id]);
      this.events.contextMenu(target, e.originalEvent instanceof MouseEvent ? e.originalEvent.clientX : 0, e.originalEvent instanceof MouseEvent ? e.originalEvent.clientY : 0);
    });
  }

  private emitSelection(): void {
    // told now, so not again when the burst's timer ends: each telling redraws the details,
    // which reads the record again and leaves one more entry in the audit trail
    window.clearTimeout(this.selectionTimer);
    this.events.selection(this.selected());
    this.emitStatus();
  }

  private emitStatus(): void {
    this.events.status(this.status());
  }
}

function toInfo(el: NodeSingular | EdgeSingular): ElementInfo {
  const d = el.data() as Record<string, unknown>;
  const info: ElementInfo = {
    group: el.isNode() ? 'node' : 'edge',
    id: el.id(),
    kind: String(d.kind ?? ''),
    label: String(d.label ?? ''),
    properties: (d.props as Record<string, unknown> | undefined) ?? {},
  };
  if (el.isEdge()) {
    info.source = String(d.source);
    info.target = String(d.target);
  }
  return info;
}

export { byIds, moreNodeId };
export type { LayoutName };
