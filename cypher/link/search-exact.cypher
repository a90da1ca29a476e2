// Exact identifiers typed into the search box: a resident ID, a phone number, a plate, or
// a person's full name. These rank above any full-text hit.
// Parameters: $text. Columns: id, kind, label, detail, score, matchedOn.
CALL (){
  MATCH (p:Person {name: $text})
  RETURN p, 'name' AS matchedOn
  UNION
  MATCH (p:Person {idNumber: $text})
  RETURN p, 'idNumber' AS matchedOn
  UNION
  MATCH (p:Person)-[:USES_PHONE]->(:Phone {number: $text})
  RETURN p, 'phone' AS matchedOn
  UNION
  MATCH (p:Person)-[:OWNS_VEHICLE]->(:Vehicle {plate: toUpper($text)})
  RETURN p, 'plate' AS matchedOn
}
RETURN p.uid AS id, 'PERSON' AS kind, p.name AS label,
       coalesce(p.idNumber, '') + CASE WHEN p.origin IS NULL THEN '' ELSE ' · ' + p.origin END AS detail,
       1000.0 AS score, matchedOn
ORDER BY id
