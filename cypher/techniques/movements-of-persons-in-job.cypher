// The place-bound movements of a set of persons written by one import job: what a standing
// watch reacts to.
// Parameters: $ids [person id], $job. Columns: person, kind, at, edge (id), place {id, name, town, station}.
UNWIND $ids AS pid
MATCH (a:Person {id: pid})
CALL (a) {
  MATCH (a)-[m:STAYED_AT]->(l:Location) WHERE m.importJob = $job
  RETURN 'STAY' AS kind, m.checkIn AS at, m, l
  UNION ALL
  MATCH (a)-[m:LOGGED_IN]->(l:Location) WHERE m.importJob = $job
  RETURN 'LOGIN' AS kind, m.at AS at, m, l
  UNION ALL
  MATCH (a)-[:OWNS_VEHICLE]->(:Vehicle)-[m:PASSED]->(l:Location) WHERE m.importJob = $job
  RETURN 'PASS' AS kind, m.at AS at, m, l
}
RETURN a.id AS person, kind, at, type(m) + ':' + m.key AS edge, l {.id, .name, .town, .station} AS place
ORDER BY person, at, edge
