// Exact identifiers typed into the search box: a resident ID, a phone number, a plate, or
// a person's full name. These rank above any full-text hit.
// Parameters: $text. Columns: id, kind, label, detail, score, matchedOn, matchedValue.
CALL (){
  MATCH (p:Person {name: $text})
  RETURN p, 'name' AS matchedOn, null AS matchedValue
  UNION
  MATCH (p:Person {idNumber: $text})
  RETURN p, 'idNumber' AS matchedOn, p.idNumber AS matchedValue
  UNION
  MATCH (p:Person)-[:USES_PHONE]->(f:Phone {number: $text})
  RETURN p, 'phone' AS matchedOn, f.number AS matchedValue
  UNION
  MATCH (p:Person)-[:OWNS_VEHICLE]->(v:Vehicle {plate: toUpper($text)})
  RETURN p, 'plate' AS matchedOn, v.plate AS matchedValue
}
OPTIONAL MATCH (origin:Region {code: p.origin})
RETURN p.uid AS id, 'PERSON' AS kind, p.name AS label,
       coalesce(p.idNumber, '') + CASE WHEN p.origin IS NULL THEN '' ELSE ' · ' + coalesce(origin.name, p.origin) END AS detail,
       1000.0 AS score, matchedOn, matchedValue
ORDER BY id
