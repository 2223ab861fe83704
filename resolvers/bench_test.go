package resolvers

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/99designs/gqlgen/client"
	"github.com/rs/zerolog"

	"github.com/lattice-pathways/lattice/cache"
	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/cypher/cyphertest"
)

// benchRoles are O*NET occupations across the job families: the benchmarks
// cycle through them so that no answer is asked twice in a row. The 10x
// graph keeps O*NET as its first region, so the same ids serve both.
var benchRoles = []string{
	"onet:15-1244.00", "onet:29-2061.00", "onet:43-4051.00", "onet:11-1021.00", "onet:13-2011.00",
	"onet:47-2111.00", "onet:53-3032.00", "onet:35-2014.00", "onet:41-2031.00", "onet:29-1141.00",
	"onet:15-1232.00", "onet:49-3023.00", "onet:25-2021.00", "onet:31-1131.00", "onet:51-4121.00",
	"onet:17-2141.00", "onet:43-6014.00", "onet:27-1024.00", "onet:33-3051.00", "onet:21-1093.00",
}

// benchClient is a client on the graph the benchmarks measure: by default
// the sample graph, O*NET and CIP's programs, loaded once per benchmark
// binary into the test database; with LATTICE_BENCH_GRAPH=10x, the graph
// `lattice sample -scale 10` left in that database, read as it is. With
// the read cache on, the cache is warmed (as the service's warmer does after
// every graph change) before anything is timed: warm says how long that
// took (0 with the cache off).
func benchClient(b *testing.B) (h http.Handler, c *client.Client, store *cypher.Store, warm time.Duration) {
	b.Helper()
	if os.Getenv("LATTICE_BENCH_GRAPH") == "10x" {
		ctx := context.Background()
		store, err := cypher.Open(ctx, cyphertest.Config(b), zerolog.Nop())
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { store.Close(ctx) })
		h, c, warmUp := benchHandlerClient(b, store)
		return h, c, store, warmUp()
	}
	store = cyphertest.Sample(b)
	h, c, warmUp := benchHandlerClient(b, store)
	importONET(b, store)
	importCIP(b, store)
	return h, c, store, warmUp()
}

// benchHandlerClient is a client of the service as deployed, read cache on,
// or off with LATTICE_BENCH_CACHE=off; warm runs the deployed service's
// warm-up of the graph as it is then, to its end, logs its figures and
// returns its duration (it does nothing with the cache off, which gives the
// cold figures).
func benchHandlerClient(b *testing.B, store *cypher.Store) (h http.Handler, c *client.Client, warm func() time.Duration) {
	b.Helper()
	cfg := Config{Store: store, Log: zerolog.Nop(), APIToken: testToken}
	warm = func() time.Duration { return 0 }
	if os.Getenv("LATTICE_BENCH_CACHE") != "off" {
		rc, err := cache.New(cache.DefaultSize, nil)
		if err != nil {
			b.Fatal(err)
		}
		cfg.ReadCache = rc
		w, err := NewWarmer(store, rc, zerolog.Nop(), nil)
		if err != nil {
			b.Fatal(err)
		}
		warm = func() time.Duration {
			st, err := w.Warm(context.Background())
			if err != nil {
				b.Fatalf("warm-up: %v", err)
			}
			b.Logf("warm-up: %d of %d roles, %d whole plan graphs and %d credentials in %v, %d cache entries of %d MB and %d MB interned (bounded: %v)",
				st.Roles, st.AllRoles, st.PlanGraphs, st.Credentials, st.Duration.Round(time.Millisecond), st.Entries, st.Bytes>>20, st.Shared>>20, st.Bounded)
			return st.Duration
		}
	}
	h, err := NewHandler(cfg)
	if err != nil {
		b.Fatal(err)
	}
	return h, client.New(h, client.Path("/graphql")), warm
}

