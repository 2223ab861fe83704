package pathway

import (
	"math"
	"reflect"
	"testing"
)

func req(id string, level int, required bool) Requirement {
	return Requirement{SkillID: id, Level: level, Importance: 3, Required: required}
}

func TestGaps(t *testing.T) {
	target := []Requirement{req("a", 3, true), req("b", 2, true), req("c", 4, false), req("d", 1, true)}
	// A skill listed twice counts once: its highest level and importance,
	// required when either listing is, where it is first listed.
	repeated := []Requirement{req("a", 2, true), {SkillID: "b", Level: 2, Importance: 1, Required: true},
		{SkillID: "a", Level: 4, Importance: 5, Required: false}}
	tests := []struct {
		name             string
		target           []Requirement
		held             map[string]int
		includePreferred bool
		want             []SkillGap
	}{
		{"nothing held", target, nil, false, []SkillGap{
			{SkillID: "a", Required: true, Level: 3, Importance: 3}, {SkillID: "b", Required: true, Level: 2, Importance: 3},
			{SkillID: "d", Required: true, Level: 1, Importance: 3}}},
		{"held below the level is a gap", target, map[string]int{"a": 2, "b": 2, "d": 5}, false, []SkillGap{
			{SkillID: "a", Required: true, Level: 3, Importance: 3, HeldLevel: 2}}},
		{"preferred counts when asked", target, map[string]int{"a": 3, "b": 2, "d": 1}, true, []SkillGap{
			{SkillID: "c", Required: false, Level: 4, Importance: 3}}},
		{"all met", target, map[string]int{"a": 5, "b": 5, "c": 5, "d": 5}, true, []SkillGap{}},
		{"a repeated skill needs its highest level", repeated, map[string]int{"a": 3}, true, []SkillGap{
			{SkillID: "a", Required: true, Level: 4, Importance: 5, HeldLevel: 3}, {SkillID: "b", Required: true, Level: 2, Importance: 1}}},
		{"a preferred repeat does not raise a required-only gap", repeated, map[string]int{"a": 2}, false, []SkillGap{
			{SkillID: "b", Required: true, Level: 2, Importance: 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Gaps(tt.held, tt.target, tt.includePreferred); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Gaps = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestSharedSkills(t *testing.T) {
	from := []Requirement{req("a", 2, true), req("b", 3, false), req("x", 1, true)}
	to := []Requirement{req("b", 4, true), req("c", 2, true), req("a", 1, false)}
	want := []SharedSkill{{SkillID: "b", FromLevel: 3, ToLevel: 4}, {SkillID: "a", FromLevel: 2, ToLevel: 1}}
	if got := SharedSkills(from, to); !reflect.DeepEqual(got, want) {
		t.Errorf("SharedSkills = %+v, want %+v", got, want)
	}
}

func TestCoverageAndReadiness(t *testing.T) {
	target := []Requirement{req("a", 4, true), req("b", 2, true)}
	tests := []struct {
		name string
		held map[string]int
		want float64
	}{
		{"none", map[string]int{}, 0},
		{"all", map[string]int{"a": 4, "b": 5}, 1},
		{"half the level of one of two", map[string]int{"a": 2}, 0.25},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Coverage(tt.held, target); math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("Coverage = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestRelatedness(t *testing.T) {
	nurse := []Requirement{req("patient-care", 4, true), req("medication", 4, true), req("charting", 3, true)}
	lpn := []Requirement{req("patient-care", 3, true), req("medication", 3, true), req("charting", 2, false)}
	welder := []Requirement{req("welding", 4, true), req("blueprints", 3, true)}
	generic := []Requirement{req("patient-care", 5, true)}
	tests := []struct {
		name       string
		a, b       []Requirement
		atLeast    float64
		atMost     float64
		symmetric  bool
		closerThan []Requirement
	}{
		{"the same profile", nurse, nurse, 1, 1, true, nil},
		{"nothing shared", nurse, welder, 0, 0, true, nil},
		{"a lower rung of the same ladder is close", nurse, lpn, 0.8, 1, true, nil},
		{"one shared skill is not a whole profile", nurse, generic, 0.3, 0.7, true, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Relatedness(tt.a, tt.b)
			if got < tt.atLeast-1e-9 || got > tt.atMost+1e-9 {
				t.Errorf("Relatedness = %v, want %v to %v", got, tt.atLeast, tt.atMost)
			}
			if back := Relatedness(tt.b, tt.a); math.Abs(back-got) > 1e-12 {
				t.Errorf("not symmetric: %v and %v", got, back)
			}
		})
	}
	if Relatedness(nurse, lpn) <= Relatedness(nurse, generic) {
		t.Error("a role that shares the whole profile is not closer than one that shares one skill")
	}
}

func TestStackOrder(t *testing.T) {
	tests := []struct {
		name  string
		ids   []string
		links []StackLink
		want  []string
	}{
		{"chain given out of order", []string{"c", "a", "b"}, []StackLink{{From: "a", To: "b"}, {From: "b", To: "c"}}, []string{"a", "b", "c"}},
		{"a shortcut does not lift a rung", []string{"rn", "cna", "lpn"},
			[]StackLink{{From: "cna", To: "lpn"}, {From: "lpn", To: "rn"}, {From: "cna", To: "rn"}}, []string{"cna", "lpn", "rn"}},
		{"siblings by id", []string{"z", "y", "base"}, []StackLink{{From: "base", To: "z"}, {From: "base", To: "y"}}, []string{"base", "y", "z"}},
		{"a cycle terminates", []string{"a", "b"}, []StackLink{{From: "a", To: "b"}, {From: "b", To: "a"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := StackOrder(tt.ids, tt.links)
			if tt.want != nil && !reflect.DeepEqual(got, tt.want) {
				t.Errorf("StackOrder = %v, want %v", got, tt.want)
			}
			if len(got) != len(tt.ids) {
				t.Errorf("StackOrder lost rungs: %v", got)
			}
		})
	}
}

func TestScoreRecredentialing(t *testing.T) {
	if s := ScoreRecredentialing(false, 500, 50, true, 5, DefaultRecredentialingScale); s.Score != 0 {
		t.Errorf("a role without a degree requirement scores %v", s.Score)
	}
	base := ScoreRecredentialing(true, 30, 10, false, 0, DefaultRecredentialingScale)
	if base.HiringInflux != 0.5 || base.RetentionChallenge != 0.5 || base.DegreeInflation != 1 {
		t.Errorf("half points: %+v", base)
	}
	for name, better := range map[string]RecredentialingScore{
		"more vacancies":        ScoreRecredentialing(true, 60, 10, false, 0, DefaultRecredentialingScale),
		"more turnover":         ScoreRecredentialing(true, 30, 20, false, 0, DefaultRecredentialingScale),
		"advancement potential": ScoreRecredentialing(true, 30, 10, true, 0, DefaultRecredentialingScale),
		"upward moves":          ScoreRecredentialing(true, 30, 10, false, 2, DefaultRecredentialingScale),
	} {
		if better.Score <= base.Score {
			t.Errorf("%s does not raise the score: %v <= %v", name, better.Score, base.Score)
		}
		if better.Score > 1 {
			t.Errorf("%s: score %v above 1", name, better.Score)
		}
	}
}

func TestScaleOf(t *testing.T) {
	role := func(vacancies int, turnover float64) Role {
		return Role{Vacancies: &vacancies, TurnoverRate: &turnover}
	}
	national := []Role{role(189100, 5), role(50000, 8), role(1200, 12), role(30000, 6), role(9000, 9)}
	sc := ScaleOf(national)
	if sc.HalfVacancies != 30000 || sc.HalfTurnover != 8 {
		t.Errorf("scale %+v, want the medians 30000 and 8", sc)
	}
	// On national figures the busiest role no longer saturates: the middle
	// one scores half.
	if s := ScoreRecredentialing(true, 30000, 8, false, 0, sc); s.HiringInflux != 0.5 || s.RetentionChallenge != 0.5 {
		t.Errorf("the median role: %+v", s)
	}
	if few := ScaleOf(national[:2]); few != DefaultRecredentialingScale {
		t.Errorf("two roles: %+v, want the default", few)
	}
}

func TestExtendReach(t *testing.T) {
	best := map[string]Reach{}
	frontier := []Reach{{RoleID: "b", Score: 0.8, Steps: 1, Path: []string{"b"}}, {RoleID: "c", Score: 0.5, Steps: 1, Path: []string{"c"}}}
	for _, r := range frontier {
		best[r.RoleID] = r
	}
	moves := []Move{{From: "b", To: "d", Score: 0.5}, {From: "c", To: "d", Score: 0.9}, {From: "b", To: "c", Score: 0.9}, {From: "b", To: "start", Score: 1}}
	next := ExtendReach(best, frontier, moves, "start")
	if _, ok := best["start"]; ok {
		t.Error("the start role was reached")
	}
	if d := best["d"]; d.Score != 0.45 || !reflect.DeepEqual(d.Path, []string{"c", "d"}) {
		t.Errorf("d = %+v, want the better path through c (0.45)", d)
	}
	if c := best["c"]; c.Score != 0.72 || c.Steps != 2 {
		t.Errorf("c = %+v, want improved to 0.72 through b", c)
	}
	if len(next) != 2 || next[0].RoleID != "c" || next[1].RoleID != "d" {
		t.Errorf("next frontier = %+v, want c and d", next)
	}
}

func TestSameAsExpand(t *testing.T) {
	same := SameAs{"networking": {"onet:2.C.3.a", "onet:2.C.9.a"}, "onet:2.C.3.a": {"networking"}}
	levels := map[string]int{"networking": 3, "onet:2.C.9.a": 4, "other": 2}
	same.Expand(levels)
	want := map[string]int{"networking": 3, "onet:2.C.3.a": 3, "onet:2.C.9.a": 4, "other": 2}
	if !reflect.DeepEqual(levels, want) {
		t.Errorf("Expand = %v, want %v (the higher level held stays)", levels, want)
	}
}
