// Makes a role require a credential. $roleId, $credentialId: string. Returns
// existed (true when it requires it already: the caller rolls back) and node
// (the role); no row when the role or the credential is missing.
MATCH (r:Role {id: $roleId})
MATCH (c:Credential {id: $credentialId})
WITH r, c, EXISTS { (r)-[:REQUIRES]->(c) } AS existed
MERGE (r)-[:REQUIRES]->(c)
RETURN existed, r {.*} AS node
