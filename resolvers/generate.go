package resolvers

// gqlgen reads ../gqlgen.yml and writes ../graph from ../schema.graphqls.
//go:generate bash -c "cd .. && go tool gqlgen generate"
