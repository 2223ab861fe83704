// Records the education levels credentials confer. $rows: [{credential, level}]. Returns written.
UNWIND $rows AS row
MATCH (c:Credential {id: row.credential})
MATCH (l:EducationLevel {id: row.level})
MERGE (c)-[e:CONFERS]->(l)
RETURN count(e) AS written
