// Deletes the roles, skills and credentials of one source that its new
// import no longer has, with every edge they have (DETACH DELETE): a fresh
// load of the release would not make them. Nodes of other sources and of the
// sample graph (no source) are never matched. $source: string; $keep:
// {role: {id: true}, skill: {id: true}, credential: {id: true}}, the import's
// nodes by kind (maps, so a lookup is not a scan). Returns kind ("role",
// "skill", "credential") and deleted, one row per kind deleted from.
MATCH (n)
WHERE n.source = $source AND (n:Role OR n:Skill OR n:Credential)
WITH n, CASE WHEN n:Role THEN 'role' WHEN n:Skill THEN 'skill' ELSE 'credential' END AS kind
WHERE $keep[kind][n.id] IS NULL
WITH kind, collect(n) AS gone
FOREACH (n IN gone | DETACH DELETE n)
RETURN kind, size(gone) AS deleted
