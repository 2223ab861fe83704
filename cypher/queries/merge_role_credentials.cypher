// Makes roles require credentials. $rows: [{role, credential}]. Returns written.
UNWIND $rows AS row
MATCH (r:Role {id: row.role})
MATCH (c:Credential {id: row.credential})
MERGE (r)-[e:REQUIRES]->(c)
RETURN count(e) AS written
