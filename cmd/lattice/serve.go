package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/rs/zerolog"

	"github.com/lattice-pathways/lattice/cache"
	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/metrics"
	"github.com/lattice-pathways/lattice/resolvers"
	"github.com/lattice-pathways/lattice/web"
)

// Main is the service: configured by ParseFlags, started by Run, stopped by
// Close. Tests run it on :0.
type Main struct {
	Log        zerolog.Logger
	Neo4j      cypher.Config
	Addr       string
	LoadSample bool
	Handler    resolvers.Config
	// ReadCache turns the read cache on, ReadCacheMB bounds its entries'
	// estimated bytes (0: cache.DefaultBytes), ReadCacheSize their count
	// and ReadCacheAnswerMB the bytes of the whole answers it keeps.
	ReadCache         bool
	ReadCacheSize     int
	ReadCacheMB       int
	ReadCacheAnswerMB int
	// ReadCacheWarm warms the read cache after every graph change.
	ReadCacheWarm bool
	// LogFormat is -log-format; main builds the logger from its environment default.
	LogFormat string
	// The server's timeouts; WriteTimeout 0 means the request timeout plus 5 s.
	ReadHeaderTimeout, ReadTimeout, WriteTimeout, IdleTimeout time.Duration
	// Metrics is what /metrics serves (made by Run when nil).
	Metrics *metrics.Metrics

	Store          *cypher.Store
	trustedProxies listFlag
	listener       net.Listener
	server         *http.Server
	stopWarm       context.CancelFunc // nil when no warmer runs
	warmDone       chan struct{}
}

// NewMain returns a Main with its defaults.
func NewMain(log zerolog.Logger) *Main {
	return &Main{Log: log}
}

// ParseFlags reads the serve flags; their defaults come from the environment.
func (m *Main) ParseFlags(args []string) error {
	fs := flag.NewFlagSet("lattice serve", flag.ContinueOnError)
	neo4jFlags(fs, &m.Neo4j)
	fs.StringVar(&m.Addr, "addr", env("LATTICE_ADDR", ":8080"), "listen address (env LATTICE_ADDR)")
	fs.BoolVar(&m.LoadSample, "load-sample", env("LATTICE_LOAD_SAMPLE", "") == "true", "load the sample graph when the database holds none of it (env LATTICE_LOAD_SAMPLE=true)")
	fs.BoolVar(&m.Handler.ReadsNeedToken, "reads-need-token", env("LATTICE_READS_NEED_TOKEN", "") == "true", "require the API token for reads too (env LATTICE_READS_NEED_TOKEN=true)")
	fs.DurationVar(&m.Handler.RequestTimeout, "request-timeout", envDuration("LATTICE_REQUEST_TIMEOUT", 10*time.Second), "per-request timeout, passed to Neo4j as the transaction timeout (env LATTICE_REQUEST_TIMEOUT)")
	fs.IntVar(&m.Handler.ComplexityLimit, "complexity-limit", envInt("LATTICE_COMPLEXITY_LIMIT", 2000), "largest query complexity (env LATTICE_COMPLEXITY_LIMIT)")
	fs.IntVar(&m.Handler.DepthLimit, "depth-limit", envInt("LATTICE_DEPTH_LIMIT", 12), "deepest query selection (env LATTICE_DEPTH_LIMIT)")
	introspection := fs.Bool("introspection", env("LATTICE_INTROSPECTION", "") != "false", "answer introspection (__schema, __type) queries (env LATTICE_INTROSPECTION=false turns it off)")
	graphiql := fs.Bool("graphiql", env("LATTICE_GRAPHIQL", "") != "false", "serve GraphiQL at /graphiql (env LATTICE_GRAPHIQL=false turns it off)")
	fs.BoolVar(&m.ReadCache, "read-cache", env("LATTICE_READ_CACHE", "") != "false", "keep reads and question answers in memory by graph version, which every write bumps (env LATTICE_READ_CACHE=false turns it off)")
	fs.IntVar(&m.ReadCacheSize, "read-cache-size", envInt("LATTICE_READ_CACHE_SIZE", cache.DefaultSize), "most entries the read cache holds: one per node list or question input; a guard, -read-cache-mb is the bound (env LATTICE_READ_CACHE_SIZE)")
	fs.IntVar(&m.ReadCacheMB, "read-cache-mb", envInt("LATTICE_READ_CACHE_MB", cache.DefaultBytes>>20), "megabytes the read cache's entries may weigh, by estimate (env LATTICE_READ_CACHE_MB)")
	fs.IntVar(&m.ReadCacheAnswerMB, "read-cache-answer-mb", envInt("LATTICE_READ_CACHE_ANSWER_MB", cache.DefaultAnswerBytes>>20), "megabytes of whole query answers the read cache keeps; 0 keeps none (env LATTICE_READ_CACHE_ANSWER_MB)")
	fs.BoolVar(&m.ReadCacheWarm, "read-cache-warm", env("LATTICE_READ_CACHE_WARM", "") != "false", "with the read cache on, read every role's question inputs into it whenever the graph version changes, in the background (env LATTICE_READ_CACHE_WARM=false turns it off)")
	opsFlags(fs, m)
	fs.DurationVar(&m.Neo4j.CheckInterval, "neo4j-check-interval", envDuration("LATTICE_NEO4J_CHECK_INTERVAL", 500*time.Millisecond), "how often a readiness check queries Neo4j; while it fails, requests fail at once with UNAVAILABLE; 0 turns it off (env LATTICE_NEO4J_CHECK_INTERVAL)")
	// The API token is a secret: environment only.
	m.Handler.APIToken = os.Getenv("LATTICE_API_TOKEN")
	if err := fs.Parse(args); err != nil {
		return err
	}
	m.Handler.NoIntrospection, m.Handler.NoGraphiQL = !*introspection, !*graphiql
	if fs.NArg() > 0 {
		return fmt.Errorf("serve takes no arguments, got %q", fs.Args())
	}
	if m.ReadCacheMB < 1 {
		return fmt.Errorf("-read-cache-mb is %d; give 1 or more (-read-cache=false turns the cache off)", m.ReadCacheMB)
	}
	if m.ReadCacheAnswerMB < 0 {
		return fmt.Errorf("-read-cache-answer-mb is %d; give 0 (keep no whole answers) or more", m.ReadCacheAnswerMB)
	}
	if err := m.parseOpsFlags(fs); err != nil {
		return err
	}
	return resolveLocal(&m.Neo4j)
}

