package resolvers

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"

	"github.com/lattice-pathways/lattice/cache"
	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/cypher/cyphertest"
	"github.com/lattice-pathways/lattice/pathway"
)

// variedRoles are sample roles the varied questions start from and go to.
var variedRoles = []string{"help-desk-technician", "it-support-specialist", "network-technician", "network-administrator",
	"security-specialist", "cloud-architect", "systems-administrator", "database-analyst"}

// variedQueries are the questions of make bench, each asked of several
// roles: no two are the same question, so the answer cache never serves
// one, but they share roles, plan graphs and credentials.
func variedQueries() []string {
	var qs []string
	for i, from := range variedRoles[:4] {
		for _, to := range variedRoles[4:] {
			qs = append(qs, fmt.Sprintf(`{ upskillingPath(from: {roleId: %q}, to: %q, options: {steppingStones: %v}) {
				feasible totalCost totalHours via { id } steps { credential { id } leg { id } why } gaps { skill { id } level } coverage { summary } } }`,
				from, to, i%2 == 1))
			qs = append(qs, fmt.Sprintf(`{ skillsMap(from: %q, to: %q) { readiness overlap { skill { id } fromLevel toLevel } gaps { skill { id } level } } }`, from, to))
		}
		qs = append(qs, fmt.Sprintf(`{ reachableRoles(from: {roleId: %q}) { role { id } score overlap gaps { skill { id } } plan { totalCost steps { credential { id } } } openNow } }`, from))
		qs = append(qs, fmt.Sprintf(`{ reachableRoles(from: {roleId: %q}, limits: {maxSteps: 2}, orderBy: PLAN_COST, first: 15) { role { id } steps path { id } plan { totalCost } } }`, from))
		qs = append(qs, fmt.Sprintf(`{ reachableRoles(from: {roleId: %q, skills: [{skillId: "security", level: 3}]}, orderBy: WAGE_GAIN) { role { id } score wageGain } }`, from))
		qs = append(qs, fmt.Sprintf(`{ cohortPlan(members: [{roleId: %q}, {roleId: "help-desk-technician"}, {skills: [{skillId: "networking", level: 2}]}], to: %q) {
			totalCost ready members { index ready plan { steps { credential { id } } } } pooledGap { skill { id } members } } }`, from, variedRoles[4+i]))
	}
	for _, level := range []string{"high-school", "associate", "bachelor"} {
		qs = append(qs, fmt.Sprintf(`{ reachableRoles(from: {educationLevelId: %q, skills: [{skillId: "customer-service", level: 2}]}, limits: {maxCost: 5000}) {
			role { id } openNow firstStep { id } learnedOnTheJob { id } plan { totalCost } } }`, level))
	}
	for _, id := range []string{"associate-degree-it", "bachelor-computer-science", "comptia-a-plus", "comptia-network-plus", "high-school"} {
		qs = append(qs, fmt.Sprintf(`{ credentialStack(id: %q) { id rungs { id kind position cost opens { role { id } how } } } }`, id))
	}
	qs = append(qs, `{ recredentialingCandidates(first: 5) { role { id } score rolesOpened } }`,
		`{ upskillingPath(from: {roleId: "no-such-role"}, to: "cloud-architect") { feasible } }`,
		`{ cohortPlan(members: [{roleId: "help-desk-technician"}, {roleId: "no-such-role"}], to: "cloud-architect") { ready } }`)
	return qs
}

