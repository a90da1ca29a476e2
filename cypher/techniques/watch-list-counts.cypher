// How many persons carry a watch-list's tag (through the keyword full-text index on
// Person.tags) and how many explicit entries it has.
// Parameters: $list (name), $query (the name quoted for Lucene). Columns: tagged, entries.
CALL () {
  CALL db.index.fulltext.queryNodes('person_watch_tags', $query) YIELD node
  WITH node WHERE $list IN node.tags
  RETURN count(node) AS tagged
}
CALL () {
  OPTIONAL MATCH (:WatchList {name: $list})-[:HAS_ENTRY]->(e:WatchEntry)
  RETURN count(e) AS entries
}
RETURN tagged, entries
