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
	for inst := range 200 {
		members := cohortMembers(r)
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
	}
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