// timeAnswer asks h one question and times it to the answer's last byte: the
// service's latency. The answer is then read for errors only, untimed:
// decoding a 3 MB page of roles into maps, as the test client does, is the
// client's cost (the peer benchmark's load generator, likewise, reads only
// errors).
func timeAnswer(h http.Handler, query string, opts ...client.Option) (time.Duration, error) {
	req := &client.Request{Query: query, HTTP: httptest.NewRequest(http.MethodPost, "/graphql", http.NoBody)}
	req.HTTP.Header.Set("Content-Type", "application/json")
	for _, o := range opts {
		o(req)
	}
	body, err := json.Marshal(req)
	if err != nil {
		return 0, err
	}
	req.HTTP.Body = io.NopCloser(bytes.NewReader(body))
	w := httptest.NewRecorder()
	start := time.Now()
	h.ServeHTTP(w, req.HTTP)
	took := time.Since(start)
	var answer struct{ Errors json.RawMessage }
	if err := json.Unmarshal(w.Body.Bytes(), &answer); err != nil {
		return took, fmt.Errorf("HTTP %d: %v", w.Code, err)
	}
	if w.Code != http.StatusOK || len(answer.Errors) > 0 {
		return took, fmt.Errorf("HTTP %d: %s", w.Code, answer.Errors)
	}
	return took, nil
}

