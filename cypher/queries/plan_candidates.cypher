// The candidate subgraphs of upskilling plans to roles, in one round trip.
// $ids: [string] (roles). Returns one row per role found: id, role (the
// node), target ([{skill, level, importance, required}]), targetCredentials ([id]),
// targetRank (int or null) and candidates: every credential that certifies a
// skill of the role, is required by it or confers an education level, with
// the prerequisites of those up to 8 deep; each as {node, certifies:
// [{skill, level}], confers (rank or null), prerequisites: [{group, id, rank}]
// (rank set for education levels), credits: [{from, hours, cost}]}.
UNWIND $ids AS id
MATCH (r:Role {id: id})
CALL (r) {
  OPTIONAL MATCH (r)-[q:REQUIRES]->(s:Skill)
  RETURN collect(CASE WHEN s IS NULL THEN NULL
                 ELSE {skill: s.id, level: q.level, importance: q.importance, required: q.required} END) AS target
}
CALL (r) {
  OPTIONAL MATCH (r)-[:REQUIRES]->(c:Credential)
  RETURN collect(c.id) AS targetCredentials
}
CALL (r) {
  OPTIONAL MATCH (r)-[:REQUIRES]->(e:EducationLevel)
  RETURN max(e.rank) AS targetRank
}
CALL (r) {
  CALL (r) {
    MATCH (r)-[:REQUIRES]->(:Skill)<-[:CERTIFIES]-(c:Credential)
    RETURN c
    UNION
    MATCH (r)-[:REQUIRES]->(c:Credential)
    RETURN c
    UNION
    MATCH (c:Credential)-[:CONFERS]->(:EducationLevel)
    RETURN c
  }
  MATCH (c)-[:REQUIRES*0..8]->(p:Credential)
  RETURN collect(DISTINCT p) AS pool
}
CALL (pool) {
  UNWIND pool AS c
  CALL (c) {
    OPTIONAL MATCH (c)-[k:CERTIFIES]->(s:Skill)
    RETURN collect(CASE WHEN s IS NULL THEN NULL ELSE {skill: s.id, level: k.level} END) AS certifies
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
  RETURN collect({node: c {.*}, certifies: certifies, confers: confers, prerequisites: prerequisites, credits: credits}) AS candidates
}
RETURN id, r {.*} AS role, target, targetCredentials, targetRank, candidates
