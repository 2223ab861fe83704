// Waits until every index is online. No parameters.
CALL db.awaitIndexes(300)