// Run connects to Neo4j, applies the schema, loads the sample graph when
// asked, and starts serving in the background.
func (m *Main) Run(ctx context.Context) error {
	store, err := openStore(ctx, m.Neo4j, m.Log)
	if err != nil {
		return err
	}
	m.Store = store
	if m.LoadSample {
		loaded, err := store.LoadSample(ctx)
		if err != nil {
			return fmt.Errorf("load sample graph: %w", err)
		}
		if loaded {
			m.Log.Info().Msg("loaded the sample graph")
		} else {
			m.Log.Info().Msg("the database already holds sample data; left it as it is")
		}
	}
	if m.Metrics == nil {
		m.Metrics = metrics.New()
	}
	cfg := m.Handler
	cfg.Store, cfg.Log, cfg.Metrics = store, m.Log, m.Metrics
	if m.ReadCache {
		if cfg.ReadCache, err = cache.New(m.ReadCacheSize, m.Metrics); err != nil {
			return fmt.Errorf("read cache: %w", err)
		}
		cfg.ReadCache.SetAnswerBytes(int64(m.ReadCacheAnswerMB) << 20)
		if m.ReadCacheMB > 0 {
			cfg.ReadCache.SetBytes(int64(m.ReadCacheMB) << 20)
		}
		if m.ReadCacheWarm {
			if err := m.startWarmer(store, cfg.ReadCache); err != nil {
				return err
			}
		}
	}
	api, err := resolvers.NewHandler(cfg)
	if err != nil {
		return err
	}
	// The explorer serves its pages and passes every other path to the API.
	h, err := web.New(web.Config{API: api, Log: m.Log})
	if err != nil {
		return err
	}
	if cfg.APIToken == "" {
		m.Log.Warn().Msg("LATTICE_API_TOKEN is not set: every write is refused")
	}
	m.listener, err = net.Listen("tcp", m.Addr)
	if err != nil {
		return err
	}
	m.server = m.httpServer(h)
	go func() {
		if err := m.server.Serve(m.listener); err != nil && !errors.Is(err, http.ErrServerClosed) {
			m.Log.Error().Err(err).Msg("serve")
		}
	}()
	m.Log.Info().Str("explorer", "http://"+m.URL()+"/").Str("graphql", "http://"+m.URL()+"/graphql").Str("graphiql", "http://"+m.URL()+"/graphiql").Msg("serving")
	return nil
}

// startWarmer warms c in the background until Close. It polls the graph
// version as often as the readiness check queries Neo4j (every second when
// that check is off).
func (m *Main) startWarmer(store *cypher.Store, c *cache.Cache) error {
	// The warmer's statements are not requests': they stay out of the
	// statement metrics, and the warm-up metrics count them instead.
	w, err := resolvers.NewWarmer(store, c, m.Log, m.Metrics)
	if err != nil {
		return err
	}
	every := m.Neo4j.CheckInterval
	if every <= 0 {
		every = time.Second
	}
	ctx, cancel := context.WithCancel(context.Background())
	m.stopWarm, m.warmDone = cancel, make(chan struct{})
	go func() {
		defer close(m.warmDone)
		w.Run(ctx, every)
	}()
	return nil
}

// URL is the host:port being served (the real port when Addr is :0).
func (m *Main) URL() string {
	if m.listener == nil {
		return m.Addr
	}
	addr := m.listener.Addr().(*net.TCPAddr)
	host := addr.IP.String()
	if addr.IP.IsUnspecified() {
		host = "localhost"
	}
	return net.JoinHostPort(host, fmt.Sprint(addr.Port))
}

// Close stops serving, letting requests in flight finish, and closes the store.
func (m *Main) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	var err error
	if m.stopWarm != nil {
		m.stopWarm() // it stops after its current statement
	}
	if m.server != nil {
		err = m.server.Shutdown(ctx)
	}
	if m.warmDone != nil {
		<-m.warmDone
	}
	if m.Store != nil {
		err = errors.Join(err, m.Store.Close(ctx))
	}
	return err
}

// openStore connects and applies the schema (idempotent).
func openStore(ctx context.Context, cfg cypher.Config, log zerolog.Logger) (*cypher.Store, error) {
	openCtx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	store, err := cypher.Open(openCtx, cfg, log)
	if err != nil {
		return nil, err
	}
	if err := store.ApplySchema(openCtx); err != nil {
		store.Close(ctx)
		return nil, err
	}
	return store, nil
}
