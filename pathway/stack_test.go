package pathway

import (
	"context"
	"slices"
	"testing"
)

func TestLadder(t *testing.T) {
	cna := Credential{ID: "cna", Name: "CNA"}
	lpn := Credential{ID: "lpn", Name: "LPN"}
	adn := Credential{ID: "adn", Name: "ADN"}
	hs := EducationLevel{ID: "high-school", Rank: 1}
	assoc := EducationLevel{ID: "associate", Rank: 3}
	aide, lpnRole, rn, accountant := Role{ID: "aide"}, Role{ID: "lpn-role"}, Role{ID: "rn"}, Role{ID: "accountant"}
	st := Stack{
		Rungs: []Rung{{ID: "adn", Credential: &adn}, {ID: "cna", Credential: &cna}, {ID: "lpn", Credential: &lpn}},
		Links: []StackLink{{From: "cna", To: "lpn", CreditHours: 40}, {From: "lpn", To: "adn", CreditHours: 100, CreditCost: 500},
			{From: "cna", To: "adn", CreditHours: 20}},
	}
	f := StackFacts{
		Confers:         map[string]EducationLevel{"adn": assoc},
		Prerequisites:   map[string][]PrerequisiteGroup{"lpn": {{EducationLevels: []EducationLevel{assoc, hs}}}},
		CredentialRoles: map[string][]Role{"cna": {aide}, "lpn": {lpnRole}, "adn": {rn}},
		LevelRoles:      map[string][]Role{"associate": {rn, lpnRole, accountant}, "high-school": {aide}},
		// The field rule: the ADN prepares for the RN role; the LPN role
		// takes an associate degree of any field; the accountant's needs
		// accounting, which no rung here is.
		Prepares: map[string][]Role{"adn": {rn}},
		AnyField: map[string]bool{"lpn-role": true},
	}
	got := Ladder(st, f)
	var ids []string
	for _, r := range got {
		ids = append(ids, r.ID)
	}
	if !slices.Equal(ids, []string{"cna", "lpn", "adn"}) {
		t.Fatalf("rungs %v, want the ladder from CNA up", ids)
	}
	if r := got[2]; r.Position != 2 || r.CreditHours != 100 || r.CreditCost != 500 {
		t.Errorf("ADN: position %d, credit %g h $%g; want 2 and the largest credit carried in (100 h, $500)", r.Position, r.CreditHours, r.CreditCost)
	}
	if r := got[1]; r.EducationRequired == nil || r.EducationRequired.ID != "high-school" {
		t.Errorf("LPN needs %v, want the lowest level its prerequisites ask for (high school)", r.EducationRequired)
	}
	// The RN role opens once, by the credential; the associate degree opens
	// the LPN role by education.
	var opens []string
	for _, o := range got[2].Opens {
		opens = append(opens, o.Role.ID+":"+o.How)
	}
	if !slices.Equal(opens, []string{"rn:CREDENTIAL", "lpn-role:EDUCATION"}) {
		t.Errorf("ADN opens %v", opens)
	}
	if got[2].EducationLevel == nil || got[2].EducationLevel.ID != "associate" || got[0].EducationLevel != nil {
		t.Errorf("education levels: ADN %v, CNA %v", got[2].EducationLevel, got[0].EducationLevel)
	}
	// An education level is a rung of its own level: it opens every role
	// asking for it (given a degree of the right field).
	lvl := Ladder(Stack{Rungs: []Rung{{ID: "associate", Level: &assoc}, {ID: "high-school", Level: &hs}},
		Links: []StackLink{{From: "high-school", To: "associate"}}}, f)
	if len(lvl) != 2 || len(lvl[1].Opens) != 3 {
		t.Errorf("the associate level: %+v, want the three roles asking for it", lvl[1])
	}
	if len(lvl[0].Opens) != 1 || lvl[0].Opens[0].Role.ID != "aide" {
		t.Errorf("high school opens %+v, want the aide's role", lvl[0].Opens)
	}
}

