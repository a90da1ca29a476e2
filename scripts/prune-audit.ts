/**
 * npm run audit:prune: deletes audit records older than CLEW_AUDIT_RETENTION_DAYS (at
 * least 365; the configuration refuses less), oldest first, leaving an anchor so the rest
 * of the chain still verifies. For a scheduler (cron) at the bureau; the API never deletes.
 */
import { pruneAuditTrail } from '../server/src/security/audit/audit-retention.js';
import { withDatabase } from './cli-database.js';

async function main(): Promise<void> {
  const pruned = await withDatabase((graph, config) => pruneAuditTrail(graph, config.security.auditRetentionDays, Date.now()));
  console.log(`Pruned ${pruned} audit records older than the retention period.`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
