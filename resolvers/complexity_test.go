package resolvers

import (
	"fmt"
	"strings"
	"testing"
)

// TestPlanningIsBounded: the complexity limit weighs the planning fields, so
// one request cannot ask for unbounded planning: a thousand aliased plans
// with stepping stones are refused before any runs, while the questions
// people ask fit.
func TestPlanningIsBounded(t *testing.T) {
	c, _ := sampleClient(t)
	var b strings.Builder
	b.WriteString("{")
	for i := range 1000 {
		fmt.Fprintf(&b, ` p%d: upskillingPath(from: {roleId: "help-desk-technician"}, to: "security-specialist", options: {steppingStones: true}) { totalCost }`, i)
	}
	b.WriteString("}")
	if code := errorCode(t, c, b.String()); code != "COMPLEXITY_LIMIT_EXCEEDED" {
		t.Errorf("a thousand aliased plans: %s, want COMPLEXITY_LIMIT_EXCEEDED", code)
	}
	if code := errorCode(t, c, `{ recredentialingCandidates(first: 100) { role { id } rolesOpened } }`); code != "COMPLEXITY_LIMIT_EXCEEDED" {
		t.Errorf("recredentialing a hundred roles: %s, want COMPLEXITY_LIMIT_EXCEEDED", code)
	}
	for _, q := range []string{
		`{ upskillingPath(from: {roleId: "help-desk-technician"}, to: "security-specialist", options: {steppingStones: true, alternatives: 3, tradeOffFront: true}) { totalCost steps { credential { id } why } alternatives { totalCost } } }`,
		`{ reachableRoles(from: {educationLevelId: "high-school"}, first: 20) { role { id } plan { totalCost steps { credential { id } } } } }`,
		`{ reachableRoles(from: {roleId: "help-desk-technician"}, orderBy: PLAN_COST) { role { id } plan { totalCost } } }`,
		`{ recredentialingCandidates { role { id } rolesOpened replacementSkills { skill { id } } } }`,
	} {
		resp, err := c.RawPost(q)
		if err != nil || len(resp.Errors) > 0 && string(resp.Errors) != "null" {
			t.Errorf("%s: %v %s", oneLine(q)[:60], err, resp.Errors)
		}
	}
}
