// The charts a user may open: their own, and those their unit's members shared; newest first,
// a page at a time, without the (large) state.
// Parameters: $owner, $unit, $offset, $first.
// Columns: total, charts (list of stored properties without state).
CALL () {
  MATCH (c:SavedChart) WHERE c.owner = $owner RETURN c
  UNION
  MATCH (c:SavedChart) WHERE c.unit = $unit AND c.shared = true RETURN c
}
WITH c ORDER BY c.updatedAt DESC, c.id
WITH collect(c) AS found
RETURN size(found) AS total, [c IN found[$offset..$offset + $first] | c {.*, state: null}] AS charts
