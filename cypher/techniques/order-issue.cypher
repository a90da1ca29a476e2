// Issues verification orders (核查指令) for collision hits, once per hit: the hit key (list,
// rule, station or place, first record) is unique, so a scheduled run and a run after an
// import that see the same gathering issue one order, and each run is linked to it.
// Parameters: $runId, $orders [{hitKey, station, persons [person id], props {id, kind, list,
//   rule, station, title, why, whyZh, members, records, issuedAt, deadline, status, issuedBy}}].
// Columns: order (stored properties, with the station's name), created (whether this run issued it).
UNWIND $orders AS o
MERGE (v:VerificationOrder {hitKey: o.hitKey})
ON CREATE SET v += o.props, v.issuedByRun = $runId
WITH v, o, v.issuedByRun = $runId AS created
CALL (v, o, created) {
  WITH v, o WHERE created
  MATCH (s:Station {id: o.station})
  MERGE (v)-[:ADDRESSED_TO]->(s)
  SET v.stationName = s.name
}
CALL (v, o, created) {
  WITH v, o WHERE created
  UNWIND o.persons AS pid
  MATCH (p:Person {id: pid})
  MERGE (v)-[:CONCERNS]->(p)
}
CALL (v) {
  MATCH (r:TechniqueRun {id: $runId})
  MERGE (r)-[:FOUND]->(v)
}
RETURN properties(v) AS order, created
