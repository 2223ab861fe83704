// What the planner needs of candidate credentials. $ids: [string]. Returns
// one row per credential found: id, node, certifies ([{skill, level, same:
// [ids of the skills it is the same as]}]), confers (rank or null),
// prerequisites ([{group, id, rank}], rank set for education levels) and
// credits ([{from, hours, cost}]: the stacking credit of lower credentials)
// and fieldOccupations: for a program imported without occupations (a
// catalog's, the sample's degrees), those of the programs of its field (a
// program leads where the CIP-SOC crosswalk sends its field, whoever
// imported it); else empty.
UNWIND $ids AS id
MATCH (c:Credential {id: id})
CALL (c) {
  WITH c WHERE c.occupations IS NULL
  MATCH (p:Credential {field: c.field})
  WHERE p.occupations IS NOT NULL
  UNWIND p.occupations AS occ
  WITH occ ORDER BY occ
  RETURN collect(DISTINCT occ) AS fieldOccupations
}
CALL (c) {
  OPTIONAL MATCH (c)-[k:CERTIFIES]->(s:Skill)
  CALL (s) {
    OPTIONAL MATCH (s)-[:SAME_AS]-(t:Skill)
    RETURN collect(DISTINCT t.id) AS same
  }
  RETURN collect(CASE WHEN s IS NULL THEN NULL ELSE {skill: s.id, level: k.level, same: same} END) AS certifies
}
CALL (c) {
  OPTIONAL MATCH (c)-[:CONFERS]->(e:EducationLevel)
  RETURN max(e.rank) AS confers
}
CALL (c) {
  OPTIONAL MATCH (c)-[p:REQUIRES]->(x)
  WHERE x:Credential OR x:EducationLevel
  RETURN collect(CASE WHEN x IS NULL THEN NULL
                 ELSE {group: coalesce(p.group, x.id), id: x.id, rank: CASE WHEN x:EducationLevel THEN x.rank END} END) AS prerequisites
}
CALL (c) {
  OPTIONAL MATCH (lower:Credential)-[st:STACKS_INTO]->(c)
  RETURN collect(CASE WHEN lower IS NULL THEN NULL
                 ELSE {from: lower.id, hours: coalesce(st.creditHours, 0.0), cost: coalesce(st.creditCost, 0.0)} END) AS credits
}
RETURN id, c {.*} AS node, certifies, confers, prerequisites, credits, fieldOccupations
