// Creates or updates roles. $rows: [{id, props}] where props holds the
// properties to set (id included). Returns outcome ("created", "updated" or
// "unchanged") and rows, one row per outcome.
UNWIND $rows AS row
OPTIONAL MATCH (old:Role {id: row.id})
WITH row, CASE WHEN old IS NULL THEN 'created'
               WHEN all(k IN keys(row.props) WHERE old[k] = row.props[k]) THEN 'unchanged'
               ELSE 'updated' END AS outcome
MERGE (n:Role {id: row.id})
SET n += row.props
RETURN outcome, count(*) AS rows
