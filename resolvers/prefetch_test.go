package resolvers

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/rs/zerolog"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/cypher/cyphertest"
	"github.com/lattice-pathways/lattice/loaders"
	"github.com/lattice-pathways/lattice/pathway"
)

// newHandlers serves store twice: with the root fields' lookahead reads and
// with every nested level left to the loaders. The complexity limit is off:
// the shapes are larger than a client may ask for, to reach more levels.
func newHandlers(t *testing.T, store *cypher.Store) (prefetch, loaded http.Handler) {
	t.Helper()
	prefetch, err := newHandler(Config{Store: store, Log: zerolog.Nop(), ComplexityLimit: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	loaded, err = newHandler(Config{Store: store, Log: zerolog.Nop(), ComplexityLimit: 1 << 20, noPrefetch: true})
	if err != nil {
		t.Fatal(err)
	}
	return prefetch, loaded
}

// rawAnswer is the response body h gives a query, byte for byte.
func rawAnswer(t *testing.T, h http.Handler, query string, vars map[string]any) []byte {
	t.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		t.Fatal(err)
	}
	r := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != http.StatusOK {
		t.Fatalf("HTTP %d: %s", w.Code, w.Body)
	}
	return w.Body.Bytes()
}

// prefetchShape is a query whose answer must not depend on how it is read.
type prefetchShape struct {
	name, query string
	vars        map[string]any
	errors      int // how many errors the answer holds
}

const roleFields = `id title degreeRequired education { id name rank }
	skills { level required importance skill { id name category certifiedBy { level credential { id name cost } skill { id } } } }
	credentials { id name kind stacksInto { creditHours creditCost credential { id name } } }`

// sampleShapes are nested reads on the sample graph: covered levels, levels
// left to the loaders, aliases, fragments, a cursor and filters.
func sampleShapes(after string) []prefetchShape {
	return []prefetchShape{
		{"a page with every covered level", `{ roles(first: 50) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ` + roleFields + ` } } } }`, nil, 0},
		{"a page after a cursor", `query($after: String) { roles(first: 7, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ` + roleFields + ` } } } }`, map[string]any{"after": after}, 0},
		{"a long page after a cursor, to the end on the sample", `query($after: String) { roles(first: 100, after: $after) { pageInfo { hasNextPage } edges { node { id skills { skill { id } } } } } }`, map[string]any{"after": after}, 0},
		{"an empty page", `{ roles(first: 0) { totalCount pageInfo { hasNextPage endCursor } edges { node { id skills { level } } } } }`, nil, 0},
		{"a level filter", `{ roles(filter: {level: ENTRY}) { totalCount edges { node { id level skills(required: true) { level skill { id certifiedBy { credential { id } } } } } } } }`, nil, 0},
		{"an industry and degree filter", `{ roles(filter: {industry: "Information Technology", degreeRequired: false}) { totalCount edges { node { id degreeRequired credentials { id } } } } }`, nil, 0},
		{"a degree filter with education", `{ roles(filter: {degreeRequired: true}, first: 30) { edges { node { id education { id rank } } } } }`, nil, 0},
		{"aliased skills lists", `{ roles(first: 30) { edges { node { id req: skills(required: true) { level skill { id } } pref: skills(required: false) { level skill { id certifiedBy { level credential { id } } } } all: skills { skill { name } } } } } }`, nil, 0},
		{"skills profile with certifications", `{ roles(first: 30) { edges { node { id skillsProfile { name required { level skill { id certifiedBy { level credential { id } } } } preferred { level skill { id } } } } } } }`, nil, 0},
		{"fragments", `fragment C on Credential { id stacksInto { credential { id name } } }
			fragment R on Role { credentials { ...C } skills { skill { ...S } } }
			fragment S on Skill { id certifiedBy { credential { ...C } } }
			{ roles(first: 40) { edges { ... on RoleEdge { node { id ...R } } } } }`, nil, 0},
		{"overlaps and uncovered levels", `{ roles(first: 25) { edges { node { id overlaps(first: 3) { score sharedSkills role { id skills { skill { id } } } } all: overlaps(first: 100) { role { id } }
			credentials { id certifies { level skill { id } } prerequisites { group credentials { id } educationLevels { id } } stacksInto { credential { id stacksInto { credential { id } } } } }
			skills { skill { id broader { id } sameAs { id } certifiedBy { credential { id stacksInto { credential { id } } confers { id } } } } } } } } }`, nil, 0},
		{"bounded certifications", `{ roles(first: 40) { edges { node { id skills { skill { id one: certifiedBy(first: 1) { level credential { id } } none: certifiedBy(first: 0) { level } most: certifiedBy(first: 100) { credential { id } } } } } } } }`, nil, 0},
		{"one role with every covered level", `{ role(id: "network-administrator") { ` + roleFields + ` overlaps(first: 5) { score role { id title } } } }`, nil, 0},
		{"one role without nested levels", `{ role(id: "it-support-specialist") { id title level industry wage { min max median } } }`, nil, 0},
		{"two roles and a page in one query", `{ a: role(id: "help-desk-technician") { id skills { skill { id certifiedBy { credential { id } } } } } b: role(id: "network-administrator") { id credentials { id stacksInto { credential { id } } } }
			roles(first: 5) { edges { node { id skills { level } } } } }`, nil, 0},
		{"a missing role", `{ role(id: "no-such-role") { id skills { level } } }`, nil, 1},
		{"a missing role beside a found one", `{ a: role(id: "no-such-role") { id } b: role(id: "help-desk-technician") { id education { id } } }`, nil, 1},
	}
}

// samePrefetched runs every shape on both handlers and wants byte-identical
// answers, errors included.
func samePrefetched(t *testing.T, prefetch, loaded http.Handler, shapes []prefetchShape) {
	t.Helper()
	for _, s := range shapes {
		t.Run(s.name, func(t *testing.T) {
			want := rawAnswer(t, loaded, s.query, s.vars)
			got := rawAnswer(t, prefetch, s.query, s.vars)
			var answer struct {
				Data   map[string]any
				Errors []gqlError
			}
			if err := json.Unmarshal(want, &answer); err != nil {
				t.Fatal(err)
			}
			if len(answer.Errors) != s.errors {
				t.Fatalf("the loaders answered %d errors, want %d: %.400s", len(answer.Errors), s.errors, want)
			}
			if len(want) < 60 {
				t.Fatalf("the loaders answered %s: too little to compare", want)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("answers differ (-loaders, +prefetch):\n- %s\n+ %s", want, got)
			}
		})
	}
}

// TestPrefetchAnswersAsLoaders: a root field's lookahead read returns exactly
// what the loaders return, level by level, for every selection shape: on the
// sample graph, then with the O*NET release beside it.
func TestPrefetchAnswersAsLoaders(t *testing.T) {
	store := cyphertest.Sample(t)
	prefetch, loaded := newHandlers(t, store)
	samePrefetched(t, prefetch, loaded, sampleShapes(pageCursor(t, loaded, 20)))

	t.Run("with O*NET", func(t *testing.T) {
		importONET(t, store)
		shapes := append(sampleShapes(pageCursor(t, loaded, 100)),
			prefetchShape{"a page of O*NET roles", `query($after: String) { roles(first: 50, after: $after) { edges { node { ` + roleFields + ` overlaps { score role { id } } } } } }`, map[string]any{"after": pageCursor(t, loaded, 60)}, 0},
			prefetchShape{"a registered nurse", `{ role(id: "onet:29-1141.00") { ` + roleFields + ` skillsProfile { name required { importance skill { id } } } overlaps(first: 100) { score sharedSkills role { id } } } }`, nil, 0},
		)
		samePrefetched(t, prefetch, loaded, shapes)
	})
}

// pageCursor is the end cursor of the first n roles.
func pageCursor(t *testing.T, h http.Handler, n int) string {
	t.Helper()
	var resp struct {
		Data struct {
			Roles struct{ PageInfo struct{ EndCursor string } }
		}
	}
	body := rawAnswer(t, h, `query($n: Int) { roles(first: $n) { pageInfo { endCursor } } }`, map[string]any{"n": n})
	if err := json.Unmarshal(body, &resp); err != nil || resp.Data.Roles.PageInfo.EndCursor == "" {
		t.Fatalf("no cursor after %d roles: %s", n, body)
	}
	return resp.Data.Roles.PageInfo.EndCursor
}

// TestPrimeAnswersWithoutATrip: primed keys answer from memory, a primed
// miss (a role without an education level) included; others still fetch.
func TestPrimeAnswersWithoutATrip(t *testing.T) {
	store := cyphertest.Sample(t)
	ctx := loaders.With(context.Background(), loaders.New(store))
	bachelor := pathway.EducationLevel{ID: "bachelor", Name: "Bachelor's degree", Rank: 4}
	loaders.Prime(ctx, cypher.Nested{
		Skills:    map[string][]pathway.RoleSkill{"a": {}},
		Education: map[string]*pathway.EducationLevel{"a": nil, "b": &bachelor},
	})
	before := store.RoundTrips()
	if e, err := loaders.EducationForRole(ctx, "a"); err != nil || e != nil {
		t.Errorf("a primed miss: %v, %v; want nil, nil", e, err)
	}
	if e, err := loaders.EducationForRole(ctx, "b"); err != nil || e == nil || *e != bachelor {
		t.Errorf("a primed level: %v, %v; want %v", e, err, bachelor)
	}
	if s, err := loaders.SkillsForRole(ctx, "a"); err != nil || s == nil || len(s) != 0 {
		t.Errorf("primed empty skills: %v, %v; want an empty list", s, err)
	}
	if n := store.RoundTrips() - before; n != 0 {
		t.Errorf("primed keys cost %d round trips, want 0", n)
	}
	if e, err := loaders.EducationForRole(ctx, "network-administrator"); err != nil || e == nil {
		t.Errorf("a key not primed: %v, %v; want its level from the store", e, err)
	}
	if n := store.RoundTrips() - before; n != 1 {
		t.Errorf("a key not primed cost %d round trips, want 1", n)
	}
}
