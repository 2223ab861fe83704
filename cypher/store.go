// Package cypher is everything that talks to Neo4j: the store, one embedded
// .cypher file per statement, the schema (constraints and indexes), the sample
// graph loader and the writes. It returns the domain types of package pathway
// and wraps pathway's sentinel errors.
package cypher

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"strings"
	"sync/atomic"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	neo4jconfig "github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
	"github.com/rs/zerolog"

	"github.com/lattice-pathways/lattice/pathway"
)

//go:embed queries/*.cypher
var queryFiles embed.FS

// statements holds every embedded statement by its file name without ".cypher".
var statements = mustLoadStatements()

func mustLoadStatements() map[string]string {
	entries, err := fs.ReadDir(queryFiles, "queries")
	if err != nil {
		panic(err)
	}
	m := make(map[string]string, len(entries))
	for _, e := range entries {
		b, err := fs.ReadFile(queryFiles, path.Join("queries", e.Name()))
		if err != nil {
			panic(err)
		}
		m[strings.TrimSuffix(e.Name(), ".cypher")] = string(b)
	}
	return m
}

// statement returns an embedded statement; a missing one is a programming
// error caught by the tests that run every statement.
func statement(name string) string {
	s, ok := statements[name]
	if !ok {
		panic("cypher: no statement " + name)
	}
	return s
}

// Statements returns the names and texts of every embedded statement, for the
// test that runs EXPLAIN on each.
func Statements() map[string]string {
	return maps.Clone(statements)
}

// Config says how to reach Neo4j.
type Config struct {
	URI      string
	Username string
	Password string
	Database string
	// Timeout bounds every transaction that has no earlier context deadline;
	// it reaches Neo4j as the transaction timeout.
	Timeout time.Duration
	// ConnectTimeout bounds each attempt to open a connection or to take one
	// from the pool (the driver's SocketConnectTimeout and
	// ConnectionAcquisitionTimeout, 5 s and 1 min by default); zero means 2 s.
	ConnectTimeout time.Duration
	// RetryTime bounds the driver's retries of transient failures (a
	// cluster's leader change, a dropped connection) within one call; zero
	// means 5 s. A request's deadline bounds them too.
	RetryTime time.Duration
	// CheckInterval is how often a background readiness check runs a query.
	// Once it fails, calls fail at once with ErrUnavailable (those in flight
	// too) until a check passes again. Zero turns the check off.
	CheckInterval time.Duration
}

// Store runs the embedded statements against one Neo4j database. Every
// method returns pathway.ErrTimeout once its context's deadline (or the
// store's Timeout, which reaches Neo4j as the transaction timeout) passes,
// and an error wrapping context.Canceled once its context is cancelled.
type Store struct {
	driver   neo4j.DriverWithContext
	database string
	timeout  time.Duration
	log      zerolog.Logger
	trips    *atomic.Int64 // shared with the copies WithObserver makes
	observer Observer
	breaker  *breaker // nil when CheckInterval is zero
}

// Observer is told of every statement the store sends: its name (the
// .cypher file's), how long the round trip took and the error it returned.
// Metrics implement it; the store itself stays free of them.
type Observer interface {
	ObserveStatement(name string, d time.Duration, err error)
}

// WithObserver returns a store on the same driver that reports each
// statement to o, and to the observer s reports to, if any (so a test's
// observer still hears a store the service wraps for its metrics); the
// original reports nothing new.
func (s *Store) WithObserver(o Observer) *Store {
	c := *s
	c.observer = o
	if s.observer != nil && o != nil {
		c.observer = observers{s.observer, o}
	}
	return &c
}

// observers reports to each of them.
type observers []Observer

func (os observers) ObserveStatement(name string, d time.Duration, err error) {
	for _, o := range os {
		o.ObserveStatement(name, d, err)
	}
}

// observe reports a statement started at start, for a deferred call.
func (s *Store) observe(name string, start time.Time, err *error) {
	if s.observer != nil {
		s.observer.ObserveStatement(name, time.Since(start), *err)
	}
}

