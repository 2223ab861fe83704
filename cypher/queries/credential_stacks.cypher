// The stacks through credentials or education levels, each as a question
// asks for one: the node, every rung that stacks into it or that it stacks
// into (up to 12 rungs away), and the stacking edges among them. Batched so
// that the read cache's warm-up reads many stacks a statement.
// $ids: [string]. Returns one row per rung of each stack, grouped by id in
// the order of the rungs: id (the stack's), kind ("Credential" or
// "EducationLevel"), node, next ([{to, creditHours, creditCost}] to other
// rungs). No rows for an id that names neither.
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Credential {id: id})
  RETURN n
  UNION
  MATCH (n:EducationLevel {id: id})
  RETURN n
}
CALL (n) {
  OPTIONAL MATCH (a)-[:STACKS_INTO*1..12]->(n)
  RETURN collect(DISTINCT a) AS below
}
CALL (n) {
  OPTIONAL MATCH (n)-[:STACKS_INTO*1..12]->(d)
  RETURN collect(DISTINCT d) AS above
}
WITH id, below + [n] + above AS rungs
UNWIND rungs AS m
CALL (m, rungs) {
  OPTIONAL MATCH (m)-[s:STACKS_INTO]->(x)
  WHERE x IN rungs
  RETURN collect(CASE WHEN x IS NULL THEN NULL
                 ELSE {to: x.id, creditHours: coalesce(s.creditHours, 0.0), creditCost: coalesce(s.creditCost, 0.0)} END) AS next
}
RETURN id, CASE WHEN m:Credential THEN 'Credential' ELSE 'EducationLevel' END AS kind, m {.*} AS node, next
