// The requirements of skills that are not dense (pathway.Near.Profile):
// every role listing one of $skills, with the edge. $skills: [string].
// Returns id (the role), skill, level, importance, required, tech.
UNWIND $skills AS skill
MATCH (s:Skill {id: skill})<-[e:REQUIRES]-(r:Role)
RETURN r.id AS id, s.id AS skill, e.level AS level, e.importance AS importance, e.required AS required,
       s.type = 'SOFTWARE' AS tech
