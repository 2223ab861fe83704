package pathway

import (
	"math"
	"strings"
	"testing"
)

func traits(reqs ...Requirement) RoleTraits { return RoleTraits{Profile: reqs} }

func TestOverlaps(t *testing.T) {
	roles := map[string]RoleTraits{
		"help-desk":  traits(req("support", 2, true), req("os", 2, true), req("networking", 1, true)),
		"it-support": traits(req("support", 3, true), req("os", 2, true), req("networking", 2, true), req("docs", 2, false)),
		"nurse":      traits(req("patient-care", 3, true)),
	}
	edges := Overlaps(roles, NewSimilarityStats(roles))
	got := map[string]float64{}
	for _, e := range edges {
		got[e.FromID+">"+e.ToID] = e.Score
		if e.Score < MinOverlapScore || e.Score > 1 {
			t.Errorf("edge %s>%s score %v out of range", e.FromID, e.ToID, e.Score)
		}
	}
	if _, ok := got["help-desk>it-support"]; !ok {
		t.Errorf("no help-desk > it-support edge: %v", got)
	}
	for k := range got {
		if strings.Contains(k, "nurse") {
			t.Errorf("edge %s between roles that share no skill", k)
		}
	}
	if got["it-support>help-desk"] != got["help-desk>it-support"] {
		t.Errorf("relatedness is symmetric, but the edges differ: %v and %v", got["it-support>help-desk"], got["help-desk>it-support"])
	}
	for i := 1; i < len(edges); i++ {
		if edges[i].FromID == edges[i-1].FromID && edges[i].Score > edges[i-1].Score {
			t.Errorf("edges of %s not closest first", edges[i].FromID)
		}
	}
}

// rated is a role of a source that rates every role on the same elements
// (like O*NET): common, at the same high level everywhere, and two
// distinctive ones.
func rated(care, code int) RoleTraits {
	return RoleTraits{Profile: []Requirement{
		{SkillID: "src:reading", Level: 4, Importance: 4, Required: true},
		{SkillID: "src:speaking", Level: 4, Importance: 4, Required: true},
		{SkillID: "src:care", Level: care, Importance: 4, Required: true},
		{SkillID: "src:code", Level: code, Importance: 4, Required: true},
	}}
}

// TestSimilarCentersCommonSkills: on skills every role is rated on, what all
// roles need alike stops making roles look alike; what sets them apart counts.
func TestSimilarCentersCommonSkills(t *testing.T) {
	roles := map[string]RoleTraits{
		"nurse": rated(5, 1), "aide": rated(4, 1), "coder": rated(1, 5), "tester": rated(1, 4),
	}
	st := NewSimilarityStats(roles)
	if !st.Skill["src:reading"].Dense || st.Skill["src:reading"].DF != 4 {
		t.Fatalf("stats %+v: reading is rated on every role, so it is dense", st.Skill["src:reading"])
	}
	centered, plain := Similar(roles["nurse"], roles["coder"], st), Similar(roles["nurse"], roles["coder"], nil)
	// Two roles that need little of everything are not alike for that.
	low := map[string]RoleTraits{"usher": rated(1, 1), "guide": rated(1, 1), "nurse": rated(5, 1), "aide": rated(4, 1)}
	lowStats := NewSimilarityStats(low)
	if Similar(low["aide"], low["usher"], lowStats) >= Similar(low["aide"], low["nurse"], lowStats) {
		t.Errorf("aide -> usher %v >= aide -> nurse %v", Similar(low["aide"], low["usher"], lowStats), Similar(low["aide"], low["nurse"], lowStats))
	}
	if centered >= plain || centered > 0.1 {
		t.Errorf("nurse -> coder: %v centered, %v plain; centering should take away what every role shares", centered, plain)
	}
	if near, far := Similar(roles["nurse"], roles["aide"], st), Similar(roles["nurse"], roles["tester"], st); near <= far {
		t.Errorf("nurse -> aide %v, nurse -> tester %v", near, far)
	}
}

func TestSimilarSignals(t *testing.T) {
	base := func() RoleTraits {
		return RoleTraits{Profile: []Requirement{req("a", 3, true), req("b", 2, true)}}
	}
	with := func(f func(*RoleTraits)) RoleTraits {
		r := base()
		f(&r)
		return r
	}
	from := with(func(r *RoleTraits) {
		r.Interests, r.JobZone, r.Code = []float64{6, 5, 1, 2, 2, 3}, 3, "47-2111.00"
	})
	tests := []struct {
		name        string
		closer, far RoleTraits
	}{
		{"alike interests", with(func(r *RoleTraits) { r.Interests = []float64{7, 4, 1, 2, 1, 3} }),
			with(func(r *RoleTraits) { r.Interests = []float64{1, 2, 6, 7, 5, 2} })},
		{"the same job zone", with(func(r *RoleTraits) { r.JobZone = 3 }), with(func(r *RoleTraits) { r.JobZone = 5 })},
		{"the same SOC minor group", with(func(r *RoleTraits) { r.Code = "47-2152.00" }), with(func(r *RoleTraits) { r.Code = "47-4011.00" })},
		{"the same SOC major group over another", with(func(r *RoleTraits) { r.Code = "47-3013.00" }), with(func(r *RoleTraits) { r.Code = "29-1141.00" })},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if c, f := Similar(from, tt.closer, nil), Similar(from, tt.far, nil); c <= f {
				t.Errorf("closer %v, farther %v", c, f)
			}
		})
	}
	// A signal one role lacks is left out: identical skills with nothing
	// else known are fully related.
	if s := Similar(base(), base(), nil); math.Abs(s-1) > 1e-9 {
		t.Errorf("identical skills, nothing else known: %v, want 1", s)
	}
	if s := Similar(base(), RoleTraits{Profile: []Requirement{req("z", 3, true)}}, nil); s != 0 {
		t.Errorf("no shared skill and nothing else: %v, want 0", s)
	}
	hand := func(industry string) RoleTraits { r := base(); r.Industry = industry; return r }
	if Similar(hand("IT"), hand("IT"), nil) <= Similar(hand("IT"), hand("Health"), nil) {
		t.Error("hand-made roles of one industry are not closer than of two")
	}
}

func TestSimilarTechnologyRarity(t *testing.T) {
	tech := func(ids ...string) []Requirement {
		var out []Requirement
		for _, id := range ids {
			out = append(out, Requirement{SkillID: id, Level: 3, Importance: 3, Tech: true})
		}
		return out
	}
	skills := []Requirement{req("a", 3, true)}
	roles := map[string]RoleTraits{
		"x": {Profile: append(tech("excel", "cisco-ios"), skills...)},
		"y": {Profile: append(tech("excel", "cisco-ios"), skills...)},
		"z": {Profile: append(tech("excel"), skills...)},
		"w": {Profile: append(tech("excel"), skills...)},
	}
	st := NewSimilarityStats(roles)
	if Similar(roles["x"], roles["y"], st) <= Similar(roles["x"], roles["z"], st) {
		t.Error("sharing a rare technology (Cisco IOS) should count more than sharing Excel alone")
	}
}
