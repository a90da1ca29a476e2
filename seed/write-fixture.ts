/**
 * Writes seed/stories.fixture.json from fixture.ts, for tools that read JSON rather than
 * import TypeScript: `npx tsx seed/write-fixture.ts`. A unit test fails when the two differ.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { STORY_FIXTURE } from './fixture.js';

export const FIXTURE_JSON_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), 'stories.fixture.json');

export function fixtureJson(): string {
  return `${JSON.stringify(STORY_FIXTURE, null, 2)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(FIXTURE_JSON_PATH, fixtureJson());
  console.log(`wrote ${FIXTURE_JSON_PATH}`);
}
