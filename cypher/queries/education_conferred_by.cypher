// Credentials that confer education levels. $ids: [string]. Returns id, node (the credential).
UNWIND $ids AS id
MATCH (c:Credential)-[:CONFERS]->(:EducationLevel {id: id})
RETURN id, c {.*} AS node
ORDER BY id, c.name, c.id
