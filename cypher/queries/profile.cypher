// Everything a profile holds, in one round trip. $roleId: string or null;
// $skillIds, $credentialIds: [string]; $educationLevelId: string or null.
// Returns role (null when $roleId names none), roleSkills (the role's whole
// profile), roleCredentials, roleEducationRank, skills (the ids of $skillIds
// found), credentials (of $credentialIds and the role's: id, certifies,
// confers rank) and educationRank (null when $educationLevelId names none).
OPTIONAL MATCH (r:Role {id: $roleId})
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
CALL () {
  UNWIND $skillIds AS sid
  MATCH (s:Skill {id: sid})
  RETURN collect(s.id) AS skills
}
CALL (roleCredentials) {
  UNWIND $credentialIds + roleCredentials AS cid
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
CALL () {
  OPTIONAL MATCH (e:EducationLevel {id: $educationLevelId})
  RETURN e.rank AS educationRank
}
RETURN r {.*} AS role, roleSkills, roleCredentials, roleEducationRank, skills, credentials, educationRank
