// The traits of roles, for refreshing their overlap edges or building
// their compact forms (pathway.RoleTraits). $ids: [string]. Returns, once
// per role that exists, id, skills: [{skill, level, importance, required,
// tech}], jobZone, code, industry and interests, as role_profiles does.
UNWIND $ids AS id
MATCH (r:Role {id: id})
OPTIONAL MATCH (r)-[e:REQUIRES]->(s:Skill)
RETURN r.id AS id,
       collect(CASE WHEN s IS NULL THEN NULL ELSE {skill: s.id, level: e.level, importance: e.importance,
                                                   required: e.required, tech: s.type = 'SOFTWARE'} END) AS skills,
       r.jobZone AS jobZone, r.occupationCode AS code, r.industry AS industry, r.interests AS interests
