package resolvers

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"net/http"
	"net/netip"
	"strings"
	"sync/atomic"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/rs/zerolog"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"

	"github.com/lattice-pathways/lattice/cache"
	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/graph"
	"github.com/lattice-pathways/lattice/loaders"
	"github.com/lattice-pathways/lattice/metrics"
	"github.com/lattice-pathways/lattice/pathway"
)

// Config assembles the HTTP service.
type Config struct {
	Store *cypher.Store
	Log   zerolog.Logger
	// APIToken authorizes writes; empty refuses every write.
	APIToken string
	// ReadsNeedToken makes reads need the token too.
	ReadsNeedToken bool
	// RequestTimeout bounds every request; it reaches Neo4j as the transaction timeout.
	RequestTimeout time.Duration
	// ComplexityLimit and DepthLimit bound what one query may ask for.
	ComplexityLimit int
	DepthLimit      int
	// NoIntrospection refuses __schema and __type; NoGraphiQL serves no GraphiQL.
	NoIntrospection bool
	NoGraphiQL      bool
	// Metrics counts requests, Neo4j statements, planner runs and imports,
	// served at /metrics; nil makes a registry of the handler's own.
	Metrics *metrics.Metrics
	// MaxBody bounds a request body in bytes (default DefaultMaxBody): past
	// it, 413 before GraphQL reads any of it.
	MaxBody int64
	// CORSOrigins are the browser origins allowed to call the API ("*" for
	// any); none sends no CORS headers.
	CORSOrigins []string
	// RateLimit is the requests per second one client may make on average,
	// RateBurst how many at once; 0 means no limit.
	RateLimit float64
	RateBurst int
	// TrustedProxies are the networks whose X-Forwarded-For names the client.
	TrustedProxies []netip.Prefix
	// ReadCache keeps reads and question answers by graph version across
	// requests (see package cache); nil reads Neo4j for every request.
	ReadCache *cache.Cache
	// noPrefetch turns off the root fields' lookahead reads (tests only).
	noPrefetch bool
	// noFastPage leaves roles(...) to gqlgen's own marshalling (fastpage.go;
	// tests only).
	noFastPage bool
	// fastPages counts the answers fastpage.go gave (tests only).
	fastPages *atomic.Int64
}

// NewHandler returns the service: GraphQL at /graphql, GraphiQL at /graphiql
// (unless NoGraphiQL), /healthz (the process is up), /readyz (Neo4j answers
// a query) and /metrics. The explorer (package web) serves / in front of it.
func NewHandler(cfg Config) (http.Handler, error) {
	return newHandler(cfg)
}

// newHandler is NewHandler with hooks on the GraphQL server, which tests use
// to reach paths no query can (a resolver that panics). With hooks, roles(...)
// takes gqlgen's path (see fastpage.go).
func newHandler(cfg Config, hooks ...func(*handler.Server)) (http.Handler, error) {
	if cfg.Store == nil {
		return nil, errors.New("resolvers.NewHandler: no store")
	}
	if cfg.RequestTimeout <= 0 {
		cfg.RequestTimeout = 10 * time.Second
	}
	if cfg.ComplexityLimit <= 0 {
		cfg.ComplexityLimit = 2000
	}
	if cfg.DepthLimit <= 0 {
		cfg.DepthLimit = 12
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	if cfg.Metrics == nil {
		cfg.Metrics = metrics.New()
	}
	cors, err := newCORS(cfg.CORSOrigins)
	if err != nil {
		return nil, err
	}
	store := cfg.Store.WithObserver(cfg.Metrics)
	resolver := &Resolver{store: store, src: newSource(store), metrics: cfg.Metrics, noPrefetch: cfg.noPrefetch}
	schema := graph.NewExecutableSchema(graph.Config{Resolvers: resolver, Complexity: complexity()})
	srv := handler.New(schema)
	srv.AddTransport(transport.Options{})
	srv.AddTransport(getTransport{})
	srv.AddTransport(postTransport{})
	srv.AddTransport(otherMethods{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.Use(observeOperation{}) // first: it notes the name even of refused operations
	if !cfg.NoIntrospection {
		srv.Use(extension.Introspection{})
	}
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](100)})
	srv.Use(checkLists{schema: schema.Schema()}) // before complexity: a too-long list says so
	srv.Use(extension.FixedComplexityLimit(cfg.ComplexityLimit))
	srv.Use(authFirst{token: cfg.APIToken, readsNeedToken: cfg.ReadsNeedToken})
	srv.Use(newDepthLimit(cfg.DepthLimit, cfg.NoIntrospection))
	srv.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		ctx = pathway.WithPlanObserver(ctx, cfg.Metrics.ObservePlan)
		// Queries only: a mutation reads what it has just written.
		if op := graphql.GetOperationContext(ctx).Operation; op != nil && op.Operation == ast.Query {
			ctx = cfg.ReadCache.Begin(ctx, func(ctx context.Context) (cache.Version, error) {
				v, err := store.GraphVersion(ctx)
				return cache.Version(v), err
			})
		}
		return next(ctx)
	})
	// The fast path calls no field middleware: it stays off when hooks may
	// add one (the tests' faults).
	if !cfg.noFastPage && len(hooks) == 0 {
		srv.AroundRootFields(fastRoles(resolver, cfg.fastPages))
	}
	srv.AroundResponses(withTimeout(cfg.RequestTimeout))
	if cfg.ReadCache != nil {
		// Without a cache there is nothing to key: no digest per request.
		srv.AroundResponses(answerCache)
	}
	srv.SetErrorPresenter(noteCode(presentError(cfg.Log, cfg.RequestTimeout)))
	srv.SetRecoverFunc(recoverPanic(cfg.Log))
	for _, hook := range hooks {
		hook(srv)
	}

	mux := http.NewServeMux()
	addr := clientAddr(cfg.TrustedProxies)
	limit := newRateLimit(cfg.RateLimit, cfg.RateBurst, cfg.APIToken, addr)
	mux.Handle("/graphql", limit.wrap(limitBody(cfg.MaxBody, withBearer(loaders.Middleware(store, srv)))))
	mux.Handle("GET /metrics", cfg.Metrics.Handler())
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := store.Ping(ctx); err != nil {
			log := requestLog(r.Context(), cfg.Log)
			log.Warn().Err(err).Msg("not ready")
			http.Error(w, "neo4j unavailable\n", http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("ready\n"))
	})
	if !cfg.NoGraphiQL {
		graphiql := graphiqlHandler()
		mux.Handle("/graphiql", graphiql)
		mux.Handle("/graphiql/", graphiql)
	}
	return observe(cfg.Log, cfg.Metrics, addr, cors.wrap(mux)), nil
}

