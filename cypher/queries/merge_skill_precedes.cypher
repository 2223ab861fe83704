// Creates or updates learning orders between skills: (:Skill)-[:PRECEDES]->(:Skill). $rows: [{from, to, props}]
// where props holds every property of the edge (no nulls). Rows whose ends
// are missing are skipped. Returns outcome ("created", "updated" or
// "unchanged") and rows, one row per outcome.
UNWIND $rows AS row
MATCH (a:Skill {id: row.from})
MATCH (b:Skill {id: row.to})
OPTIONAL MATCH (a)-[old:PRECEDES]->(b)
WITH a, b, row, CASE WHEN old IS NULL THEN 'created'
                     WHEN properties(old) = row.props THEN 'unchanged'
                     ELSE 'updated' END AS outcome
MERGE (a)-[e:PRECEDES]->(b)
SET e = row.props
RETURN outcome, count(*) AS rows
