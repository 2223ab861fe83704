package pathway

import (
	"maps"
	"math"
	"slices"
	"strings"
)

// Relatedness between roles: how natural a move from one role to another
// is, the score of the OVERLAPS edges. It combines what the data holds about
// two roles, each signal from 0 to 1, weighted:
//
//   - skills and knowledge (weight 0.55): the cosine of weight x level
//     vectors (weight: importance, halved for preferred skills). On the
//     elements a source rates every role on (O*NET's 35 skills and 33
//     knowledge areas) the vector is centered on the role's own mean, so the
//     shape of a profile counts, not its overall level: two jobs that need
//     little of everything are not alike for that, and what every job needs
//     (Reading Comprehension, Speaking) stops making every pair look alike.
//     (Centering on the population's mean instead made every low-skill job
//     look like every other: Nursing Assistants' closest moves became Tour
//     Guides and Ushers.) Skills only some roles list (ESCO's, the
//     sample's) are not centered;
//   - technologies (0.10): the cosine of importance x rarity (inverse
//     document frequency) over the software and tools two roles use;
//   - interests (0.10): the correlation of the RIASEC profiles, as
//     (1 + r) / 2; people who like the one like the other;
//   - preparation (0.10): job zone distance, 1 - |a - b| / 4: a move
//     within the same band of preparation is easier to make and to accept;
//   - taxonomy (0.15): closeness in the occupation classification (SOC for
//     O*NET: same broad occupation 0.8, minor group 0.5, major group 0.25;
//     ISCO for ESCO by shared digits), or the same industry for hand-made
//     roles (0.5): experts list related occupations within families first.
//
// A signal that one of the two roles lacks (no interests, no job zone) is
// left out and the weights of the rest are rescaled, so hand-made roles are
// scored on what they have. The weights put skills first, as people
// moving between jobs carry their skills; the others each break ties among
// roles with similar skill profiles. See the README for the measurements.
const (
	weightSkills    = 0.55
	weightTech      = 0.10
	weightInterests = 0.10
	weightZone      = 0.10
	weightTaxonomy  = 0.15
)

// denseShare is the share of a source's roles that must list a skill for it
// to be centered: a skill rated on (nearly) every role of its source.
const denseShare = 0.5

// RoleTraits is what relatedness reads of a role.
type RoleTraits struct {
	Profile   []Requirement // skills, knowledge areas and technologies (Tech)
	Interests []float64     // RIASEC scores (1-7), six of them; nil when unknown
	JobZone   int           // 1-5; 0 when unknown
	Code      string        // occupation code: O*NET-SOC (29-1141.00) or ISCO (2221)
	Industry  string
}

// SimilarityStats are the statistics over all roles that relatedness
// centers and weighs by. They are computed from every role's traits when the
// overlap edges are derived (at import and on writes) and stored on the
// skill nodes, so one role's edges can be scored without recomputing them.
type SimilarityStats struct {
	Roles int                  // roles with a profile
	Skill map[string]SkillStat // by skill id
	dense map[string][]string  // source -> its dense skills, sorted
}

// SkillStat is one skill's statistics over the roles.
type SkillStat struct {
	DF    int  // roles listing it
	Dense bool // listed by at least denseShare of its source's roles: centered
	// Common is its common level (foundational.go), 0 for none: stored
	// with the statistics, read by the gap rule, not by relatedness.
	Common int
}

// source is the part of a skill id before its first colon ("onet" for
// onet:2.A.1.a); hand-made skills have none.
func source(id string) string {
	src, _, found := strings.Cut(id, ":")
	if !found {
		return ""
	}
	return src
}

// NewSimilarityStats computes the statistics over roles.
func NewSimilarityStats(roles map[string]RoleTraits) *SimilarityStats {
	st := &SimilarityStats{Skill: map[string]SkillStat{}}
	population := map[string]int{} // source -> roles listing any of its skills
	for _, id := range slices.Sorted(maps.Keys(roles)) {
		t := roles[id]
		if len(t.Profile) == 0 {
			continue
		}
		st.Roles++
		sources := map[string]bool{}
		for skill := range profileVector(t.Profile, false) {
			ss := st.Skill[skill]
			ss.DF++
			st.Skill[skill] = ss
			sources[source(skill)] = true
		}
		for tech := range profileVector(t.Profile, true) {
			ss := st.Skill[tech]
			ss.DF++
			st.Skill[tech] = ss
		}
		for src := range sources {
			population[src]++
		}
	}
	tech := map[string]bool{}
	for _, t := range roles {
		for _, r := range t.Profile {
			tech[r.SkillID] = tech[r.SkillID] || r.Tech
		}
	}
	common := commonLevels(roles, population)
	for id, ss := range st.Skill {
		if n := population[source(id)]; n > 0 && !tech[id] {
			ss.Dense = float64(ss.DF) >= denseShare*float64(n)
		}
		ss.Common = common[id]
		st.Skill[id] = ss
	}
	return st
}

// denseOf lists the dense skills of a source.
func (st *SimilarityStats) denseOf(src string) []string {
	if st.dense == nil {
		st.dense = map[string][]string{}
		for _, id := range slices.Sorted(maps.Keys(st.Skill)) {
			if st.Skill[id].Dense {
				st.dense[source(id)] = append(st.dense[source(id)], id)
			}
		}
	}
	return st.dense[src]
}

