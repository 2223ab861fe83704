// Roles that require a degree, for recredentialing. $degreeRank: int (the
// lowest education rank that is a degree). Returns node (the role) and
// moveLevels (the levels of the roles its overlap edges lead to).
MATCH (r:Role)-[:REQUIRES]->(e:EducationLevel)
WHERE e.rank >= $degreeRank
WITH DISTINCT r
CALL (r) {
  OPTIONAL MATCH (r)-[:OVERLAPS]->(o:Role)
  RETURN collect(o.level) AS moveLevels
}
RETURN r {.*} AS node, moveLevels
ORDER BY r.id