// Open connects to Neo4j and checks that it answers. It returns
// pathway.ErrUnavailable when Neo4j cannot be reached.
func Open(ctx context.Context, cfg Config, log zerolog.Logger) (*Store, error) {
	if cfg.URI == "" {
		return nil, fmt.Errorf("cypher.Open: no Neo4j URI: %w", pathway.ErrInvalid)
	}
	if cfg.Database == "" {
		cfg.Database = "neo4j"
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 10 * time.Second
	}
	if cfg.ConnectTimeout <= 0 {
		cfg.ConnectTimeout = 2 * time.Second
	}
	if cfg.RetryTime <= 0 {
		cfg.RetryTime = 5 * time.Second
	}
	driver, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.Username, cfg.Password, ""),
		func(c *neo4jconfig.Config) {
			c.SocketConnectTimeout = cfg.ConnectTimeout
			c.ConnectionAcquisitionTimeout = cfg.ConnectTimeout
			c.MaxTransactionRetryTime = cfg.RetryTime
		})
	if err != nil {
		return nil, fmt.Errorf("cypher.Open(%s): %v: %w", cfg.URI, err, pathway.ErrInvalid)
	}
	s := &Store{driver: driver, database: cfg.Database, timeout: cfg.Timeout, log: log, trips: new(atomic.Int64)}
	if err := s.Ping(ctx); err != nil {
		driver.Close(ctx)
		return nil, fmt.Errorf("cypher.Open(%s): %w", cfg.URI, err)
	}
	if cfg.CheckInterval > 0 {
		s.breaker = newBreaker(s.check, cfg.CheckInterval, cfg.ConnectTimeout, log)
	}
	return s, nil
}

// Close releases the driver's connections.
func (s *Store) Close(ctx context.Context) (err error) {
	defer wrap(&err, "cypher.Close")
	s.breaker.close()
	return s.driver.Close(ctx)
}

// Ping runs a real query: readiness means Neo4j answers, not that a port is
// open. While the readiness check fails it returns ErrUnavailable at once.
func (s *Store) Ping(ctx context.Context) (err error) {
	defer wrap(&err, "cypher.Ping")
	_, err = s.read(ctx, "ping", nil)
	return err
}

// check is the breaker's readiness check: the ping statement in an
// auto-commit transaction, which the driver does not retry, so a refused
// connection fails it at once. It does not count as a round trip.
func (s *Store) check(ctx context.Context) error {
	session := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.database, AccessMode: neo4j.AccessModeRead})
	defer session.Close(ctx)
	res, err := session.Run(ctx, statement("ping"), nil)
	if err != nil {
		return err
	}
	_, err = res.Consume(ctx)
	return err
}

// Version identifies the graph as the last write through Lattice left it:
// Epoch is made with the version node (a wiped database makes a new one), N
// counts the write transactions since. The zero Version means no write
// through Lattice has made the node yet: nothing can be keyed by it.
type Version struct {
	Epoch string
	N     int64
}

// GraphVersion reads the graph version in one round trip; like every read it
// returns ErrUnavailable at once while the readiness check fails.
func (s *Store) GraphVersion(ctx context.Context) (v Version, err error) {
	defer wrap(&err, "cypher.GraphVersion")
	recs, err := s.read(ctx, "graph_version", nil)
	if err != nil || len(recs) != 1 {
		return v, err
	}
	if epoch, ok := get(recs[0], "epoch").(string); ok {
		v = Version{Epoch: epoch, N: int64(intOf(get(recs[0], "n")))}
	}
	return v, nil
}

// RoundTrips counts the statements sent since the store opened, so tests can
// prove a request costs a fixed number of round trips.
func (s *Store) RoundTrips() int64 { return s.trips.Load() }

