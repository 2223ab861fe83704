package pathway_test

import (
	"context"
	"fmt"

	"github.com/lattice-pathways/lattice/pathway"
)

// A Help Desk Technician who troubleshoots and serves customers wants to be
// a Systems Administrator, which needs networking, Linux and scripting.
func ExampleSolve() {
	req := pathway.PlanRequest{
		HeldSkills: map[string]int{"troubleshooting": 3, "customer-service": 3},
		Target: []pathway.Requirement{
			{SkillID: "networking", Level: 3, Required: true},
			{SkillID: "linux", Level: 3, Required: true},
			{SkillID: "scripting", Level: 2, Required: true},
			{SkillID: "virtualization", Level: 2, Required: true},
		},
		EducationRank:       1,
		TargetEducationRank: -1,
		Candidates: []pathway.PlanCredential{
			{ID: "ccna", Cost: 300, Hours: 120, Weeks: 12, ConfersRank: -1, Certifies: map[string]int{"networking": 4}},
			{ID: "network-plus", Cost: 358, Hours: 60, Weeks: 6, ConfersRank: -1, Certifies: map[string]int{"networking": 3}},
			{ID: "linux-essentials", Cost: 120, Hours: 30, Weeks: 3, ConfersRank: -1, Certifies: map[string]int{"linux": 2}},
			{ID: "linux-plus", Cost: 358, Hours: 80, Weeks: 8, ConfersRank: -1, Certifies: map[string]int{"linux": 3, "scripting": 2},
				Prerequisites: [][]pathway.Prereq{{{CredentialID: "linux-essentials"}, {EducationRank: 3}}},
				StackCredit:   []pathway.StackCredit{{FromID: "linux-essentials", Hours: 20, Cost: 100}}},
			{ID: "python-cert", Cost: 100, Hours: 40, Weeks: 4, ConfersRank: -1, Certifies: map[string]int{"scripting": 3}},
		},
	}
	plans, err := pathway.Solve(context.Background(), req, pathway.PlanOptions{Objective: pathway.ObjectiveCost, Alternatives: 2})
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, p := range plans {
		fmt.Printf("plan %d: $%.0f, %.0f hours, %.0f weeks, optimal %v, on the job: %v\n",
			i+1, p.TotalCost, p.TotalHours, p.TotalWeeks, p.Optimal, p.Uncovered)
		for _, s := range p.Steps {
			fmt.Printf("  %-16s $%-4.0f closes %v, prerequisite of %v, stacks into %v\n",
				s.CredentialID, s.Cost, s.Closes, s.PrerequisiteOf, s.StacksInto)
		}
	}
	// Output:
	// plan 1: $678, 210 hours, 23 weeks, optimal true, on the job: [virtualization]
	//   ccna             $300  closes [networking], prerequisite of [], stacks into []
	//   linux-essentials $120  closes [], prerequisite of [linux-plus], stacks into [linux-plus]
	//   linux-plus       $258  closes [linux scripting], prerequisite of [], stacks into []
	// plan 2: $736, 150 hours, 17 weeks, optimal true, on the job: [virtualization]
	//   linux-essentials $120  closes [], prerequisite of [linux-plus], stacks into [linux-plus]
	//   linux-plus       $258  closes [linux scripting], prerequisite of [], stacks into []
	//   network-plus     $358  closes [networking], prerequisite of [], stacks into []
}

// Three people move into Network Administrator roles. The employer's
// cohort bootcamp costs $150 to deliver plus $50 a seat: too much for any
// one of them, who would take the online courses instead ($400 in all),
// but the cheaper choice for the three together.
func ExampleSolveCohort() {
	target := []pathway.Requirement{{SkillID: "routing", Level: 3, Required: true}, {SkillID: "firewalls", Level: 2, Required: true}}
	cands := []pathway.PlanCredential{
		{ID: "online-routing", Cost: 120, Hours: 40, ConfersRank: -1, Certifies: map[string]int{"routing": 3}},
		{ID: "cohort-bootcamp", Cost: 50, CohortCost: 150, Hours: 60, ConfersRank: -1, Certifies: map[string]int{"routing": 3, "firewalls": 2}},
		{ID: "firewall-course", Cost: 80, Hours: 20, ConfersRank: -1, Certifies: map[string]int{"firewalls": 3}},
	}
	members := []pathway.PlanRequest{
		{Target: target, TargetEducationRank: -1, Candidates: cands, HeldSkills: map[string]int{"firewalls": 2}},
		{HeldSkills: map[string]int{"routing": 1}},
		{HeldSkills: map[string]int{"routing": 3}},
	}
	plan, err := pathway.SolveCohort(context.Background(), members, pathway.CohortOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("ready %d of %d for $%.0f (optimal %v)\n", plan.Ready, len(members), plan.TotalCost, plan.Optimal)
	for _, c := range plan.Credentials {
		fmt.Printf("  %s: %d takers, $%.0f a seat in all, $%.0f to deliver\n", c.CredentialID, c.Takers, c.PersonCost, c.CohortCost)
	}
	for _, g := range plan.PooledGap {
		fmt.Printf("  %s: %d lack it\n", g.SkillID, g.Members)
	}
	// Output:
	// ready 3 of 3 for $300 (optimal true)
	//   cohort-bootcamp: 3 takers, $150 a seat in all, $150 to deliver
	//   firewalls: 2 lack it
	//   routing: 2 lack it
}
