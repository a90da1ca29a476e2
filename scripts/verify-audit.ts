/**
 * npm run audit:verify [-- --from SEQ]: walks the audit trail's hash chain from its start
 * (or, for a spot check, from record SEQ) to its head and prints either how many records
 * verified, or the first broken record and why (altered, missing, re-linked). Exit code 0
 * when the chain holds, 1 when it does not.
 */
import { parseArgs } from 'node:util';
import { verifyAuditChain } from '../server/src/security/audit/audit-verify.js';
import { withDatabase } from './cli-database.js';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { from: { type: 'string' } } });
  const fromSeq = values.from === undefined ? undefined : Number(values.from);
  if (fromSeq !== undefined && !(Number.isInteger(fromSeq) && fromSeq > 0)) throw new Error('--from takes a record number (seq)');
  const verdict = await withDatabase((graph) => verifyAuditChain(graph, { fromSeq }));
  if (verdict.ok) {
    const range = verdict.firstSeq === null ? 'the trail is empty' : `records ${verdict.firstSeq} to ${verdict.lastSeq}`;
    console.log(`Audit chain verified: ${verdict.records} records (${range}).`);
    return;
  }
  console.log(`Audit chain BROKEN at record ${verdict.brokenSeq}: ${verdict.reason}. ${verdict.records} records before it verified.`);
  process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 2;
});
