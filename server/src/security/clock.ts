/**
 * Milliseconds since the epoch. Everything time-dependent in security (lockout windows,
 * idle expiry, audit times) reads this instead of Date.now(), so tests move time by hand.
 */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

/** A clock that stands still until told to move; for tests. */
export function manualClock(startMs = Date.now()): Clock & { advance(ms: number): void; set(ms: number): void } {
  let now = startMs;
  const clock = (() => now) as Clock & { advance(ms: number): void; set(ms: number): void };
  clock.advance = (ms: number) => {
    now += ms;
  };
  clock.set = (ms: number) => {
    now = ms;
  };
  return clock;
}
