// The credentials credentials stack into. $ids: [string]. Returns id, node, creditHours, creditCost.
UNWIND $ids AS id
MATCH (:Credential {id: id})-[s:STACKS_INTO]->(c:Credential)
RETURN id, c {.*} AS node, coalesce(s.creditHours, 0.0) AS creditHours, coalesce(s.creditCost, 0.0) AS creditCost
ORDER BY id, c.name, c.id
