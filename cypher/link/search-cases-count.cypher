// How many cases match a Lucene query.
// Parameters: $query. Columns: total.
CALL db.index.fulltext.queryNodes('case_text', $query) YIELD node
RETURN count(node) AS total
