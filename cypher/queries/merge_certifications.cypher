// Records what credentials certify. $rows: [{credential, skill, level}]. Returns written.
UNWIND $rows AS row
MATCH (c:Credential {id: row.credential})
MATCH (s:Skill {id: row.skill})
MERGE (c)-[e:CERTIFIES]->(s)
SET e.level = row.level
RETURN count(e) AS written
