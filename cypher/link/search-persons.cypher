// Persons whose name, resident ID, phone or plate match a Lucene query (cjk analyzer).
// Parameters: $query (escaped Lucene query), $limit. Columns: id, kind, label, detail, score, fields
// (what the index searched, for telling which of them matched: search-match.ts).
CALL db.index.fulltext.queryNodes('person_text', $query, {limit: $limit}) YIELD node, score
OPTIONAL MATCH (origin:Region {code: node.origin})
RETURN node.uid AS id, 'PERSON' AS kind, node.name AS label,
       coalesce(node.idNumber, '') + CASE WHEN node.origin IS NULL THEN '' ELSE ' · ' + coalesce(origin.name, node.origin) END AS detail,
       score, node {.name, .idNumber, .phones, .plates} AS fields
