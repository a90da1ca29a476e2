import type { Core, NodeSingular, SingularElementArgument } from 'cytoscape';
import { FADED, HIDDEN, type OverviewFrame, type OverviewMessage } from './overview.worker.js';

/**
 * Large charts (past LEAN_THRESHOLD nodes) are drawn by the overview worker: Cytoscape keeps
 * the model, the events, hit-testing and selection, and draws only what stands out
 * (selected, on a path, evidence); everything else comes as one bitmap from the worker,
 * which the main thread blits at the current pan and zoom. A bitmap covers the view and
 * half a view around it; when the view leaves it or the zoom drifts, a new one is asked
 * for, and the old one is stretched meanwhile.
 */
const EMPHASIS_SELECTOR = ':selected, .path-hop, .path-alt, .path-node, .evidence, .focus, node[kind = "MORE"], :parent';
const MARGIN = 0.5;

type Renderer = {
  drawLayeredElements(ctx: CanvasRenderingContext2D, eles: SingularElementArgument[], px: number, extent: unknown): void;
  drawCachedNodes(ctx: CanvasRenderingContext2D, eles: SingularElementArgument[], px: number, extent: unknown): void;
  drawCachedElements(ctx: CanvasRenderingContext2D, eles: SingularElementArgument[], px: number, extent: unknown): void;
};

export class OverviewLayer {
  private readonly canvas: HTMLCanvasElement;
  private worker: Worker | null = null;
  private enabled = false;
  private frame: OverviewFrame | null = null;
  private inFlight = 0;
  private dirty = false;
  private nextId = 1;
  private index = new Map<string, number>();
  private edgeIndex = new Map<string, number>();
  private nodeRefs: NodeSingular[] = [];
  private paintQueued = false;
  private idleTimer = 0;
  private positionTimer = 0;
  private graphTimer = 0;
  private flagsTimer = 0;
  private restore: (() => void) | null = null;
  /** Called with each bitmap's worker time (the benchmark reads it). */
  onFrame: (ms: number) => void = () => {};

