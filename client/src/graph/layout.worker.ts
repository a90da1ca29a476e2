import { forceLayoutStages, type ForceInput } from './force-layout.js';

/**
 * The layout worker: runs the force layout off the main thread and streams positions
 * (placement at once, a few refinement frames, the result), so the chart is drawn before
 * the layout has finished and panning never waits for it.
 */
export interface LayoutRequest extends ForceInput {
  id: number;
}

export interface LayoutFrame {
  id: number;
  stage: 'placed' | 'refining' | 'done';
  xy: Float32Array;
  ms: number;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;
let current = 0;

scope.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const request = event.data;
  // a newer request supersedes one still being refined: its remaining stages are dropped
  current = request.id;
  const started = performance.now();
  const stages = forceLayoutStages(request);
  const next = () => {
    if (current !== request.id) return;
    const r = stages.next();
    if (r.done) return;
    const copy = r.value.xy.slice();
    const frame: LayoutFrame = { id: request.id, stage: r.value.stage, xy: copy, ms: performance.now() - started };
    scope.postMessage(frame, [copy.buffer]);
    // each stage in its own task, so its message leaves now rather than after the whole layout
    if (r.value.stage !== 'done') setTimeout(next, 0);
  };
  next();
};
