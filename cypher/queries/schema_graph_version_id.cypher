// Uniqueness of the graph version's singleton node, so that concurrent
// writes' MERGEs make one node. No parameters.
CREATE CONSTRAINT graph_version_id IF NOT EXISTS FOR (n:GraphVersion) REQUIRE n.id IS UNIQUE
