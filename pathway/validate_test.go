package pathway

import (
	"errors"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func p[T any](v T) *T { return &v }

// wantValid checks err against want: nil for valid, else an error wrapping
// ErrInvalid, naming field and saying want.
func wantValid(t *testing.T, err error, field, want string) {
	t.Helper()
	if want == "" {
		if err != nil {
			t.Fatalf("err = %v, want none", err)
		}
		return
	}
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("err = %v, want ErrInvalid", err)
	}
	if got := InvalidField(err); got != field {
		t.Errorf("field %q, want %q (%v)", got, field, err)
	}
	if !strings.Contains(err.Error(), want) {
		t.Errorf("err = %q, want it to say %q", err, want)
	}
}

func TestRoleValidate(t *testing.T) {
	ok := Role{ID: "nurse", Title: "Nurse"}
	with := func(f func(*Role)) Role { r := ok; f(&r); return r }
	for _, tc := range []struct {
		name  string
		role  Role
		field string
		want  string
	}{
		{"id and title only", ok, "", ""},
		{"every field in range", with(func(r *Role) {
			r.Level, r.WageMin, r.WageMedian, r.WageMax = p(LevelProfessional), p(50000.0), p(60000.0), p(70000.0)
			r.Vacancies, r.TurnoverRate, r.JobZone = p(0), p(100.0), p(5)
		}), "", ""},
		{"equal wages", with(func(r *Role) { r.WageMin, r.WageMedian, r.WageMax = p(1.0), p(1.0), p(1.0) }), "", ""},
		{"median with the minimum only", with(func(r *Role) { r.WageMin, r.WageMedian = p(10.0), p(20.0) }), "", ""},
		{"bad id", with(func(r *Role) { r.ID = "a b" }), "id", `id "a b" is not a valid id`},
		{"no title", with(func(r *Role) { r.Title = "" }), "title", "title must not be empty"},
		{"blank title", with(func(r *Role) { r.Title = "  " }), "title", "title must not be empty"},
		{"unknown level", with(func(r *Role) { r.Level = p(RoleLevel("INTERN")) }), "level", `got "INTERN"`},
		{"negative wageMin", with(func(r *Role) { r.WageMin = p(-1.0) }), "wageMin", "wageMin must be a finite number >= 0, got -1"},
		{"negative wageMedian", with(func(r *Role) { r.WageMedian = p(-0.5) }), "wageMedian", "got -0.5"},
		{"infinite wageMax", with(func(r *Role) { r.WageMax = p(math.Inf(1)) }), "wageMax", "got +Inf"},
		{"NaN wageMax", with(func(r *Role) { r.WageMax = p(math.NaN()) }), "wageMax", "got NaN"},
		{"max below min", with(func(r *Role) { r.WageMin, r.WageMax = p(50000.0), p(40000.0) }), "wageMax", "wageMax (40000) must not be below wageMin (50000)"},
		{"median below min", with(func(r *Role) { r.WageMin, r.WageMedian = p(50000.0), p(40000.0) }), "wageMedian", "wageMedian (40000) must not be below wageMin (50000)"},
		{"median above max", with(func(r *Role) { r.WageMedian, r.WageMax = p(80000.0), p(70000.0) }), "wageMedian", "wageMedian (80000) must not be above wageMax (70000)"},
		{"negative vacancies", with(func(r *Role) { r.Vacancies = p(-1) }), "vacancies", "vacancies must be >= 0, got -1"},
		{"turnover below 0", with(func(r *Role) { r.TurnoverRate = p(-0.1) }), "turnoverRate", "turnoverRate must be from 0 to 100, got -0.1"},
		{"turnover above 100", with(func(r *Role) { r.TurnoverRate = p(101.0) }), "turnoverRate", "got 101"},
		{"job zone 0", with(func(r *Role) { r.JobZone = p(0) }), "jobZone", "jobZone must be from 1 to 5, got 0"},
		{"job zone 6", with(func(r *Role) { r.JobZone = p(6) }), "jobZone", "got 6"},
	} {
		t.Run(tc.name, func(t *testing.T) { wantValid(t, tc.role.Validate(), tc.field, tc.want) })
	}
}

// An update's fields are checked as given: nothing given is nothing wrong.
func TestRoleFieldsValidate(t *testing.T) {
	for _, tc := range []struct {
		name   string
		fields RoleFields
		field  string
		want   string
	}{
		{"nothing given", RoleFields{}, "", ""},
		{"one wage end", RoleFields{WageMax: p(10.0)}, "", ""},
		{"blank title", RoleFields{Title: p("")}, "title", "title must not be empty"},
		{"max below min", RoleFields{WageMin: p(2.0), WageMax: p(1.0)}, "wageMax", "must not be below wageMin"},
		{"job zone 9", RoleFields{JobZone: p(9)}, "jobZone", "got 9"},
	} {
		t.Run(tc.name, func(t *testing.T) { wantValid(t, tc.fields.Validate(), tc.field, tc.want) })
	}
}

