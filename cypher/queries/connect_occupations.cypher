// Connects credentials that name occupations (a program's SOC 2018 codes,
// from the CIP-SOC crosswalk, in its `occupations` property) to the roles of
// those occupations: (:Credential)-[:PREPARES_FOR {via: 'occupation'}]->(:Role)
// for every role whose occupation code starts with the SOC code, so an O*NET
// occupation (29-1141.00) and its detailed ones (29-1141.01) are both
// connected. Run after every import, so roles and programs imported in
// either order end up connected. No parameters. Returns created (edges made).
MATCH (c:Credential) WHERE c.occupations IS NOT NULL
UNWIND c.occupations AS soc
MATCH (r:Role) WHERE r.occupationCode STARTS WITH soc
MERGE (c)-[e:PREPARES_FOR]->(r)
ON CREATE SET e.via = 'occupation', e.new = true
WITH e WHERE e.new
REMOVE e.new
RETURN count(e) AS created
