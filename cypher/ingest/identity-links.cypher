// A page of identity links (SAME_AS), best score first, optionally of one status or one
// person, with both persons and the decisions taken on each.
// Parameters: $status (or null), $personId (or null), $skip, $limit.
// Columns: link (properties), from (person), to (person), history [decision], total.
MATCH (a:Person)-[s:SAME_AS]->(b:Person)
WHERE ($status IS NULL OR s.status = $status) AND ($personId IS NULL OR a.id = $personId OR b.id = $personId)
WITH a, s, b ORDER BY s.score DESC, s.key
WITH collect({a: a, s: s, b: b}) AS found
UNWIND found[$skip..$skip + $limit] AS x
WITH x.a AS a, x.s AS s, x.b AS b, size(found) AS total
CALL (s) {
  OPTIONAL MATCH (d:IdentityDecision {pair: s.key})
  WITH d ORDER BY d.at, d.id
  RETURN collect(d {.*}) AS history
}
RETURN s {.*} AS link, a {.*} AS from, b {.*} AS to, history, total
