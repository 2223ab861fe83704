package pathway

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"
)

// withIndex is req as PlanGraph.Request makes it: with its candidates
// indexed.
func withIndex(req PlanRequest) PlanRequest {
	req.index = newCandIndex(req.Candidates)
	return req
}

// TestIndexedProblemSame: with the graph's index, newProblem starts from
// the relevant candidates only, and reduces them to the same problem as
// from every candidate; Solve, ParetoFront and SolveCohort answer the same.
func TestIndexedProblemSame(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 14))
	smaller := 0
	for inst := range 1500 {
		cfg := genConfig{cands: 2 + r.IntN(25), skills: 3 + r.IntN(8), coarse: inst%4 == 3}
		req := genRequest(r, cfg)
		opt := genOptions(r, req)
		ixReq := withIndex(req)
		for _, dominate := range []bool{false, true} {
			var fixed []string
			if inst%3 == 0 {
				fixed = []string{"s00"}
			}
			want, err := newProblem(req, opt, dominate, fixed)
			got, err2 := newProblem(ixReq, opt, dominate, fixed)
			if (err == nil) != (err2 == nil) {
				t.Fatalf("instance %d: errors %v and %v", inst, err, err2)
			}
			if err != nil {
				continue
			}
			if g, w := problemSummary(got), problemSummary(want); g != w {
				t.Fatalf("instance %d (dominate %v): indexed problem\n%s\nwant\n%s", inst, dominate, g, w)
			}
		}
		if pool := ixReq.index.relevant(ixReq, Gap(ixReq, opt.IncludePreferred), -1, func([]Prereq) bool { return false },
			nil, nil); len(pool) < len(req.Candidates) {
			smaller++
		}
		want, err := Solve(context.Background(), req, opt)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Solve(context.Background(), ixReq, opt)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Fatalf("instance %d: indexed Solve %v %v, want %v", inst, got, err, want)
		}
		if inst%5 == 0 {
			o := opt
			o.TimeCap = time.Minute
			want, _ := ParetoFront(context.Background(), req, o)
			got, _ := ParetoFront(context.Background(), ixReq, o)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("instance %d: indexed front %v, want %v", inst, got, want)
			}
		}
	}
	if smaller < 300 {
		t.Errorf("only %d requests had candidates the index could leave out", smaller)
	}
	narrowed := 0
	for inst := range 300 {
		members := cohortMembers(r)
		if inst%2 == 1 {
			members = widerCohort(r)
		}
		opt := CohortOptions{PlanOptions: PlanOptions{TimeCap: time.Minute}}
		if r.IntN(3) == 0 {
			opt.Budget = fp(float64(500 * r.IntN(6)))
		}
		want, err := SolveCohort(context.Background(), members, opt)
		if err != nil {
			t.Fatal(err)
		}
		ixMembers := slices.Clone(members)
		ixMembers[0] = withIndex(members[0])
		got, err := SolveCohort(context.Background(), ixMembers, opt)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Fatalf("cohort %d: indexed %+v %v, want %+v", inst, got, err, want)
		}
		shared := make([]PlanRequest, len(ixMembers))
		for i, m := range ixMembers {
			m.Candidates, m.index = ixMembers[0].Candidates, ixMembers[0].index
			shared[i] = m
		}
		for _, rel := range newCohortSearch(shared, opt).relevant {
			if slices.Contains(rel, false) {
				narrowed++
				break
			}
		}
	}
	if narrowed < 50 {
		t.Errorf("only %d cohorts had a member whose plan no cohort credential could change", narrowed)
	}
}

// widerCohort is three to six members around a target with more
// candidates than gaps, each holding a different share of its skills.
func widerCohort(r *rand.Rand) []PlanRequest {
	base := genRequest(r, genConfig{cands: 10 + r.IntN(8), skills: 6 + r.IntN(4), cohortCosts: true})
	members := []PlanRequest{base}
	for range 2 + r.IntN(4) {
		m := base
		m.HeldSkills = map[string]int{}
		for s := range 10 {
			if r.IntN(10) < 6 {
				m.HeldSkills[fmt.Sprintf("s%02d", s)] = 1 + r.IntN(5)
			}
		}
		m.HeldCredentials = nil
		m.EducationRank = r.IntN(5)
		members = append(members, m)
	}
	return members
}

// problemSummary is what a problem is to the search.
func problemSummary(p *problem) string {
	var ids []string
	for _, c := range p.cands {
		ids = append(ids, c.ID)
	}
	var cl []string
	for _, c := range p.clauses {
		cl = append(cl, fmt.Sprint(c.owner, c.opts))
	}
	return fmt.Sprintf("reason %q\nuncovered %v\ngap %v\ncands %v\nclauses %v\nstatic %v\nlift %v\nwmin %v\nlowers %v\ngrain %v",
		p.reason, p.uncovered, p.gap, ids, cl, p.static, p.lift, p.wmin, p.lowers, p.grain)
}

// TestCohortRelevantExclusions: a member's plan with some cohort
// credentials excluded is its plan with only those of them in its first
// pool excluded, which is what the cohort's cache of member plans keys on.
func TestCohortRelevantExclusions(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 14))
	differ := 0
	for inst := range 300 {
		members := widerCohort(r)
		members[0] = withIndex(members[0])
		for i := range members {
			members[i].Candidates, members[i].index = members[0].Candidates, members[0].index
		}
		opt := CohortOptions{PlanOptions: PlanOptions{TimeCap: time.Minute}}
		cs := newCohortSearch(members, opt)
		for m := range members {
			all, some := cs.base, cs.base
			for i, id := range cs.cc {
				if r.IntN(2) == 0 {
					continue
				}
				all.Exclude = append(all.Exclude, id)
				if cs.relevant[m][i] {
					some.Exclude = append(some.Exclude, id)
				}
			}
			if len(all.Exclude) != len(some.Exclude) {
				differ++
			}
			want, err := solve(context.Background(), members[m], all, 1, cs.uncovered[m])
			if err != nil {
				t.Fatal(err)
			}
			got, err := solve(context.Background(), members[m], some, 1, cs.uncovered[m])
			if err != nil || !reflect.DeepEqual(got, want) {
				t.Fatalf("cohort %d member %d: excluding %v: %+v %v, excluding all of %v: %+v", inst, m, some.Exclude, got, err, all.Exclude, want)
			}
		}
	}
	if differ < 100 {
		t.Errorf("only %d members had exclusions outside their first pool", differ)
	}
}
