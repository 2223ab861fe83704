// Sets the one education level each role requires, replacing any other.
// $rows: [{role, level}]. Returns written.
UNWIND $rows AS row
MATCH (r:Role {id: row.role})
MATCH (l:EducationLevel {id: row.level})
OPTIONAL MATCH (r)-[old:REQUIRES]->(other:EducationLevel) WHERE other <> l
DELETE old
MERGE (r)-[e:REQUIRES]->(l)
RETURN count(DISTINCT e) AS written
