package resolvers

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/lattice-pathways/lattice/cache"
	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/cypher/cyphertest"
)

// fastHandlers serves store with the fast path of roles(...) and without
// it; answered counts the fast path's answers. prefetch false leaves every
// nested level to the loaders, in both.
func fastHandlers(t testing.TB, store *cypher.Store, prefetch bool) (fast, slow http.Handler, answered *atomic.Int64) {
	t.Helper()
	answered = new(atomic.Int64)
	cfg := Config{Store: store, Log: zerolog.Nop(), ComplexityLimit: 1 << 20, noPrefetch: !prefetch}
	fastCfg := cfg
	fastCfg.fastPages = answered
	fast, err := newHandler(fastCfg)
	if err != nil {
		t.Fatal(err)
	}
	cfg.noFastPage = true
	slow, err = newHandler(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return fast, slow, answered
}

// fastShape is a query over roles(...) and whether the fast path answers
// it. anyOrder: gqlgen reports its errors in the order its goroutines meet
// them, so two of its own answers may differ in that order only.
type fastShape struct {
	name, query string
	vars        map[string]any
	fast        bool
	anyOrder    bool
}

// The benchmarks' queries: bench_test.go's and cmd/benchpeer's.
const (
	benchNested = `query($after: String) { roles(first: 50, after: $after) { edges { node { id skills { level skill { id certifiedBy { credential { id } } } } credentials { id } } } } }`
	peerRoles50 = `query($first: Int!, $after: String) { roles(first: $first, after: $after) { edges { node {
			id title skills { level required skill { id name } } } } } }`
	peerRoles20 = `query($first: Int!, $after: String) { roles(first: $first, after: $after) { edges { node {
			id title skills { level required skill { id name certifiedBy(first: 100) { level credential { id name cost } } } } } } } }`
	// everyField selects every field the fast path knows.
	everyField = `__typename totalCount pageInfo { __typename hasNextPage endCursor } edges { __typename cursor node { __typename
		id title level industry occupationCode description vacancies turnoverRate advancementPotential jobZone acceptsAnyField
		employment projectedGrowth entryEducation entryTraining degreeRequired
		skills { __typename required level importance skill { __typename id name category type halfLifeYears description commonLevel
			certifiedBy { __typename level skill { __typename id name category type halfLifeYears description commonLevel }
				credential { __typename id name kind issuer cost cohortCost hours weeks industryRecognized ctid field estimated } } } }
		credentials { __typename id name kind issuer cost cohortCost hours weeks industryRecognized ctid field estimated } } }`
)

// fastShapes is the corpus: the benchmarks' queries, every known field,
// aliases, fragments, directives, filters, cursors, empty and last pages,
// and shapes the fast path leaves to gqlgen (unknown fields, @defer,
// invalid arguments).
func fastShapes(after, last string) []fastShape {
	return []fastShape{
		{"the bench's nested page", benchNested, nil, true, false},
		{"the bench's nested page after a cursor", benchNested, map[string]any{"after": after}, true, false},
		{"the peer's roles50", peerRoles50, map[string]any{"first": 50, "after": nil}, true, false},
		{"the peer's roles20certs after a cursor", peerRoles20, map[string]any{"first": 20, "after": after}, true, false},
		{"every known field", `{ roles(first: 30) { ` + everyField + ` } }`, nil, true, false},
		{"every known field, the last page", `query($after: String) { roles(first: 100, after: $after) { ` + everyField + ` } }`, map[string]any{"after": last}, true, false},
		{"an empty page", `{ roles(first: 0) { ` + everyField + ` } }`, nil, true, false},
		{"past the last role", `query($after: String) { roles(after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor } } }`,
			map[string]any{"after": encodeCursor("\uffff", "z")}, true, false},
		{"the default page size", `{ roles { totalCount edges { node { id title } } } }`, nil, true, false},
		{"first as null", `query($n: Int) { roles(first: $n) { edges { node { id } } } }`, map[string]any{"n": nil}, true, false},
		{"a level filter", `{ roles(filter: {level: ENTRY}) { totalCount edges { node { id level skills(required: true) { level skill { id certifiedBy { credential { id } } } } } } } }`, nil, true, false},
		{"filters in a variable", `query($f: RoleFilter) { roles(filter: $f, first: 40) { totalCount edges { node { id industry degreeRequired credentials { id kind } } } } }`,
			map[string]any{"f": map[string]any{"industry": "Information Technology", "degreeRequired": false}}, true, false},
		{"a filter matching nothing", `{ roles(filter: {industry: "No Such Industry"}) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`, nil, true, false},
		{"a null filter", `query($f: RoleFilter) { roles(filter: $f, first: 3) { edges { node { id } } } }`, map[string]any{"f": nil}, true, false},
		{"aliases", `{ page: roles(first: 30) { n: totalCount all: edges { c: cursor role: node { key: id req: skills(required: true) { lvl: level s: skill { id certs: certifiedBy(first: 2) { level c: credential { id } } } }
			pref: skills(required: false) { level skill { id many: certifiedBy(first: 100) { credential { name } } none: certifiedBy(first: 0) { level } } } creds: credentials { id } } } } }`, nil, true, false},
		{"one field asked twice", `{ roles(first: 20) { edges { node { id id title skills { level } skills { skill { id } } } } edges { cursor } } }`, nil, true, false},
		{"fragments", `fragment C on Credential { id name cost }
			fragment R on Role { id credentials { ...C } skills { ...K } }
			fragment K on RoleSkill { level skill { ...S } }
			fragment S on Skill { id certifiedBy { credential { ...C } skill { id } } }
			{ roles(first: 40) { ...P edges { ... on RoleEdge { node { ...R } } } } }
			fragment P on RoleConnection { totalCount pageInfo { endCursor } }`, nil, true, false},
		{"inline fragments on the node", `{ roles(first: 25) { edges { node { ... on Role { id title } ... { degreeRequired } skills { ... on RoleSkill { level } skill { ... on Skill { id } } } } } } }`, nil, true, false},
		{"@skip and @include", `query($yes: Boolean!, $no: Boolean!) { roles(first: 25) { totalCount @skip(if: $yes) edges { node { id title @include(if: $no)
			skills @include(if: $yes) { level skill { id certifiedBy @skip(if: $no) { credential { id } } } } credentials @skip(if: $yes) { id } ... @include(if: $yes) { industry } } } } }`,
			map[string]any{"yes": true, "no": false}, true, false},
		{"two pages in one query", `{ a: roles(first: 5) { edges { node { id } } } b: roles(first: 5, after: "` + after + `") { edges { node { id skills { level } } } } }`, nil, true, false},
		{"a page beside another root field", `{ role(id: "network-administrator") { id } roles(first: 3) { edges { node { id } } } }`, nil, true, false},

		// Left to gqlgen.
		{"an unknown field: education", `{ roles(first: 20) { edges { node { id education { id } } } } }`, nil, false, false},
		{"an unknown field: overlaps", `{ roles(first: 20) { edges { node { id overlaps(first: 2) { score role { id } } } } } }`, nil, false, false},
		{"an unknown field: wage", `{ roles(first: 20) { edges { node { id wage { min } } } } }`, nil, false, false},
		{"an unknown field under a certifier's skill", `{ roles(first: 10) { edges { node { skills { skill { certifiedBy { skill { certifiedBy { level } } } } } } } } }`, nil, false, false},
		{"@defer", `{ roles(first: 5) { edges { node { id ... @defer { title } } } } }`, nil, false, false},
		{"first out of range", `{ roles(first: 500) { edges { node { id } } } }`, nil, false, false},
		{"a cursor not from the API", `{ roles(after: "nope") { edges { node { id } } } }`, nil, false, false},
		{"certifiedBy first out of range", `{ roles(first: 5) { edges { node { skills { skill { certifiedBy(first: 101) { level } } } } } } }`, nil, false, true},
	}
}

// pageCursors are the end cursors of the first 20 roles and of all but
// the last 5.
func pageCursors(t *testing.T, h http.Handler) (after, last string) {
	t.Helper()
	var resp struct {
		Data struct {
			Roles struct{ TotalCount int }
		}
	}
	if err := json.Unmarshal(rawAnswer(t, h, `{ roles(first: 0) { totalCount } }`, nil), &resp); err != nil {
		t.Fatal(err)
	}
	return pageCursor(t, h, 20), pageCursor(t, h, resp.Data.Roles.TotalCount-5)
}

// sameFast posts every shape to both handlers and wants byte-identical
// answers, and the fast path to have answered the shapes it should.
func sameFast(t *testing.T, fast, slow http.Handler, answered *atomic.Int64, shapes []fastShape) {
	t.Helper()
	for _, s := range shapes {
		t.Run(s.name, func(t *testing.T) {
			want := rawAnswer(t, slow, s.query, s.vars)
			before := answered.Load()
			got := rawAnswer(t, fast, s.query, s.vars)
			if n := answered.Load() - before; (n > 0) != s.fast {
				t.Errorf("the fast path answered %d roles fields, want it to answer: %v", n, s.fast)
			}
			if len(want) < 40 {
				t.Fatalf("gqlgen answered %s: too little to compare", want)
			}
			if s.anyOrder {
				got, want = sortedErrors(t, got), sortedErrors(t, want)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("answers differ (-gqlgen, +fast):\n- %.2000s\n+ %.2000s", want, got)
			}
		})
	}
}

// sortedErrors is an answer with its errors sorted.
func sortedErrors(t *testing.T, answer []byte) []byte {
	t.Helper()
	var a struct {
		Data   json.RawMessage   `json:"data"`
		Errors []json.RawMessage `json:"errors"`
	}
	if err := json.Unmarshal(answer, &a); err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(a.Errors, func(x, y json.RawMessage) int { return bytes.Compare(x, y) })
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestFastPageAnswersAsGqlgen: the fast path of roles(...) answers every
// shape of the corpus byte for byte as gqlgen does, errors included, with
// the page read ahead, through the loaders alone, and with the read cache.
func TestFastPageAnswersAsGqlgen(t *testing.T) {
	store := cyphertest.Sample(t)
	for _, prefetch := range []bool{true, false} {
		t.Run(fmt.Sprintf("prefetch %v", prefetch), func(t *testing.T) {
			fast, slow, answered := fastHandlers(t, store, prefetch)
			after, last := pageCursors(t, slow)
			sameFast(t, fast, slow, answered, fastShapes(after, last))
		})
	}
	t.Run("read cache", func(t *testing.T) {
		answered := new(atomic.Int64)
		rc, err := cache.New(cache.DefaultSize, nil)
		if err != nil {
			t.Fatal(err)
		}
		fast, err := newHandler(Config{Store: store, Log: zerolog.Nop(), ComplexityLimit: 1 << 20, ReadCache: rc, fastPages: answered})
		if err != nil {
			t.Fatal(err)
		}
		_, slow, _ := fastHandlers(t, store, true)
		after, last := pageCursors(t, slow)
		shapes := fastShapes(after, last)
		sameFast(t, fast, slow, answered, shapes)
		// Again, each query a little different so that the whole-answer
		// cache misses: every page and level is a hit of the read cache.
		for i := range shapes {
			shapes[i].query += " # again"
		}
		sameFast(t, fast, slow, answered, shapes)
	})
}

// TestFastPageRoundTrips: the fast path costs the round trips gqlgen's path
// does: one with the page read ahead, one a level through the loaders.
func TestFastPageRoundTrips(t *testing.T) {
	store := cyphertest.Sample(t)
	for _, prefetch := range []bool{true, false} {
		fast, slow, answered := fastHandlers(t, store, prefetch)
		// The fewest of five runs: a busy machine can split a loader's batch.
		trips := func(h http.Handler) int64 {
			best := int64(1 << 20)
			for range 5 {
				before := store.RoundTrips()
				rawAnswer(t, h, benchNested, nil)
				best = min(best, store.RoundTrips()-before)
			}
			return best
		}
		before := answered.Load()
		got, want := trips(fast), trips(slow)
		if answered.Load() == before {
			t.Fatal("the fast path did not answer the bench's query")
		}
		// Read ahead: one statement. Through the loaders: the page, the
		// skills, the credentials, the certifiers.
		if limit := map[bool]int64{true: 1, false: 4}[prefetch]; got > limit || got > want {
			t.Errorf("prefetch %v: the fast path cost %d round trips, gqlgen's %d; want at most %d", prefetch, got, want, limit)
		}
	}
}

// FuzzFastPage builds a selection under roles(...) from the fields the fast
// path knows (seeded by the fuzzer's input: aliases, repeats, fragments,
// directives, arguments) and wants gqlgen's answer from it, byte for byte.
func FuzzFastPage(f *testing.F) {
	for _, seed := range []uint64{1, 2, 3, 5, 8, 13, 21, 34} {
		f.Add(seed, uint8(seed*7))
	}
	store := cyphertest.Sample(f)
	fast, slow, answered := fastHandlers(f, store, true)
	f.Fuzz(func(t *testing.T, seed uint64, first uint8) {
		rng := rand.New(rand.NewPCG(seed, seed>>32|1))
		query := fmt.Sprintf(`query($yes: Boolean!) { roles(first: %d) { t: __typename @include(if: $yes) %s } }`, first%60, randomSelection(rng, roleConnectionShape, 0))
		vars := map[string]any{"yes": seed%2 == 0}
		want := rawAnswer(t, slow, query, vars)
		before := answered.Load()
		got := rawAnswer(t, fast, query, vars)
		if answered.Load() == before {
			t.Errorf("the fast path did not answer %s", query)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s\nanswers differ (-gqlgen, +fast):\n- %.2000s\n+ %.2000s", query, want, got)
		}
	})
}

// randomSelection is a selection set on type s of fields it knows.
func randomSelection(rng *rand.Rand, s *shape, depth int) string {
	names := append([]string{"__typename"}, slices.Sorted(maps.Keys(s.fields))...)
	var b strings.Builder
	for range 1 + rng.IntN(4) {
		name := names[rng.IntN(len(names))]
		sub := s.fields[name]
		if sub != nil && depth > 5 {
			continue
		}
		// A field asked twice under one alias must have the same arguments:
		// an alias names the arguments.
		field, alias := name, ""
		switch name {
		case "skills":
			k := rng.IntN(3)
			field += []string{"", "(required: true)", "(required: false)"}[k]
			alias = fmt.Sprintf("skills%d", k)
		case "certifiedBy":
			n := rng.IntN(4)
			field += fmt.Sprintf("(first: %d)", n)
			alias = fmt.Sprintf("certifiedBy%d", n)
		default:
			if rng.IntN(4) == 0 {
				alias = "x" + name
			}
		}
		if alias != "" && (field != name || rng.IntN(2) == 0) {
			field = alias + ": " + field
		}
		switch rng.IntN(5) {
		case 0:
			field += " @include(if: $yes)"
		case 1:
			field += " @skip(if: $yes)"
		}
		if sub != nil {
			field += " { " + randomSelection(rng, sub, depth+1) + " }"
		}
		if rng.IntN(5) == 0 {
			field = "... on " + s.name + " { " + field + " }"
		}
		b.WriteString(field + " ")
	}
	if b.Len() == 0 {
		return "__typename"
	}
	return b.String()
}

// BenchmarkFastPage measures the server's CPU per first request of a nested
// page (the bench's roles50Nested, a different page each time) at O*NET
// scale with CIP's programs, with the fast path and without it: cpu-ms is
// the process's user and system time per request, which a busy shared
// machine disturbs less than latency. No read cache: every request reads
// its page (Neo4j's own CPU is another process's).
func BenchmarkFastPage(b *testing.B) {
	store := cyphertest.Sample(b)
	importONET(b, store)
	importCIP(b, store)
	fast, slow, answered := fastHandlers(b, store, true)
	post := func(h http.Handler, vars map[string]any) {
		body, _ := json.Marshal(map[string]any{"query": benchNested, "variables": vars})
		r := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != http.StatusOK || bytes.Contains(w.Body.Bytes(), []byte(`"errors"`)) {
			b.Fatalf("HTTP %d: %.300s", w.Code, w.Body)
		}
	}
	var pages []map[string]any
	var after any
	for range 10 {
		pages = append(pages, map[string]any{"after": after})
		var resp struct {
			Data struct {
				Roles struct{ PageInfo struct{ EndCursor string } }
			}
		}
		body, _ := json.Marshal(map[string]any{"query": `query($after: String) { roles(first: 50, after: $after) { pageInfo { endCursor } } }`, "variables": map[string]any{"after": after}})
		r := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		slow.ServeHTTP(w, r)
		if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil {
			b.Fatal(err)
		}
		after = resp.Data.Roles.PageInfo.EndCursor
	}
	for _, c := range []struct {
		name string
		h    http.Handler
	}{{"fast", fast}, {"gqlgen", slow}} {
		b.Run(c.name, func(b *testing.B) {
			post(c.h, pages[0]) // untimed: the first request warms the process
			runtime.GC()
			before, i := cpuTime(), 0
			b.ReportAllocs()
			for b.Loop() {
				post(c.h, pages[i%len(pages)])
				i++
			}
			b.ReportMetric(float64((cpuTime()-before).Microseconds())/1000/float64(i), "cpu-ms/op")
		})
	}
	if answered.Load() == 0 {
		b.Fatal("the fast path answered nothing")
	}
}

// cpuTime is the process's user and system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
