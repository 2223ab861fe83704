// The credentials that stack into credentials. $ids: [string]. Returns id, node, creditHours, creditCost.
UNWIND $ids AS id
MATCH (c:Credential)-[s:STACKS_INTO]->(:Credential {id: id})
RETURN id, c {.*} AS node, coalesce(s.creditHours, 0.0) AS creditHours, coalesce(s.creditCost, 0.0) AS creditCost
ORDER BY id, c.name, c.id