func TestSkillValidate(t *testing.T) {
	for _, tc := range []struct {
		name  string
		skill Skill
		field string
		want  string
	}{
		{"id and name only", Skill{ID: "sql", Name: "SQL"}, "", ""},
		{"every type", Skill{ID: "sql", Name: "SQL", Type: p("KNOWLEDGE"), HalfLifeYears: p(0.5)}, "", ""},
		{"bad id", Skill{ID: "", Name: "SQL"}, "id", "is not a valid id"},
		{"blank name", Skill{ID: "sql", Name: " "}, "name", "name must not be empty"},
		{"unknown type", Skill{ID: "sql", Name: "SQL", Type: p("BOGUS")}, "type", `type must be one of SPECIALIZED, COMMON, SOFTWARE, KNOWLEDGE, got "BOGUS"`},
		{"zero half-life", Skill{ID: "sql", Name: "SQL", HalfLifeYears: p(0.0)}, "halfLifeYears", "halfLifeYears must be a finite number > 0, got 0"},
		{"infinite half-life", Skill{ID: "sql", Name: "SQL", HalfLifeYears: p(math.Inf(1))}, "halfLifeYears", "got +Inf"},
	} {
		t.Run(tc.name, func(t *testing.T) { wantValid(t, tc.skill.Validate(), tc.field, tc.want) })
	}
}

func TestCredentialValidate(t *testing.T) {
	ok := Credential{ID: "ccna", Name: "CCNA", Kind: "CERTIFICATION"}
	with := func(f func(*Credential)) Credential { c := ok; f(&c); return c }
	for _, tc := range []struct {
		name  string
		cred  Credential
		field string
		want  string
	}{
		{"id, name and kind only", ok, "", ""},
		{"zero amounts", with(func(c *Credential) { c.Cost, c.CohortCost, c.Hours, c.Weeks = p(0.0), p(0.0), p(0.0), p(0.0) }), "", ""},
		{"bad id", with(func(c *Credential) { c.ID = "-x" }), "id", `id "-x" is not a valid id`},
		{"no name", with(func(c *Credential) { c.Name = "" }), "name", "name must not be empty"},
		{"no kind", with(func(c *Credential) { c.Kind = "" }), "kind", "kind must not be empty"},
		{"negative cost", with(func(c *Credential) { c.Cost = p(-1.0) }), "cost", "cost must be a finite number >= 0, got -1"},
		{"negative cohort cost", with(func(c *Credential) { c.CohortCost = p(-5.0) }), "cohortCost", "got -5"},
		{"negative hours", with(func(c *Credential) { c.Hours = p(-3.0) }), "hours", "got -3"},
		{"negative weeks", with(func(c *Credential) { c.Weeks = p(-1.0) }), "weeks", "got -1"},
	} {
		t.Run(tc.name, func(t *testing.T) { wantValid(t, tc.cred.Validate(), tc.field, tc.want) })
	}
}

func TestEducationLevelValidate(t *testing.T) {
	for _, tc := range []struct {
		name  string
		level EducationLevel
		field string
		want  string
	}{
		{"rank 0", EducationLevel{ID: "none", Name: "None", Rank: 0}, "", ""},
		{"rank 20", EducationLevel{ID: "top", Name: "Top", Rank: MaxEducationRank}, "", ""},
		{"bad id", EducationLevel{ID: "a b", Name: "X"}, "id", "is not a valid id"},
		{"no name", EducationLevel{ID: "x"}, "name", "name must not be empty"},
		{"rank -1", EducationLevel{ID: "x", Name: "X", Rank: -1}, "rank", "rank must be from 0 to 20, got -1"},
		{"rank 21", EducationLevel{ID: "x", Name: "X", Rank: 21}, "rank", "got 21"},
	} {
		t.Run(tc.name, func(t *testing.T) { wantValid(t, tc.level.Validate(), tc.field, tc.want) })
	}
}

// The edge checks: levels, importance and credits.
func TestEdgeValidators(t *testing.T) {
	for _, tc := range []struct {
		name  string
		err   error
		field string
		want  string
	}{
		{"level 1", ValidateLevel("level", 1), "", ""},
		{"level 0", ValidateLevel("level", 0), "level", "level must be a proficiency level from 1 to 5, got 0"},
		{"level 6", ValidateLevel("level", 6), "level", "got 6"},
		{"no importance", ValidateImportance("importance", nil), "", ""},
		{"importance 5", ValidateImportance("importance", p(5.0)), "", ""},
		{"importance 0.5", ValidateImportance("importance", p(0.5)), "importance", "importance must be from 1 to 5, got 0.5"},
		{"importance 6", ValidateImportance("importance", p(6.0)), "importance", "got 6"},
		{"no credit", ValidateNonNegative("creditHours", nil), "", ""},
		{"negative credit", ValidateNonNegative("creditCost", p(-5.0)), "creditCost", "creditCost must be a finite number >= 0, got -5"},
		{"empty group", ValidateText("group", p("")), "group", "group must not be empty"},
	} {
		t.Run(tc.name, func(t *testing.T) { wantValid(t, tc.err, tc.field, tc.want) })
	}
}

// Each node kind's Fields type has a field for every property but the id
// and the derived ones, which no write sets, so a property added to a node
// cannot be missed by the update's checks.
func TestFieldsMatchTheirNodes(t *testing.T) {
	for _, tc := range []struct {
		node, fields any
	}{
		{Role{}, RoleFields{}},
		{Skill{}, SkillFields{}},
		{Credential{}, CredentialFields{}},
		{EducationLevel{}, EducationFields{}},
	} {
		n, f := reflect.TypeOf(tc.node), reflect.TypeOf(tc.fields)
		t.Run(n.Name(), func(t *testing.T) {
			var want, got []string
			for i := range n.NumField() {
				if name := n.Field(i).Name; name != "ID" && name != "CommonLevel" {
					want = append(want, name)
				}
			}
			for i := range f.NumField() {
				got = append(got, f.Field(i).Name)
			}
			slices.Sort(want)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("%s has %v, want %v", f.Name(), got, want)
			}
		})
	}
}
