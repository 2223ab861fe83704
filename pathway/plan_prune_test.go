package pathway

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
)

// unpruned runs f with pruneByObjective off: the oracle of the pruning.
func unpruned[T any](f func() (T, error)) (T, error) {
	pruneOff = true
	defer func() { pruneOff = false }()
	return f()
}

// programsRequest is shaped like a role that accepts any field: many
// programs close one gap skill (and some others), most ask for a rank that
// other programs confer, some stack on a lower one; a few certificates
// close the rest. The member holds some skills and a rank.
func programsRequest(r *rand.Rand) PlanRequest {
	return programsShaped(r, 4+r.IntN(6), 30+r.IntN(90))
}

// programsShaped is programsRequest with the given numbers of target
// skills and candidates.
func programsShaped(r *rand.Rand, skills, n int) PlanRequest {
	req := PlanRequest{TargetEducationRank: -1, EducationRank: r.IntN(3)}
	for s := range skills {
		req.Target = append(req.Target, Requirement{SkillID: fmt.Sprintf("s%02d", s), Level: 2 + r.IntN(3), Required: s < 5})
	}
	if r.IntN(3) == 0 {
		req.TargetEducationRank = 2 + r.IntN(3)
	}
	req.HeldSkills = map[string]int{}
	for s := range len(req.Target) {
		if r.IntN(3) == 0 {
			req.HeldSkills[fmt.Sprintf("s%02d", s)] = 1 + r.IntN(5)
		}
	}
	id := func(i int) string { return fmt.Sprintf("p%04d", i) }
	for i := range n {
		c := PlanCredential{ID: id(i), Name: id(i), ConfersRank: -1, Certifies: map[string]int{"s00": 2 + r.IntN(4)}}
		switch {
		case i < n/10: // certificates
			c.Certifies = map[string]int{fmt.Sprintf("s%02d", r.IntN(len(req.Target))): 1 + r.IntN(5)}
			c.Cost, c.Hours, c.Weeks = float64(100*r.IntN(30)), float64(10*(1+r.IntN(20))), float64(1+r.IntN(10))
		default:
			c.ConfersRank = 2 + r.IntN(5)
			for range r.IntN(4) {
				c.Certifies[fmt.Sprintf("s%02d", r.IntN(len(req.Target)))] = 1 + r.IntN(5)
			}
			c.Cost = float64(1000 * (1 + r.IntN(60)))
			c.Hours, c.Weeks = float64(100*(1+r.IntN(40))), float64(16*(1+r.IntN(8)))
			c.OtherField = r.IntN(8) == 0
			c.Prerequisites = [][]Prereq{{{EducationRank: 1 + r.IntN(4)}}}
			if r.IntN(10) == 0 {
				c.Prerequisites = append(c.Prerequisites, []Prereq{{CredentialID: id(r.IntN(i + 1))}, {EducationRank: 4}})
			}
			if i > 0 && r.IntN(6) == 0 {
				c.StackCredit = []StackCredit{{FromID: id(r.IntN(i)), Hours: float64(100 * r.IntN(10)), Cost: float64(1000 * r.IntN(10))}}
			}
		}
		req.Candidates = append(req.Candidates, c)
	}
	if r.IntN(4) == 0 {
		req.HeldCredentials = []string{id(r.IntN(n))}
	}
	if r.IntN(5) == 0 {
		req.TargetCredentials = []string{id(n/10 + r.IntN(n-n/10))}
	}
	return req
}

// TestPruneSameAnswers: the candidates pruneByObjective drops change no
// answer of Solve, ParetoFront or SolveCohort, on the oracle's random
// questions and on larger ones shaped like programs into an any-field
// role; and on the latter it drops candidates (else the speed is lost).
func TestPruneSameAnswers(t *testing.T) {
	r := rand.New(rand.NewPCG(19, 14))
	ctx := context.Background()
	defer func(m int) { pruneMin = m }(pruneMin)
	pruneMin = 0
	shrunk, capped := 0, 0
	for inst := range 600 {
		var req PlanRequest
		opt := PlanOptions{TimeCap: time.Minute}
		if inst%2 == 0 {
			req = genRequest(r, genConfig{cands: 2 + r.IntN(40), skills: 3 + r.IntN(8), coarse: inst%4 == 2})
			opt = genOptions(r, req)
			opt.Alternatives = 1
		} else {
			req = programsRequest(r)
			opt.Objective = Objective(r.IntN(4))
			if r.IntN(4) == 0 {
				v := float64(1000 * (5 + r.IntN(60)))
				opt.MaxCost = &v
			}
			if r.IntN(4) == 0 {
				v := float64(100 * (5 + r.IntN(60)))
				opt.MaxHours = &v
			}
		}
		if inst%3 == 0 {
			req = withIndex(req)
		}
		want, err := unpruned(func() ([]Plan, error) { return Solve(ctx, req, opt) })
		if err != nil {
			t.Fatal(err)
		}
		got, err := Solve(ctx, req, opt)
		if err == nil && (!got[0].Optimal || !want[0].Optimal) {
			capped++ // the time cap (a loaded machine) may stop either
			continue
		}
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Fatalf("instance %d: pruned %+v %v\nwant %+v\n%s", inst, got, err, want, describe(req, opt))
		}
		if inst%2 == 1 {
			full, err := unpruned(func() (*problem, error) { return newProblem(req, opt, true, nil) })
			if err != nil {
				t.Fatal(err)
			}
			p, err := newProblem(req, opt, true, nil)
			if err != nil {
				t.Fatal(err)
			}
			if p.n < full.n {
				shrunk++
			}
		}
		if inst%5 == 0 {
			want, err := unpruned(func() ([]Plan, error) { return ParetoFront(ctx, req, opt) })
			if err != nil {
				t.Fatal(err)
			}
			got, err := ParetoFront(ctx, req, opt)
			if err != nil || !reflect.DeepEqual(got, want) {
				t.Fatalf("instance %d: pruned front %+v %v\nwant %+v", inst, got, err, want)
			}
		}
	}
	if capped > 10 {
		t.Errorf("%d of 600 questions stopped at the time cap", capped)
	}
	if shrunk < 100 {
		t.Errorf("pruning shrank %d of 300 program-shaped problems, want most", shrunk)
	}
	for inst := range 60 {
		var members []PlanRequest
		if inst%2 == 0 {
			members = widerCohort(r)
		} else {
			base := programsRequest(r)
			for i := range base.Candidates {
				if r.IntN(4) == 0 {
					base.Candidates[i].CohortCost = float64(500 * (1 + r.IntN(20)))
				}
			}
			base = withIndex(base)
			members = []PlanRequest{base}
			for range 2 + r.IntN(6) {
				m := base
				m.HeldSkills = map[string]int{}
				for s := range len(base.Target) {
					if r.IntN(2) == 0 {
						m.HeldSkills[fmt.Sprintf("s%02d", s)] = 1 + r.IntN(5)
					}
				}
				m.EducationRank = r.IntN(5)
				members = append(members, m)
			}
		}
		opt := CohortOptions{PlanOptions: PlanOptions{TimeCap: time.Minute}}
		want, err := unpruned(func() (CohortPlan, error) { return SolveCohort(ctx, members, opt) })
		if err != nil {
			t.Fatal(err)
		}
		got, err := SolveCohort(ctx, members, opt)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Fatalf("cohort %d: pruned %+v %v\nwant %+v", inst, got, err, want)
		}
	}
}
