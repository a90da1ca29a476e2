/**
 * `npm run seed -- --seed N --scale S --out DIR [--reference-date YYYY-MM-DD]`
 *
 * Generates the demo county and writes it as NDJSON (one file per kind, see write.ts), then
 * prints the count of each kind. It never touches Neo4j: the importer loads the folder.
 * A relative --out is taken from the current directory, as any command-line path is; the
 * default folder is found from this file, never from the working directory.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCounty } from './generate.js';
import { writeNdjson } from './write.js';
import { DEFAULT_REFERENCE_DATE, TimeWindow } from './time.js';
import { RECORD_KIND_ORDER } from './records.js';

const DEFAULT_SEED = 20260327;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const USAGE = `usage: npm run seed -- [--seed N] [--scale S] [--out DIR] [--reference-date YYYY-MM-DD]
  --seed            integer seed of the background population (default ${DEFAULT_SEED})
  --scale           1 ≈ 20,000 persons, 50 ≈ 1,000,000 (default 1)
  --out             output folder (default dist/seed/seed-<seed>-scale-<scale>)
  --reference-date  last day of the 90-day window (default ${DEFAULT_REFERENCE_DATE})`;

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        seed: { type: 'string' },
        scale: { type: 'string' },
        out: { type: 'string' },
        'reference-date': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (e) {
    fail((e as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  if (!Number.isSafeInteger(seed)) fail(`--seed must be an integer, got ${values.seed}`);
  const scale = values.scale === undefined ? 1 : Number(values.scale);
  if (!Number.isFinite(scale) || scale <= 0) fail(`--scale must be a positive number, got ${values.scale}`);
  const referenceDate = values['reference-date'] ?? DEFAULT_REFERENCE_DATE;
  let window: TimeWindow;
  try {
    window = new TimeWindow(referenceDate);
  } catch (e) {
    fail(`--reference-date: ${(e as Error).message}`);
  }
  const out = values.out ? path.resolve(values.out) : path.join(repoRoot, 'dist', 'seed', `seed-${seed}-scale-${scale}`);

  const started = performance.now();
  let peakRss = process.memoryUsage().rss;
  const result = await writeNdjson(generateCounty({ seed, scale, referenceDate }), out, {
    manifest: { seed, scale, referenceDate, window: { from: window.from, to: window.to } },
    onProgress: (total) => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      process.stderr.write(`  ${total.toLocaleString('en-US')} records…\n`);
    },
  });
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const seconds = (performance.now() - started) / 1000;

  console.log(`seed ${seed}, scale ${scale}, window ${window.from}..${window.to} → ${result.dir}`);
  for (const kind of RECORD_KIND_ORDER) console.log(`  ${kind.padEnd(12)} ${result.counts[kind].toLocaleString('en-US').padStart(12)}  ${result.files[kind]}`);
  console.log(`  ${'total'.padEnd(12)} ${result.total.toLocaleString('en-US').padStart(12)}`);
  console.log(`written in ${seconds.toFixed(1)} s (${Math.round(result.total / seconds).toLocaleString('en-US')} records/s), peak RSS ${Math.round(peakRss / 1e6)} MB`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
