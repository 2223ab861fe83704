// Roles credentials prepare for. $ids: [string]. Returns id (the credential), node (the role).
UNWIND $ids AS id
MATCH (:Credential {id: id})-[:PREPARES_FOR]->(r:Role)
RETURN id, r {.*} AS node
ORDER BY id, r.title, r.id
