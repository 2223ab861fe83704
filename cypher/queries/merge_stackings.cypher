// Creates or updates credential stackings: (:Credential)-[:STACKS_INTO]->(:Credential). $rows: [{from, to, props}]
// where props holds every property of the edge (no nulls). Rows whose ends
// are missing are skipped. Returns outcome ("created", "updated" or
// "unchanged") and rows, one row per outcome.
UNWIND $rows AS row
MATCH (a:Credential {id: row.from})
MATCH (b:Credential {id: row.to})
OPTIONAL MATCH (a)-[old:STACKS_INTO]->(b)
WITH a, b, row, CASE WHEN old IS NULL THEN 'created'
                     WHEN properties(old) = row.props THEN 'unchanged'
                     ELSE 'updated' END AS outcome
MERGE (a)-[e:STACKS_INTO]->(b)
SET e = row.props
RETURN outcome, count(*) AS rows
