// Command benchpeer measures Lattice against the generic way of putting
// GraphQL on Neo4j, @neo4j/graphql on graphql-yoga (bench/peer), side by
// side on the same Neo4j and data: the test instance named by
// LATTICE_TEST_NEO4J_* (never the `make run` database).
//
// It loads the sample graph, the O*NET release and the CIP programs when they
// are missing (with the lattice command itself), starts Lattice as deployed,
// a second Lattice with its read cache off and the peer, checks on a sample of
// parameter sets that every server (and the floor: the same reads as
// hand-written Cypher through the Go driver) returns the same normalised
// answer, then times the reads in interleaved rounds and prints one table.
// `make bench-peer` runs it.
package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	cfg, err := parseFlags(os.Args[1:])
	if err == nil {
		err = run(ctx, cfg, os.Stdout)
	}
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "benchpeer:", err)
		}
		os.Exit(1)
	}
}

// config is what the flags set.
type config struct {
	round        time.Duration
	rounds       int
	conns        int
	verify       int
	reads        []string
	data         string // the shared data sets; relative paths from the module root
	programs     bool   // the CIP programs loaded too, beyond the sample + O*NET
	logs         string // where the servers' logs and the built lattice go; empty: a new temporary folder
	neo4j        neo4jConfig
	readyTimeout time.Duration
}

type neo4jConfig struct{ uri, user, password, database string }

func parseFlags(args []string) (config, error) {
	var cfg config
	fs := flag.NewFlagSet("benchpeer", flag.ContinueOnError)
	fs.DurationVar(&cfg.round, "round", 10*time.Second, "length of one timed round")
	fs.IntVar(&cfg.rounds, "rounds", 2, "rounds per server and read, interleaved (the best is reported)")
	fs.IntVar(&cfg.conns, "conns", 8, "concurrent connections (requests in flight) per server")
	fs.IntVar(&cfg.verify, "verify", 6, "parameter sets per read whose answers must hash equal on every server")
	readList := fs.String("reads", "", "comma-separated reads to run (default all: "+strings.Join(readNames(), ", ")+")")
	fs.StringVar(&cfg.data, "data", "../shared/data", "the shared data sets (O*NET, CIP), relative to the module root")
	fs.BoolVar(&cfg.programs, "programs", false, "load the CIP programs too (the default compares on the sample graph and O*NET only, as issue 14 measured; with programs a skill has up to ~1,160 certifying credentials, of which the reads compare the first 100)")
	fs.StringVar(&cfg.logs, "logs", "", "folder for the servers' logs (default: a new temporary folder)")
	fs.DurationVar(&cfg.readyTimeout, "ready-timeout", 2*time.Minute, "how long each server may take to answer after it starts")
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	if fs.NArg() > 0 {
		return cfg, fmt.Errorf("benchpeer takes no arguments, got %q", fs.Args())
	}
	if cfg.rounds < 1 || cfg.conns < 1 || cfg.verify < 1 || cfg.round <= 0 {
		return cfg, errors.New("-round, -rounds, -conns and -verify must be positive")
	}
	if *readList == "" {
		cfg.reads = readNames()
	} else {
		cfg.reads = strings.Split(*readList, ",")
		for _, n := range cfg.reads {
			if !slices.Contains(readNames(), n) {
				return cfg, fmt.Errorf("-reads: unknown read %q (one of %s)", n, strings.Join(readNames(), ", "))
			}
		}
	}
	// The test instance only: the benchmark writes imports into it.
	cfg.neo4j = neo4jConfig{
		uri:      os.Getenv("LATTICE_TEST_NEO4J_URI"),
		user:     os.Getenv("LATTICE_TEST_NEO4J_USERNAME"),
		password: os.Getenv("LATTICE_TEST_NEO4J_PASSWORD"),
		database: os.Getenv("LATTICE_TEST_NEO4J_DATABASE"),
	}
	if cfg.neo4j.uri == "" {
		return cfg, errors.New("LATTICE_TEST_NEO4J_URI is not set: run `make bench-peer`, which starts the test Neo4j and sets it")
	}
	if cfg.neo4j.database == "" {
		cfg.neo4j.database = "neo4j"
	}
	return cfg, nil
}

func readNames() []string {
	var names []string
	for _, r := range reads {
		names = append(names, r.name)
	}
	return names
}

// neo4jEnv is the test instance as the lattice command and the peer read it.
func (c neo4jConfig) env() []string {
	return []string{"NEO4J_URI=" + c.uri, "NEO4J_USERNAME=" + c.user, "NEO4J_PASSWORD=" + c.password, "NEO4J_DATABASE=" + c.database}
}