// withTimeout bounds the execution of an operation. It wraps the response
// rather than the HTTP request: gqlgen answers a bare null, without errors,
// when the context is already done before execution starts, so a deadline
// set outside would hide TIMEOUT from the client.
// answerCache answers a query asked before in the same graph version with
// the answer it got then, without running a resolver: the same document,
// operation and variables give the same answer until a write. Only a
// complete answer (no errors) is kept; mutations never are (no cache scope).
func answerCache(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	// A refused request (DispatchError) has no operation to key by.
	if !graphql.HasOperationContext(ctx) {
		return next(ctx)
	}
	oc := graphql.GetOperationContext(ctx)
	if oc.Operation == nil || oc.Operation.Operation != ast.Query {
		return next(ctx)
	}
	vars, err := json.Marshal(oc.Variables) // maps encode with sorted keys
	if err != nil {
		return next(ctx)
	}
	h := sha256.New()
	for _, part := range [][]byte{[]byte(oc.RawQuery), []byte(oc.OperationName), vars} {
		h.Write(part)
		h.Write([]byte{0})
	}
	var digest [sha256.Size]byte
	h.Sum(digest[:0])
	var resp *graphql.Response
	data := cache.Answer(ctx, digest, func(ctx context.Context) ([]byte, bool) {
		if resp = next(ctx); resp == nil {
			return nil, false
		}
		return resp.Data, resp.Data != nil && len(resp.Errors) == 0 && len(resp.Extensions) == 0
	})
	if resp != nil || data == nil {
		return resp
	}
	return &graphql.Response{Data: data}
}

func withTimeout(d time.Duration) graphql.ResponseMiddleware {
	return func(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
		ctx, cancel := context.WithTimeout(ctx, d)
		defer cancel()
		return next(ctx)
	}
}

type bearerKey struct{}

// withBearer keeps the request's bearer token for authFirst.
func withBearer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Only the documented scheme counts: a bare token is no token.
		token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok {
			token = ""
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), bearerKey{}, token)))
	})
}

// authFirst checks the token before anything else: before the query is
// validated and its arguments read, a write without the token is refused
// with UNAUTHENTICATED, so a refused write never reaches a resolver.
type authFirst struct {
	token          string
	readsNeedToken bool
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
} = authFirst{}

func (authFirst) ExtensionName() string                   { return "AuthFirst" }
func (authFirst) Validate(graphql.ExecutableSchema) error { return nil }
func (a authFirst) MutateOperationParameters(ctx context.Context, p *graphql.RawParams) *gqlerror.Error {
	given, _ := ctx.Value(bearerKey{}).(string)
	if a.token != "" && subtle.ConstantTimeCompare([]byte(given), []byte(a.token)) == 1 {
		return nil
	}
	if !a.readsNeedToken && !isMutation(p) {
		return nil
	}
	msg := "this request needs a valid API token: send Authorization: Bearer <token>"
	if a.token == "" {
		msg = "writes are disabled: the service was started without an API token (LATTICE_API_TOKEN)"
	}
	return &gqlerror.Error{Message: msg, Extensions: map[string]any{"code": CodeUnauthenticated}}
}

// isMutation tells whether the operation to run is a mutation. A query that
// does not parse is not ours to judge: validation reports it.
func isMutation(p *graphql.RawParams) bool {
	doc, err := parser.ParseQuery(&ast.Source{Input: p.Query})
	if err != nil {
		return false
	}
	for _, op := range doc.Operations {
		if (p.OperationName == "" || op.Name == p.OperationName) && op.Operation == ast.Mutation {
			return true
		}
	}
	return false
}
