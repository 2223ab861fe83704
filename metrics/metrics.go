// Package metrics is what the service tells Prometheus: GraphQL requests by
// operation and outcome, Neo4j statements, planner runs, read cache lookups
// and imports, in a registry of its own (not the global one), so each
// service and each test reads only its own counts.
package metrics

import (
	"context"
	"errors"
	"net/http"
	"regexp"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/lattice-pathways/lattice/pathway"
)

// MaxOperations bounds the operation label: operation names are the
// client's to choose, and each new one would be a new series. Past this many
// distinct names, further ones are counted as OtherOperation.
const MaxOperations = 100

// Operation labels that are not a client's operation name.
const (
	AnonymousOperation = "anonymous" // no name, or a request that names none
	OtherOperation     = "other"     // past MaxOperations, or not a GraphQL name
)

// Metrics holds the service's collectors. Its methods are safe for
// concurrent use; a nil *Metrics records nothing.
type Metrics struct {
	reg *prometheus.Registry

	requests        *prometheus.CounterVec
	requestDuration *prometheus.HistogramVec
	statements      *prometheus.CounterVec
	statementTime   *prometheus.HistogramVec
	plans           *prometheus.CounterVec
	planTime        *prometheus.HistogramVec
	importRows      *prometheus.CounterVec
	importTime      *prometheus.HistogramVec
	cacheLookups    *prometheus.CounterVec
	warmups         *prometheus.CounterVec
	warmVersion     prometheus.Gauge
	warmSeconds     prometheus.Gauge
	warmEntries     prometheus.Gauge

	mu         sync.Mutex
	operations map[string]bool
}

