// The migrations already recorded in the database's ledger.
// Parameters: none. Columns: name, checksum.
MATCH (m:SchemaMigration) RETURN m.name AS name, m.checksum AS checksum
