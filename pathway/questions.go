package pathway

import (
	"math"
	"slices"
	"sort"
)

// Held is what a resolved profile holds: its skills at their levels (held
// credentials counted as the skills they certify), its credentials and its
// education rank, and the profile as requirements, for the reverse term of
// Readiness.
type Held struct {
	RoleID        string
	Skills        map[string]int
	Credentials   map[string]bool
	EducationRank int
	Profile       []Requirement
}

// NewHeld returns an empty profile: no skills, no credentials, no education.
func NewHeld() *Held {
	return &Held{Skills: map[string]int{}, Credentials: map[string]bool{}}
}

// AddSkill records a skill held at a level; the highest level held counts.
func (h *Held) AddSkill(id string, level int) {
	if level > h.Skills[id] {
		h.Skills[id] = level
	}
}

// Finish adds the held skills that the profile's requirements do not list
// (skills a person brings beyond their role), so Readiness sees them.
func (h *Held) Finish() {
	listed := map[string]bool{}
	for _, r := range h.Profile {
		listed[r.SkillID] = true
	}
	ids := make([]string, 0, len(h.Skills))
	for id := range h.Skills {
		if !listed[id] {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	for _, id := range ids {
		h.Profile = append(h.Profile, Requirement{SkillID: id, Level: h.Skills[id], Required: true})
	}
}

// SharedSkill is a skill two profiles both list, at any level.
type SharedSkill struct {
	SkillID   string
	FromLevel int
	ToLevel   int
}

// SharedSkills lists the skills both profiles list, in to's order.
func SharedSkills(from, to []Requirement) []SharedSkill {
	fromLevel := map[string]int{}
	for _, r := range from {
		fromLevel[r.SkillID] = max(fromLevel[r.SkillID], r.Level)
	}
	out := []SharedSkill{}
	seen := map[string]bool{}
	for _, r := range to {
		if l, ok := fromLevel[r.SkillID]; ok && !seen[r.SkillID] {
			seen[r.SkillID] = true
			out = append(out, SharedSkill{SkillID: r.SkillID, FromLevel: l, ToLevel: r.Level})
		}
	}
	return out
}

// SkillGap is a skill of a target a person lacks or holds below its level.
type SkillGap struct {
	SkillID   string
	Required  bool
	Level     int
	HeldLevel int
}

// Gaps lists the target's required skills (and its preferred ones when
// includePreferred) that held lacks or holds below the level needed, in
// target's order. This is DESIGN's gap: the skills map and the planner share it.
func Gaps(held map[string]int, target []Requirement, includePreferred bool) []SkillGap {
	out := []SkillGap{}
	for _, r := range target {
		if !r.Required && !includePreferred {
			continue
		}
		if h := held[r.SkillID]; h < r.Level {
			out = append(out, SkillGap{SkillID: r.SkillID, Required: r.Required, Level: r.Level, HeldLevel: h})
		}
	}
	return out
}

// RequiredOnly keeps the required skills of a profile.
func RequiredOnly(reqs []Requirement) []Requirement {
	out := make([]Requirement, 0, len(reqs))
	for _, r := range reqs {
		if r.Required {
			out = append(out, r)
		}
	}
	return out
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

// RecredentialingScore is how ripe a degree-requiring role is for
// recredentialing, by the four criteria of skills-first practice, each 0 to 1.
type RecredentialingScore struct {
	DegreeInflation    float64
	HiringInflux       float64
	RetentionChallenge float64
	CareerPathways     float64
	Score              float64
}

// Saturation points: 30 openings a year count as half of the hiring-influx
// criterion, 10% turnover as half of the retention one, 3 upward moves as a
// full career pathway. Saturating curves keep one outlier role from flattening
// every other role's score, as a max-normalization would.
const (
	halfInfluxVacancies = 30
	halfTurnoverPercent = 10
	fullUpwardMoves     = 3
)

// ScoreRecredentialing scores a role from its 12-month vacancies, turnover
// (percent), advancement potential and the number of its overlap moves to
// roles at a higher level. A role without a degree requirement scores 0: there
// is no degree proxy to remove.
func ScoreRecredentialing(degreeRequired bool, vacancies int, turnover float64, advancement bool, upwardMoves int) RecredentialingScore {
	var s RecredentialingScore
	if !degreeRequired {
		return s
	}
	s.DegreeInflation = 1
	v := math.Max(0, float64(vacancies))
	s.HiringInflux = v / (v + halfInfluxVacancies)
	t := math.Max(0, turnover)
	s.RetentionChallenge = t / (t + halfTurnoverPercent)
	adv := 0.0
	if advancement {
		adv = 1
	}
	s.CareerPathways = 0.5*adv + 0.5*math.Min(1, float64(upwardMoves)/fullUpwardMoves)
	s.Score = round4(0.5*s.HiringInflux + 0.2*s.RetentionChallenge + 0.3*s.CareerPathways)
	s.HiringInflux, s.RetentionChallenge, s.CareerPathways = round4(s.HiringInflux), round4(s.RetentionChallenge), round4(s.CareerPathways)
	return s
}

// LevelRank orders role levels up the career ladder; unknown levels rank 0.
func LevelRank(l *RoleLevel) int {
	if l == nil {
		return 0
	}
	switch *l {
	case LevelEntry:
		return 1
	case LevelMiddleSkill:
		return 2
	case LevelProfessional:
		return 3
	case LevelExecutive:
		return 4
	}
	return 0
}

// Reach is the best way found to a role: its relatedness score (the product of
// the readiness of each move, so every extra move discounts it), the moves it
// takes and the roles passed through, the reached role last.
type Reach struct {
	RoleID string
	Score  float64
	Steps  int
	Path   []string
}

// Move is one overlap edge: a person in From is Score ready for To.
type Move struct {
	From, To string
	Score    float64
}

// ExtendReach takes the roles reached at the last step (frontier) and the
// moves out of them, records every role reached better than before in best
// (never the start role), and returns the new frontier, ordered by id.
func ExtendReach(best map[string]Reach, frontier []Reach, moves []Move, start string) []Reach {
	at := make(map[string]Reach, len(frontier))
	for _, r := range frontier {
		at[r.RoleID] = r
	}
	next := map[string]Reach{}
	for _, m := range moves {
		from, ok := at[m.From]
		if !ok || m.To == start {
			continue
		}
		cand := Reach{RoleID: m.To, Score: round4(from.Score * m.Score), Steps: from.Steps + 1,
			Path: append(append([]string(nil), from.Path...), m.To)}
		if b, seen := best[m.To]; seen && !betterReach(cand, b) {
			continue
		}
		best[m.To] = cand
		next[m.To] = cand
	}
	out := make([]Reach, 0, len(next))
	for _, r := range next {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].RoleID < out[j].RoleID })
	return out
}

// betterReach prefers the higher score, then fewer moves, then the path that
// sorts first, so results never depend on map order.
func betterReach(a, b Reach) bool {
	if a.Score != b.Score {
		return a.Score > b.Score
	}
	if a.Steps != b.Steps {
		return a.Steps < b.Steps
	}
	return slices.Compare(a.Path, b.Path) < 0
}
