// The charts a user may open: their own, and those their unit's members shared; newest first,
// a page at a time, without the (large) state. Only charts whose title, case number or owner
// hold every one of $words (lower case; none means every chart).
// Parameters: $owner, $unit, $words, $offset, $first.
// Columns: total, charts (list of stored properties without state).
CALL () {
  MATCH (c:SavedChart) WHERE c.owner = $owner RETURN c
  UNION
  MATCH (c:SavedChart) WHERE c.unit = $unit AND c.shared = true RETURN c
}
WITH c WHERE all(w IN $words WHERE toLower(c.title + ' ' + coalesce(c.caseNumber, '') + ' ' + c.owner) CONTAINS w)
WITH c ORDER BY c.updatedAt DESC, c.id
WITH collect(c) AS found
RETURN size(found) AS total, [c IN found[$offset..$offset + $first] | c {.*, state: null}] AS charts
