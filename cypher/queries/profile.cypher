// Everything profiles hold, in one round trip. $profiles: [{i: int, roleId:
// string or null, skillIds: [string], credentialIds: [string],
// educationLevelId: string or null}]. Returns one row per profile: i, role
// (null when roleId names none), roleSkills (the role's whole profile, each
// skill with the skills it is the SAME_AS), roleCredentials,
// roleEducationRank, roleFields (the CIP codes of the credentials that
// prepare for the role or, when none does, a role of its SOC broad
// occupation, and the role's acceptsFields, as plan_candidates finds them), skills (the skillIds found: {id, same}),
// credentials (of credentialIds and the role's: id, field, certifies with
// same, confers rank) and educationRank (null when educationLevelId names
// none).
UNWIND $profiles AS p
OPTIONAL MATCH (r:Role {id: p.roleId})
CALL (r) {
  OPTIONAL MATCH (r)-[q:REQUIRES]->(s:Skill)
  CALL (s) {
    OPTIONAL MATCH (s)-[:SAME_AS]-(t:Skill)
    RETURN collect(DISTINCT t.id) AS same
  }
  RETURN collect(CASE WHEN s IS NULL THEN NULL
                 ELSE {skill: s.id, level: q.level, importance: q.importance, required: q.required, same: same} END) AS roleSkills
}
CALL (r) {
  OPTIONAL MATCH (r)-[:REQUIRES]->(c:Credential)
  RETURN collect(c.id) AS roleCredentials
}
CALL (r) {
  OPTIONAL MATCH (r)-[:REQUIRES]->(e:EducationLevel)
  RETURN max(e.rank) AS roleEducationRank
}
CALL (r) {
  // The field rule's facts: only what confers an education level prepares
  // for the role's requirement (a certification naming the role does not).
  OPTIONAL MATCH (d:Credential)-[:PREPARES_FOR]->(r)
  WHERE EXISTS { (d)-[:CONFERS]->(:EducationLevel) }
  WITH r, collect(d) AS direct
  CALL (r, direct) {
    UNWIND direct AS c
    RETURN c
    UNION
    MATCH (o:Role)
    WHERE size(direct) = 0 AND r.occupationCode IS NOT NULL AND o.occupationCode STARTS WITH left(r.occupationCode, 6)
      AND NOT EXISTS {
        MATCH (s:Role)<-[:PREPARES_FOR]-(x:Credential)
        WHERE s.occupationCode STARTS WITH left(r.occupationCode, 7) AND EXISTS { (x)-[:CONFERS]->(:EducationLevel) }
      }
    MATCH (c:Credential)-[:PREPARES_FOR]->(o)
    WHERE EXISTS { (c)-[:CONFERS]->(:EducationLevel) }
    RETURN c
  }
  RETURN collect(DISTINCT c.field) AS prepared
}
WITH *, prepared + [f IN coalesce(r.acceptsFields, []) WHERE NOT f IN prepared] AS roleFields
CALL (p) {
  UNWIND p.skillIds AS sid
  MATCH (s:Skill {id: sid})
  CALL (s) {
    OPTIONAL MATCH (s)-[:SAME_AS]-(t:Skill)
    RETURN collect(DISTINCT t.id) AS same
  }
  RETURN collect({id: s.id, same: same}) AS skills
}
CALL (p, roleCredentials) {
  UNWIND p.credentialIds + roleCredentials AS cid
  MATCH (c:Credential {id: cid})
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
  RETURN collect({id: c.id, field: c.field, certifies: certifies, confers: confers}) AS credentials
}
CALL (p) {
  OPTIONAL MATCH (e:EducationLevel {id: p.educationLevelId})
  RETURN e.rank AS educationRank
}
RETURN p.i AS i, r {.*} AS role, roleSkills, roleCredentials, roleEducationRank, roleFields, skills, credentials, educationRank
