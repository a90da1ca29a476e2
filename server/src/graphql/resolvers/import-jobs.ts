import type { IResolvers } from 'mercurius';
import type { Graph } from '../../db/graph.js';
import { BadUserInput, NotFound } from '../../errors.js';
import { dataQualityReport } from '../../ingest/data-quality.js';
import { findJob, listJobs, rejectionPage, type JobRecord, type JobStatus, type RejectionProblem, type StoredRejection } from '../../ingest/import-jobs.js';
import { importRecordBatch, jobView, principalName, resumeImportJob } from '../../ingest/import-service.js';
import { intArg } from '../../link/arguments.js';
import type { ClewContext } from '../context.js';
import { inLanguage, listInLanguage } from '../../request-language.js';

/**
 * Import jobs run on the unbounded graph: a job is a durable resource that records its own
 * progress and failure, and must not be cut off by the deadline of the request that started it.
 */
function jobGraph(ctx: ClewContext): Graph {
  return ctx.security.services.graph;
}

async function jobOrThrow(ctx: ClewContext, id: string): Promise<Record<string, unknown>> {
  const job = await ctx.graph.read((tx) => findJob(tx, id));
  if (!job) throw new NotFound('Import job', id);
  return jobView(job);
}

/** A new run marks the job RUNNING first thing; answer once it has. */
async function waitForRunStart(ctx: ClewContext, id: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const job = await ctx.graph.read((tx) => findJob(tx, id));
    if (job?.status === 'RUNNING' || job?.status === 'SUCCEEDED') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const importJobResolvers: IResolvers<unknown, ClewContext> = {
  Query: {
    importJob: async (_root, args: { id: string }, ctx) => {
      const job = await ctx.graph.read((tx) => findJob(tx, args.id));
      return job ? jobView(job) : null;
    },
    importJobs: async (_root, args: { status?: JobStatus | null; source?: string | null; first?: number | null; offset?: number | null }, ctx) => {
      const limit = intArg('first', args.first, 20, 1, 200);
      const skip = intArg('offset', args.offset, 0, 0, 100_000);
      const page = await ctx.graph.read((tx) => listJobs(tx, { status: args.status ?? null, source: args.source ?? null, skip, limit }));
      return { items: page.jobs.map(jobView), totalCount: page.total };
    },
    dataQuality: async (_root, args: { source?: string | null; since?: string | null }, ctx) => {
      const since = args.since ?? new Date(Date.now() - 30 * 86_400_000).toISOString();
      return ctx.graph.read((tx) => dataQualityReport(tx, { since, source: args.source ?? null }), { metadata: { op: 'dataQuality' } });
    },
  },
  Mutation: {
    importRecords: async (_root, args: { records: unknown[]; source?: string | null }, ctx) => {
      const source = args.source?.trim() || null;
      if (source !== null && source.length > 100) throw new BadUserInput('source', 'is longer than 100 characters', '超过 100 个字');
      const result = await importRecordBatch(jobGraph(ctx), ctx.config, { records: args.records, source, principal: principalName(ctx.principal) });
      return jobOrThrow(ctx, result.id);
    },
    resumeImportJob: async (_root, args: { id: string }, ctx) => {
      // The run goes on after the answer; its progress is read with importJob.
      const { done } = await resumeImportJob(jobGraph(ctx), ctx.config, args.id, principalName(ctx.principal));
      void done;
      await waitForRunStart(ctx, args.id);
      return jobOrThrow(ctx, args.id);
    },
  },
  ImportJob: {
    // Jobs finished before notices were kept in Chinese too have none: English for those.
    error: (job: unknown, _args: unknown, ctx) => {
      const { error, errorZh } = job as { error?: string | null; errorZh?: string | null };
      return error ? inLanguage(ctx.lang, error, errorZh) : null;
    },
    notices: (job: unknown, _args: unknown, ctx) => {
      const { notices, noticesZh } = job as { notices: string[]; noticesZh?: string[] | null };
      return listInLanguage(ctx.lang, notices, noticesZh);
    },
    rejections: async (job: unknown, args: { first?: number | null; after?: number | null }, ctx) => {
      const limit = intArg('first', args.first, 100, 1, 1000);
      return ctx.graph.read((tx) => rejectionPage(tx, (job as JobRecord).id, args.after ?? -1, limit));
    },
  },
  ImportRejection: {
    reason: (r: unknown, _args: unknown, ctx) => {
      const rejection = r as StoredRejection;
      return inLanguage(ctx.lang, rejection.reason, rejection.reasonZh);
    },
  },
  RejectionProblem: {
    reason: (p: unknown, _args: unknown, ctx) => {
      const problem = p as RejectionProblem;
      return inLanguage(ctx.lang, problem.reason, problem.reasonZh);
    },
  },
};