// BenchmarkQuestions measures the core questions through the whole service
// (HTTP handler, resolvers, loaders, Neo4j), one request after another, at
// O*NET scale with CIP's programs (about 1,070 roles, 8,900 skills, 72,000
// requires edges, 2,000 programs), or on the 10x graph. It reports the
// median and 99th percentile latency, to each answer's last byte
// (timeAnswer). "varied" cases change their
// parameters on every request (roles, pages, members); "repeated" ones ask
// the same question each time; updateRoleSkill writes (a role mutation
// and its overlap refresh). Run it with `make bench` or `make bench-10x`.
// warm-s is the warm-up before any timing (the same figure in every case).
func BenchmarkQuestions(b *testing.B) {
	h, c, store, warmUp := benchClient(b)
	role := func(i int) string { return benchRoles[i%len(benchRoles)] }
	levels := []string{"high-school", "postsecondary-certificate", "associate", "bachelor"}
	interests := []string{"SIA", "RCI", "EC", "AIS", "IRC"}
	stacks := []string{"high-school", "associate", "cip:51.3801:associate", "bachelor", "cip:51.3901:certificate", "postsecondary-certificate"}
	// The cursors of the first pages of roles, for a nested read of a
	// different page each time.
	var pages []any
	var after any
	for range 10 {
		var resp struct {
			Roles struct{ PageInfo struct{ EndCursor string } }
		}
		c.MustPost(`query($after: String) { roles(first: 50, after: $after) { pageInfo { endCursor } } }`, &resp, client.Var("after", after))
		pages = append(pages, after)
		after = resp.Roles.PageInfo.EndCursor
	}
	questions := []struct {
		name, query string
		vars        func(i int) []client.Option
	}{
		{"reachableRoles/oneMove/varied", `query($a: ID!) { reachableRoles(from: {roleId: $a}) { role { id title } score overlap } }`,
			func(i int) []client.Option { return []client.Option{client.Var("a", role(i))} }},
		{"reachableRoles/twoMovesByPlanCost/varied", `query($a: ID!) { reachableRoles(from: {roleId: $a}, limits: {maxSteps: 2}, orderBy: PLAN_COST) { role { id } score plan { totalCost } } }`,
			func(i int) []client.Option { return []client.Option{client.Var("a", role(i))} }},
		{"reachableRoles/studentMaxCost/varied", `query($e: ID!, $i: String!) { reachableRoles(from: {educationLevelId: $e, interestCode: $i}, limits: {maxCost: 15000}) { role { id } score plan { totalCost } } }`,
			func(i int) []client.Option {
				return []client.Option{client.Var("e", levels[i%len(levels)]), client.Var("i", interests[i%len(interests)])}
			}},
		{"upskillingPath/LPNtoRN/repeated", `query($a: ID!, $b: ID!) { upskillingPath(from: {roleId: $a}, to: $b) { feasible totalCost totalHours steps { credential { id } } uncovered { id } } }`,
			func(int) []client.Option {
				return []client.Option{client.Var("a", "onet:29-2061.00"), client.Var("b", "onet:29-1141.00")}
			}},
		{"upskillingPath/varied", `query($a: ID!, $b: ID!) { upskillingPath(from: {roleId: $a}, to: $b) { feasible totalCost steps { credential { id } } } }`,
			func(i int) []client.Option {
				return []client.Option{client.Var("a", role(i)), client.Var("b", role(i+7))}
			}},
		{"skillsMap/varied", `query($a: ID!, $b: ID!) { skillsMap(from: $a, to: $b) { overlap { skill { id } } gaps { skill { id } closedBy { id } } readiness } }`,
			func(i int) []client.Option {
				return []client.Option{client.Var("a", role(i)), client.Var("b", role(i+1))}
			}},
		{"credentialStack/varied", `query($id: ID!) { credentialStack(id: $id) { rungs { id kind position cost hours opens { role { id } how } } } }`,
			func(i int) []client.Option { return []client.Option{client.Var("id", stacks[i%len(stacks)])} }},
		{"cohortPlan/40members/varied", `query($m: [ProfileInput!]!, $to: ID!) { cohortPlan(members: $m, to: $to) { totalCost ready optimal members { index ready } credentials { credential { id } takers } } }`,
			func(i int) []client.Option {
				members := make([]map[string]any, 40)
				for k := range members {
					switch k % 3 {
					case 0:
						members[k] = map[string]any{"roleId": role(i + k)}
					case 1:
						members[k] = map[string]any{"educationLevelId": levels[k%len(levels)]}
					default:
						members[k] = map[string]any{"roleId": role(i + k), "educationLevelId": "associate"}
					}
				}
				return []client.Option{client.Var("m", members), client.Var("to", role(i+3))}
			}},
		{"roles50Nested/repeated", `{ roles(first: 50) { edges { node { id skills { level skill { id certifiedBy { credential { id } } } } credentials { id } } } } }`,
			func(int) []client.Option { return nil }},
		{"roles50Nested/variedPages", `query($after: String) { roles(first: 50, after: $after) { edges { node { id skills { level skill { id certifiedBy { credential { id } } } } credentials { id } } } } }`,
			func(i int) []client.Option { return []client.Option{client.Var("after", pages[i%len(pages)])} }},
		// Last, as it writes: one requirement of a different role each time,
		// with the overlap edges it moves refreshed in its transaction.
		{"updateRoleSkill/varied", `mutation($a: ID!, $l: Int!) { updateRoleSkill(input: {roleId: $a, skillId: "onet:2.A.1.a", level: $l}) { level } }`,
			func(i int) []client.Option {
				return []client.Option{client.Var("a", role(i)), client.Var("l", 2+i/len(benchRoles)%3), withToken}
			}},
	}
	// LATTICE_BENCH_LOG=each logs every request's latency, to find which
	// requests make the p99.
	logEach := os.Getenv("LATTICE_BENCH_LOG") == "each"
	for _, q := range questions {
		b.Run(q.name, func(b *testing.B) {
			var warm map[string]any
			_ = c.Post(q.query, &warm, q.vars(len(benchRoles)-1)...) // untimed: the first request warms caches
			var lat []time.Duration
			i, failed := 0, 0
			for b.Loop() {
				trips := store.RoundTrips()
				// A request past its limit (TIMEOUT) is a figure too: it counts
				// at its latency, and the errors metric says how many.
				took, err := timeAnswer(h, q.query, q.vars(i)...)
				if err != nil {
					if failed == 0 {
						b.Logf("%s (request %d): %v", q.name, i, err)
					}
					failed++
				}
				lat = append(lat, took)
				if logEach {
					b.Logf("%s request %d: %v, %d round trips", q.name, i, lat[len(lat)-1], store.RoundTrips()-trips)
				}
				i++
			}
			slices.Sort(lat)
			b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
			b.ReportMetric(float64(failed), "errors")
			b.ReportMetric(warmUp.Seconds(), "warm-s")
		})
	}
}
