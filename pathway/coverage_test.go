package pathway

import (
	"strings"
	"testing"
)

func TestCover(t *testing.T) {
	gaps := []SkillGap{
		{SkillID: "a", Required: true, Level: 3},
		{SkillID: "b", Required: true, Level: 2},
		{SkillID: "c", Required: true, Level: 4},
		{SkillID: "pref", Required: false, Level: 2},
	}
	certified := func(id string, level int) bool { return id == "b" || id == "a" }
	name := strings.ToUpper
	tests := []struct {
		name       string
		plan       Plan
		closed     int
		share      float64
		open       map[string]OpenReason
		summaryHas []string
	}{
		{"a step closes a; c has no credential", Plan{Feasible: true, Steps: []PlanStep{{Closes: []string{"a", "pref"}}}},
			1, 0.3333, map[string]OpenReason{"b": OpenOutsidePlan, "c": OpenNoCredential},
			[]string{"closes 1 of the 3", "teaches C: learned on the job", "B is taught only by credentials this plan cannot take"}},
		{"no steps is no help, said so", Plan{Feasible: true}, 0, 0,
			map[string]OpenReason{"a": OpenOutsidePlan, "b": OpenOutsidePlan, "c": OpenNoCredential},
			[]string{"No credential here closes any of the 3"}},
		{"an infeasible plan closes nothing", Plan{Feasible: false, Steps: []PlanStep{{Closes: []string{"a"}}}}, 0, 0,
			map[string]OpenReason{"a": OpenOutsidePlan, "b": OpenOutsidePlan, "c": OpenNoCredential},
			[]string{"No plan into R"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Cover(tt.plan, gaps, certified)
			if c.Required != 3 || c.Closed != tt.closed || c.Share != tt.share || c.Complete() {
				t.Errorf("coverage %+v, want 3 required, %d closed, share %v", c, tt.closed, tt.share)
			}
			got := map[string]OpenReason{}
			for _, o := range c.Open {
				got[o.SkillID] = o.Reason
			}
			if len(got) != len(tt.open) {
				t.Errorf("open %v, want %v", got, tt.open)
			}
			for id, r := range tt.open {
				if got[id] != r {
					t.Errorf("open %s: %q, want %q", id, got[id], r)
				}
			}
			s := c.Summary(tt.plan, "R", name)
			for _, want := range tt.summaryHas {
				if !strings.Contains(s, want) {
					t.Errorf("summary %q lacks %q", s, want)
				}
			}
		})
	}
	full := Cover(Plan{Feasible: true}, nil, certified)
	if !full.Complete() || full.Share != 1 || !strings.Contains(full.Summary(Plan{Feasible: true}, "R", name), "already holds") {
		t.Errorf("no gap: %+v", full)
	}
}
