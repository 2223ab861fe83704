// What the database holds, for `lattice sample -scale`, which writes only
// into an empty database or over its own synthetic graph. No parameters.
// Returns nodes (every node but the marker and the graph version, which is
// bookkeeping every write makes) and synthetic (the marker's
// scale and seed, or null when there is none).
OPTIONAL MATCH (m:SyntheticGraph)
WITH m LIMIT 1
CALL () {
  MATCH (n) WHERE NOT n:SyntheticGraph AND NOT n:GraphVersion
  RETURN count(n) AS nodes
}
RETURN nodes, CASE WHEN m IS NULL THEN NULL ELSE m {.scale, .seed} END AS synthetic
