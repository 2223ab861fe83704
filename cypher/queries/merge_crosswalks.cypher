// Creates crosswalks between skills of two sources: (:Skill)-[:SAME_AS]->(:Skill).
// $rows: [{from, to, props}] where props holds every property of the edge
// (no nulls). Unlike the other merges, a row whose skills are not both in
// the database is skipped, not refused: a crosswalk waits for the source
// imported later, which writes it again. A SAME_AS edge already there, either
// way, is left as it is. Returns outcome ("created", "updated", "unchanged"
// or "skipped") and rows, one row per outcome.
UNWIND $rows AS row
OPTIONAL MATCH (a:Skill {id: row.from})
OPTIONAL MATCH (b:Skill {id: row.to})
OPTIONAL MATCH (a)-[old:SAME_AS]-(b)
WITH row, a, b, head(collect(old)) AS old
WITH row, a, b, old, CASE WHEN a IS NULL OR b IS NULL THEN 'skipped'
                          WHEN old IS NULL THEN 'created'
                          WHEN properties(old) = row.props THEN 'unchanged'
                          ELSE 'updated' END AS outcome
FOREACH (_ IN CASE WHEN outcome = 'created' THEN [1] ELSE [] END |
  CREATE (a)-[e:SAME_AS]->(b)
  SET e = row.props)
FOREACH (_ IN CASE WHEN outcome = 'updated' THEN [1] ELSE [] END |
  SET old = row.props)
RETURN outcome, count(*) AS rows
