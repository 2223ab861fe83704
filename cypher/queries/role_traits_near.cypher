// The traits of roles and of every role sharing a skill with them, for
// refreshing their overlap edges (pathway.RoleTraits). $ids: [string].
// Returns, once per role, id, skills: [{skill, level, importance, required,
// tech}], jobZone, code, industry and interests, as role_profiles does.
UNWIND $ids AS id
MATCH (r:Role {id: id})
CALL (r) {
  MATCH (r)-[:REQUIRES]->(:Skill)<-[:REQUIRES]-(o:Role)
  RETURN collect(DISTINCT o) AS near
}
WITH collect(r) + reduce(acc = [], n IN collect(near) | acc + n) AS roles
UNWIND roles AS x
WITH DISTINCT x
OPTIONAL MATCH (x)-[e:REQUIRES]->(s:Skill)
RETURN x.id AS id,
       collect(CASE WHEN s IS NULL THEN NULL ELSE {skill: s.id, level: e.level, importance: e.importance,
                                                   required: e.required, tech: s.type = 'SOFTWARE'} END) AS skills,
       x.jobZone AS jobZone, x.occupationCode AS code, x.industry AS industry, x.interests AS interests
