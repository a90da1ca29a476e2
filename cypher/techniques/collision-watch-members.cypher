// Who is on the watch-lists, with every identifier a record can be compared by: the persons
// tagged with a list's name (through the keyword full-text index on Person.tags), and the
// explicit entries (persons known only by identifiers).
// Parameters: $lists [watch-list name], $queries [the names quoted for Lucene, same order].
// Columns: list, member (graph id or WatchEntry:<id>), personId (or null), idNumber, phones [],
//   plates [], name, birthDate (date or null).
CALL () {
  UNWIND range(0, size($lists) - 1) AS i
  CALL db.index.fulltext.queryNodes('person_watch_tags', $queries[i]) YIELD node
  WITH $lists[i] AS list, node WHERE list IN node.tags
  RETURN list, node.uid AS member, node.id AS personId, node.idNumber AS idNumber, coalesce(node.phones, []) AS phones,
         coalesce(node.plates, []) AS plates, node.name AS name, node.birthDate AS birthDate
  UNION ALL
  MATCH (e:WatchEntry) WHERE e.list IN $lists
  RETURN e.list AS list, 'WatchEntry:' + e.id AS member, null AS personId, e.idNumber AS idNumber,
         CASE WHEN e.phone IS NULL THEN [] ELSE [e.phone] END AS phones,
         CASE WHEN e.plate IS NULL THEN [] ELSE [e.plate] END AS plates, e.name AS name, e.birthDate AS birthDate
}
RETURN list, member, personId, idNumber, phones, plates, name, birthDate
ORDER BY list, member
