// Creates or updates the skill hierarchy: (:Skill)-[:PART_OF]->(:Skill). $rows: [{from, to, props}]
// where props holds every property of the edge (no nulls). Rows whose ends
// are missing are skipped. Returns outcome ("created", "updated" or
// "unchanged") and rows, one row per outcome.
UNWIND $rows AS row
MATCH (a:Skill {id: row.from})
MATCH (b:Skill {id: row.to})
OPTIONAL MATCH (a)-[old:PART_OF]->(b)
WITH a, b, row, CASE WHEN old IS NULL THEN 'created'
                     WHEN properties(old) = row.props THEN 'unchanged'
                     ELSE 'updated' END AS outcome
MERGE (a)-[e:PART_OF]->(b)
SET e = row.props
RETURN outcome, count(*) AS rows
