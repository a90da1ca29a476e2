// A page of a watch-list's explicit entries (persons known by identifiers only), newest
// first, with how many the list has.
// Parameters: $list, $skip, $limit. Columns: total, entries [stored properties]; no row when
// there is no such list.
MATCH (w:WatchList {name: $list})
CALL (w) {
  MATCH (w)-[:HAS_ENTRY]->(e:WatchEntry)
  RETURN count(e) AS total
}
CALL (w) {
  MATCH (w)-[:HAS_ENTRY]->(e:WatchEntry)
  WITH e ORDER BY e.addedAt DESC, e.id SKIP $skip LIMIT $limit
  RETURN collect(properties(e)) AS entries
}
RETURN total, entries
