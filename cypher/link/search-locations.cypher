// Locations whose id, name, address or town match a Lucene query.
// Parameters: $query, $limit. Columns: id, kind, label, detail, score, fields (as search-persons).
CALL db.index.fulltext.queryNodes('location_text', $query, {limit: $limit}) YIELD node, score
RETURN node.uid AS id, 'LOCATION' AS kind, node.name AS label,
       node.type + CASE WHEN node.town IS NULL THEN '' ELSE ' · ' + node.town END AS detail,
       score, node {.id, .name, .town, .address} AS fields
