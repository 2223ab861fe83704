// Empties the database, in batches so a graph of any size fits the heap.
// Runs in an auto-commit transaction (CALL IN TRANSACTIONS needs one).
// No parameters. Returns nothing.
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
