package cypher

import (
	"context"
)

// schemaStatements create the constraints and indexes, in order; each is
// idempotent (IF NOT EXISTS).
var schemaStatements = []string{
	"schema_role_id",
	"schema_skill_id",
	"schema_credential_id",
	"schema_education_level_id",
	"schema_names_fulltext",
	"schema_role_occupation",
	"schema_credential_field",
	"schema_graph_version_id",
	"schema_skill_similarity_dense",
}

// ApplySchema creates every constraint and index that is missing and waits
// until they are online, then the graph version node if there is none.
// Running it again changes nothing.
func (s *Store) ApplySchema(ctx context.Context) (err error) {
	defer wrap(&err, "cypher.ApplySchema")
	for _, name := range append(schemaStatements, "schema_await", "init_graph_version") {
		if err := s.exec(ctx, name, nil); err != nil {
			return err
		}
	}
	return nil
}

// exec runs one statement in its own auto-commit transaction: schema
// statements cannot share a transaction with data writes.
func (s *Store) exec(ctx context.Context, name string, params map[string]any) error {
	s.trips.Add(1)
	session := s.driver.NewSession(ctx, s.writeSession())
	defer session.Close(ctx)
	res, err := session.Run(ctx, statement(name), params)
	if err == nil {
		_, err = res.Consume(ctx)
	}
	if err != nil {
		return s.classify(ctx, name, err)
	}
	return nil
}

// DeleteAll deletes every node and edge, in batches. It exists for tests,
// which reset their own throwaway database between cases; nothing in the
// service calls it.
func (s *Store) DeleteAll(ctx context.Context) (err error) {
	defer wrap(&err, "cypher.DeleteAll")
	// The deletion batches its own transactions, so it cannot bump the
	// version inside them: a write of nothing after it makes a new version
	// node, with a new epoch, which no cache has seen.
	if err := s.exec(ctx, "delete_all", nil); err != nil {
		return err
	}
	return s.write(ctx, func(tx) error { return nil })
}
