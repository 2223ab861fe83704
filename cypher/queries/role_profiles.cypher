// Every role's traits, for deriving overlaps (pathway.Overlaps). No
// parameters. Returns id, skills: [{skill, level, importance, required,
// tech}] (tech: a SOFTWARE skill, a technology), jobZone, code (the
// occupation code), industry and interests (RIASEC scores, or null).
MATCH (r:Role)
OPTIONAL MATCH (r)-[e:REQUIRES]->(s:Skill)
RETURN r.id AS id,
       collect(CASE WHEN s IS NULL THEN NULL ELSE {skill: s.id, level: e.level, importance: e.importance,
                                                   required: e.required, tech: s.type = 'SOFTWARE'} END) AS skills,
       r.jobZone AS jobZone, r.occupationCode AS code, r.industry AS industry, r.interests AS interests
