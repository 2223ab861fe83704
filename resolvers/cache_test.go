package resolvers

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/99designs/gqlgen/client"
	"github.com/google/go-cmp/cmp"
	"github.com/rs/zerolog"

	"github.com/lattice-pathways/lattice/cache"
	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/cypher/cyphertest"
	"github.com/lattice-pathways/lattice/pathway"
)

// cachedClient serves the real handler on store with a read cache of size
// entries of its own: one Lattice instance.
func cachedClient(t testing.TB, store *cypher.Store, size int) (*client.Client, *cache.Cache) {
	t.Helper()
	rc, err := cache.New(size, nil)
	if err != nil {
		t.Fatal(err)
	}
	h, err := NewHandler(Config{Store: store, Log: zerolog.Nop(), APIToken: testToken, ReadCache: rc})
	if err != nil {
		t.Fatal(err)
	}
	return client.New(h, client.Path("/graphql")), rc
}

// secondStore opens another driver on the test database: what a second
// Lattice instance behind a load balancer has.
func secondStore(t *testing.T) *cypher.Store {
	t.Helper()
	s, err := cypher.Open(context.Background(), cyphertest.Config(t), zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close(context.Background()) })
	return s
}

// rawData runs a query and returns its data and errors as JSON, whatever
// they are: the cache must not change either.
func rawData(t *testing.T, c *client.Client, query string) string {
	t.Helper()
	resp, err := c.RawPost(query, withToken)
	if err != nil {
		t.Fatalf("%s: %v", oneLine(query), err)
	}
	return fmt.Sprintf("data %s errors %s", resp.Data, resp.Errors)
}

// cacheQueries are representative reads of the sample graph: nested lists,
// every memoized question, errors and a missing node.
var cacheQueries = []struct {
	name, query string
	fails       bool // an error answer: never cached, so not free to repeat
}{
	{"roles nested", `{ roles(first: 50) { totalCount pageInfo { endCursor hasNextPage } edges { node { id title
		skills { level required skill { id name certifiedBy { credential { id } level } } }
		credentials { id name stacksInto { credential { id } } } education { id rank } overlaps(first: 3) { role { id } score } } } } }`, false},
	{"roles second page", `{ roles(first: 5, after: "WyJDbG91ZCBBcmNoaXRlY3QiLCJjbG91ZC1hcmNoaXRlY3QiXQ", filter: {degreeRequired: true}) { edges { node { id } } } }`, false},
	{"one role", `{ role(id: "help-desk-technician") { id title skillsProfile { name required { skill { id } } } broader { id } narrower { id } } }`, false},
	{"missing role", `{ role(id: "no-such-role") { id } }`, true},
	{"credential", `{ credential(id: "associate-degree-it") { id certifies { skill { id } level } confers { id } prerequisites { group credentials { id } educationLevels { id } }
		stacksFrom { credential { id } } requiredBy { id } preparesFor { id } } }`, false},
	{"skill", `{ skill(id: "networking") { id name certifiedBy { credential { id } } sameAs { id } } }`, false},
	{"certifiers' skill through fragments", `{ roles(first: 20) { edges { node { id skills { skill { id a: certifiedBy { credential { id } }
		b: certifiedBy { ... on CertifiedSkill { skill { id name } } } c: certifiedBy { ...S } } } } } } } fragment S on CertifiedSkill { level skill { id } }`, false},
	{"education levels", `{ educationLevels { id rank stacksInto { id } conferredBy { id } } }`, false},
	{"search", `{ search(text: "network", first: 5) { id kind } }`, false},
	{"reach one move", `{ reachableRoles(from: {roleId: "help-desk-technician"}) { role { id } score overlap gaps { skill { id } closedBy { id } } plan { totalCost steps { credential { id } } } } }`, false},
	{"reach two moves by cost", `{ reachableRoles(from: {roleId: "help-desk-technician"}, limits: {maxSteps: 2}, orderBy: PLAN_COST, first: 20) { role { id } steps path { id } plan { totalCost } } }`, false},
	{"reach student", `{ reachableRoles(from: {educationLevelId: "high-school", skills: [{skillId: "customer-service", level: 2}]}, limits: {maxCost: 5000}) { role { id } openNow firstStep { id } learnedOnTheJob { id } } }`, false},
	{"reach unknown role", `{ reachableRoles(from: {roleId: "no-such-role"}) { score } }`, true},
	{"upskilling", `{ upskillingPath(from: {roleId: "help-desk-technician"}, to: "security-specialist", options: {alternatives: 2, tradeOffFront: true}) {
		feasible totalCost totalHours steps { credential { id } } alternatives { totalCost } } }`, false},
	{"skills map", `{ skillsMap(from: "help-desk-technician", to: "network-administrator", includePreferred: true) { readiness overlap { skill { id } fromLevel toLevel } gaps { skill { id } closedBy { id } } } }`, false},
	{"credential stack", `{ credentialStack(id: "associate-degree-it") { id rungs { id kind position cost } } }`, false},
	{"cohort", `{ cohortPlan(members: [{roleId: "help-desk-technician"}, {roleId: "network-administrator"}], to: "cloud-architect") { totalCost ready members { index ready } } }`, false},
	{"recredentialing", `{ recredentialingCandidates(first: 5) { role { id } score } }`, false},
	// After the same page without it: an answer that skipped counting the
	// roles opened must not serve a query that shows them.
	{"recredentialing with roles opened", `{ recredentialingCandidates(first: 5) { role { id } score rolesOpened } }`, false},
}

