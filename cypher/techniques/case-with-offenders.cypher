// Cases with what case linking compares: type, method tags, offender count, times, place,
// status and agency, and the persons named as offenders (or suspects).
// Parameters: $ids [case id]. Columns: case {id, kind, properties}, offenders [person id].
UNWIND $ids AS id
MATCH (c:Case {id: id})
OPTIONAL MATCH (p:Person)-[i:INVOLVED_IN]->(c) WHERE i.role IN ['OFFENDER', 'SUSPECT']
WITH c, collect(DISTINCT p.id) AS offenders
RETURN {id: c.uid, kind: 'Case', properties: properties(c)} AS case, [o IN offenders WHERE o IS NOT NULL] AS offenders
