// How many locations match a Lucene query.
// Parameters: $query. Columns: total.
CALL db.index.fulltext.queryNodes('location_text', $query) YIELD node
RETURN count(node) AS total