// TestReadCacheSameAnswers: with the cache on, every answer is the one the
// service gives with it off, the first time (filling the cache) and the
// second (from it).
func TestReadCacheSameAnswers(t *testing.T) {
	off, store := sampleClient(t)
	on, rc := cachedClient(t, store, 10000)
	for _, q := range cacheQueries {
		t.Run(q.name, func(t *testing.T) {
			want := rawData(t, off, q.query)
			for _, pass := range []string{"cold", "warm"} {
				if got := rawData(t, on, q.query); got != want {
					t.Errorf("%s cache: %s\nwant (cache off) %s", pass, got, want)
				}
			}
		})
	}
	if rc.Len() == 0 {
		t.Errorf("the cache holds nothing after %d queries: it was not used", len(cacheQueries))
	}
}

// TestReadCacheRoundTrips: a repeated request costs one round trip, the
// version read, whatever its shape.
func TestReadCacheRoundTrips(t *testing.T) {
	_, store := sampleClient(t)
	c, _ := cachedClient(t, store, 10000)
	for _, q := range cacheQueries {
		if q.fails {
			continue
		}
		t.Run(q.name, func(t *testing.T) {
			mustData(t, c, q.query)
			before := store.RoundTrips()
			mustData(t, c, q.query)
			if n := store.RoundTrips() - before; n != 1 {
				t.Errorf("the repeated request cost %d round trips, want 1 (the version read)", n)
			}
		})
	}
}

// TestReadCacheBound: however many questions, the cache holds at most its
// size, and still answers as without it.
func TestReadCacheBound(t *testing.T) {
	off, store := sampleClient(t)
	const size = 20
	on, rc := cachedClient(t, store, size)
	for _, q := range cacheQueries {
		want := rawData(t, off, q.query)
		if got := rawData(t, on, q.query); got != want {
			t.Errorf("%s with a cache of %d: %s\nwant %s", q.name, size, got, want)
		}
		if rc.Len() > size {
			t.Fatalf("after %s the cache holds %d entries, more than its %d", q.name, rc.Len(), size)
		}
	}
}

// TestReadCacheTwoInstances: two Lattice instances, each with its own
// driver and cache, on one database: a write through either is seen by the
// other's very next request, in loaded fields and memoized answers alike.
func TestReadCacheTwoInstances(t *testing.T) {
	_, storeA := writesClient(t)
	a, _ := cachedClient(t, storeA, 1000)
	read := `{ role(id: "help-desk") { title skills { skill { id } level } }
		skillsMap(from: "help-desk", to: "network-admin") { readiness gaps { skill { id } } } }`
	storeB := secondStore(t)
	b, _ := cachedClient(t, storeB, 1000)
	before := rawData(t, b, read)
	trips := storeB.RoundTrips()
	if again := rawData(t, b, read); again != before {
		t.Fatalf("two reads with no write between differ:\n%s\n%s", before, again)
	}
	if n := storeB.RoundTrips() - trips; n != 1 {
		t.Fatalf("B's repeated read cost %d round trips, want 1: the cache is not in use, and this test proves nothing", n)
	}
	mustData(t, a, `mutation { updateRole(id: "help-desk", input: {title: "Service Desk Analyst"}) { id } }`)
	mustData(t, a, `mutation { createRoleSkill(input: {roleId: "help-desk", skillId: "security", level: 5}) { level } }`)
	after := rawData(t, b, read)
	if after == before {
		t.Fatalf("instance B still answers as before A's writes: %s", after)
	}
	want := rawData(t, newClient(t, storeA), read) // no cache at all
	if after != want {
		t.Errorf("instance B after A's writes: %s\nwant (uncached) %s", after, want)
	}
	// And the other way round, through B's own driver.
	mustData(t, b, `mutation { updateRole(id: "help-desk", input: {title: "Help Desk Technician"}) { id } }`)
	if got := rawData(t, a, read); got != rawData(t, newClient(t, storeA), read) {
		t.Errorf("instance A after B's write: %s", got)
	}
}

