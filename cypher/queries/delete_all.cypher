// Deletes every node and edge of the database, in transactions of 1000 nodes
// so that a full release fits in a small heap. Tests only: they reset their
// own throwaway database with it. Runs in an auto-commit transaction.
// Parameters: none. Returns: nothing.
MATCH (n)
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 1000 ROWS
