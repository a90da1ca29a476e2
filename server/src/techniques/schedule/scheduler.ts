import { randomUUID } from 'node:crypto';
import type { TechniqueServices } from '../technique-services.js';
import { followUpFinishedImports, runDueCollision, sweepOrderDeadlines } from './follow-ups.js';
import { acquireLease } from './lease.js';

const LEASE = 'techniques-scheduler';

/**
 * The techniques' background work in each API process: on every tick the process that
 * holds the scheduler lease (a node in Neo4j, renewed each tick, taken over when it lapses)
 * runs the due collision slot, follows up finished imports and sweeps order deadlines. With
 * several processes only the lease holder works, and slots and follow-ups are also claimed
 * in the database, so nothing runs twice.
 */
export class TechniqueScheduler {
  readonly owner = randomUUID();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly services: TechniqueServices,
    private readonly log: (message: string, error?: unknown) => void,
  ) {}

  start(): void {
    const ms = this.services.config.techniques.tickSeconds * 1000;
    this.timer = setInterval(() => void this.tick(), ms);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One round of background work; never two at once in a process. */
  tick(): Promise<void> {
    this.running ??= this.work().finally(() => (this.running = null));
    return this.running;
  }

  private async work(): Promise<void> {
    const ttl = this.services.config.techniques.tickSeconds * 3000;
    try {
      if (!(await acquireLease(this.services.graph, LEASE, this.owner, this.services.clock(), ttl))) return;
      await runDueCollision(this.services, this.owner);
      await followUpFinishedImports(this.services);
      await sweepOrderDeadlines(this.services);
    } catch (e) {
      this.log('technique scheduler tick failed', e);
    }
  }
}
