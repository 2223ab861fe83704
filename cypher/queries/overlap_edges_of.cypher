// The stored overlap edges out of roles, for refreshing them after a write:
// ids and scores only. $ids: [string]. Returns id, to (the other role's
// id), score, shared.
UNWIND $ids AS id
MATCH (:Role {id: id})-[o:OVERLAPS]->(other:Role)
RETURN id, other.id AS to, o.score AS score, o.shared AS shared