  constructor(
    private readonly cy: Core,
    private readonly container: HTMLElement,
  ) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'overview-layer';
    this.canvas.style.cssText = 'position:absolute;inset:0;width:100%;height:100%;pointer-events:none;display:none';
    container.insertBefore(this.canvas, container.firstChild);
    const paint = () => this.queuePaint();
    cy.on('viewport resize', paint);
    // a batch of changes fires one event per element: act once, a moment after the first
    const later = (timer: 'positionTimer' | 'graphTimer' | 'flagsTimer', ms: number, fn: () => void) => () => {
      if (!this.enabled || this[timer]) return;
      this[timer] = window.setTimeout(() => {
        this[timer] = 0;
        fn();
      }, ms);
    };
    cy.on('position', later('positionTimer', 120, () => this.syncPositions()));
    cy.on('add remove', later('graphTimer', 30, () => this.syncGraph()));
    cy.on('class', later('flagsTimer', 30, () => this.syncFlags()));
  }

  get active(): boolean {
    return this.enabled;
  }

  /** Starts the worker ahead of need, so a first large drawing does not wait for it to load. */
  warmUp(): void {
    this.worker ??= this.startWorker();
  }

  enable(): void {
    if (this.enabled) return this.syncGraph();
    this.enabled = true;
    this.worker ??= this.startWorker();
    this.canvas.style.display = 'block';
    this.patchRenderer();
    this.syncGraph();
  }

  disable(): void {
    if (!this.enabled) return;
    this.enabled = false;
    this.canvas.style.display = 'none';
    this.restore?.();
    this.restore = null;
    this.frame?.bitmap.close();
    this.frame = null;
  }

  /**
   * The chart's elements changed (added, removed): send the whole graph again. `pending` are
   * ties not in Cytoscape yet (a large first drawing adds them a slice at a time).
   */
  syncGraph(pending: readonly { id: string; source: string; target: string }[] = []): void {
    if (!this.enabled) return;
    const nodes = this.cy.nodes().filter((n) => !n.isParent());
    this.index = new Map();
    const palette = new Map<string, number>();
    const nodeColor = new Uint8Array(nodes.length);
    const ring = new Uint8Array(nodes.length);
    const radius = new Float32Array(nodes.length);
    this.nodeRefs = nodes.toArray() as NodeSingular[];
    nodes.forEach((n, i) => {
      this.index.set(n.id(), i);
      const color = String(n.data('color') ?? '#64748b');
      if (!palette.has(color)) palette.set(color, palette.size);
      nodeColor[i] = palette.get(color)!;
      const watch = n.data('watch') as string;
      ring[i] = watch === 'FUGITIVE' ? 1 : watch === 'DRUG_USER' ? 2 : watch === 'EX_OFFENDER' ? 3 : 0;
      radius[i] = Number(n.data('size') ?? 30) / 2;
    });
    const pairs: number[] = [];
    this.edgeIndex = new Map();
    this.cy.edges().forEach((e) => {
      const a = this.index.get(e.data('source') as string);
      const b = this.index.get(e.data('target') as string);
      if (a === undefined || b === undefined) return;
      this.edgeIndex.set(e.id(), pairs.length / 2);
      pairs.push(a, b);
    });
    for (const e of pending) {
      const a = this.index.get(e.source);
      const b = this.index.get(e.target);
      if (a === undefined || b === undefined || this.edgeIndex.has(e.id)) continue;
      this.edgeIndex.set(e.id, pairs.length / 2);
      pairs.push(a, b);
    }
    const edges = Uint32Array.from(pairs);
    this.post({ type: 'graph', edges, colors: [...palette.keys()], nodeColor, ring, radius }, [edges.buffer, nodeColor.buffer, ring.buffer, radius.buffer]);
    this.syncPositions();
    this.syncFlags();
  }

  syncPositions(): void {
    if (!this.enabled) return;
    const xy = new Float32Array(2 * this.nodeRefs.length);
    this.nodeRefs.forEach((n, i) => {
      const p = n.position();
      xy[2 * i] = p.x;
      xy[2 * i + 1] = p.y;
    });
    this.post({ type: 'positions', xy }, [xy.buffer]);
    this.invalidate();
  }

  /** Hidden, faded and out-of-window elements changed. */
  syncFlags(): void {
    if (!this.enabled) return;
    const nodeFlags = new Uint8Array(this.index.size);
    const edgeFlags = new Uint8Array(this.edgeIndex.size);
    // only the few elements with a class need a look; the rest stay 0
    this.cy.elements('.hidden, .faded, .out-of-window').forEach((el: SingularElementArgument) => {
      const node = el.isNode();
      const i = node ? this.index.get(el.id()) : this.edgeIndex.get(el.id());
      if (i === undefined) return;
      (node ? nodeFlags : edgeFlags)[i] = flagsOf(el);
    });
    this.post({ type: 'flags', nodeFlags, edgeFlags }, [nodeFlags.buffer, edgeFlags.buffer]);
    this.invalidate();
  }

  dispose(): void {
    this.disable();
    this.worker?.terminate();
    this.worker = null;
  }

  private invalidate(): void {
    this.dirty = true;
    this.request();
  }

  private startWorker(): Worker {
    const worker = new Worker(new URL('./overview.worker.ts', import.meta.url), { type: 'module', name: 'clew-overview' });
    worker.onmessage = (event: MessageEvent<OverviewFrame>) => {
      this.inFlight = 0;
      this.frame?.bitmap.close();
      this.frame = event.data;
      this.onFrame(event.data.ms);
      this.queuePaint();
      if (this.dirty) this.request();
    };
    return worker;
  }

  private post(message: OverviewMessage, transfer: Transferable[] = []): void {
    this.worker?.postMessage(message, transfer);
  }

  /** Asks the worker for a bitmap of the current view (one at a time; the last ask wins). */
  private request(): void {
    if (!this.enabled || this.inFlight) return;
    const w = this.cy.width();
    const h = this.cy.height();
    if (w === 0 || h === 0) return;
    const dpr = window.devicePixelRatio || 1;
    const zoom = this.cy.zoom();
    const pan = this.cy.pan();
    const x1 = -pan.x / zoom - (MARGIN * w) / zoom;
    const y1 = -pan.y / zoom - (MARGIN * h) / zoom;
    this.dirty = false;
    this.inFlight = this.nextId++;
    this.post({ type: 'render', id: this.inFlight, zoom: zoom * dpr, x1, y1, width: Math.ceil(w * (1 + 2 * MARGIN) * dpr), height: Math.ceil(h * (1 + 2 * MARGIN) * dpr) });
  }

  private queuePaint(): void {
    if (!this.enabled || this.paintQueued) return;
    this.paintQueued = true;
    requestAnimationFrame(() => {
      this.paintQueued = false;
      this.paint();
    });
  }

  private paint(): void {
    const dpr = window.devicePixelRatio || 1;
    const w = this.cy.width();
    const h = this.cy.height();
    if (this.canvas.width !== Math.round(w * dpr) || this.canvas.height !== Math.round(h * dpr)) {
      this.canvas.width = Math.round(w * dpr);
      this.canvas.height = Math.round(h * dpr);
    }
    const ctx = this.canvas.getContext('2d')!;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    const zoom = this.cy.zoom();
    const pan = this.cy.pan();
    const f = this.frame;
    if (f) {
      const scale = (zoom * dpr) / f.zoom;
      const dx = (f.x1 * zoom + pan.x) * dpr;
      const dy = (f.y1 * zoom + pan.y) * dpr;
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(f.bitmap, dx, dy, f.bitmap.width * scale, f.bitmap.height * scale);
      // the view has left the bitmap, or the zoom has drifted: ask for a fresh one
      const outside = dx > 0 || dy > 0 || dx + f.bitmap.width * scale < w * dpr || dy + f.bitmap.height * scale < h * dpr;
      if (outside || scale < 0.8 || scale > 1.25) this.invalidate();
      else {
        window.clearTimeout(this.idleTimer);
        if (Math.abs(scale - 1) > 0.01) this.idleTimer = window.setTimeout(() => this.invalidate(), 150);
      }
    } else this.invalidate();
  }

  /** Cytoscape draws only what stands out; the bitmap has the rest. */
  private patchRenderer(): void {
    const r = (this.cy as unknown as { renderer(): Renderer }).renderer();
    const layered = r.drawLayeredElements;
    const cached = r.drawCachedNodes;
    // what stands out is looked up again only after a selection or class change, not per frame
    let standing: SingularElementArgument[] | null = null;
    const changed = () => {
      standing = null;
    };
    this.cy.on('select unselect class add remove', changed);
    const emphasised = () => {
      standing ??= this.cy.elements(EMPHASIS_SELECTOR).toArray() as SingularElementArgument[];
      return standing.filter((e) => !(e.isNode() && (e as NodeSingular).grabbed()));
    };
    r.drawLayeredElements = function (ctx, _eles, px, extent) {
      r.drawCachedElements.call(this, ctx, emphasised(), px, extent);
    };
    r.drawCachedNodes = function (ctx, _eles, px, extent) {
      r.drawCachedElements.call(this, ctx, emphasised(), px, extent);
    };
    this.restore = () => {
      this.cy.off('select unselect class add remove', changed);
      r.drawLayeredElements = layered;
      r.drawCachedNodes = cached;
    };
  }
}

function flagsOf(el: SingularElementArgument): number {
  if (el.hasClass('hidden')) return HIDDEN;
  if (el.hasClass('faded') || el.hasClass('out-of-window')) return FADED;
  return 0;
}
