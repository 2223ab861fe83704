package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/rs/zerolog"

	"github.com/lattice-pathways/lattice/cypher"
)

// openFromArgs parses a task's Neo4j flags and opens
// the store with the schema applied.
func openFromArgs(ctx context.Context, name string, args []string, log zerolog.Logger) (*cypher.Store, error) {
	var cfg cypher.Config
	fs := flag.NewFlagSet("lattice "+name, flag.ContinueOnError)
	neo4jFlags(fs, &cfg)
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if err := resolveLocal(&cfg); err != nil {
		return nil, err
	}
	return openStore(ctx, cfg, log)
}

// runSchema creates the constraints and indexes.
func runSchema(ctx context.Context, args []string, stdout io.Writer, log zerolog.Logger) error {
	store, err := openFromArgs(ctx, "schema", args, log)
	if err != nil {
		return err
	}
	defer store.Close(ctx)
	fmt.Fprintln(stdout, "schema applied: constraints and indexes are online")
	return nil
}

// runSample loads the sample graph unless some of it is there already.
func runSample(ctx context.Context, args []string, stdout io.Writer, log zerolog.Logger) error {
	store, err := openFromArgs(ctx, "sample", args, log)
	if err != nil {
		return err
	}
	defer store.Close(ctx)
	loaded, err := store.LoadSample(ctx)
	if err != nil {
		return err
	}
	if loaded {
		fmt.Fprintln(stdout, "sample graph loaded")
	} else {
		fmt.Fprintln(stdout, "the database already holds sample data; nothing written")
	}
	return nil
}
