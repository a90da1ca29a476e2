// A person and their own last trace before the end of a window: the latest stay, login,
// pass of their cars or call of their phones (when a fugitive went silent).
// Parameters: $personId, $to (ISO datetime).
// Columns: person {id, kind, properties}, lastTrace (datetime or null).
MATCH (p:Person {id: $personId})
CALL (p) {
  OPTIONAL MATCH (p)-[s:STAYED_AT]->() WHERE s.checkIn <= datetime($to)
  RETURN max(s.checkIn) AS t
  UNION ALL
  OPTIONAL MATCH (p)-[s:LOGGED_IN]->() WHERE s.at <= datetime($to)
  RETURN max(s.at) AS t
  UNION ALL
  OPTIONAL MATCH (p)-[:OWNS_VEHICLE]->(:Vehicle)-[s:PASSED]->() WHERE s.at <= datetime($to)
  RETURN max(s.at) AS t
  UNION ALL
  OPTIONAL MATCH (p)-[:USES_PHONE]->(:Phone)-[s:CALLED]-() WHERE s.at <= datetime($to)
  RETURN max(s.at) AS t
}
RETURN {id: p.uid, kind: 'Person', properties: properties(p)} AS person, max(t) AS lastTrace
