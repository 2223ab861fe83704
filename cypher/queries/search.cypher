// Full-text search over the names of roles, skills, credentials and education
// levels. $query: a Lucene query built from escaped plain-text terms; $first: int.
// Returns id, name, kind (the node's label), score.
CALL db.index.fulltext.queryNodes('lattice_names', $query, {limit: $first}) YIELD node, score
RETURN node.id AS id, coalesce(node.title, node.name) AS name,
       [l IN labels(node) WHERE l IN ['Role', 'Skill', 'Credential', 'EducationLevel']][0] AS kind, score
ORDER BY score DESC, name, id
LIMIT $first
