package pathway

import (
	"maps"
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
	// Education is each level held with its fields, for the field rule;
	// EducationRank is their highest rank, whatever the field.
	Education []HeldEducation
	Profile   []Requirement
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

// Clone returns a copy that can grow without changing h.
func (h *Held) Clone() *Held {
	c := *h
	c.Skills, c.Credentials = maps.Clone(h.Skills), maps.Clone(h.Credentials)
	c.Profile = slices.Clone(h.Profile)
	c.Education = slices.Clone(h.Education)
	return &c
}

// TakeRole records what holding a role means, the one home of DESIGN's rule:
// a person in a role holds its required skills at their required levels, the
// credentials it requires and its education level (educationRank, -1 for
// none), besides what they held already.
// The role's education is held in the fields that prepare for the role.
func (h *Held) TakeRole(roleID string, profile []Requirement, credentialIDs []string, educationRank int, fields FieldAcceptance) {
	h.RoleID = roleID
	for _, r := range profile {
		if r.Required {
			h.AddSkill(r.SkillID, r.Level)
		}
	}
	for _, id := range credentialIDs {
		h.Credentials[id] = true
	}
	h.HoldEducation(HeldEducation{Rank: educationRank, Fields: fields.Fields})
}

// HoldEducation records a level of education held.
func (h *Held) HoldEducation(e HeldEducation) {
	if e.Rank < 0 {
		return
	}
	h.EducationRank = max(h.EducationRank, e.Rank)
	h.Education = append(h.Education, e)
}

// Earn records a credential earned: it is held, its skills are held at the
// levels it certifies and the education rank it confers is reached.
func (h *Held) Earn(c PlanCredential) {
	h.Credentials[c.ID] = true
	for s, l := range c.Certifies {
		h.AddSkill(s, l)
	}
	var fields []string
	if c.Field != "" {
		fields = []string{c.Field}
	}
	h.HoldEducation(HeldEducation{Rank: c.ConfersRank, Fields: fields, CredentialID: c.ID})
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
	SkillID    string
	Required   bool
	Level      int
	Importance float64
	HeldLevel  int
	// Foundational: most roles need the skill at this level; it is learned
	// at work and in general education, and no plan takes a credential for
	// it alone (foundational.go).
	Foundational bool
}

// Gaps is DESIGN's gap, the one rule the skills map, reachable roles and the
// planner share: the target's required skills (and its preferred ones when
// includePreferred) that held lacks or holds below the level needed. A skill
// the target lists more than once counts once, at its highest level and
// importance, required if any listing is. The gaps come in the order the
// target first lists them, each marked Foundational by the skill's common
// level.
func Gaps(held map[string]int, target []Requirement, includePreferred bool) []SkillGap {
	merged := map[string]int{} // skill id -> index in out
	out := []SkillGap{}
	common := make([]int, 0, len(target))
	for _, r := range target {
		if !r.Required && !includePreferred {
			continue
		}
		i, ok := merged[r.SkillID]
		if !ok {
			merged[r.SkillID] = len(out)
			out = append(out, SkillGap{SkillID: r.SkillID, Required: r.Required, Level: r.Level, Importance: r.Importance})
			common = append(common, r.Common)
			continue
		}
		g := &out[i]
		g.Level, g.Importance, g.Required = max(g.Level, r.Level), max(g.Importance, r.Importance), g.Required || r.Required
		common[i] = max(common[i], r.Common)
	}
	gaps := out[:0]
	for i, g := range out {
		if g.HeldLevel = held[g.SkillID]; g.HeldLevel < g.Level {
			g.Foundational = foundational(g.Level, common[i])
			gaps = append(gaps, g)
		}
	}
	return gaps
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

// RecredentialingScore is how ripe a degree-requiring role is for
// recredentialing, by the four criteria of skills-first practice, each 0 to 1.
type RecredentialingScore struct {
	DegreeInflation    float64
	HiringInflux       float64
	RetentionChallenge float64
	CareerPathways     float64
	Score              float64
}

// RecredentialingScale is where the saturating criteria reach half: the
// openings a year that count as half of the hiring-influx criterion and the
// turnover (percent) that counts as half of the retention one. Saturating
// curves keep one outlier role from flattening every other role's score, as
// a max-normalization would.
type RecredentialingScale struct {
	HalfVacancies float64
	HalfTurnover  float64
}

// DefaultRecredentialingScale fits a local labor market such as the
// workshop's: 30 openings a year, 10% turnover.
var DefaultRecredentialingScale = RecredentialingScale{HalfVacancies: 30, HalfTurnover: 10}

// minScaleRoles is how many roles with a figure it takes to scale by them.
const minScaleRoles = 5

// fullUpwardMoves upward overlap moves make a full career pathway.
const fullUpwardMoves = 3

// ScaleOf scales the criteria to the roles ranked: half at their median
// openings and median turnover, so that national figures (BLS's 189,100
// openings a year for registered nurses) do not saturate every role while
// a local market's still read as they did. With fewer than minScaleRoles
// figures it keeps the default.
func ScaleOf(roles []Role) RecredentialingScale {
	sc := DefaultRecredentialingScale
	var vac, turn []float64
	for _, r := range roles {
		if r.Vacancies != nil && *r.Vacancies > 0 {
			vac = append(vac, float64(*r.Vacancies))
		}
		if r.TurnoverRate != nil && *r.TurnoverRate > 0 {
			turn = append(turn, *r.TurnoverRate)
		}
	}
	if len(vac) >= minScaleRoles {
		sc.HalfVacancies = median(vac)
	}
	if len(turn) >= minScaleRoles {
		sc.HalfTurnover = median(turn)
	}
	return sc
}

func median(v []float64) float64 {
	slices.Sort(v)
	n := len(v)
	if n%2 == 1 {
		return v[n/2]
	}
	return (v[n/2-1] + v[n/2]) / 2
}

// ScoreRecredentialing scores a role from its 12-month vacancies, turnover
// (percent), advancement potential and the number of its overlap moves to
// roles at a higher level, on a scale. A role without a degree requirement
// scores 0: there is no degree proxy to remove.
func ScoreRecredentialing(degreeRequired bool, vacancies int, turnover float64, advancement bool, upwardMoves int, sc RecredentialingScale) RecredentialingScore {
	var s RecredentialingScore
	if !degreeRequired {
		return s
	}
	s.DegreeInflation = 1
	v := math.Max(0, float64(vacancies))
	s.HiringInflux = v / (v + sc.HalfVacancies)
	t := math.Max(0, turnover)
	s.RetentionChallenge = t / (t + sc.HalfTurnover)
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

// SameAs is the crosswalk between skills of different sources (SAME_AS
// edges, read both ways): skill id -> the skills it is the same as.
type SameAs map[string][]string

// Expand counts each skill in levels as held, at its level, for every skill
// it is the same as (one crosswalk hop; the highest level counts). The gap
// rule, the skills map and the planner all see held and certified skills
// through it, so a sample certification closes an O*NET gap it matches.
func (same SameAs) Expand(levels map[string]int) {
	for _, id := range slices.Sorted(maps.Keys(levels)) {
		l := levels[id]
		for _, other := range same[id] {
			levels[other] = max(levels[other], l)
		}
	}
}
