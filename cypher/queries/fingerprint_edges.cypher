// Every edge, for a content fingerprint (tests of atomicity and idempotence).
// No parameters. Returns from, type, to (the ends' ids) and props.
MATCH (a)-[r]->(b)
RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props