// New returns a registry holding the service's metrics and the Go runtime's
// and the process's.
func New() *Metrics {
	m := &Metrics{
		reg:        prometheus.NewRegistry(),
		operations: map[string]bool{},
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "lattice_graphql_requests_total",
			Help: "GraphQL requests by operation name and outcome code (the first error's extensions.code, or OK).",
		}, []string{"operation", "code"}),
		requestDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "lattice_graphql_request_duration_seconds",
			Help:    "GraphQL request latency by operation name and outcome code.",
			Buckets: []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30},
		}, []string{"operation", "code"}),
		statements: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "lattice_neo4j_statements_total",
			Help: "Neo4j round trips by statement name and outcome (ok, timeout, unavailable, cancelled, invalid, not_found, error).",
		}, []string{"statement", "outcome"}),
		statementTime: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "lattice_neo4j_statement_duration_seconds",
			Help:    "Neo4j round-trip latency by statement name.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 10},
		}, []string{"statement"}),
		plans: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "lattice_planner_runs_total",
			Help: "Planner runs by kind (solve, pareto, stepping_stone, cohort, reach, recredentialing) and outcome (optimal: proven best; capped: stopped by its cap, best found; error).",
		}, []string{"kind", "outcome"}),
		planTime: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "lattice_planner_duration_seconds",
			Help:    "Planner run time by kind.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"kind"}),
		importRows: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "lattice_import_rows_total",
			Help: "Nodes and edges written by successful imports (created, updated and unchanged), by format.",
		}, []string{"format"}),
		importTime: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "lattice_import_duration_seconds",
			Help:    "Successful imports' duration (read and write), by format; its _count counts imports.",
			Buckets: []float64{.05, .1, .25, .5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800},
		}, []string{"format"}),
		cacheLookups: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "lattice_read_cache_lookups_total",
			Help: "Read cache lookups by kind (a loader's value or a memoized question) and outcome (hit, miss).",
		}, []string{"kind", "outcome"}),
		warmups: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "lattice_read_cache_warmups_total",
			Help: "Read cache warm-ups by outcome (done; bound: stopped at the cache's bound; stopped: a newer version or shutdown; error).",
		}, []string{"outcome"}),
		warmVersion: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "lattice_read_cache_warm_version",
			Help: "The graph version (its write count) the last warm-up that ended was warming.",
		}),
		warmSeconds: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "lattice_read_cache_warm_seconds",
			Help: "How long the last warm-up that ended took.",
		}),
		warmEntries: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "lattice_read_cache_warm_entries",
			Help: "The entries the read cache held when the last warm-up ended.",
		}),
	}
	m.reg.MustRegister(m.requests, m.requestDuration, m.statements, m.statementTime,
		m.plans, m.planTime, m.importRows, m.importTime, m.cacheLookups,
		m.warmups, m.warmVersion, m.warmSeconds, m.warmEntries,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Handler serves the registry in Prometheus's exposition format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

// WriteFile writes the registry to path in the text format, for node_exporter's
// textfile collector: how a one-shot command (an import) reports.
func (m *Metrics) WriteFile(path string) error {
	return prometheus.WriteToTextfile(path, m.reg)
}

// graphQLName is what the GraphQL spec allows as an operation name.
var graphQLName = regexp.MustCompile(`^[_A-Za-z][_0-9A-Za-z]{0,63}$`)

// Operation is the label an operation name is counted under: the name itself
// while fewer than MaxOperations names have been seen, AnonymousOperation
// for none, and OtherOperation otherwise.
func (m *Metrics) Operation(name string) string {
	switch {
	case name == "":
		return AnonymousOperation
	case !graphQLName.MatchString(name):
		return OtherOperation
	}
	if m == nil {
		return name
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.operations[name] {
		if len(m.operations) >= MaxOperations {
			return OtherOperation
		}
		m.operations[name] = true
	}
	return name
}

// ObserveRequest counts one GraphQL request. operation is the client's
// operation name (bounded by Operation); code is "OK" or the outcome's code.
func (m *Metrics) ObserveRequest(operation, code string, d time.Duration) {
	if m == nil {
		return
	}
	op := m.Operation(operation)
	m.requests.WithLabelValues(op, code).Inc()
	m.requestDuration.WithLabelValues(op, code).Observe(d.Seconds())
}

// ObserveStatement counts one Neo4j round trip of a named statement; it
// makes Metrics a cypher.Observer.
func (m *Metrics) ObserveStatement(name string, d time.Duration, err error) {
	if m == nil {
		return
	}
	m.statements.WithLabelValues(name, outcome(err)).Inc()
	m.statementTime.WithLabelValues(name).Observe(d.Seconds())
}

// ObservePlan counts one planner run: optimal says the search proved its
// answer best; false means it stopped at its cap with the best plan found.
func (m *Metrics) ObservePlan(kind string, optimal bool, d time.Duration, err error) {
	if m == nil {
		return
	}
	o := "capped"
	switch {
	case err != nil:
		o = "error"
	case optimal:
		o = "optimal"
	}
	m.plans.WithLabelValues(kind, o).Inc()
	m.planTime.WithLabelValues(kind).Observe(d.Seconds())
}

// ObserveCache counts one read cache lookup; it makes Metrics a
// cache.Observer. The kinds are the cache's fixed few, not clients' input.
func (m *Metrics) ObserveCache(kind string, hit bool) {
	if m == nil {
		return
	}
	o := "miss"
	if hit {
		o = "hit"
	}
	m.cacheLookups.WithLabelValues(kind, o).Inc()
}

// ObserveWarm records a read cache warm-up that ended; it makes Metrics a
// resolvers.WarmObserver.
func (m *Metrics) ObserveWarm(version int64, entries int, d time.Duration, outcome string) {
	if m == nil {
		return
	}
	m.warmups.WithLabelValues(outcome).Inc()
	m.warmVersion.Set(float64(version))
	m.warmSeconds.Set(d.Seconds())
	m.warmEntries.Set(float64(entries))
}

// ObserveImport counts one successful import of rows nodes and edges.
func (m *Metrics) ObserveImport(format string, rows int, d time.Duration) {
	if m == nil {
		return
	}
	m.importRows.WithLabelValues(format).Add(float64(rows))
	m.importTime.WithLabelValues(format).Observe(d.Seconds())
}

// outcome names what became of a statement, after pathway's sentinels.
func outcome(err error) string {
	switch {
	case err == nil:
		return "ok"
	case errors.Is(err, pathway.ErrTimeout), errors.Is(err, context.DeadlineExceeded):
		return "timeout"
	case errors.Is(err, pathway.ErrUnavailable):
		return "unavailable"
	case errors.Is(err, context.Canceled):
		return "cancelled"
	case errors.Is(err, pathway.ErrInvalid):
		return "invalid"
	case errors.Is(err, pathway.ErrNotFound):
		return "not_found"
	}
	return "error"
}
