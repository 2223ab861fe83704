// Every node, for a content fingerprint (tests of atomicity and idempotence).
// No parameters. Returns labels and props.
MATCH (n)
RETURN labels(n) AS labels, properties(n) AS props
