// The peer that `make bench-peer` measures Lattice against: the generic way of
// putting GraphQL on Neo4j, @neo4j/graphql on graphql-yoga, over the same
// graph. Its type definitions mirror how Lattice stores roles, skills and
// credentials (cypher/queries/*.cypher); edge properties are read through the
// generated ...Connection fields.
//
// Env: PEER_PORT (default 4000), NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD,
// NEO4J_DATABASE (default neo4j).
import { createServer } from "node:http";
import { Neo4jGraphQL } from "@neo4j/graphql";
import { createYoga } from "graphql-yoga";
import neo4j from "neo4j-driver";

const typeDefs = /* GraphQL */ `
  type Role @node {
    id: ID!
    title: String!
    skills: [Skill!]! @relationship(type: "REQUIRES", direction: OUT, properties: "Requires")
  }

  type Skill @node {
    id: ID!
    name: String!
    certifiedBy: [Credential!]! @relationship(type: "CERTIFIES", direction: IN, properties: "Certifies")
    # Lattice reads SAME_AS in both directions (one crosswalk hop): a credential
    # certifying a crosswalked skill certifies this one too.
    sameAs: [Skill!]! @relationship(type: "SAME_AS", direction: OUT)
    sameAsOf: [Skill!]! @relationship(type: "SAME_AS", direction: IN)
  }

  type Credential @node {
    id: ID!
    name: String!
    cost: Float
  }

  type Requires @relationshipProperties {
    level: Int!
    importance: Float
    required: Boolean!
  }

  type Certifies @relationshipProperties {
    level: Int!
  }
`;

const env = (name, def) => process.env[name] || def;

const driver = neo4j.driver(
  env("NEO4J_URI", "bolt://127.0.0.1:7687"),
  neo4j.auth.basic(env("NEO4J_USERNAME", "neo4j"), env("NEO4J_PASSWORD", "")),
);
const database = env("NEO4J_DATABASE", "neo4j");

const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
// The database is passed per request, as the library documents.
const yoga = createYoga({
  schema,
  context: () => ({ sessionConfig: { database } }),
  graphiql: false,
  logging: "warn",
});

const port = Number(env("PEER_PORT", "4000"));
createServer(yoga).listen(port, "127.0.0.1", () => {
  console.log(`peer: @neo4j/graphql on http://127.0.0.1:${port}/graphql`);
});

for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, async () => {
    await driver.close();
    process.exit(0);
  });
}