func run(ctx context.Context, cfg config, stdout io.Writer) error {
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	if cfg.logs == "" {
		if cfg.logs, err = os.MkdirTemp("", "benchpeer-"); err != nil {
			return err
		}
	} else if err := os.MkdirAll(cfg.logs, 0o755); err != nil {
		return err
	}
	peerDir := filepath.Join(root, "bench", "peer")
	if _, err := os.Stat(filepath.Join(peerDir, "node_modules", "@neo4j", "graphql")); err != nil {
		return errors.New("bench/peer has no node_modules: run `npm ci --prefix bench/peer` (make bench-peer does)")
	}
	status(fmt.Sprintf("building lattice; logs in %s", cfg.logs))
	lattice := filepath.Join(cfg.logs, "lattice")
	if err := command(ctx, root, nil, filepath.Join(cfg.logs, "build.log"), "go", "build", "-o", lattice, "./cmd/lattice"); err != nil {
		return err
	}

	driver, err := neo4j.NewDriverWithContext(cfg.neo4j.uri, neo4j.BasicAuth(cfg.neo4j.user, cfg.neo4j.password, ""))
	if err != nil {
		return err
	}
	defer driver.Close(context.Background())
	if err := driver.VerifyConnectivity(ctx); err != nil {
		return fmt.Errorf("test Neo4j at %s: %w", cfg.neo4j.uri, err)
	}
	fl := &floor{driver: driver, database: cfg.neo4j.database}
	if err := ensureData(ctx, cfg, root, lattice, fl); err != nil {
		return err
	}

	// The servers: Lattice as deployed (default flags: logs, metrics, the
	// complexity and depth limits on), the same with its read cache off, and
	// the peer.
	var servers []*server
	defer func() {
		for _, s := range servers {
			s.stop()
		}
	}()
	startLattice := func(label, logName string, env ...string) (*graphQL, error) {
		port, err := freePort()
		if err != nil {
			return nil, err
		}
		addr := fmt.Sprintf("127.0.0.1:%d", port)
		s, err := startServer(label, filepath.Join(cfg.logs, logName), root, append(cfg.neo4j.env(), env...), lattice, "serve", "-addr", addr)
		if err != nil {
			return nil, err
		}
		servers = append(servers, s)
		if err := s.waitReady(ctx, "http://"+addr+"/readyz", "", cfg.readyTimeout); err != nil {
			return nil, err
		}
		return newGraphQL(label, "http://"+addr+"/graphql", false, cfg.conns), nil
	}
	status("starting Lattice, Lattice with its read cache off, and the peer")
	lat, err := startLattice("lattice", "lattice.log")
	if err != nil {
		return err
	}
	latNoCache, err := startLattice("lattice, cache off", "lattice-nocache.log", "LATTICE_READ_CACHE=false")
	if err != nil {
		return err
	}
	port, err := freePort()
	if err != nil {
		return err
	}
	ps, err := startServer("peer", filepath.Join(cfg.logs, "peer.log"), peerDir, append(cfg.neo4j.env(), fmt.Sprintf("PEER_PORT=%d", port)), "node", "server.js")
	if err != nil {
		return err
	}
	servers = append(servers, ps)
	peerURL := fmt.Sprintf("http://127.0.0.1:%d/graphql", port)
	if err := ps.waitReady(ctx, peerURL, `{"query":"{ __typename }"}`, cfg.readyTimeout); err != nil {
		return err
	}
	peer := newGraphQL("peer (@neo4j/graphql)", peerURL, true, cfg.conns)
	targets := []target{peer, lat, latNoCache, fl}

	sets, err := parameterSets(ctx, lat, fl)
	if err != nil {
		return err
	}
	var chosen []*read
	for i := range reads {
		if slices.Contains(cfg.reads, reads[i].name) {
			chosen = append(chosen, &reads[i])
		}
	}

	nodes, edges, err := graphSize(ctx, fl)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "benchpeer %s: Neo4j %s, %d nodes, %d edges; %d connections per server, %d interleaved rounds of %s, best round of each\n",
		time.Now().UTC().Format(time.DateOnly), cfg.neo4j.uri, nodes, edges, cfg.conns, cfg.rounds, cfg.round)
	for _, r := range chosen {
		sum, err := verify(ctx, r, sets[r.name], cfg.verify, targets)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "checksum %-13s %d parameter sets (of %d), sha256 %s... equal on all four\n", r.name, min(cfg.verify, len(sets[r.name])), len(sets[r.name]), sum[:16])
	}

	var rows []row
	for _, r := range chosen {
		rounds := make([][]result, len(targets))
		for n := range cfg.rounds {
			for i, t := range targets {
				res := measure(ctx, t, r, sets[r.name], cfg.conns, cfg.round)
				if err := ctx.Err(); err != nil {
					return err
				}
				status(fmt.Sprintf("%s round %d/%d %s: %.1f req/s, p99 %s ms, %d errors", r.name, n+1, cfg.rounds, t.name(), res.rps, ms(res.p99), res.errors))
				if res.firstErr != nil {
					status(fmt.Sprintf("  first error: %.300v", res.firstErr))
				}
				rounds[i] = append(rounds[i], res)
			}
		}
		for i, t := range targets {
			errs := 0
			for _, res := range rounds[i] {
				errs += res.errors
			}
			rows = append(rows, row{read: r, target: t.name(), best: best(rounds[i]), errors: errs, peer: t == target(peer)})
		}
	}
	fmt.Fprintln(stdout)
	for _, r := range chosen {
		fmt.Fprintf(stdout, "%s: %s\n", r.name, r.about)
	}
	fmt.Fprintln(stdout)
	printTable(stdout, rows)
	fmt.Fprintln(stdout, "\nthe goal: Lattice at least 2.00x the peer's req/s and at most 0.50x its p99 on every read")
	return nil
}

