// Sets skills of role profiles. $rows: [{role, skill, level, importance, required}].
// Rows whose role or skill is missing are skipped. Returns written.
UNWIND $rows AS row
MATCH (r:Role {id: row.role})
MATCH (s:Skill {id: row.skill})
MERGE (r)-[e:REQUIRES]->(s)
SET e.level = row.level, e.importance = row.importance, e.required = row.required
RETURN count(e) AS written
