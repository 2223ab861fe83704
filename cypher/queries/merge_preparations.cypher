// Creates or updates the roles credentials prepare for: (:Credential)-[:PREPARES_FOR]->(:Role). $rows: [{from, to, props}]
// where props holds every property of the edge (no nulls). Rows whose ends
// are missing are skipped. Returns outcome ("created", "updated" or
// "unchanged") and rows, one row per outcome.
UNWIND $rows AS row
MATCH (a:Credential {id: row.from})
MATCH (b:Role {id: row.to})
OPTIONAL MATCH (a)-[old:PREPARES_FOR]->(b)
WITH a, b, row, CASE WHEN old IS NULL THEN 'created'
                     WHEN properties(old) = row.props THEN 'unchanged'
                     ELSE 'updated' END AS outcome
MERGE (a)-[e:PREPARES_FOR]->(b)
SET e = row.props
RETURN outcome, count(*) AS rows
