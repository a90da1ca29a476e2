import { describe, expect, it } from 'vitest';
import { QualityStats } from '../../server/src/ingest/quality-stats.js';
import { FUTURE_TOLERANCE_MS } from '../../server/src/ingest/time-values.js';

const NOW = Date.parse('2026-11-29T12:00:00Z');

describe('the freshness of a source (鲜活) and its records dated in the future (准确)', () => {
  it('takes the newest event among records not dated in the future, and counts those apart', () => {
    const stats = new QualityStats();
    stats.eventTime('cafe', 'login', NOW - 3_600_000, NOW);
    stats.eventTime('cafe', 'login', NOW + 8 * 3_600_000, NOW); // UTC sent as China time
    stats.eventTime('cafe', 'login', Date.parse('2062-03-27T10:00:00Z'), NOW); // a mistyped year
    expect(stats.bySource.cafe?.login).toMatchObject({ newestEventMs: NOW - 3_600_000, futureDated: 2 });
  });

  it('allows a sending clock a little ahead of ours', () => {
    const stats = new QualityStats();
    stats.eventTime('hotel', 'stay', NOW + FUTURE_TOLERANCE_MS, NOW);
    stats.eventTime('hotel', 'stay', NOW + FUTURE_TOLERANCE_MS + 1, NOW);
    expect(stats.bySource.hotel?.stay).toMatchObject({ newestEventMs: NOW + FUTURE_TOLERANCE_MS, futureDated: 1 });
  });
});
