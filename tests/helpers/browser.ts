import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { repoRoot } from '../../server/src/repo-root.js';

/** Screenshots of e2e runs are kept here as test artifacts (git-ignored). */
export const ARTIFACTS_DIR = path.join(repoRoot, 'test-artifacts');

/**
 * Debian's Chromium driven by playwright-core (`npx playwright install` cannot work here).
 * The flags keep it from reaching for the network, which this machine does not have.
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CLEW_CHROMIUM ?? findChromium();
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

function findChromium(): string {
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('Chromium was not found; install Debian\'s package (apt-get install -y chromium) or set CLEW_CHROMIUM.');
  }
}

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return path.join(ARTIFACTS_DIR, name);
}