// txTimeout is what is left of the context's deadline, or the default.
func (s *Store) txTimeout(ctx context.Context) time.Duration {
	if d, ok := ctx.Deadline(); ok {
		if left := time.Until(d); left > 0 {
			return left
		}
		return time.Millisecond
	}
	return s.timeout
}

// read runs one named read statement and returns its records.
func (s *Store) read(ctx context.Context, name string, params map[string]any) (_ []*neo4j.Record, err error) {
	ctx, release, err := s.breaker.guard(ctx)
	if err != nil {
		return nil, fmt.Errorf("cypher %s: %w", name, err)
	}
	defer release()
	s.trips.Add(1)
	defer s.observe(name, time.Now(), &err)
	res, err := neo4j.ExecuteQuery(ctx, s.driver, statement(name), params,
		neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.database),
		neo4j.ExecuteQueryWithReadersRouting(),
		neo4j.ExecuteQueryWithTransactionConfig(neo4j.WithTxTimeout(s.txTimeout(ctx))))
	if err != nil {
		return nil, s.classify(ctx, name, err)
	}
	return res.Records, nil
}

// tx is a write transaction: every statement it runs commits together or not at all.
type tx struct {
	s   *Store
	tx  neo4j.ManagedTransaction
	ctx context.Context // the write's context, which the breaker can cut short
}

// run runs one named statement inside the transaction, under the write's
// context: ctx is the one the caller gave write, which the closure captured.
func (t tx) run(ctx context.Context, name string, params map[string]any) (_ []*neo4j.Record, err error) {
	ctx = t.ctx
	t.s.trips.Add(1)
	defer t.s.observe(name, time.Now(), &err)
	res, err := t.tx.Run(ctx, statement(name), params)
	if err != nil {
		return nil, t.s.classify(ctx, name, err)
	}
	recs, err := res.Collect(ctx)
	if err != nil {
		return nil, t.s.classify(ctx, name, err)
	}
	return recs, nil
}

// write runs fn in one write transaction (retried by the driver on transient
// errors) so that a failure leaves nothing behind. It is the one path of
// every data write: the transaction also bumps the graph version, which the
// read caches of every Lattice on this database key their entries by.
func (s *Store) write(ctx context.Context, fn func(tx) error) error {
	ctx, release, err := s.breaker.guard(ctx)
	if err != nil {
		return fmt.Errorf("cypher write: %w", err)
	}
	defer release()
	session := s.driver.NewSession(ctx, s.writeSession())
	defer session.Close(ctx)
	_, err = session.ExecuteWrite(ctx, func(t neo4j.ManagedTransaction) (any, error) {
		t2 := tx{s: s, tx: t, ctx: ctx}
		if err := fn(t2); err != nil {
			return nil, err
		}
		// Last, so the version node's lock is held only until the commit.
		_, err := t2.run(ctx, "bump_graph_version", nil)
		return nil, err
	}, neo4j.WithTxTimeout(s.txTimeout(ctx)))
	if err != nil && (!isClassified(err) || errors.Is(context.Cause(ctx), errStoreDown)) {
		return s.classify(ctx, "write", err)
	}
	return err
}

func isClassified(err error) bool {
	return errors.Is(err, pathway.ErrNotFound) || errors.Is(err, pathway.ErrInvalid) ||
		errors.Is(err, pathway.ErrUnavailable) ||
		errors.Is(err, pathway.ErrTimeout) || errors.Is(err, context.Canceled)
}

