import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// graphql 16 ships CJS (main) and ESM (module) builds. Node loads the CJS one for mercurius
// and for our code; Vite would pick the ESM one for our code, and graphql-js refuses types
// from "another realm". Pin every import of 'graphql' to the one Node uses.
const graphqlMain = createRequire(import.meta.url).resolve('graphql');

/**
 * Three tiers: unit (no database), integration (*.int.test.ts, the real Neo4j with the
 * seed county loaded once by the global setup), e2e (*.e2e.test.ts, the real server and
 * a real headless Chromium). `npm test` runs all three.
 */
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlMain }] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          // The tiers share one database: integration runs after unit, e2e after integration.
          sequence: { groupOrder: 1 },
          include: ['tests/integration/**/*.int.test.ts'],
          globalSetup: ['tests/helpers/database-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 600_000,
          // One Neo4j on a 2-core machine: files run one after another, not against each other.
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
          include: ['tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['tests/helpers/database-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
