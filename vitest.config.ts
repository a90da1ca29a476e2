import { defineConfig } from 'vitest/config';

/**
 * Three tiers: unit (no database), integration (*.int.test.ts, the real Neo4j with the
 * seed county loaded once by the global setup), e2e (*.e2e.test.ts, the real server and
 * a real headless Chromium). `npm test` runs all three.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.int.test.ts'],
          globalSetup: ['tests/helpers/database-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 600_000,
          // One Neo4j on a 2-core machine: files run one after another, not against each other.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
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