// profileVector is a profile as weight x level by skill, its technologies
// (tech) or the rest; a skill listed twice counts at its largest.
func profileVector(reqs []Requirement, tech bool) map[string]float64 {
	v := map[string]float64{}
	for _, r := range reqs {
		if r.Tech == tech {
			v[r.SkillID] = max(v[r.SkillID], r.weight()*float64(max(r.Level, MinLevel)))
		}
	}
	return v
}

// traitVectors are a role's vectors, ready to compare.
type traitVectors struct {
	skills, tech map[string]float64
	nSkills      float64 // norms
	nTech        float64
}

// vectors centers the dense skills on the role's mean and weighs the
// technologies by rarity. The dense skills of a role's sources that it does
// not list count as 0 before centering.
func (st *SimilarityStats) vectors(t RoleTraits) traitVectors {
	v := traitVectors{skills: profileVector(t.Profile, false), tech: profileVector(t.Profile, true)}
	sources := map[string]bool{}
	for id := range v.skills {
		sources[source(id)] = true
	}
	if st != nil {
		for _, src := range slices.Sorted(maps.Keys(sources)) {
			dense := st.denseOf(src)
			var mean float64
			for _, id := range dense {
				mean += v.skills[id]
			}
			mean /= float64(max(len(dense), 1))
			for _, id := range dense {
				v.skills[id] -= mean
			}
		}
		for id, x := range v.tech {
			if df := st.Skill[id].DF; df > 0 && st.Roles > df {
				v.tech[id] = x * math.Log(float64(st.Roles)/float64(df))
			}
		}
	}
	// Summed in id order, so that the norms stored with a role's form are
	// the same bits at every derivation.
	for _, id := range slices.Sorted(maps.Keys(v.skills)) {
		v.nSkills += v.skills[id] * v.skills[id]
	}
	for _, id := range slices.Sorted(maps.Keys(v.tech)) {
		v.nTech += v.tech[id] * v.tech[id]
	}
	v.nSkills, v.nTech = math.Sqrt(v.nSkills), math.Sqrt(v.nTech)
	return v
}

func cosine(a, b map[string]float64, na, nb float64) float64 {
	if na == 0 || nb == 0 {
		return 0
	}
	if len(b) < len(a) {
		a, b = b, a
	}
	var dot float64
	for id, x := range a {
		dot += x * b[id]
	}
	return max(0, dot/(na*nb))
}

// Similar is the relatedness of a move from a to b, 0 to 1 (see the
// signals above); st may be nil (no centering, no rarity).
func Similar(a, b RoleTraits, st *SimilarityStats) float64 {
	return similar(a, b, st.vectors(a), st.vectors(b))
}

func similar(a, b RoleTraits, va, vb traitVectors) float64 {
	tech := va.nTech > 0 && vb.nTech > 0
	var techCos float64
	if tech {
		techCos = cosine(va.tech, vb.tech, va.nTech, vb.nTech)
	}
	return blend(a, b, cosine(va.skills, vb.skills, va.nSkills, vb.nSkills), tech, techCos)
}

// blend weighs the signals, given the cosines of the vectors (techCos only
// when both roles use technologies, tech).
func blend(a, b RoleTraits, skillsCos float64, tech bool, techCos float64) float64 {
	score := weightSkills * skillsCos
	total := weightSkills
	if tech {
		score += weightTech * techCos
		total += weightTech
	}
	if m, ok := InterestMatch(a.Interests, b.Interests); ok {
		score += weightInterests * m
		total += weightInterests
	}
	if a.JobZone > 0 && b.JobZone > 0 {
		d := math.Abs(float64(a.JobZone - b.JobZone))
		score += weightZone * (1 - d/4)
		total += weightZone
	}
	if t, ok := taxonomy(a, b); ok {
		score += weightTaxonomy * t
		total += weightTaxonomy
	}
	return score / total
}

// correlation is Pearson's r of two score vectors; 0 when either is flat.
func correlation(a, b []float64) float64 {
	var ma, mb float64
	for i := range a {
		ma += a[i]
		mb += b[i]
	}
	ma, mb = ma/float64(len(a)), mb/float64(len(b))
	var cov, va, vb float64
	for i := range a {
		cov += (a[i] - ma) * (b[i] - mb)
		va += (a[i] - ma) * (a[i] - ma)
		vb += (b[i] - mb) * (b[i] - mb)
	}
	if va == 0 || vb == 0 {
		return 0
	}
	return cov / math.Sqrt(va*vb)
}

// taxonomy is the closeness of two roles in their occupation classification:
// SOC codes (15-1244.00) by broad occupation (first 6 characters), minor
// group (4) and major group (2); ISCO codes by shared leading digits; for
// roles without codes, the same industry. ok is false when there is nothing
// to compare.
func taxonomy(a, b RoleTraits) (float64, bool) {
	soc := func(c string) bool { return len(c) >= 7 && c[2] == '-' }
	switch {
	case soc(a.Code) && soc(b.Code):
		switch {
		case a.Code[:6] == b.Code[:6]:
			return 0.8, true
		case a.Code[:4] == b.Code[:4]:
			return 0.5, true
		case a.Code[:2] == b.Code[:2]:
			return 0.25, true
		}
		return 0, true
	case a.Code != "" && b.Code != "" && !soc(a.Code) && !soc(b.Code):
		n := 0
		for n < min(len(a.Code), len(b.Code)) && a.Code[n] == b.Code[n] {
			n++
		}
		return [5]float64{0, 0.1, 0.25, 0.5, 0.8}[min(n, 4)], true
	case a.Code == "" && b.Code == "" && a.Industry != "" && b.Industry != "":
		if a.Industry == b.Industry {
			return 0.5, true
		}
		return 0, true
	}
	return 0, false
}
