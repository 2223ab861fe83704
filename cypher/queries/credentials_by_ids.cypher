// Credentials by id. $ids: [string]. Returns id, node (its properties).
UNWIND $ids AS id
MATCH (c:Credential {id: id})
RETURN id, c {.*} AS node