// TestQuestionInputsSameAnswers: varied questions answer with the cache on
// exactly as with it off, asked one after another (each reading what the
// ones before cached) and all at once (sharing cached values between
// goroutines: run with -race); and the cached inputs they share are,
// afterwards, what the store reads, unchanged by any question.
func TestQuestionInputsSameAnswers(t *testing.T) {
	off, store := sampleClient(t)
	qs := variedQueries()
	want := make([]string, len(qs))
	failed := 0
	for i, q := range qs {
		want[i] = rawData(t, off, q)
		if !strings.HasSuffix(want[i], "errors ") {
			failed++
		}
	}
	if failed != 2 { // the two that name no role
		t.Fatalf("%d of the varied questions failed, want 2: a query is wrong", failed)
	}
	t.Run("in turn", func(t *testing.T) {
		on, _ := cachedClient(t, store, 10000)
		for i, q := range qs {
			if got := rawData(t, on, q); got != want[i] {
				t.Errorf("%s\ncache on:  %s\ncache off: %s", oneLine(q), got, want[i])
			}
		}
	})
	t.Run("at once", func(t *testing.T) {
		on, rc := cachedClient(t, store, 10000)
		var wg sync.WaitGroup
		for g := range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for k := range qs {
					i := (k + g*len(qs)/4) % len(qs) // each goroutine starts elsewhere
					if got := rawData(t, on, qs[i]); got != want[i] {
						t.Errorf("%s\ncache on:  %s\ncache off: %s", oneLine(qs[i]), got, want[i])
					}
				}
			}()
		}
		wg.Wait()
		checkCachedInputs(t, store, rc)
	})
}

// checkCachedInputs reads, through the source and rc, the plan graphs and
// role profiles the varied questions cached, and fails unless they are
// cached (the reads cost only the version read) and equal the store's.
func checkCachedInputs(t *testing.T, store *cypher.Store, rc *cache.Cache) {
	t.Helper()
	ctx := rc.Begin(context.Background(), func(ctx context.Context) (cache.Version, error) {
		v, err := store.GraphVersion(ctx)
		return cache.Version(v), err
	})
	src := newSource(store)
	profiles := make([]pathway.Profile, len(variedRoles))
	for i, id := range variedRoles {
		profiles[i] = pathway.Profile{RoleID: id}
	}
	trips := store.RoundTrips()
	graphs, err := src.PlanGraphs(ctx, variedRoles[4:])
	if err != nil {
		t.Fatal(err)
	}
	held, roles, err := src.Profiles(ctx, profiles[:4])
	if err != nil {
		t.Fatal(err)
	}
	if n := store.RoundTrips() - trips; n != 1 {
		t.Errorf("reading what the questions read cost %d round trips, want 1 (the version read): not cached", n)
	}
	wantGraphs, err := store.PlanGraphs(context.Background(), variedRoles[4:])
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range wantGraphs {
		g.ApplyFieldRule()
	}
	wantHeld, wantRoles, err := store.Profiles(context.Background(), profiles[:4])
	if err != nil {
		t.Fatal(err)
	}
	opt := cmp.AllowUnexported(pathway.PlanGraph{})
	if diff := cmp.Diff(wantGraphs, graphs, opt); diff != "" {
		t.Errorf("cached plan graphs after the questions (-store +cached):\n%s", diff)
	}
	if diff := cmp.Diff(wantHeld, held); diff != "" {
		t.Errorf("cached role profiles after the questions (-store +cached):\n%s", diff)
	}
	if diff := cmp.Diff(wantRoles, roles); diff != "" {
		t.Errorf("cached profile roles after the questions (-store +cached):\n%s", diff)
	}
}

