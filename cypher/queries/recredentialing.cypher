// Roles that require a degree, for recredentialing. $degreeRank: int (the
// lowest education rank that is a degree). Returns node (the role) and moves
// ([{level, jobZone}]: the ladder facts of the roles its overlap edges lead
// to).
MATCH (r:Role)-[:REQUIRES]->(e:EducationLevel)
WHERE e.rank >= $degreeRank
WITH DISTINCT r
CALL (r) {
  OPTIONAL MATCH (r)-[:OVERLAPS]->(o:Role)
  RETURN collect(CASE WHEN o IS NULL THEN NULL ELSE {level: o.level, jobZone: o.jobZone} END) AS moves
}
RETURN r {.*} AS node, moves
ORDER BY r.id
