package pathway

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

// benchRequest is a large planning question: gap skills (all required, none
// held) and candidates that each certify one to four of them, a fifth with a
// prerequisite (an earlier candidate, or an education rank that the degrees
// confer), one in ten with stacking credit, costs drawn apart from hours.
func benchRequest(r *rand.Rand, skills, cands int) PlanRequest {
	req := PlanRequest{TargetEducationRank: -1, EducationRank: 1}
	for s := range skills {
		req.Target = append(req.Target, Requirement{SkillID: fmt.Sprintf("s%03d", s), Level: 3 + r.IntN(3), Required: true})
	}
	id := func(i int) string { return fmt.Sprintf("c%04d", i) }
	for i := range cands {
		c := PlanCredential{ID: id(i), Name: "Credential " + id(i), ConfersRank: -1, Certifies: map[string]int{}}
		if i < cands/50 {
			c.ConfersRank = 2 + r.IntN(3)
		}
		for range 1 + r.IntN(4) {
			c.Certifies[fmt.Sprintf("s%03d", r.IntN(skills))] = 2 + r.IntN(4)
		}
		c.Cost = float64(25 * r.IntN(80))
		c.Hours = float64(5 * (1 + r.IntN(80)))
		c.Weeks = float64(1 + r.IntN(26))
		if i > 0 && r.IntN(5) == 0 {
			g := []Prereq{{CredentialID: id(r.IntN(i))}}
			if r.IntN(2) == 0 {
				g = append(g, Prereq{EducationRank: 2 + r.IntN(2)})
			}
			c.Prerequisites = [][]Prereq{g}
		}
		if i > 0 && r.IntN(10) == 0 {
			c.StackCredit = []StackCredit{{FromID: id(r.IntN(i)), Hours: float64(5 * r.IntN(20)), Cost: float64(25 * r.IntN(20))}}
		}
		req.Candidates = append(req.Candidates, c)
	}
	return req
}

func benchSolve(b *testing.B, skills, cands int, timeCap time.Duration) {
	req := benchRequest(rand.New(rand.NewPCG(7, uint64(skills))), skills, cands)
	opt := PlanOptions{Objective: ObjectiveHours, TimeCap: timeCap}
	optimal, gap := 0, 0.0
	b.ResetTimer()
	for b.Loop() {
		plans, err := Solve(context.Background(), req, opt)
		if err != nil || !plans[0].Feasible {
			b.Fatal(err, plans)
		}
		if plans[0].Optimal {
			optimal++
		}
		gap = plans[0].TotalHours/plans[0].LowerBound - 1
	}
	b.ReportMetric(float64(optimal)/float64(b.N), "optimal")
	b.ReportMetric(gap, "gap")
}

// BenchmarkSolve plans 30 gap skills over 300 candidates, and ten times
// that (300 skills, 3,000 candidates) within the default time cap; optimal
// is the share of runs that proved optimality, gap how far the best plan is
// from the proven lower bound (0 when optimal).
func BenchmarkSolve(b *testing.B) {
	b.Run("skills=30/candidates=300", func(b *testing.B) { benchSolve(b, 30, 300, 0) })
	b.Run("skills=300/candidates=3000", func(b *testing.B) { benchSolve(b, 300, 3000, 0) })
}

// benchCohort is 40 members with their own held skills over 60
// candidates, a third with a cohort delivery cost.
func benchCohort() []PlanRequest {
	r := rand.New(rand.NewPCG(9, 9))
	base := benchRequest(r, 12, 60)
	for i := range base.Candidates {
		if r.IntN(3) == 0 {
			base.Candidates[i].CohortCost = float64(100 * (1 + r.IntN(20)))
		}
	}
	members := make([]PlanRequest, 40)
	for m := range members {
		members[m] = base
		members[m].HeldSkills = map[string]int{}
		for s := range 12 {
			if r.IntN(2) == 0 {
				members[m].HeldSkills[fmt.Sprintf("s%03d", s)] = 1 + r.IntN(5)
			}
		}
	}
	return members
}

// BenchmarkSolveCohort plans for the 40 members of benchCohort.
func BenchmarkSolveCohort(b *testing.B) {
	members := benchCohort()
	optimal := 0
	b.ResetTimer()
	for b.Loop() {
		plan, err := SolveCohort(context.Background(), members, CohortOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if plan.Optimal {
			optimal++
		}
	}
	b.ReportMetric(float64(optimal)/float64(b.N), "optimal")
}

// BenchmarkParetoFront walks the cost/hours front of 12 gap skills over 60
// candidates; points is the size of the front.
func BenchmarkParetoFront(b *testing.B) {
	req := benchRequest(rand.New(rand.NewPCG(7, 12)), 12, 60)
	optimal, points := 0, 0
	b.ResetTimer()
	for b.Loop() {
		front, err := ParetoFront(context.Background(), req, PlanOptions{TimeCap: 2 * time.Second})
		if err != nil {
			b.Fatal(err)
		}
		if front[0].Optimal {
			optimal++
		}
		points = len(front)
	}
	b.ReportMetric(float64(optimal)/float64(b.N), "optimal")
	b.ReportMetric(float64(points), "points")
}

// BenchmarkProgramsCohort plans 40 members into a role that accepts any
// field, shaped like O*NET with CIP programs: 2,000 programs closing one
// gap skill (and some of 9 others), most asking for a rank, some stacking
// credit, a few with a cohort cost; members hold their own skills and
// ranks. pruned=false is the problem built from every candidate.
func BenchmarkProgramsCohort(b *testing.B) {
	r := rand.New(rand.NewPCG(14, 19))
	base := withIndex(programsShaped(r, 10, 2000))
	for i := range base.Candidates {
		if r.IntN(200) == 0 {
			base.Candidates[i].CohortCost = float64(500 * (1 + r.IntN(20)))
		}
	}
	members := make([]PlanRequest, 40)
	for k := range members {
		m := base
		m.HeldSkills = map[string]int{}
		for s := range len(base.Target) {
			if r.IntN(3) == 0 {
				m.HeldSkills[fmt.Sprintf("s%02d", s)] = 1 + r.IntN(5)
			}
		}
		m.EducationRank = k % 5
		members[k] = m
	}
	opt := CohortOptions{PlanOptions: PlanOptions{TimeCap: time.Minute}}
	for _, off := range []bool{false, true} {
		b.Run(fmt.Sprintf("pruned=%v", !off), func(b *testing.B) {
			pruneOff = off
			defer func() { pruneOff = false }()
			for b.Loop() {
				if cp, err := SolveCohort(context.Background(), members, opt); err != nil || !cp.Optimal {
					b.Fatal(err, cp.Optimal)
				}
			}
		})
	}
}
