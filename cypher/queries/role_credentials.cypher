// Credentials roles require. $ids: [string]. Returns id (the role), node (the credential).
UNWIND $ids AS id
MATCH (:Role {id: id})-[:REQUIRES]->(c:Credential)
RETURN id, c {.*} AS node
ORDER BY id, c.name, c.id
