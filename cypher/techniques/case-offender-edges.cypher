// The cases and their offenders (or suspects) as drawable nodes and INVOLVED_IN edges.
// Parameters: $ids [case id]. Columns: case, person (or null), edge (or null).
UNWIND $ids AS id
MATCH (c:Case {id: id})
OPTIONAL MATCH (p:Person)-[i:INVOLVED_IN]->(c) WHERE i.role IN ['OFFENDER', 'SUSPECT']
RETURN {id: c.uid, kind: 'Case', properties: properties(c)} AS case,
       CASE WHEN p IS NULL THEN null ELSE {id: p.uid, kind: 'Person', properties: properties(p)} END AS person,
       CASE WHEN i IS NULL THEN null ELSE {id: 'INVOLVED_IN:' + i.key, source: p.uid, target: c.uid, kind: 'INVOLVED_IN', properties: properties(i)} END AS edge
ORDER BY id, person.id
