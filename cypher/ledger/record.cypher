// Records one applied migration in the ledger (idempotent: MERGE on the name).
// Parameters: $name, $checksum. Columns: none.
MERGE (m:SchemaMigration {name: $name})
ON CREATE SET m.checksum = $checksum, m.appliedAt = datetime()
