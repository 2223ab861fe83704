// Package cyphertest gives tests a store on the throwaway Neo4j named by
// LATTICE_TEST_NEO4J_URI (`make test` starts one and sets it), reset to a
// known state.
package cyphertest

import (
	"context"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/lattice-pathways/lattice/cypher"
)

var (
	once   sync.Once
	shared *cypher.Store
	err    error
)

// Config is the test database's configuration from the environment. Outside
// CI a missing URI skips the test; with CI=true it fails it, because CI must
// run every test against a real Neo4j.
func Config(t testing.TB) cypher.Config {
	t.Helper()
	uri := os.Getenv("LATTICE_TEST_NEO4J_URI")
	if uri == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("LATTICE_TEST_NEO4J_URI is not set: CI needs a test Neo4j (run the tests with `make test`)")
		}
		t.Skip("LATTICE_TEST_NEO4J_URI is not set; `make test` starts a test Neo4j and sets it")
	}
	return cypher.Config{
		URI:      uri,
		Username: os.Getenv("LATTICE_TEST_NEO4J_USERNAME"),
		Password: os.Getenv("LATTICE_TEST_NEO4J_PASSWORD"),
		Database: os.Getenv("LATTICE_TEST_NEO4J_DATABASE"),
		Timeout:  time.Minute,
	}
}

// Empty returns the shared test store with every node deleted and the schema
// applied.
func Empty(t testing.TB) *cypher.Store {
	t.Helper()
	cfg := Config(t)
	once.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		shared, err = cypher.Open(ctx, cfg, zerolog.Nop())
		if err == nil {
			err = shared.ApplySchema(ctx)
		}
	})
	if err != nil {
		t.Fatalf("test Neo4j: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := shared.DeleteAll(ctx); err != nil {
		t.Fatalf("reset test Neo4j: %v", err)
	}
	return shared
}

// Sample returns the shared test store holding exactly the sample graph.
func Sample(t testing.TB) *cypher.Store {
	t.Helper()
	s := Empty(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	loaded, err := s.LoadSample(ctx)
	if err != nil || !loaded {
		t.Fatalf("load sample graph: loaded=%v err=%v", loaded, err)
	}
	return s
}
