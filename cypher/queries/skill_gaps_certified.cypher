// Which skill gaps some credential closes (certifies the gap's skill at its
// level or above, directly or through a SAME_AS crosswalk): what a plan's
// coverage needs to tell an open gap outside the plan from one no credential
// covers, without reading the credentials. $gaps: [{skill: string, level:
// int}]. Returns skill, level (the gap's) for each closable gap.
UNWIND $gaps AS gap
MATCH (k:Skill {id: gap.skill})
WHERE EXISTS { MATCH (:Credential)-[e:CERTIFIES]->(k) WHERE e.level >= gap.level }
   OR EXISTS { MATCH (:Credential)-[e:CERTIFIES]->(:Skill)-[:SAME_AS]-(k) WHERE e.level >= gap.level }
RETURN DISTINCT gap.skill AS skill, gap.level AS level
