// Creates or updates roles. $rows: [{id, props}] where props holds the
// properties to set (id included). Returns written.
UNWIND $rows AS row
MERGE (n:Role {id: row.id})
SET n += row.props
RETURN count(n) AS written
