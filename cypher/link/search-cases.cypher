// Cases whose id, title, description or modus operandi match a Lucene query.
// Parameters: $query, $limit. Columns: id, kind, label, detail, score, fields (as search-persons).
CALL db.index.fulltext.queryNodes('case_text', $query, {limit: $limit}) YIELD node, score
RETURN node.uid AS id, 'CASE' AS kind, node.title AS label,
       node.type + ' · ' + toString(date(node.occurredFrom)) + ' · ' + node.status AS detail,
       score, node {.id, .title, .mo, .description} AS fields
