// What of the benchmark's data the database holds: the O*NET release's roles
// and the CIP programs (imports write all of a release or nothing).
// No parameters. Returns onetRoles, programs.
RETURN COUNT { MATCH (r:Role) WHERE r.id STARTS WITH 'onet:' } AS onetRoles,
       COUNT { MATCH (c:Credential) WHERE c.id STARTS WITH 'cip:' } AS programs
