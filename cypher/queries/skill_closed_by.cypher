// The credentials that close skill gaps (pathway.ClosedBy): those certifying
// the gap's skill at its level or above, directly or through a SAME_AS
// crosswalk (at the certified skill's level), cheapest first (unknown costs
// last), then by hours (unknown last), name and id; at most $max each.
// $gaps: [{skill: string, level: int}]; $max: int. Returns one row per gap
// some credential closes: skill, level (the gap's), nodes (the credentials).
UNWIND $gaps AS gap
MATCH (k:Skill {id: gap.skill})
CALL (k) {
  MATCH (c:Credential)-[e:CERTIFIES]->(k)
  RETURN c, e.level AS level
  UNION
  MATCH (c:Credential)-[e:CERTIFIES]->(:Skill)-[:SAME_AS]-(k)
  RETURN c, e.level AS level
}
WITH gap, c, max(level) AS level
WHERE level >= gap.level
// Ascending order puts nulls last, as ClosedBy puts unknown costs and hours.
WITH gap, c ORDER BY c.cost, c.hours, c.name, c.id
WITH gap, collect(c {.*})[..$max] AS nodes
RETURN gap.skill AS skill, gap.level AS level, nodes
