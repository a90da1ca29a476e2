import type { FastifyBaseLogger } from 'fastify';
import type { Graph } from '../../db/graph.js';
import type { AuditEntry, SealedAuditRecord } from './audit-record.js';
import { AuditChainWriter } from './audit-repository.js';
import { AuditEntityIndexer } from './audit-entity-indexer.js';

/** Writing to the trail: the record appended to the chain, then its entity ids indexed in a later batch. */
export class AuditTrail {
  private readonly writer: AuditChainWriter;
  private readonly indexer: AuditEntityIndexer;

  constructor(graph: Graph, log: Pick<FastifyBaseLogger, 'warn'>, indexDelayMs = 2000) {
    this.writer = new AuditChainWriter(graph);
    this.indexer = new AuditEntityIndexer(graph, log, indexDelayMs);
  }

  async record(entry: AuditEntry): Promise<SealedAuditRecord> {
    const sealed = await this.writer.append(entry);
    this.indexer.schedule();
    return sealed;
  }

  async close(): Promise<void> {
    await this.indexer.close();
  }
}
