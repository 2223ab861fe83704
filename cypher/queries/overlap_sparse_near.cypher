// The requirements of skills that are not dense (pathway.Near.Profile):
// every role listing one of $skills, one row per role, its edges as
// parallel lists, a skill by its position in $skills (numbers, not ids: a
// technology can be listed by thousands of roles). $skills: [string].
// Returns id (the role), at: [int] (positions in $skills), level: [int],
// importance: [float] (0 when unknown), required: [bool].
UNWIND range(0, size($skills) - 1) AS at
MATCH (:Skill {id: $skills[at]})<-[e:REQUIRES]-(r:Role)
RETURN r.id AS id, collect(at) AS at, collect(coalesce(e.level, 0)) AS level,
       collect(coalesce(e.importance, 0.0)) AS importance, collect(coalesce(e.required, true)) AS required
