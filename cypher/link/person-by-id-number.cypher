// A person by 18-digit resident ID. Several records may share one ID until entity
// resolution merges them; the oldest record comes first.
// Parameters: $idNumber. Columns: person.
MATCH (p:Person {idNumber: $idNumber})
RETURN p {.*} AS person
ORDER BY p.ingestedAt, p.id
LIMIT 1
