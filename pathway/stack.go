package pathway

import (
	"slices"
	"sort"
)

// Credential stacks: DESIGN's ladder of credentials that stack into and out
// of a credential or education level, each rung with what it costs, the
// education it needs and the roles it opens.

// Rung is one rung of a stack as stored: a credential or an education level.
type Rung struct {
	ID         string
	Credential *Credential
	Level      *EducationLevel
}

// Stack is a credential stack as stored: its rungs and the stacking edges
// among them, unordered.
type Stack struct {
	Rungs []Rung
	Links []StackLink
}

// StackLink is a stacking edge between two rungs.
type StackLink struct {
	From, To    string
	CreditHours float64
	CreditCost  float64
}

// StackOrder orders the rungs of a stack from the lowest up: each rung sits
// one above the highest rung that stacks into it, and rungs at the same height
// are ordered by id. A cycle (which writes refuse) cannot loop it: rungs on
// one are placed after the rest.
func StackOrder(ids []string, links []StackLink) []string {
	height := make(map[string]int, len(ids))
	for _, id := range ids {
		height[id] = 0
	}
	// Longest-path layering by relaxation: at most len(ids) rounds on a DAG.
	for round := 0; round < len(ids); round++ {
		changed := false
		for _, l := range links {
			hf, okF := height[l.From]
			ht, okT := height[l.To]
			if okF && okT && hf+1 > ht {
				height[l.To] = hf + 1
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	out := append([]string(nil), ids...)
	sort.Slice(out, func(i, j int) bool {
		if height[out[i]] != height[out[j]] {
			return height[out[i]] < height[out[j]]
		}
		return out[i] < out[j]
	})
	return out
}

// StackFacts are what the rungs of a stack lead to, by rung id: the level
// each credential confers, its prerequisite groups, the roles that require
// it, and the roles that require each education level.
type StackFacts struct {
	Confers         map[string]EducationLevel
	Prerequisites   map[string][]PrerequisiteGroup
	CredentialRoles map[string][]Role
	LevelRoles      map[string][]Role
	// The field rule's facts: the roles each credential prepares for, and
	// the roles a degree of any field qualifies for.
	Prepares map[string][]Role
	AnyField map[string]bool
}

// How a rung opens a role.
const (
	OpensByCredential = "CREDENTIAL" // the role requires the rung's credential
	OpensByEducation  = "EDUCATION"  // the role requires the level the rung is or confers
)

// OpenedRole is a role a rung opens, and how.
type OpenedRole struct {
	Role Role
	How  string
}

// LadderRung is one rung of the ladder in its place.
type LadderRung struct {
	Rung
	Position int
	// The credit carried in: the largest from a rung below.
	CreditHours, CreditCost float64
	// EducationLevel is the level the rung is or its credential confers.
	EducationLevel *EducationLevel
	// EducationRequired is the least schooling that can start the rung: the
	// lowest level any of its prerequisite groups asks for.
	EducationRequired *EducationLevel
	Opens             []OpenedRole
}

// Ladder orders a stack's rungs from the lowest up (StackOrder) and gives
// each its credit, education and the roles it opens, each role once: by its
// credential first, then by its education level. A credential opens a role
// by education under the field rule: below a postsecondary certificate any
// does; above, only one that prepares for the role, or any when the role
// accepts any field (a nursing degree does not open aviation inspection). An
// education level rung opens every role asking for that level: what a
// degree of the right field opens, which is the ladder a counselor shows.
func Ladder(st Stack, f StackFacts) []LadderRung {
	byID := make(map[string]Rung, len(st.Rungs))
	ids := make([]string, len(st.Rungs))
	for i, r := range st.Rungs {
		byID[r.ID], ids[i] = r, r.ID
	}
	var out []LadderRung
	for pos, id := range StackOrder(ids, st.Links) {
		lr := LadderRung{Rung: byID[id], Position: pos, Opens: []OpenedRole{}}
		for _, l := range st.Links {
			if l.To == id && l.CreditHours+l.CreditCost > lr.CreditHours+lr.CreditCost {
				lr.CreditHours, lr.CreditCost = l.CreditHours, l.CreditCost
			}
		}
		seen := map[string]bool{}
		open := func(roles []Role, how string) {
			for _, r := range roles {
				if !seen[r.ID] {
					seen[r.ID] = true
					lr.Opens = append(lr.Opens, OpenedRole{Role: r, How: how})
				}
			}
		}
		byEducation := func(level EducationLevel, credential string) []Role {
			var out []Role
			for _, r := range f.LevelRoles[level.ID] {
				prepares := credential == "" || slices.ContainsFunc(f.Prepares[credential], func(p Role) bool { return p.ID == r.ID })
				if level.Rank < MinFieldRank || f.AnyField[r.ID] || prepares {
					out = append(out, r)
				}
			}
			return out
		}
		if lr.Credential != nil {
			if l, ok := f.Confers[id]; ok {
				lr.EducationLevel = &l
			}
			lr.EducationRequired = lowestEducation(f.Prerequisites[id])
			open(f.CredentialRoles[id], OpensByCredential)
			if lr.EducationLevel != nil {
				open(byEducation(*lr.EducationLevel, id), OpensByEducation)
			}
		} else {
			l := *lr.Level
			lr.EducationLevel = &l
			open(byEducation(l, ""), OpensByEducation)
		}
		out = append(out, lr)
	}
	return out
}

// lowestEducation is the lowest education level any prerequisite group asks for.
func lowestEducation(groups []PrerequisiteGroup) *EducationLevel {
	var low *EducationLevel
	for _, g := range groups {
		for i := range g.EducationLevels {
			if low == nil || g.EducationLevels[i].Rank < low.Rank {
				low = &g.EducationLevels[i]
			}
		}
	}
	return low
}
