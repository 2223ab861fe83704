package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/rs/zerolog"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/cypher/imports"
	"github.com/lattice-pathways/lattice/cypher/synth"
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

// runSample loads the sample graph unless some of it is there already, or,
// with -scale, builds a synthetic graph of that many times O*NET.
func runSample(ctx context.Context, args []string, stdout io.Writer, log zerolog.Logger) error {
	var cfg cypher.Config
	fs := flag.NewFlagSet("lattice sample", flag.ContinueOnError)
	neo4jFlags(fs, &cfg)
	scale := fs.Float64("scale", 0, "build a synthetic graph this many times O*NET (with CIP's programs) instead of the sample graph; 10 is ten regions")
	seed := fs.Uint64("seed", 1, "with -scale: the seed of the synthetic graph's perturbations")
	data := fs.String("data", env("LATTICE_DATA", "../shared/data"), "with -scale: the folder holding the O*NET release (onet/) and CIP's files (cip/) the graph is shaped on (env LATTICE_DATA)")
	replace := fs.Bool("replace", false, "with -scale: delete whatever the database holds first (without it, only an empty database or another synthetic graph is written over)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := resolveLocal(&cfg); err != nil {
		return err
	}
	if *scale != 0 {
		cfg.Timeout = 30 * time.Minute // the overlap derivation is one transaction
	}
	store, err := openStore(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer store.Close(ctx)
	if *scale != 0 {
		return runSynthetic(ctx, store, synth.Options{Scale: *scale, Seed: *seed}, *data, *replace, stdout)
	}
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

// runSynthetic builds the synthetic graph from O*NET and CIP and writes it,
// into an empty database or over its own synthetic graph only, unless told
// to replace what is there; the same graph already there is left alone.
func runSynthetic(ctx context.Context, store *cypher.Store, opt synth.Options, data string, replace bool, stdout io.Writer) error {
	st, err := store.SyntheticState(ctx)
	if err != nil {
		return err
	}
	if st.Nodes > 0 && !st.Synthetic && !replace {
		return fmt.Errorf("the database holds %d nodes that are not a synthetic graph; run with -replace to delete them first", st.Nodes)
	}
	if st.Synthetic && st.Scale == opt.Scale && st.Seed == int64(opt.Seed) && !replace {
		fmt.Fprintf(stdout, "the database already holds the synthetic graph x%g (seed %d); nothing written\n", opt.Scale, opt.Seed)
		return nil
	}
	start := time.Now()
	template, err := synthTemplate(data)
	if err != nil {
		return err
	}
	g, err := synth.Scale(template, opt)
	if err != nil {
		return err
	}
	read := time.Since(start)
	if st.Nodes > 0 {
		fmt.Fprintf(stdout, "deleting the %d nodes the database holds\n", st.Nodes)
		if err := store.DeleteAll(ctx); err != nil {
			return err
		}
	}
	bar := newProgress(os.Stderr)
	writeStart := time.Now()
	rep, err := store.WriteSynthetic(ctx, g, opt.Scale, int64(opt.Seed), bar.update)
	bar.done()
	if err != nil {
		return fmt.Errorf("the synthetic graph is incomplete (run again with -replace): %w", err)
	}
	printReport(stdout, &imports.Import{Format: fmt.Sprintf("synthetic x%g (seed %d)", opt.Scale, opt.Seed)}, rep, read, time.Since(writeStart))
	requires := 0
	for _, r := range g.Roles {
		requires += len(r.Skills)
	}
	fmt.Fprintf(stdout, "synthetic graph: %d roles, %d skills, %d credentials, %d requires edges, in %s\n",
		len(g.Roles), len(g.Skills), len(g.Credentials), requires, time.Since(start).Round(time.Second))
	return nil
}

// synthTemplate reads the O*NET release and CIP's programs for it: the
// shape a synthetic graph copies.
func synthTemplate(data string) (*cypher.Graph, error) {
	onet, err := imports.ONET(filepath.Join(data, "onet"))
	if err != nil {
		return nil, err
	}
	cip, err := imports.CIPWith(filepath.Join(data, "cip"), imports.OccupationsOf(onet.Graph))
	if err != nil {
		return nil, err
	}
	g := onet.Graph
	g.Credentials = append(g.Credentials, cip.Graph.Credentials...)
	g.Skills = append(g.Skills, cip.Graph.Skills...)
	return g, nil
}
