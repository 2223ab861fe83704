// Everything profiles hold, in one round trip. $profiles: [{i: int, roleId:
// string or null, skillIds: [string], credentialIds: [string],
// educationLevelId: string or null}]. Returns one row per profile: i, role
// (null when roleId names none), roleSkills (the role's whole profile),
// roleCredentials, roleEducationRank, skills (the skillIds found),
// credentials (of credentialIds and the role's: id, certifies, confers rank)
// and educationRank (null when educationLevelId names none).
UNWIND $profiles AS p
OPTIONAL MATCH (r:Role {id: p.roleId})
CALL (r) {
  OPTIONAL MATCH (r)-[q:REQUIRES]->(s:Skill)
  RETURN collect(CASE WHEN s IS NULL THEN NULL
                 ELSE {skill: s.id, level: q.level, importance: q.importance, required: q.required} END) AS roleSkills
}
CALL (r) {
  OPTIONAL MATCH (r)-[:REQUIRES]->(c:Credential)
  RETURN collect(c.id) AS roleCredentials
}
CALL (r) {
  OPTIONAL MATCH (r)-[:REQUIRES]->(e:EducationLevel)
  RETURN max(e.rank) AS roleEducationRank
}
CALL (p) {
  UNWIND p.skillIds AS sid
  MATCH (s:Skill {id: sid})
  RETURN collect(s.id) AS skills
}
CALL (p, roleCredentials) {
  UNWIND p.credentialIds + roleCredentials AS cid
  MATCH (c:Credential {id: cid})
  CALL (c) {
    OPTIONAL MATCH (c)-[k:CERTIFIES]->(s:Skill)
    RETURN collect(CASE WHEN s IS NULL THEN NULL ELSE {skill: s.id, level: k.level} END) AS certifies
  }
  CALL (c) {
    OPTIONAL MATCH (c)-[:CONFERS]->(e:EducationLevel)
    RETURN max(e.rank) AS confers
  }
  RETURN collect({id: c.id, certifies: certifies, confers: confers}) AS credentials
}
CALL (p) {
  OPTIONAL MATCH (e:EducationLevel {id: p.educationLevelId})
  RETURN e.rank AS educationRank
}
RETURN p.i AS i, r {.*} AS role, roleSkills, roleCredentials, roleEducationRank, skills, credentials, educationRank