func TestRankRecredentialing(t *testing.T) {
	entry, mid, pro := LevelEntry, LevelMiddleSkill, LevelProfessional
	v := func(n int) *int { return &n }
	yes := true
	roles := []DegreeRole{
		{Role: Role{ID: "b-quiet", Level: &mid, Vacancies: v(1)}},
		{Role: Role{ID: "a-busy", Level: &mid, Vacancies: v(200), TurnoverRate: fp(30), AdvancementPotential: &yes},
			Moves: []Role{{Level: &pro}, {Level: &pro}, {Level: &entry}}},
		{Role: Role{ID: "c-quiet", Level: &mid, Vacancies: v(1)}},
	}
	got := RankRecredentialing(roles, 2)
	if len(got) != 2 || got[0].Role.ID != "a-busy" || got[1].Role.ID != "b-quiet" {
		t.Fatalf("ranked %+v, want the busy role first, then ties by id, two of them", got)
	}
	if want := ScoreRecredentialing(true, 200, 30, true, 2, DefaultRecredentialingScale); got[0].Score != want {
		t.Errorf("score %+v, want %+v (two upward moves)", got[0].Score, want)
	}
}

func TestLadderRank(t *testing.T) {
	zone := func(z int) *int { return &z }
	mid := LevelMiddleSkill
	for _, tt := range []struct {
		role Role
		want int
	}{
		{Role{Level: &mid, JobZone: zone(5)}, 2}, // the level wins
		{Role{JobZone: zone(2)}, 1},
		{Role{JobZone: zone(3)}, 2},
		{Role{JobZone: zone(4)}, 3},
		{Role{JobZone: zone(5)}, 4},
		{Role{}, 0},
	} {
		if got := LadderRank(tt.role); got != tt.want {
			t.Errorf("LadderRank(%+v) = %d, want %d", tt.role, got, tt.want)
		}
	}
}

func TestRequiredSkills(t *testing.T) {
	p := []RoleSkill{{Skill: Skill{ID: "a"}, Required: true}, {Skill: Skill{ID: "b"}}, {Skill: Skill{ID: "c"}, Required: true}}
	var ids []string
	for _, rs := range RequiredSkills(p) {
		ids = append(ids, rs.Skill.ID)
	}
	if !slices.Equal(ids, []string{"a", "c"}) {
		t.Errorf("RequiredSkills = %v", ids)
	}
}

func TestRolesOpened(t *testing.T) {
	g := itGraph()
	// The sysadmin role asks for an associate degree that no credential
	// confers: support people can close its skills within the hours horizon,
	// so dropping the degree opens it to them.
	g.graphs["sysadmin"].TargetEducationRank = 3
	g.trips = 0
	got, err := RolesOpened(context.Background(), g, []Role{g.roles["sysadmin"], g.roles["architect"]})
	if err != nil {
		t.Fatal(err)
	}
	if got["sysadmin"] != 1 {
		t.Errorf("sysadmin opened to %d roles below it, want 1 (support)", got["sysadmin"])
	}
	if got["architect"] != 0 {
		t.Errorf("architect opened to %d, want 0: it has no degree a plan cannot meet", got["architect"])
	}
	if g.trips != 3 {
		t.Errorf("%d reads, want 3 for the whole page", g.trips)
	}
}

func TestHeldTakeRoleAndEarn(t *testing.T) {
	h := NewHeld()
	h.AddSkill("a", 4)
	h.EducationRank = 2
	h.TakeRole("r", []Requirement{req("a", 2, true), req("b", 3, true), req("c", 5, false)}, []string{"license"}, 1, FieldAcceptance{Fields: []string{"11.0103"}})
	if h.RoleID != "r" || h.Skills["a"] != 4 || h.Skills["b"] != 3 || h.Skills["c"] != 0 || !h.Credentials["license"] || h.EducationRank != 2 {
		t.Errorf("after TakeRole: %+v; want the role's required skills, its credentials, the higher education kept", h)
	}
	c := h.Clone()
	c.Earn(PlanCredential{ID: "degree", Certifies: map[string]int{"c": 3}, ConfersRank: 4})
	if !c.Credentials["degree"] || c.Skills["c"] != 3 || c.EducationRank != 4 {
		t.Errorf("after Earn: %+v", c)
	}
	if h.Credentials["degree"] || h.Skills["c"] != 0 || h.EducationRank != 2 {
		t.Errorf("Earn on a clone changed the original: %+v", h)
	}
}