// TestReadCacheImportsInvalidate: loading the sample graph, importing and
// wiping the database are writes too.
func TestReadCacheImportsInvalidate(t *testing.T) {
	store := cyphertest.Empty(t)
	c, _ := cachedClient(t, store, 1000)
	read := `{ roles(first: 1) { totalCount } reachableRoles(from: {educationLevelId: "high-school"}) { role { id } } }`
	count := func() string { return rawData(t, c, `{ roles(first: 1) { totalCount } }`) }
	empty := count()
	trips := store.RoundTrips()
	if again := count(); again != empty || store.RoundTrips()-trips != 1 {
		t.Fatalf("a repeated read answered %s in %d round trips, want %s in 1 (from the cache)", again, store.RoundTrips()-trips, empty)
	}
	rawData(t, c, read)
	ctx := context.Background()
	if loaded, err := store.LoadSample(ctx); err != nil || !loaded {
		t.Fatalf("load sample: %v %v", loaded, err)
	}
	if got := count(); got == empty {
		t.Fatalf("after the sample load the cached service still answers %s", got)
	}
	if got, want := rawData(t, c, read), rawData(t, newClient(t, store), read); got != want {
		t.Errorf("after the sample load: %s\nwant %s", got, want)
	}
	g := &cypher.Graph{Roles: []cypher.GraphRole{{Role: pathway.Role{ID: "cache-test-role", Title: "Cache Test Role"}}}}
	before := count()
	if err := store.WriteGraph(ctx, g); err != nil {
		t.Fatal(err)
	}
	if got := count(); got == before {
		t.Errorf("after an import of one role the count is still %s", got)
	}
	if err := store.DeleteAll(ctx); err != nil {
		t.Fatal(err)
	}
	if got := count(); got != empty {
		t.Errorf("after DeleteAll: %s, want %s", got, empty)
	}
}

// TestGraphVersionBumps: every write transaction counts once, and a wiped
// database starts a new epoch.
func TestGraphVersionBumps(t *testing.T) {
	c, store := writesClient(t)
	ctx := context.Background()
	v1, err := store.GraphVersion(ctx)
	if err != nil || v1.Epoch == "" {
		t.Fatalf("GraphVersion = %+v, %v; want a versioned graph", v1, err)
	}
	mustData(t, c, `mutation { updateRole(id: "help-desk", input: {title: "Desk"}) { id } }`)
	v2, _ := store.GraphVersion(ctx)
	if v2.Epoch != v1.Epoch || v2.N != v1.N+1 {
		t.Errorf("after one write: %+v, want %+v one on", v2, v1)
	}
	if err := store.DeleteAll(ctx); err != nil {
		t.Fatal(err)
	}
	v3, _ := store.GraphVersion(ctx)
	if v3.Epoch == "" || v3.Epoch == v1.Epoch {
		t.Errorf("after DeleteAll: %+v, want a new epoch", v3)
	}
	b, _ := json.Marshal(v3)
	t.Logf("version after the wipe: %s", b)
}

// TestReachWithoutPlans: reachableRoles asked without plans (nothing drawn
// from one selected) skips planning but answers the same roles in the same
// order with the same scores, overlaps and gaps; asked with plans after it,
// through the read cache, it still shows every plan.
func TestReachWithoutPlans(t *testing.T) {
	store := cyphertest.Sample(t)
	c, _ := cachedClient(t, store, 1000)
	const fields = `role { id } score overlap steps path { id } gaps { skill { id } level }`
	bare := `{ reachableRoles(from: {roleId: "help-desk-technician"}, limits: {maxSteps: 2}) { ` + fields + ` } }`
	planned := `{ reachableRoles(from: {roleId: "help-desk-technician"}, limits: {maxSteps: 2}) { ` + fields + ` plan { totalCost } } }`
	var without, with struct{ ReachableRoles []map[string]any }
	c.MustPost(bare, &without)
	c.MustPost(planned, &with)
	if len(with.ReachableRoles) < 3 {
		t.Fatalf("only %d roles reached from the help desk", len(with.ReachableRoles))
	}
	for _, r := range with.ReachableRoles {
		if r["plan"] == nil {
			t.Errorf("role %v: no plan, though the query asks for plans after the same question without them", r["role"])
		}
		delete(r, "plan")
	}
	if diff := cmp.Diff(with.ReachableRoles, without.ReachableRoles); diff != "" {
		t.Errorf("asked without plans, the answer differs (-with plans +without):\n%s", diff)
	}
}
