// Deletes every node and edge of the database. Tests only: they reset their
// own throwaway database with it.
// Parameters: none. Returns: nothing.
MATCH (n)
DETACH DELETE n
