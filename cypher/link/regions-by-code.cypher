// Regions by administrative code, for the names of persons' origins (籍贯) and the like.
// Parameters: $ids [6-digit code]. Columns: id, region (map of the node's properties).
UNWIND $ids AS id
MATCH (r:Region {code: id})
RETURN id, r {.*} AS region