// status reports progress on stderr, apart from the figures on stdout.
func status(msg string) { fmt.Fprintln(os.Stderr, "benchpeer:", msg) }

// command runs a program to the end, its output in logPath.
func command(ctx context.Context, dir string, env []string, logPath, name string, args ...string) error {
	f, err := os.Create(logPath)
	if err != nil {
		return err
	}
	defer f.Close()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir, cmd.Stdout, cmd.Stderr = dir, f, f
	cmd.Env = append(os.Environ(), env...)
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s %s: %w; see %s", name, strings.Join(args, " "), err, logPath)
	}
	return nil
}

// ensureData makes the test database hold exactly what the benchmark reads,
// with the project's own commands: the sample graph (lattice sample leaves a
// database holding some of it alone), the O*NET release, and the CIP
// programs only with -programs (whose import reads the O*NET roles). A
// database holding programs when they are not wanted is emptied first, since
// no command removes one release alone.
func ensureData(ctx context.Context, cfg config, root, lattice string, fl *floor) error {
	data := cfg.data
	if !filepath.IsAbs(data) {
		data = filepath.Join(root, data)
	}
	present := func() (onetRoles, programs int64, err error) {
		res, err := neo4j.ExecuteQuery(ctx, fl.driver, statement("data_present"), nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(fl.database))
		if err != nil {
			return 0, 0, err
		}
		onetRoles, _, _ = neo4j.GetRecordValue[int64](res.Records[0], "onetRoles")
		programs, _, _ = neo4j.GetRecordValue[int64](res.Records[0], "programs")
		return onetRoles, programs, nil
	}
	_, programs, err := present()
	if err != nil {
		return err
	}
	if programs > 0 && !cfg.programs {
		status("emptying the test Neo4j: it holds the CIP programs, which this run leaves out (-programs=false)")
		if err := fl.empty(ctx); err != nil {
			return err
		}
	}
	env := cfg.neo4j.env()
	if err := command(ctx, root, env, filepath.Join(cfg.logs, "sample.log"), lattice, "sample"); err != nil {
		return err
	}
	onetRoles, programs, err := present()
	if err != nil {
		return err
	}
	if onetRoles == 0 {
		status("importing the O*NET release into the test Neo4j (a minute or two)")
		if err := command(ctx, root, env, filepath.Join(cfg.logs, "import-onet.log"), lattice, "import", "onet", filepath.Join(data, "onet")); err != nil {
			return err
		}
	}
	if programs == 0 && cfg.programs {
		status("importing the CIP programs into the test Neo4j (a minute or two)")
		if err := command(ctx, root, env, filepath.Join(cfg.logs, "import-cip.log"), lattice, "import", "cip", filepath.Join(data, "cip")); err != nil {
			return err
		}
	}
	return nil
}

// parameterSets lists each read's parameter sets, shuffled with a fixed seed
// so that consecutive requests read different parts of the graph and every
// run sends the same sequence. Pages cover every role; Lattice's cursors
// come from walking its pages once.
func parameterSets(ctx context.Context, lat *graphQL, fl *floor) (map[string][]params, error) {
	cursors, err := walkCursors(ctx, lat)
	if err != nil {
		return nil, err
	}
	res, err := neo4j.ExecuteQuery(ctx, fl.driver, statement("onet_roles"), nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(fl.database))
	if err != nil {
		return nil, err
	}
	if len(res.Records) == 0 {
		return nil, errors.New("the test Neo4j holds no O*NET role with skills")
	}
	out := map[string][]params{}
	for _, r := range reads {
		var sets []params
		if r.pageSize == 0 {
			for _, rec := range res.Records {
				id, _, _ := neo4j.GetRecordValue[string](rec, "id")
				sets = append(sets, params{id: id})
			}
		} else {
			for off := 0; off < len(cursors); off += r.pageSize {
				p := params{offset: off}
				if off > 0 {
					p.after = &cursors[off-1]
				}
				sets = append(sets, p)
			}
		}
		rand.New(rand.NewPCG(1, 2)).Shuffle(len(sets), func(i, j int) { sets[i], sets[j] = sets[j], sets[i] })
		out[r.name] = sets
	}
	return out, nil
}

