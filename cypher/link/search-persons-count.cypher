// How many persons match a Lucene query, for the search connection's totalCount.
// Parameters: $query. Columns: total.
CALL db.index.fulltext.queryNodes('person_text', $query) YIELD node
RETURN count(node) AS total
