// Persons whose name, resident ID, phone or plate match a Lucene query (cjk analyzer).
// Parameters: $query (escaped Lucene query), $limit. Columns: id, kind, label, detail, score, matchedOn.
CALL db.index.fulltext.queryNodes('person_text', $query, {limit: $limit}) YIELD node, score
RETURN node.uid AS id, 'PERSON' AS kind, node.name AS label,
       coalesce(node.idNumber, '') + CASE WHEN node.origin IS NULL THEN '' ELSE ' · ' + node.origin END AS detail,
       score, 'text' AS matchedOn