// walkCursors returns the cursor of every role, in Lattice's order.
func walkCursors(ctx context.Context, lat *graphQL) ([]string, error) {
	const query = `query($after: String) { roles(first: 100, after: $after) { edges { cursor } pageInfo { hasNextPage endCursor } } }`
	var cursors []string
	var after *string
	for {
		b, err := lat.postRaw(ctx, query, map[string]any{"after": after})
		if err != nil {
			return nil, fmt.Errorf("walk Lattice's role pages: %w", err)
		}
		var a struct {
			gqlError
			Data struct {
				Roles struct {
					Edges    []struct{ Cursor string }
					PageInfo struct {
						HasNextPage bool
						EndCursor   string
					}
				}
			}
		}
		if err := json.Unmarshal(b, &a); err != nil {
			return nil, err
		}
		if err := a.err(); err != nil {
			return nil, err
		}
		for _, e := range a.Data.Roles.Edges {
			cursors = append(cursors, e.Cursor)
		}
		if !a.Data.Roles.PageInfo.HasNextPage {
			return cursors, nil
		}
		after = &a.Data.Roles.PageInfo.EndCursor
	}
}

// verify fetches a spread of parameter sets from every target and fails
// with a diff unless the normalised answers are equal; it returns their
// checksum.
func verify(ctx context.Context, r *read, sets []params, n int, targets []target) (string, error) {
	n = min(n, len(sets))
	sum := sha256.New()
	for k := range n {
		p := sets[k*len(sets)/n]
		var want []role
		var wantHash string
		for i, t := range targets {
			got, err := fetchRetrying(ctx, t, r, p)
			if err != nil {
				return "", fmt.Errorf("%s on %s (%v): %w", r.name, t.name(), p, err)
			}
			if len(got) == 0 {
				return "", fmt.Errorf("%s on %s (%v): no roles: nothing to compare", r.name, t.name(), p)
			}
			b, err := json.Marshal(got)
			if err != nil {
				return "", err
			}
			h := sha256.Sum256(b)
			if i == 0 {
				want, wantHash = got, hex.EncodeToString(h[:])
				sum.Write(h[:])
				continue
			}
			if hex.EncodeToString(h[:]) != wantHash {
				diff := strings.Split(cmp.Diff(want, got), "\n")
				if len(diff) > 80 {
					diff = append(diff[:80], fmt.Sprintf("... (%d more lines)", len(diff)-80))
				}
				return "", fmt.Errorf("%s (%v): %s answers differently from %s (-%s +%s):\n%s",
					r.name, p, t.name(), targets[0].name(), targets[0].name(), t.name(), strings.Join(diff, "\n"))
			}
		}
	}
	return hex.EncodeToString(sum.Sum(nil)), nil
}

// fetchRetrying is fetch, tried up to three times: on a busy shared machine a
// request can outlast a server's write timeout, which says nothing about
// whether its answer is right.
func fetchRetrying(ctx context.Context, t target, r *read, p params) ([]role, error) {
	var err error
	for try := range 3 {
		if try > 0 {
			status(fmt.Sprintf("%s on %s: %v; trying again", r.name, t.name(), err))
			time.Sleep(time.Second)
		}
		var got []role
		if got, err = t.fetch(ctx, r, p); err == nil || ctx.Err() != nil {
			return got, err
		}
	}
	return nil, err
}

func graphSize(ctx context.Context, fl *floor) (nodes, edges int64, err error) {
	res, err := neo4j.ExecuteQuery(ctx, fl.driver, statement("graph_size"), nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(fl.database))
	if err != nil {
		return 0, 0, err
	}
	nodes, _, _ = neo4j.GetRecordValue[int64](res.Records[0], "nodes")
	edges, _, _ = neo4j.GetRecordValue[int64](res.Records[0], "edges")
	return nodes, edges, nil
}

// moduleRoot is the folder holding go.mod, at or above the working directory.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("run benchpeer inside the Lattice module (no go.mod above the working directory)")
		}
		dir = parent
	}
}
