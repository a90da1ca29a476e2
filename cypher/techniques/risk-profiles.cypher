// Risk profiles (current version), or the versions of one profile, newest first.
// Parameters: $id (profile id or null for all current profiles), $history (bool).
// Columns: profile (stored properties).
CALL () {
  WITH $id AS id WHERE NOT $history
  MATCH (p:RiskProfile) WHERE id IS NULL OR p.id = id
  MATCH (p)-[:VERSION]->(v:RiskProfileVersion {version: p.version})
  RETURN v
  UNION
  WITH $id AS id WHERE $history
  MATCH (:RiskProfile {id: id})-[:VERSION]->(v:RiskProfileVersion)
  RETURN v
}
RETURN properties(v) AS profile
ORDER BY v.profileId, v.version DESC
