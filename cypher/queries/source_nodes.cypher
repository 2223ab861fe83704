// Counts the roles, skills and credentials of one source, before an import
// prunes it: the base of the share its guard allows to delete.
// $source: string. Returns nodes.
MATCH (n)
WHERE n.source = $source AND (n:Role OR n:Skill OR n:Credential)
RETURN count(n) AS nodes
