package pathway

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"
)

// fuzzBytes hands out the fuzzer's bytes; past the end it hands out zeros.
type fuzzBytes struct {
	b []byte
	i int
}

func (f *fuzzBytes) next() byte {
	if f.i >= len(f.b) {
		return 0
	}
	f.i++
	return f.b[f.i-1]
}

func (f *fuzzBytes) intn(n int) int { return int(f.next()) % n }

// decodePlanInput turns bytes into a small request and options: up to 7
// candidates over 4 skills, with anything the types allow, including
// malformed values (negative costs, empty prerequisite options, unknown
// ids, cycles) and out-of-range options.
func decodePlanInput(data []byte) (PlanRequest, PlanOptions) {
	f := &fuzzBytes{b: data}
	id := func() string { return fmt.Sprintf("c%d", f.intn(9)) }
	skill := func(i int) string { return fmt.Sprintf("s%d", i) }
	req := PlanRequest{HeldSkills: map[string]int{}, TargetEducationRank: -1, EducationRank: f.intn(6)}
	if f.intn(2) == 0 {
		req.TargetEducationRank = f.intn(7)
	}
	n := f.intn(8)
	for i := range n {
		c := PlanCredential{ID: fmt.Sprintf("c%d", i), Certifies: map[string]int{}, ConfersRank: f.intn(7) - 1}
		if f.intn(64) == 63 {
			c.ID = id() // maybe a repeat
		}
		c.Cost = float64(f.intn(100) * 10)
		if f.intn(64) == 63 {
			c.Cost = -10
		}
		c.Hours = float64(f.intn(50) * 10)
		c.Weeks = float64(f.intn(10))
		c.CohortCost = float64(f.intn(4) * 100)
		mask := f.next()
		for s := range 4 {
			if mask&(1<<s) != 0 {
				c.Certifies[skill(s)] = 1 + f.intn(5)
			}
		}
		for range f.intn(4) / 2 {
			var g []Prereq
			for range f.intn(3) {
				if f.intn(2) == 0 {
					g = append(g, Prereq{CredentialID: id()})
				} else {
					g = append(g, Prereq{EducationRank: f.intn(7)})
					if f.intn(32) == 31 {
						g[len(g)-1].EducationRank = -1
					}
				}
			}
			c.Prerequisites = append(c.Prerequisites, g)
		}
		if f.intn(3) == 0 {
			c.StackCredit = append(c.StackCredit, StackCredit{FromID: id(), Hours: float64(f.intn(20) * 5), Cost: float64(f.intn(20) * 10)})
		}
		req.Candidates = append(req.Candidates, c)
	}
	for s := range 4 {
		if l := f.intn(12); l < 5 {
			req.HeldSkills[skill(s)] = l
		}
		if l := f.intn(7); l > 0 {
			req.Target = append(req.Target, Requirement{SkillID: skill(s), Level: l - 1, Required: f.intn(2) == 0})
		}
	}
	for range f.intn(3) {
		req.HeldCredentials = append(req.HeldCredentials, id())
	}
	if f.intn(3) == 0 {
		req.TargetCredentials = append(req.TargetCredentials, id())
	}
	opt := PlanOptions{Objective: Objective(f.intn(4)), Alternatives: f.intn(11), TimeCap: time.Second,
		IncludePreferred: f.intn(2) == 0, SkillsFirst: f.intn(3) == 0}
	switch f.intn(32) {
	case 29:
		opt.Objective = 4
	case 30:
		opt.Alternatives = 11
	case 31:
		opt.Alternatives = -1
	}
	lim := f.next()
	if lim&1 != 0 {
		opt.MaxCost = fp(float64(f.intn(100) * 20))
		if f.intn(32) == 31 {
			*opt.MaxCost = -1
		}
	}
	if lim&2 != 0 {
		opt.MaxHours = fp(float64(f.intn(40) * 20))
	}
	if lim&4 != 0 {
		opt.MaxWeeks = fp(float64(f.intn(30)))
	}
	if lim&8 != 0 {
		opt.MaxCredentials = ip(f.intn(6))
		if f.intn(32) == 31 {
			*opt.MaxCredentials = -1
		}
	}
	for range f.intn(3) {
		opt.Exclude = append(opt.Exclude, id())
	}
	return req, opt
}

// FuzzSolve decodes bytes into a small question: Solve (and ParetoFront)
// must never panic, and must either return ErrInvalid or plans that are
// valid, distinct and in order, infeasible only with a reason; with no
// stacking credit (whose cycles the data may hold), the best plan's value
// is the brute-force oracle's.
func FuzzSolve(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{2, 3, 4, 1, 0, 10, 20, 3, 1, 5, 7, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
	f.Add([]byte("a fairly long seed that makes several candidates with prerequisites"))
	f.Add([]byte{255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255})
	f.Add([]byte{0, 4, 7, 3, 30, 9, 1, 15, 3, 3, 1, 2, 1, 2, 0, 20, 2, 8, 1, 12, 5, 2, 0, 2, 3, 4, 1, 1, 1, 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		req, opt := decodePlanInput(data)
		plans, err := Solve(context.Background(), req, opt)
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("error %v is not ErrInvalid", err)
			}
			if _, err2 := ParetoFront(context.Background(), req, opt); err2 == nil {
				t.Fatalf("Solve says %v, ParetoFront accepts", err)
			}
			return
		}
		if len(plans) == 0 {
			t.Fatal("no plans and no error")
		}
		o := newOracle(req, opt)
		seen := map[string]bool{}
		for i, p := range plans {
			if !p.Feasible {
				if len(plans) != 1 || p.Reason == "" {
					t.Fatalf("infeasible plan %d of %d, reason %q", i, len(plans), p.Reason)
				}
				continue
			}
			if err := checkPlan(o, p); err != nil {
				t.Fatalf("plan %d: %v\n%s", i, err, describe(req, opt))
			}
			key := fmt.Sprint(planIDs(p))
			if seen[key] {
				t.Fatalf("plan %d repeats %s", i, key)
			}
			seen[key] = true
			if i > 0 && p.Objective(opt.Objective) < plans[i-1].Objective(opt.Objective) {
				t.Fatalf("plans out of order")
			}
		}
		credits := false
		for _, c := range req.Candidates {
			credits = credits || len(c.StackCredit) > 0
		}
		if !credits && plans[0].Optimal {
			best := o.best(opt.Objective, 1)
			switch {
			case len(best) == 0 && plans[0].Feasible:
				t.Fatalf("the oracle finds no plan, Solve does")
			case len(best) > 0 && !plans[0].Feasible:
				t.Fatalf("Solve finds no plan (%s), the oracle does: %v", plans[0].Reason, o.idsOf(best[0]))
			case len(best) > 0 && !slices.Equal(planIDs(plans[0]), o.idsOf(best[0])):
				t.Fatalf("Solve's best %v, the oracle's %v\n%s", planIDs(plans[0]), o.idsOf(best[0]), describe(req, opt))
			}
		}
		front, err := ParetoFront(context.Background(), req, opt)
		if err != nil || len(front) == 0 {
			t.Fatalf("ParetoFront: %v %v", front, err)
		}
		for _, p := range front {
			if p.Feasible {
				if err := checkPlan(o, p); err != nil {
					t.Fatalf("front plan: %v", err)
				}
			}
		}
	})
}
