package resolvers

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"testing"
	"time"

	"github.com/99designs/gqlgen/client"
	"github.com/rs/zerolog"

	"github.com/lattice-pathways/lattice/cache"
	"github.com/lattice-pathways/lattice/cypher"
)

// warmQuestions are the questions of make bench, asked of sample roles:
// from one role to another, the ones that start from no role, and the
// stack through a credential or a level.
func warmQuestions(from, to string, i int) []string {
	levels := []string{"high-school", "associate", "bachelor"}
	stacks := []string{"associate-degree-it", "high-school", "comptia-a-plus", "site-development-associate"}
	return []string{
		fmt.Sprintf(`{ reachableRoles(from: {roleId: %q}) { role { id title } score overlap } }`, from),
		fmt.Sprintf(`{ reachableRoles(from: {roleId: %q}, limits: {maxSteps: 2}, orderBy: PLAN_COST) { role { id } score plan { totalCost } } }`, from),
		fmt.Sprintf(`{ reachableRoles(from: {educationLevelId: %q, interestCode: "RCI"}, limits: {maxCost: 15000}) { role { id } score plan { totalCost } } }`, levels[i%len(levels)]),
		fmt.Sprintf(`{ upskillingPath(from: {roleId: %q}, to: %q) { feasible totalCost totalHours steps { credential { id } } uncovered { id } } }`, from, to),
		fmt.Sprintf(`{ skillsMap(from: %q, to: %q) { overlap { skill { id } } gaps { skill { id } } readiness } }`, from, to),
		fmt.Sprintf(`{ skillsMap(from: %q, to: %q) { overlap { skill { id } } gaps { skill { id } closedBy { id } } readiness } }`, to, from),
		fmt.Sprintf(`{ credentialStack(id: %q) { rungs { id kind position cost hours opens { role { id } how } } } }`, stacks[i%len(stacks)]),
		fmt.Sprintf(`{ cohortPlan(members: [{roleId: %q}, {educationLevelId: "associate"}, {roleId: %q, educationLevelId: "associate"}], to: %q) {
			totalCost ready optimal members { index ready } credentials { credential { id } takers } } }`, from, to, variedRoles[(i+5)%len(variedRoles)]),
	}
}

