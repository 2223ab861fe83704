// Every node, for a content fingerprint (tests of atomicity and idempotence).
// The graph version node is bookkeeping, not content: every write bumps it.
// No parameters. Returns labels and props.
MATCH (n)
WHERE NOT n:GraphVersion
RETURN labels(n) AS labels, properties(n) AS props
