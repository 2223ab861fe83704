// Every role's skills profile, for deriving overlaps. No parameters.
// Returns id and skills: [{skill, level, importance, required}].
MATCH (r:Role)
OPTIONAL MATCH (r)-[e:REQUIRES]->(s:Skill)
RETURN r.id AS id,
       collect(CASE WHEN s IS NULL THEN NULL ELSE {skill: s.id, level: e.level, importance: e.importance, required: e.required} END) AS skills
