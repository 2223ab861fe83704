// How many overlap edges each role has and the lowest score among them: a
// write reads a role's whole list only when a new score can reach it.
// $ids: [string]. Returns id, edges, floor (null without edges).
UNWIND $ids AS id
MATCH (r:Role {id: id})
OPTIONAL MATCH (r)-[o:OVERLAPS]->(:Role)
RETURN id, count(o) AS edges, min(o.score) AS floor
