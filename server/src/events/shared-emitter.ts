import { randomUUID } from 'node:crypto';
import mqemitter, { type MQEmitter, type Message } from 'mqemitter';
import neo4j from 'neo4j-driver';
import { cypher } from '../db/cypher-files.js';
import type { Graph } from '../db/graph.js';

const APPEND = cypher('events/append');
const APPEND_MANY = cypher('events/append-many');
const HEAD = cypher('events/head');
const AFTER = cypher('events/after');
const PRUNE = cypher('events/prune');

export interface SharedEmitterOptions {
  /** How often each process looks for events appended by the others. */
  pollMs: number;
  /** Events older than this are deleted (subscribers only want new ones). */
  retentionMs: number;
  clock: () => number;
  onError?: (error: unknown) => void;
}

type Listener = (message: Message, done: () => void) => void;

/**
 * An mqemitter-compatible emitter (what mercurius's `subscription.emitter` expects) that
 * works across several API processes without new infrastructure: every emitted message is
 * appended to Neo4j as a (:ClewEvent {seq}) node, delivered at once to this process's own
 * subscribers, and every process polls for sequences it has not seen and delivers the ones
 * other processes appended. A message therefore reaches a subscriber of any process within
 * one poll interval, and survives the emitting process going away right after.
 */
export class SharedEmitter {
  readonly origin = randomUUID();
  private readonly local: MQEmitter = mqemitter({ concurrency: 100 });
  private lastSeq = -1;
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private lastPrune = 0;
  private closed = false;

  constructor(
    private readonly graph: Graph,
    private readonly options: SharedEmitterOptions,
  ) {}

  /** Starts after the newest event already in the log: history is not replayed. */
  async start(): Promise<void> {
    // If the database is down now, the first poll that reaches it finds the head instead:
    // the API starts (and answers 503) rather than waiting out the driver's retries.
    await Promise.race([this.findHead(), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
    this.timer = setInterval(() => void this.pollOnce(), this.options.pollMs);
    this.timer.unref();
  }

  private async findHead(): Promise<void> {
    try {
      this.lastSeq = Number((await this.graph.read((tx) => tx.run(HEAD))).records[0]?.get('seq') ?? 0);
    } catch (e) {
      this.options.onError?.(e);
    }
  }

  on(topic: string, listener: Listener, callback?: () => void): this {
    this.local.on(topic, listener, callback);
    return this;
  }

  removeListener(topic: string, listener: Listener, callback?: () => void): void {
    this.local.removeListener(topic, listener, callback);
  }

  emit(message: Message, callback?: (error?: Error) => void): void {
    this.publish(message.topic, (message as { payload?: unknown }).payload).then(
      () => callback?.(),
      (e: unknown) => callback?.(e as Error),
    );
  }

  /** Appends the event to the shared log, then delivers it to this process's subscribers. */
  async publish(topic: string, payload: unknown): Promise<number> {
    const atMs = this.options.clock();
    const result = await this.graph.write((tx) => tx.run(APPEND, { topic, payload: JSON.stringify(payload ?? null), origin: this.origin, atMs }));
    const seq = Number(result.records[0]!.get('seq'));
    this.deliver({ topic, payload });
    return seq;
  }

  /** Appends several events in one transaction (in order), then delivers them here. */
  async publishAll(messages: { topic: string; payload: unknown }[]): Promise<void> {
    if (messages.length === 0) return;
    const atMs = this.options.clock();
    const events = messages.map((m) => ({ topic: m.topic, payload: JSON.stringify(m.payload ?? null) }));
    await this.graph.write((tx) => tx.run(APPEND_MANY, { events, origin: this.origin, atMs }));
    for (const m of messages) this.deliver({ topic: m.topic, payload: m.payload });
  }

  /** Delivers what the other processes appended since the last poll; one poll at a time. */
  pollOnce(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.polling ??= (this.lastSeq < 0 ? this.findHead() : this.readNew()).finally(() => (this.polling = null));
    return this.polling;
  }

  close(callback?: () => void): void {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    const done = () => this.local.close(() => callback?.());
    if (this.polling) void this.polling.finally(done);
    else done();
  }

  private async readNew(): Promise<void> {
    try {
      for (;;) {
        const rows = await this.graph.read((tx) => tx.run(AFTER, { after: neo4j.int(this.lastSeq), limit: neo4j.int(500) }));
        for (const r of rows.records) {
          this.lastSeq = Number(r.get('seq'));
          if (r.get('origin') === this.origin) continue; // delivered when it was emitted
          this.deliver({ topic: r.get('topic') as string, payload: JSON.parse(r.get('payload') as string) as unknown });
        }
        if (rows.records.length < 500 || this.closed) break;
      }
      await this.pruneNow();
    } catch (e) {
      this.options.onError?.(e);
    }
  }

  private async pruneNow(): Promise<void> {
    const now = this.options.clock();
    if (now - this.lastPrune < 600_000) return;
    this.lastPrune = now;
    await this.graph.write((tx) => tx.run(PRUNE, { before: now - this.options.retentionMs, limit: neo4j.int(5000) }));
  }

  private deliver(message: Message): void {
    if (!this.closed) this.local.emit(message);
  }
}
