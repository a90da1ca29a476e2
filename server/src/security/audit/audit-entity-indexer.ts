import type { FastifyBaseLogger } from 'fastify';
import type { Graph } from '../../db/graph.js';
import { indexBatch } from './audit-repository.js';

/**
 * Puts newly written audit records into the entity full-text index in batches, shortly
 * after they are written, so no request pays for unpacking its ids or for a Lucene update.
 * Any process may do it (a cursor in the database says how far it got); records not yet
 * indexed are still found by the look-up by entity, which reads them directly.
 */
export class AuditEntityIndexer {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly graph: Graph,
    private readonly log: Pick<FastifyBaseLogger, 'warn'>,
    private readonly delayMs = 500,
    private readonly batch = 1000,
  ) {}

  /** Called after each append: indexes what is waiting within delayMs. */
  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.running
        .then(async () => {
          await this.flush();
        })
        .catch((e: unknown) => this.log.warn({ err: e }, 'audit entity indexing failed; will retry'));
    }, this.delayMs);
    this.timer.unref();
  }

  async flush(): Promise<number> {
    let total = 0;
    for (;;) {
      const indexed = await this.graph.write((tx) => indexBatch(tx, this.batch), { metadata: { op: 'audit-index' } });
      total += indexed;
      if (indexed < this.batch) return total;
    }
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }
}
