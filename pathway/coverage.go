package pathway

import (
	"fmt"
	"slices"
	"strings"
)

// Honest plans: a plan says how much of the required skill gap its steps
// close and why the rest stays open, so "feasible, $0, no steps" never
// stands for "nothing here helps".

// OpenReason says why a plan leaves a required gap open.
type OpenReason string

// Reasons.
const (
	// OpenNoCredential: no credential in the graph certifies the skill at
	// the level needed; it is learned on the job.
	OpenNoCredential OpenReason = "NO_CREDENTIAL"
	// OpenOutsidePlan: credentials certify it, but none fits this plan (its
	// limits, exclusions or the role's field), or there is no plan.
	OpenOutsidePlan OpenReason = "OUTSIDE_PLAN"
	// OpenFoundational: most roles need the skill at this level; it is
	// learned at work and in general education, and the plan takes no
	// credential for it (foundational.go).
	OpenFoundational OpenReason = "FOUNDATIONAL"
)

// OpenGap is a required gap a plan leaves open, and why.
type OpenGap struct {
	SkillGap
	Reason OpenReason
}

// PlanCoverage is how much of the required gap a plan closes.
type PlanCoverage struct {
	Required int     // required gap skills at the start
	Closed   int     // of them, closed by the plan's steps
	Share    float64 // Closed / Required, 1 when nothing is required
	Open     []OpenGap
}

// Complete says the plan closes every required gap that is not
// foundational: those need no credential.
func (c PlanCoverage) Complete() bool {
	for _, o := range c.Open {
		if o.Reason != OpenFoundational {
			return false
		}
	}
	return true
}

// Cover measures p against the gaps it starts from (Gaps; preferred ones
// are not counted). certified says whether any credential in the graph
// certifies a skill at a level.
func Cover(p Plan, gaps []SkillGap, certified func(skillID string, level int) bool) PlanCoverage {
	closed := map[string]bool{}
	if p.Feasible {
		for _, s := range p.Steps {
			for _, id := range s.Closes {
				closed[id] = true
			}
		}
	}
	c := PlanCoverage{Open: []OpenGap{}}
	for _, g := range gaps {
		if !g.Required {
			continue
		}
		c.Required++
		switch {
		case closed[g.SkillID]:
			c.Closed++
		case g.Foundational:
			c.Open = append(c.Open, OpenGap{g, OpenFoundational})
		case certified(g.SkillID, g.Level):
			c.Open = append(c.Open, OpenGap{g, OpenOutsidePlan})
		default:
			c.Open = append(c.Open, OpenGap{g, OpenNoCredential})
		}
	}
	c.Share = 1
	if c.Required > 0 {
		c.Share = round4(float64(c.Closed) / float64(c.Required))
	}
	return c
}

// Summary says in a sentence what the plan does for the gap, naming skills
// by name(id).
func (c PlanCoverage) Summary(p Plan, role string, name func(string) string) string {
	if c.Required == 0 {
		return fmt.Sprintf("The profile already holds every skill %s requires.", role)
	}
	var noCred, outside, foundational []string
	for _, o := range c.Open {
		n := name(o.SkillID)
		switch {
		case o.Reason == OpenNoCredential && !slices.Contains(noCred, n):
			noCred = append(noCred, n)
		case o.Reason == OpenOutsidePlan && !slices.Contains(outside, n):
			outside = append(outside, n)
		case o.Reason == OpenFoundational && !slices.Contains(foundational, n):
			foundational = append(foundational, n)
		}
	}
	var b strings.Builder
	switch {
	case !p.Feasible:
		fmt.Fprintf(&b, "No plan into %s keeps to the options; its %d required skill gaps stay open.", role, c.Required)
	case c.Closed == 0 && len(p.Steps) == 0 && len(foundational) == c.Required:
		fmt.Fprintf(&b, "%s needs no credential for its %d required skill gaps.", upper(role), c.Required)
	case c.Closed == 0 && len(p.Steps) == 0:
		fmt.Fprintf(&b, "No credential here closes any of the %d required skill gaps for %s.", c.Required, role)
	default:
		fmt.Fprintf(&b, "The plan closes %d of the %d required skill gaps for %s.", c.Closed, c.Required, role)
	}
	if n := len(foundational); n > 0 {
		// Often most of O*NET's ratings: the first few name the kind.
		if n > 4 {
			foundational = append(foundational[:3:3], fmt.Sprintf("%d more", n-3))
		}
		fmt.Fprintf(&b, " %s %s needed at a level most occupations ask for: learned at work and in general education, with no credential of %s own.", upper(list(foundational)), are(n), its(n))
	}
	if len(noCred) > 0 {
		fmt.Fprintf(&b, " No credential in the graph teaches %s: learned on the job.", list(noCred))
	}
	if len(outside) > 0 && p.Feasible {
		fmt.Fprintf(&b, " %s %s taught only by credentials this plan cannot take (programs of another field, or past its limits or exclusions): learned on the job, or by relaxing the options.", upper(list(outside)), are(len(outside)))
	}
	return b.String()
}

func upper(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func its(n int) string {
	if n == 1 {
		return "its"
	}
	return "their"
}

func are(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

// list joins names as a sentence does: "a", "a and b", "a, b and c".
func list(names []string) string {
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
