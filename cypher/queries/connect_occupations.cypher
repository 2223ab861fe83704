// Connects credentials that name occupations (a program's SOC 2018 codes,
// from the CIP-SOC crosswalk, or O*NET-SOC codes where the importer chose
// among the detailed occupations of a split SOC code, in its `occupations`
// property) to the roles of those occupations:
// (:Credential)-[:PREPARES_FOR {via: 'occupation'}]->(:Role) for every role
// whose occupation code starts with one of the codes, so an O*NET
// occupation (29-1141.00) and its detailed ones (29-1141.01) are both
// connected to 29-1141. An edge made this way whose role no longer matches
// the credential's codes (a program re-imported with fewer occupations) is
// removed first: it was derived from the codes, not given. Run after every
// import, so roles and programs imported in either order end up connected.
// No parameters. Returns created (edges made) and removed.
CALL () {
  MATCH (c:Credential)-[e:PREPARES_FOR {via: 'occupation'}]->(r:Role)
  WHERE NOT any(soc IN coalesce(c.occupations, []) WHERE r.occupationCode STARTS WITH soc)
  DELETE e
  RETURN count(*) AS removed
}
CALL () {
  MATCH (c:Credential) WHERE c.occupations IS NOT NULL
  UNWIND c.occupations AS soc
  MATCH (r:Role) WHERE r.occupationCode STARTS WITH soc
  MERGE (c)-[e:PREPARES_FOR]->(r)
  ON CREATE SET e.via = 'occupation', e.new = true
  WITH e WHERE e.new
  REMOVE e.new
  RETURN count(e) AS created
}
RETURN created, removed
