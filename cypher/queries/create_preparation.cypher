// Records that a credential prepares for a role. $credentialId, $roleId:
// string. Returns existed (true when it does already: the caller rolls back)
// and node (the credential); no row when either end is missing.
MATCH (c:Credential {id: $credentialId})
MATCH (r:Role {id: $roleId})
WITH c, r, EXISTS { (c)-[:PREPARES_FOR]->(r) } AS existed
MERGE (c)-[:PREPARES_FOR]->(r)
RETURN existed, c {.*} AS node
