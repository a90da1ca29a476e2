/** The county every integration and e2e test reads: the demo's own seed and scale. */
export const TEST_SEED = { seed: 20260327, scale: 1 } as const;