// classify maps driver errors onto the sentinel errors. The context is asked
// first: once it is cancelled or past its deadline, whatever the driver says
// (a pool timeout, a dropped connection) is only the consequence, and Neo4j
// itself is fine.
func (s *Store) classify(ctx context.Context, name string, err error) error {
	// The breaker cut the call short: whatever the driver made of that (a
	// cancelled context, a closed connection), Neo4j is what failed. A
	// domain answer that arrived first still stands.
	if errors.Is(context.Cause(ctx), errStoreDown) &&
		!errors.Is(err, pathway.ErrNotFound) && !errors.Is(err, pathway.ErrInvalid) {
		return fmt.Errorf("cypher %s: %v: %w", name, err, pathway.ErrUnavailable)
	}
	if isClassified(err) {
		return err
	}
	ctxErr := ctx.Err()
	switch {
	case errors.Is(ctxErr, context.DeadlineExceeded), errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("cypher %s: %v: %w", name, err, pathway.ErrTimeout)
	case errors.Is(ctxErr, context.Canceled):
		return fmt.Errorf("cypher %s: %v: %w", name, err, context.Canceled)
	}
	var neoErr *neo4j.Neo4jError
	if errors.As(err, &neoErr) {
		switch {
		case neoErr.Code == "Neo.ClientError.Schema.ConstraintValidationFailed":
			return fmt.Errorf("%s: %s: %w", name, neoErr.Msg, pathway.ErrInvalid)
		case strings.HasPrefix(neoErr.Code, "Neo.ClientError.Transaction.TransactionTimedOut"):
			// The request's deadline reached Neo4j as the transaction timeout.
			return fmt.Errorf("%s: %s: %w", name, neoErr.Msg, pathway.ErrTimeout)
		case strings.HasPrefix(neoErr.Code, "Neo.TransientError"):
			return fmt.Errorf("%s: %s: %w", name, neoErr.Msg, pathway.ErrUnavailable)
		}
		return fmt.Errorf("cypher %s: %w", name, err)
	}
	if neo4j.IsConnectivityError(err) || isUsageTimeout(err) {
		return fmt.Errorf("cypher %s: %v: %w", name, err, pathway.ErrUnavailable)
	}
	return fmt.Errorf("cypher %s: %w", name, err)
}

func isUsageTimeout(err error) bool {
	var te *neo4j.TransactionExecutionLimit
	var ce *neo4j.ConnectivityError
	return errors.As(err, &te) || errors.As(err, &ce)
}

// writeSession configures write sessions. They share ExecuteQuery's bookmark
// manager, so on a cluster a read that follows a write sees it.
func (s *Store) writeSession() neo4j.SessionConfig {
	return neo4j.SessionConfig{DatabaseName: s.database, AccessMode: neo4j.AccessModeWrite,
		BookmarkManager: s.driver.ExecuteQueryBookmarkManager()}
}

// wrap names the call that failed, keeping the sentinel for the presenter:
// every exported store method opens with `defer wrap(&err, "cypher.X(%s)", id)`.
func wrap(err *error, format string, args ...any) {
	if *err != nil {
		*err = fmt.Errorf("%s: %w", fmt.Sprintf(format, args...), *err)
	}
}

// Notice is a notification Neo4j raised while planning a statement.
type Notice struct {
	Code, Severity, Category, Title, Description string
}

// Explain plans a named statement with EXPLAIN, without running it, and
// returns Neo4j's notifications; parameters are passed as nulls. Tests use it
// to keep every embedded statement free of errors and performance warnings.
func (s *Store) Explain(ctx context.Context, name string) (notices []Notice, err error) {
	defer wrap(&err, "cypher.Explain(%s)", name)
	params := map[string]any{}
	for _, m := range paramPattern.FindAllStringSubmatch(statement(name), -1) {
		params[m[1]] = nil
	}
	session := s.driver.NewSession(ctx, s.writeSession())
	defer session.Close(ctx)
	res, err := session.Run(ctx, "EXPLAIN "+statement(name), params)
	if err != nil {
		return nil, err
	}
	sum, err := res.Consume(ctx)
	if err != nil {
		return nil, err
	}
	var out []Notice
	for _, n := range sum.Notifications() {
		out = append(out, Notice{Code: n.Code(), Severity: n.RawSeverityLevel(), Category: n.RawCategory(), Title: n.Title(), Description: n.Description()})
	}
	return out, nil
}

var paramPattern = regexp.MustCompile(`\$([A-Za-z_][A-Za-z0-9_]*)`)
