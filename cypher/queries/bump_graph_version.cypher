// Counts one more write transaction on the singleton version node, in the
// write's own transaction, so readers' caches see every commit. A new node
// (a fresh or wiped database) gets a new epoch, so its counts never repeat
// those of an earlier node.
// Parameters: none. Returns: epoch, n (the version after this write).
MERGE (v:GraphVersion {id: 'graph'})
  ON CREATE SET v.epoch = randomUUID(), v.n = 0
SET v.n = v.n + 1
RETURN v.epoch AS epoch, v.n AS n
