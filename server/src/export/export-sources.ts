import type { Tx } from '../db/graph.js';
import { NotFound } from '../errors.js';
import type { Subgraph } from '../link/graph-elements.js';
import { readElements } from '../link/elements-by-id.js';
import { expand } from '../link/expand-repository.js';
import { findPaths } from '../link/paths-repository.js';
import { findRun } from '../techniques/technique-runs.js';
import type { ExportOrigin, ExportPath, ExportSource } from './export-types.js';

export interface SourceResult {
  subgraph: Subgraph;
  paths: ExportPath[];
  origin: ExportOrigin;
}

/**
 * Reads the subgraph an export asks for, inside the caller's transaction, with the same
 * repository functions the GraphQL queries use, so an exported `expand` is exactly the
 * `expand` the investigator saw (given the same data).
 */
export async function readSource(tx: Tx, source: ExportSource): Promise<SourceResult> {
  switch (source.kind) {
    case 'SELECTION': {
      const subgraph = await readSelection(tx, source.nodeIds, source.edgeIds);
      return { subgraph, paths: [], origin: { operation: 'selection', arguments: { nodeIds: source.nodeIds, edgeIds: source.edgeIds }, statements: ['link/nodes-by-uid', 'export/edges-from'] } };
    }
    case 'EXPAND': {
      const { kind: _kind, relationTypes, perNodeLimit, ...rest } = source;
      const subgraph = await expand(tx, { ...rest, types: relationTypes, perNode: perNodeLimit });
      return { subgraph, paths: [], origin: { operation: 'expand', arguments: argumentsOf(source), statements: ['link/nodes-by-uid', 'link/expand-ring'] } };
    }
    case 'PATHS': {
      const found = await findPaths(tx, { from: source.from, to: source.to, maxHops: source.maxHops, mode: source.mode, k: source.k, types: source.relationTypes });
      const statement = { SHORTEST: 'link/paths-shortest', ALL_SHORTEST: 'link/paths-all-shortest', K_SHORTEST: 'link/paths-k-shortest' }[source.mode];
      return {
        subgraph: found.subgraph,
        paths: found.paths.map((p) => ({ nodeIds: p.nodeIds, hops: p.hops })),
        origin: { operation: 'paths', arguments: argumentsOf(source), statements: ['link/persons-by-id', statement] },
      };
    }
    case 'TECHNIQUE_EVIDENCE': {
      // The run is read back from its record, so the manifest names the technique, its
      // arguments and who ran it as stored, not as the browser describes them.
      const run = await findRun(tx, source.runId);
      if (!run) throw new NotFound('Technique run', source.runId);
      const subgraph = await readSelection(tx, source.nodeIds, source.edgeIds);
      return {
        subgraph,
        paths: [],
        origin: {
          operation: `technique ${run.technique}`,
          arguments: { runId: source.runId, nodeIds: source.nodeIds, edgeIds: source.edgeIds },
          techniqueRun: { ...run, startedAt: new Date(run.startedAt).toISOString(), finishedAt: new Date(run.finishedAt).toISOString() },
          statements: ['techniques/run-by-id', 'link/nodes-by-uid', 'export/edges-from'],
        },
      };
    }
  }
}

function argumentsOf(source: ExportSource): Record<string, unknown> {
  const { kind: _kind, ...rest } = source;
  return rest;
}

/** The selected nodes and the relationships among them (or the named ones only); every one must still be there. */
async function readSelection(tx: Tx, nodeIds: string[], edgeIds: string[] | null): Promise<Subgraph> {
  const { subgraph, missingNodeIds, missingEdgeIds } = await readElements(tx, nodeIds, edgeIds);
  const missing = missingNodeIds[0];
  if (missing !== undefined) {
    const [kind = 'Node', ...rest] = missing.split(':');
    throw new NotFound(kind, rest.join(':'));
  }
  if (missingEdgeIds[0] !== undefined) throw new NotFound('Relationship between the selected nodes', missingEdgeIds[0]);
  return subgraph;
}
