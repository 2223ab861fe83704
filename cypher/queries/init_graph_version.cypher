// Makes the graph version node when there is none, so that a database
// filled before versions existed is cached from the start; an existing node
// is left as it is. Parameters: none. Returns: nothing.
MERGE (v:GraphVersion {id: 'graph'})
  ON CREATE SET v.epoch = randomUUID(), v.n = 0
