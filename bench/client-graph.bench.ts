/**
 * Browser benchmark of the chart (issue 6): serves the built page (dist/client, run
 * `npm run build:client` first), opens bench.html in headless Debian Chromium, draws a
 * synthetic 5,000-node / 15,000-edge subgraph through the same GraphView the page uses
 * (force layout in the Web Worker), then pans the chart with real mouse drags while a
 * PerformanceObserver records main-thread long tasks. Three trials (CLEW_BENCH_TRIALS), each
 * in a fresh page, because a shared 2-core machine is noisy; prints each and the medians,
 * and keeps a screenshot of the first in test-artifacts/bench-client-<nodes>.png. Not a test.
 *
 *   npm run bench:client            # 5,000 / 15,000
 *   npm run bench:client -- 1000 3000
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { repoRoot } from '../server/src/repo-root.js';
import type { Browser } from 'playwright-core';
import { artifactPath, launchBrowser } from '../tests/helpers/browser.js';
import type { BenchTimings } from '../client/src/bench-entry.js';
import { syntheticSubgraph } from './client-graph-data.js';

const DIST = path.join(repoRoot, 'dist', 'client');
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json', '.svg': 'image/svg+xml' };

function serve(): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const file = path.join(DIST, path.normalize(url.pathname).replace(/^([/\\])+/, ''));
    if (!file.startsWith(DIST) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function main(): Promise<void> {
  const nodeCount = Number(process.argv[2] ?? 5000);
  const edgeCount = Number(process.argv[3] ?? 15000);
  if (!existsSync(path.join(DIST, 'bench.html'))) throw new Error('dist/client/bench.html is missing: run npm run build:client first');
  const server = await serve();
  const port = (server.address() as AddressInfo).port;
  const trials = Number(process.env.CLEW_BENCH_TRIALS ?? 3);
  const data = syntheticSubgraph(nodeCount, edgeCount);
  const browser = await launchBrowser();
  const results: Trial[] = [];
  try {
    console.log(`[bench:client] ${data.nodes.length} nodes / ${data.edges.length} edges, ${trials} trials, each in a fresh page of headless Chromium (load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores)`);
    for (let i = 0; i < trials; i++) {
      const r = await trial(browser, port, data, i === 0);
      results.push(r);
      console.log(
        `  trial ${i + 1}: placement on screen ${r.t.firstPaintMs.toFixed(0)} ms, refined layout drawn ${r.t.laidOutMs.toFixed(0)} ms, all ties in Cytoscape ${r.t.completeMs.toFixed(0)} ms (placed ${r.t.marks['clew:placed'] ?? '?'}, in Cytoscape ${r.t.marks['clew:batch-closed'] ?? '?'}; ` +
          `layout worker ${r.t.workerPlacedMs.toFixed(0)}/${r.t.workerDoneMs.toFixed(0)} ms, overview worker ${r.t.overviewMs.toFixed(0)} ms); ` +
          `panning ${r.fps.toFixed(0)} frames/s, ${r.longTasks.length} long tasks, longest ${r.maxLong.toFixed(0)} ms`,
      );
    }
  } finally {
    await browser.close();
    server.close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const laid = results.map((r) => r.t.laidOutMs);
  const longest = results.map((r) => r.maxLong);
  const first = results[0]!.t;
  console.log('');
  console.log(`graph                          ${first.nodes} nodes / ${first.edges} edges (${first.lean ? 'large-chart mode: overview drawn by a worker' : 'rich style'})`);
  const placed = results.map((r) => r.t.firstPaintMs);
  console.log(`laid out, on screen            median ${median(placed).toFixed(0)} ms, best ${Math.min(...placed).toFixed(0)} ms (the worker's Pivot MDS placement drawn; budget 3000 ms)`);
  console.log(`refined layout drawn           median ${median(laid).toFixed(0)} ms, best ${Math.min(...laid).toFixed(0)} ms (force refinement streamed from the worker)`);
  console.log(`layout                         in a Web Worker (Pivot MDS placement + force refinement), streamed; never on the main thread`);
  console.log(`panning                        median ${median(results.map((r) => r.fps)).toFixed(0)} frames/s; longest main-thread task median ${median(longest).toFixed(0)} ms, worst ${Math.max(...longest).toFixed(0)} ms; tasks over 100 ms: ${results.map((r) => r.over100).join(' / ')}`);
}

interface Trial {
  t: BenchTimings;
  fps: number;
  longTasks: number[];
  maxLong: number;
  over100: number;
}

async function trial(browser: Browser, port: number, data: ReturnType<typeof syntheticSubgraph>, shoot: boolean): Promise<Trial> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  try {
    await page.goto(`http://127.0.0.1:${port}/bench.html`);
    await page.waitForFunction(() => 'clewBench' in window);
    // as after a search: the page has been open a moment (its workers have loaded)
    await page.waitForTimeout(1500);
    const t = await page.evaluate((sg) => window.clewBench.draw(sg), data);
    if (shoot) await page.screenshot({ path: artifactPath(`bench-client-${t.nodes}.png`) });
    // let the page settle, then pan for three seconds with real mouse drags
    await page.waitForTimeout(500);
    await page.evaluate(() => {
      window.clewBench.longTasks.length = 0;
    });
    // a string, not a function: tsx's name helpers do not exist inside the page
    const frames = page.evaluate(`new Promise((resolve) => {
      let n = 0;
      const start = performance.now();
      const tick = () => {
        n++;
        if (performance.now() - start < 3000) requestAnimationFrame(tick);
        else resolve((n * 1000) / (performance.now() - start));
      };
      requestAnimationFrame(tick);
    })`) as Promise<number>;
    const panStart = Date.now();
    let drags = 0;
    while (Date.now() - panStart < 3000) {
      const y = 300 + (drags % 3) * 100;
      await page.mouse.move(400, y);
      await page.mouse.down();
      for (let k = 1; k <= 20; k++) await page.mouse.move(400 + k * 25, y + (drags % 2 ? k * 8 : -k * 8));
      await page.mouse.up();
      drags++;
    }
    const fps = await frames;
    const longTasks = await page.evaluate(() => [...window.clewBench.longTasks]);
    const maxLong = longTasks.length ? Math.max(...longTasks) : 0;
    return { t, fps, longTasks, maxLong, over100: longTasks.filter((d) => d > 100).length };
  } finally {
    await page.close();
  }
}

await main();