// TestQuestionInputsAfterWrites: with the cache on, a varied question
// after a write that changes its inputs answers the new truth: a new
// credential certifying the gaps, a changed requirement, written through
// this instance or another.
func TestQuestionInputsAfterWrites(t *testing.T) {
	off, store := sampleClient(t)
	on, _ := cachedClient(t, store, 10000)
	other, _ := cachedClient(t, secondStore(t), 10000) // another Lattice instance
	const plan = `{ upskillingPath(from: {roleId: %q}, to: "security-specialist") { feasible totalHours steps { credential { id } } gaps { skill { id } level } } }`
	const skillsMap = `{ skillsMap(from: %q, to: "security-specialist") { readiness gaps { skill { id } level } } }`
	// Fill the cache with security-specialist's plan graph and profile.
	mustData(t, on, fmt.Sprintf(plan, "help-desk-technician"))
	mustData(t, on, fmt.Sprintf(skillsMap, "help-desk-technician"))

	varied := fmt.Sprintf(plan, "it-support-specialist")
	before := rawData(t, off, varied)
	var gaps struct {
		SkillsMap struct {
			Gaps []struct{ Skill struct{ ID string } }
		}
	}
	off.MustPost(`{ skillsMap(from: "it-support-specialist", to: "security-specialist") { gaps { skill { id } } } }`, &gaps)
	if len(gaps.SkillsMap.Gaps) == 0 {
		t.Fatal("no gaps from it-support-specialist to security-specialist: the test proves nothing")
	}
	mustData(t, other, `mutation { createCredential(input: {id: "cache-fast-track", name: "Fast track", kind: "BADGE", cost: 1, hours: 1, weeks: 1}) { id } }`)
	for _, g := range gaps.SkillsMap.Gaps {
		mustData(t, other, fmt.Sprintf(`mutation { createCertification(input: {credentialId: "cache-fast-track", skillId: %q, level: 5}) { level } }`, g.Skill.ID))
	}
	after := rawData(t, on, varied)
	if want := rawData(t, off, varied); after != want {
		t.Errorf("after a new credential: %s\nwant (cache off) %s", after, want)
	}
	if after == before || !strings.Contains(after, "cache-fast-track") {
		t.Errorf("after a new credential closing every gap, the plan does not take it: %s", after)
	}

	variedMap := fmt.Sprintf(skillsMap, "network-administrator")
	before = rawData(t, off, variedMap)
	mustData(t, on, `mutation { createRoleSkill(input: {roleId: "security-specialist", skillId: "fiber-optic-cabling", level: 5}) { level } }`)
	after = rawData(t, on, variedMap)
	if want := rawData(t, off, variedMap); after != want {
		t.Errorf("after a changed requirement: %s\nwant (cache off) %s", after, want)
	}
	if after == before || !strings.Contains(after, "fiber-optic-cabling") {
		t.Errorf("after a new required skill, the skills map does not show its gap: %s", after)
	}
}

// TestQuestionInputsShared: a question different from the last but sharing
// a role with it costs fewer round trips than the same question on a cold
// cache: the shared inputs come from the cache.
func TestQuestionInputsShared(t *testing.T) {
	store := cyphertest.Sample(t)
	pairs := []struct{ name, first, second string }{
		{"plan into the same role",
			`{ upskillingPath(from: {roleId: "help-desk-technician"}, to: "security-specialist") { totalCost steps { credential { id } } } }`,
			`{ upskillingPath(from: {roleId: "network-technician"}, to: "security-specialist") { totalCost steps { credential { id } } } }`},
		{"plan from the same role",
			`{ upskillingPath(from: {roleId: "help-desk-technician"}, to: "security-specialist") { totalCost } }`,
			`{ skillsMap(from: "help-desk-technician", to: "security-specialist") { readiness } }`},
		{"reach from the same role in another order",
			`{ reachableRoles(from: {roleId: "help-desk-technician"}) { role { id } plan { totalCost } } }`,
			`{ reachableRoles(from: {roleId: "help-desk-technician"}, first: 5) { role { id } plan { totalCost } } }`},
		{"cohort into the same role",
			`{ cohortPlan(members: [{roleId: "help-desk-technician"}, {roleId: "network-technician"}], to: "cloud-architect") { totalCost } }`,
			`{ cohortPlan(members: [{roleId: "network-technician"}, {roleId: "systems-administrator"}], to: "cloud-architect") { totalCost } }`},
		{"stacks sharing rungs",
			`{ credentialStack(id: "associate-degree-it") { rungs { id opens { role { id } } } } }`,
			`{ credentialStack(id: "bachelor-computer-science") { rungs { id opens { role { id } } } } }`},
	}
	for _, p := range pairs {
		t.Run(p.name, func(t *testing.T) {
			cost := func(warm bool) int64 {
				c, _ := cachedClient(t, store, 10000)
				if warm {
					mustData(t, c, p.first)
				}
				before := store.RoundTrips()
				mustData(t, c, p.second)
				return store.RoundTrips() - before
			}
			cold, warm := cost(false), cost(true)
			t.Logf("cold %d round trips, after the first question %d", cold, warm)
			if warm >= cold {
				t.Errorf("after a question sharing its role, the second cost %d round trips, cold %d: nothing shared", warm, cold)
			}
		})
	}
}

