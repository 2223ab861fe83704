// Adds a prerequisite to a credential: a credential or an education level,
// in a group of alternatives. $credentialId, $prerequisiteId, $group: string.
// Returns one row per node the prerequisite id names: existed (true when the
// edge exists already), self (the credential would require itself), kind
// ("Credential" or "EducationLevel") and node (the credential). The caller
// rolls back unless exactly one row comes back with neither flag; no row when
// the credential or the prerequisite is missing.
MATCH (c:Credential {id: $credentialId})
CALL () {
  MATCH (t:Credential {id: $prerequisiteId}) RETURN t, 'Credential' AS kind
  UNION
  MATCH (t:EducationLevel {id: $prerequisiteId}) RETURN t, 'EducationLevel' AS kind
}
WITH c, t, kind, EXISTS { (c)-[:REQUIRES]->(t) } AS existed
MERGE (c)-[e:REQUIRES]->(t)
  ON CREATE SET e.group = $group
RETURN existed, t = c AS self, kind, c {.*} AS node
