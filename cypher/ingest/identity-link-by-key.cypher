// One identity link with both persons and its decisions.
// Parameters: $key. Columns: link, from, to, history.
MATCH (a:Person)-[s:SAME_AS {key: $key}]->(b:Person)
CALL (s) {
  OPTIONAL MATCH (d:IdentityDecision {pair: s.key})
  WITH d ORDER BY d.at, d.id
  RETURN collect(d {.*}) AS history
}
RETURN s {.*} AS link, a {.*} AS from, b {.*} AS to, history
