import type { LayoutFrame, LayoutRequest } from './layout.worker.js';
import type { ForceInput } from './force-layout.js';

/**
 * The main thread's side of the layout worker. A new layout replaces one still running:
 * the worker drops the old one's remaining stages, and stale frames are ignored by id.
 */
export class LayoutRunner {
  private worker: Worker | null = null;
  private busy = false;
  private cancel: (() => void) | null = null;
  private nextId = 1;

  private ensure(): Worker {
    this.worker ??= new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module', name: 'clew-layout' });
    return this.worker;
  }

  /** Starts the worker ahead of need (its module loads while the user searches). */
  warmUp(): void {
    if (!this.busy) this.worker ??= new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module', name: 'clew-layout' });
  }

  run(input: ForceInput, onFrame: (frame: LayoutFrame) => void): Promise<LayoutFrame> {
    const worker = this.ensure();
    const id = this.nextId++;
    this.cancel?.();
    this.busy = true;
    return new Promise((resolve, reject) => {
      this.cancel = () => reject(new LayoutSuperseded());
      worker.onmessage = (event: MessageEvent<LayoutFrame>) => {
        if (event.data.id !== id) return;
        onFrame(event.data);
        if (event.data.stage === 'done') {
          this.busy = false;
          this.cancel = null;
          resolve(event.data);
        }
      };
      worker.onerror = (event) => {
        this.busy = false;
        reject(new Error(event.message || 'layout worker failed'));
      };
      const request: LayoutRequest = { ...input, id };
      const transfer = [input.edges.buffer, input.radius.buffer, ...(input.init ? [input.init.buffer] : []), ...(input.fixed ? [input.fixed.buffer] : [])];
      worker.postMessage(request, transfer as Transferable[]);
    });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}

/** A layout replaced by a newer one before it finished; callers drop it quietly. */
export class LayoutSuperseded extends Error {
  constructor() {
    super('layout superseded');
    this.name = 'LayoutSuperseded';
  }
}