// TestSourcePlanGraphsShareable: the plan graphs the source caches come
// with the field rule applied, so Request, on any goroutine, changes
// nothing in a graph another request may be reading.
func TestSourcePlanGraphsShareable(t *testing.T) {
	store := cyphertest.Sample(t)
	rc, err := cache.New(1000, nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx := rc.Begin(context.Background(), func(ctx context.Context) (cache.Version, error) {
		v, err := store.GraphVersion(ctx)
		return cache.Version(v), err
	})
	graphs, err := newSource(store).PlanGraphs(ctx, variedRoles)
	if err != nil {
		t.Fatal(err)
	}
	otherField := 0
	for id, g := range graphs {
		before := slices.Clone(g.Candidates)
		g.Request(pathway.NewHeld())
		if diff := cmp.Diff(before, g.Candidates); diff != "" {
			t.Errorf("%s: Request changed the cached graph's candidates (-before +after):\n%s", id, diff)
		}
		for _, c := range g.Candidates {
			if c.OtherField {
				otherField++
			}
		}
	}
	if len(graphs) != len(variedRoles) || otherField == 0 {
		t.Fatalf("%d graphs with %d candidates in another field: the test proves nothing", len(graphs), otherField)
	}
}

// TestPlanGraphsShareFacts: within a version, plan graphs read by different
// requests, and one made again after the byte bound evicted it, refer to
// one decoded copy of a candidate's facts (its certifications, its name);
// a new version decodes its own. Each graph equals the store's, with the
// field rule applied.
func TestPlanGraphsShareFacts(t *testing.T) {
	store := cyphertest.Sample(t)
	rc, err := cache.New(1000, nil)
	if err != nil {
		t.Fatal(err)
	}
	v, err := store.GraphVersion(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	begin := func(v cypher.Version) context.Context {
		return rc.Begin(context.Background(), func(context.Context) (cache.Version, error) { return cache.Version(v), nil })
	}
	src := newSource(store)
	read := func(ctx context.Context, id string) *pathway.PlanGraph {
		t.Helper()
		gs, err := src.PlanGraphs(ctx, []string{id})
		if err != nil || gs[id] == nil {
			t.Fatalf("plan graph of %s: %v, %v", id, gs, err)
		}
		want, err := store.PlanGraphs(context.Background(), []string{id})
		if err != nil {
			t.Fatal(err)
		}
		want[id].ApplyFieldRule()
		if diff := cmp.Diff(want[id], gs[id], cmp.AllowUnexported(pathway.PlanGraph{})); diff != "" {
			t.Errorf("cached plan graph of %s (-store +cached):\n%s", id, diff)
		}
		return gs[id]
	}
	// The facts of credential cid in g: its certifications and its name.
	type facts struct {
		certifies uintptr
		name      *byte
	}
	factsOf := func(g *pathway.PlanGraph, cid string) facts {
		for _, c := range g.Candidates {
			if c.ID == cid {
				return facts{reflect.ValueOf(c.Certifies).Pointer(), unsafe.StringData(g.Credentials[cid].Name)}
			}
		}
		t.Fatalf("%s is no candidate of %s", cid, g.RoleID)
		return facts{}
	}
	// Two roles' graphs, each read by its own request, with a candidate in
	// common that certifies something.
	a, b := read(begin(v), variedRoles[0]), read(begin(v), variedRoles[1])
	var cid string
	for _, c := range a.Candidates {
		if len(c.Certifies) > 0 && slices.ContainsFunc(b.Candidates, func(o pathway.PlanCredential) bool { return o.ID == c.ID }) {
			cid = c.ID
			break
		}
	}
	if cid == "" {
		t.Fatalf("%s and %s have no certifying candidate in common: the test proves nothing", a.RoleID, b.RoleID)
	}
	if fa, fb := factsOf(a, cid), factsOf(b, cid); fa != fb {
		t.Errorf("the graphs of %s and %s hold two decoded copies of %s's facts", a.RoleID, b.RoleID, cid)
	}
	// Evicted by the byte bound and made again: the same facts.
	rc.SetBytes(1)
	read(begin(v), variedRoles[2])
	rc.SetBytes(cache.DefaultBytes)
	again := read(begin(v), variedRoles[0])
	if again == a {
		t.Fatalf("the graph of %s outlived a byte bound of 1: the test proves nothing", a.RoleID)
	}
	if factsOf(again, cid) != factsOf(a, cid) {
		t.Errorf("a graph made again after its eviction decoded %s's facts again", cid)
	}
	// A new version decodes its own: nothing of the old is kept for it.
	next := read(begin(cypher.Version{Epoch: v.Epoch, N: v.N + 1}), variedRoles[0])
	if factsOf(next, cid) == factsOf(a, cid) {
		t.Errorf("a graph of a new version holds the old version's facts of %s", cid)
	}
}

// TestRoleAndLevelProfiles: a profile that is a role and an education level
// is made from the role's and the level's cached profiles, equal to what
// the store reads for every role and level of the sample, mixed with the
// other kinds of profile; once those are cached it reads nothing but the
// version, and a question changing the profile it gets leaves the cached
// role's alone.
func TestRoleAndLevelProfiles(t *testing.T) {
	store := cyphertest.Sample(t)
	levels, err := store.EducationLevels(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	roles := roleIDsOf(t, store)
	var ps []pathway.Profile
	for i, r := range roles {
		for _, l := range levels {
			ps = append(ps, pathway.Profile{RoleID: r, EducationLevelID: l.ID})
		}
		switch i % 3 {
		case 0:
			ps = append(ps, pathway.Profile{RoleID: r})
		case 1:
			ps = append(ps, pathway.Profile{EducationLevelID: levels[i%len(levels)].ID})
		default: // read by the store as it is
			ps = append(ps, pathway.Profile{RoleID: r, EducationLevelID: "associate", EducationField: "11.0101"})
		}
	}
	wantHeld, wantRoles, err := store.Profiles(context.Background(), ps)
	if err != nil {
		t.Fatal(err)
	}
	rc, err := cache.New(cache.DefaultSize, nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx := rc.Begin(context.Background(), func(ctx context.Context) (cache.Version, error) {
		v, err := store.GraphVersion(ctx)
		return cache.Version(v), err
	})
	src := newSource(store)
	held, got, err := src.Profiles(ctx, ps)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(wantHeld, held); diff != "" {
		t.Errorf("held profiles (-store +source):\n%s", diff)
	}
	if diff := cmp.Diff(wantRoles, got); diff != "" {
		t.Errorf("profile roles (-store +source):\n%s", diff)
	}
	// A cohort's members: roles with a level, and nothing else.
	var members []pathway.Profile
	for _, p := range ps {
		if roleAndLevel(p) {
			members = append(members, p)
		}
	}
	trips := store.RoundTrips()
	held, _, err = src.Profiles(ctx, members)
	if err != nil {
		t.Fatal(err)
	}
	if n := store.RoundTrips() - trips; n != 0 {
		t.Errorf("roles with a level, their roles and levels cached, cost %d round trips, want 0", n)
	}
	held[0].Earn(pathway.PlanCredential{ID: "earned", Certifies: map[string]int{"earned-skill": 5}, ConfersRank: 9})
	again, _, err := src.Profiles(ctx, []pathway.Profile{{RoleID: members[0].RoleID}})
	if err != nil {
		t.Fatal(err)
	}
	if again[0].Credentials["earned"] || again[0].Skills["earned-skill"] != 0 || again[0].EducationRank == 9 {
		t.Errorf("changing a role-and-level profile changed the cached role's: %+v", again[0])
	}
}

// roleIDsOf lists every role of the store's graph.
func roleIDsOf(t *testing.T, store *cypher.Store) []string {
	t.Helper()
	starters, err := store.StarterRoles(context.Background(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]string, len(starters))
	for i, s := range starters {
		ids[i] = s.Role.ID
	}
	return ids
}
