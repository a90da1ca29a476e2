// Candidate cases for linking: every other case of the same type (any jurisdiction, any
// status), with the fields the similarity score reads and the persons named as offenders.
// Parameters: $type, $exclude (case id). Columns: id, status, mo, offenders, from, to (datetimes),
//   lat, lon, region, agency, named [person id].
MATCH (c:Case)
WHERE c.type = $type AND c.id <> $exclude
OPTIONAL MATCH (p:Person)-[i:INVOLVED_IN]->(c) WHERE i.role IN ['OFFENDER', 'SUSPECT']
WITH c, collect(DISTINCT p.id) AS named
RETURN c.id AS id, c.title AS title, c.status AS status, c.mo AS mo, c.offenders AS offenders, c.occurredFrom AS from,
       c.occurredTo AS to, c.lat AS lat, c.lon AS lon, c.region AS region, c.agency AS agency, named