// warmedClient is one Lattice instance with a read cache and a warmer of
// it, both on store, whose statements obs records.
func warmedClient(t *testing.T, store *cypher.Store, size int) (*client.Client, *cache.Cache, *Warmer, *statements) {
	t.Helper()
	obs := &statements{}
	s := store.WithObserver(obs)
	c, rc := cachedClient(t, s, size)
	w, err := NewWarmer(s, rc, zerolog.Nop(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return c, rc, w, obs
}

// TestWarmedQuestionsReadNothing: after a warm-up, the bench's questions,
// asked of several roles none asked before, cost no statement but the
// version read, and answer as the service does with no cache (the cohort's
// member who holds a role and a level too: it is made from the role's and
// the level's cached profiles).
func TestWarmedQuestionsReadNothing(t *testing.T) {
	off, store := sampleClient(t)
	c, rc, w, obs := warmedClient(t, store, 10000)
	st, err := w.Warm(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if st.Bounded || st.Roles != st.AllRoles || st.Roles == 0 || st.Credentials == 0 {
		t.Fatalf("the warm-up warmed %d roles of %d and %d credentials (bounded %v): want every role and some credentials", st.Roles, st.AllRoles, st.Credentials, st.Bounded)
	}
	t.Logf("warm-up: %d roles, %d credentials, %d entries in %v", st.Roles, st.Credentials, rc.Len(), st.Duration)
	obs.count()
	for i, from := range variedRoles[:4] {
		qs := warmQuestions(from, variedRoles[4+i], i)
		for _, q := range qs {
			got := rawData(t, c, q)
			want := map[string]int{"graph_version": 1}
			if n := obs.count(); !maps.Equal(n, want) {
				t.Errorf("%s after a warm-up sent %v, want %v", oneLine(q), n, want)
			}
			if want := rawData(t, off, q); got != want {
				t.Errorf("%s after a warm-up:\n%s\nwant (cache off) %s", oneLine(q), got, want)
			}
		}
	}
}

// TestWarmedRolePagesReadNothing: after a warm-up, every page of roles of a
// warmed size, with each role's skills, their certifiers and the role's
// credentials nested (make bench's roles50Nested), costs only the version
// read and answers as the service does with no cache.
func TestWarmedRolePagesReadNothing(t *testing.T) {
	off, store := sampleClient(t)
	c, _, w, obs := warmedClient(t, store, 10000)
	st, err := w.Warm(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if st.Bounded || st.Pages == 0 || st.Stacks == 0 {
		t.Fatalf("the warm-up warmed %d pages and %d stacks (bounded %v): want some of each", st.Pages, st.Stacks, st.Bounded)
	}
	obs.count()
	for _, first := range []string{"", "first: 20, ", "first: 50, "} {
		pages := 0
		for after := "null"; ; pages++ {
			q := fmt.Sprintf(`{ roles(%safter: %s) { totalCount pageInfo { endCursor hasNextPage }
				edges { cursor node { id skills { level skill { id certifiedBy { credential { id } level } } } credentials { id } } } } }`, first, after)
			got := rawData(t, c, q)
			if n, want := obs.count(), map[string]int{"graph_version": 1}; !maps.Equal(n, want) {
				t.Errorf("%s after a warm-up sent %v, want %v", oneLine(q), n, want)
			}
			if want := rawData(t, off, q); got != want {
				t.Fatalf("%s after a warm-up:\n%s\nwant (cache off) %s", oneLine(q), got, want)
			}
			resp, err := c.RawPost(q)
			if err != nil {
				t.Fatal(err)
			}
			obs.count() // an answer asked again: the version read
			var page struct {
				Roles struct {
					PageInfo struct {
						EndCursor   string
						HasNextPage bool
					}
				}
			}
			b, err := json.Marshal(resp.Data)
			if err == nil {
				err = json.Unmarshal(b, &page)
			}
			if err != nil {
				t.Fatal(err)
			}
			if !page.Roles.PageInfo.HasNextPage {
				break
			}
			after = fmt.Sprintf("%q", page.Roles.PageInfo.EndCursor)
		}
		if pages == 0 && first != "first: 50, " {
			t.Errorf("roles(%s...) had one page: the sample graph should need several", first)
		}
	}
}

// TestWarmStopsWithContext: a warm-up whose context has ended returns at
// once with that error, having read nothing; Run returns when its context
// ends.
func TestWarmStopsWithContext(t *testing.T) {
	_, store := sampleClient(t)
	_, rc, w, obs := warmedClient(t, store, 10000)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := w.Warm(ctx); err == nil {
		t.Errorf("a warm-up with its context done returned no error")
	}
	if n := rc.Len(); n != 0 {
		t.Errorf("a warm-up with its context done cached %d entries", n)
	}
	obs.count()
	ctx, cancel = context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		w.Run(ctx, 10*time.Millisecond)
	}()
	// Let it start a warm-up, then end it in the middle.
	deadline := time.Now().Add(10 * time.Second)
	for rc.Len() == 0 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	cancel()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return 5 s after its context ended")
	}
	obs.count()
	time.Sleep(50 * time.Millisecond)
	if n := obs.count(); len(n) > 0 {
		t.Errorf("after Run returned the warmer still sent %v", n)
	}
}

// TestWarmAfterWrites: a write through another instance, during a warm-up
// or after one, is seen by the next request, and Run warms the new version.
func TestWarmAfterWrites(t *testing.T) {
	_, storeA := writesClient(t)
	a, _ := cachedClient(t, storeA, 1000)
	storeB := secondStore(t)
	b, rc, w, obs := warmedClient(t, storeB, 1000)
	read := `{ skillsMap(from: "help-desk", to: "network-admin") { readiness gaps { skill { id } } } }`
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan struct{})
	go func() {
		defer close(done)
		w.Run(ctx, 10*time.Millisecond)
	}()
	defer func() { cancel(); <-done }()
	// warmed waits until B's cache holds the version the graph has now,
	// warmed: the read then costs only the version read.
	warmed := func(when string) {
		t.Helper()
		v, err := storeA.GraphVersion(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(10 * time.Second)
		for time.Now().Before(deadline) {
			if rc.Current() == cache.Version(v) && rc.Len() > 0 {
				obs.count()
				if _, err := w.src.RoleSkills(rc.Begin(context.Background(), func(context.Context) (cache.Version, error) {
					return cache.Version(v), nil
				}), []string{"help-desk", "network-admin"}); err != nil {
					t.Fatal(err)
				}
				if len(obs.count()) == 0 {
					return
				}
			}
			time.Sleep(5 * time.Millisecond)
		}
		t.Fatalf("%s: the warmer did not warm version %v within 10 s (cache at %v)", when, v, rc.Current())
	}
	warmed("at start")
	before := rawData(t, b, read)
	mustData(t, a, `mutation { createRoleSkill(input: {roleId: "network-admin", skillId: "communication", level: 5}) { level } }`)
	after := rawData(t, b, read)
	if after == before {
		t.Fatalf("instance B still answers as before A's write: %s", after)
	}
	if want := rawData(t, newClient(t, storeA), read); after != want {
		t.Errorf("instance B after A's write: %s\nwant (uncached) %s", after, want)
	}
	warmed("after a write")
	// A write while a warm-up runs: the next request sees it all the same.
	mustData(t, a, `mutation { updateRoleSkill(input: {roleId: "network-admin", skillId: "communication", level: 2}) { level } }`)
	mustData(t, a, `mutation { deleteRoleSkill(roleId: "network-admin", skillId: "communication") { __typename } }`)
	if got, want := rawData(t, b, read), rawData(t, newClient(t, storeA), read); got != want {
		t.Errorf("instance B after A's writes during a warm-up: %s\nwant (uncached) %s", got, want)
	}
	warmed("after writes during a warm-up")
}

// TestWarmBound: a warm-up that would not fit stops short of the cache's
// bound rather than evicting what it warmed, and says so.
func TestWarmBound(t *testing.T) {
	_, store := sampleClient(t)
	_, full, w, _ := warmedClient(t, store, 10000)
	all, err := w.Warm(context.Background())
	if err != nil || all.Bounded {
		t.Fatalf("a warm-up into a cache of 10,000: %+v, %v", all, err)
	}
	size := full.Len() - all.Stacks/2 // room for every role, not every stack (the last warmed)
	_, rc, w, _ := warmedClient(t, store, size)
	st, err := w.Warm(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !st.Bounded || st.Stacks >= all.Stacks {
		t.Errorf("a warm-up of %d entries into a cache of %d: %+v, want it bounded, short of the %d stacks", full.Len(), size, st, all.Stacks)
	}
	if rc.Len() >= size {
		t.Errorf("the warm-up filled the cache (%d of %d entries): it may have evicted what it warmed", rc.Len(), size)
	}
}
