package imports

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/pathway"
)

// wantError checks that err is an *Error naming file, line and field, whose
// message has msg in it, and that it is a pathway.ErrInvalid.
func wantError(t *testing.T, err error, file string, line int, field, msg string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error; want %s:%d: %s: ...%s...", file, line, field, msg)
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T) is not an *Error", err, err)
	}
	if !errors.Is(err, pathway.ErrInvalid) {
		t.Errorf("error %v is not pathway.ErrInvalid", err)
	}
	if filepath.Base(e.File) != file || e.Line != line || e.Field != field {
		t.Errorf("error at %s:%d field %q, want %s:%d field %q (%v)", filepath.Base(e.File), e.Line, e.Field, file, line, field, err)
	}
	if !strings.Contains(e.Msg, msg) {
		t.Errorf("error message %q does not say %q", e.Msg, msg)
	}
}

// validGraph checks that an import's graph passes Validate.
func validGraph(t *testing.T, imp *Import) {
	t.Helper()
	if imp == nil || imp.Graph == nil {
		t.Fatal("no graph")
	}
	if err := imp.Graph.Validate(); err != nil {
		t.Fatalf("the graph does not validate: %v", err)
	}
}

func rolesByID(g *cypher.Graph) map[string]cypher.GraphRole {
	m := map[string]cypher.GraphRole{}
	for _, r := range g.Roles {
		m[r.ID] = r
	}
	return m
}

func deref[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}

// TestRolesWorkshopTables reads the workshop's two tables and checks every
// value against the sample graph, which holds the same roles.
func TestRolesWorkshopTables(t *testing.T) {
	sample, err := cypher.Sample()
	if err != nil {
		t.Fatal(err)
	}
	want := rolesByID(sample)
	for _, tc := range []struct {
		name, file string
		ids        []string
		education  bool // education must match the sample too
	}{
		{"payroll mock table", "payroll.csv", []string{
			"chief-payroll-officer", "payroll-administrator", "payroll-analyst", "payroll-clerk",
			"payroll-coordinator", "payroll-director", "payroll-manager", "payroll-specialist",
		}, true},
		{"open roles pasted tab-separated", "open_roles.tsv", []string{
			"cloud-architect", "cto", "cybersecurity-analyst", "data-scientist", "database-analyst",
			"help-desk-technician", "it-project-coordinator", "it-project-manager", "junior-web-developer",
			"network-administrator", "quality-assurance-analyst", "security-specialist", "senior-software-engineer",
		}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			imp, err := Roles(filepath.Join("testdata", "roles", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			validGraph(t, imp)
			if imp.Format != "roles" || len(imp.Notes) != 0 {
				t.Errorf("format %q notes %q", imp.Format, imp.Notes)
			}
			var ids []string
			for _, r := range imp.Graph.Roles {
				ids = append(ids, r.ID)
			}
			if strings.Join(ids, " ") != strings.Join(tc.ids, " ") {
				t.Fatalf("ids (sorted) %v, want %v", ids, tc.ids)
			}
			if len(imp.Graph.EducationLevels) != 7 {
				t.Errorf("%d education levels, want the 7 standard ones", len(imp.Graph.EducationLevels))
			}
			for _, got := range imp.Graph.Roles {
				w := want[got.ID]
				for _, f := range []struct {
					name      string
					got, want any
				}{
					{"title", got.Title, w.Title},
					{"level", deref(got.Level), deref(w.Level)},
					{"vacancies", deref(got.Vacancies), deref(w.Vacancies)},
					{"turnover", deref(got.TurnoverRate), deref(w.TurnoverRate)},
					{"advancement", deref(got.AdvancementPotential), deref(w.AdvancementPotential)},
				} {
					if f.got != f.want {
						t.Errorf("%s %s = %v, the sample has %v", got.ID, f.name, f.got, f.want)
					}
				}
				if tc.education && got.Education != w.Education {
					t.Errorf("%s education = %q, the sample has %q", got.ID, got.Education, w.Education)
				}
			}
			// The one role posted without a degree has no education requirement.
			if r, ok := rolesByID(imp.Graph)["help-desk-technician"]; ok && r.Education != "" {
				t.Errorf("help-desk-technician education %q, want none", r.Education)
			}
		})
	}
}

func TestRolesOptionalColumns(t *testing.T) {
	imp, err := Roles(filepath.Join("testdata", "roles", "optional_columns.csv"))
	if err != nil {
		t.Fatal(err)
	}
	validGraph(t, imp)
	got := rolesByID(imp.Graph)
	for _, tc := range []struct {
		id, title, level, industry, education string
		min, max, median                      any
		vacancies, turnover, advancement      any
	}{
		{"network-administrator", "Network Administrator", "MIDDLE_SKILL", "Information Technology", "associate", 56000.0, 78000.0, nil, 50, 10.0, true},
		{"nurse-rn", "Registered Nurse (RN) ASN", "MIDDLE_SKILL", "Health Care", "associate", 45000.0, 70000.0, 57500.0, nil, nil, nil},
		{"intern", "Intern", "", "", "", nil, nil, nil, nil, nil, nil},
		{"head-of-research", "Head of Research", "", "", "", nil, nil, nil, nil, nil, nil},
		{"chief-of-staff", "Chief of Staff", "EXECUTIVE", "", "", nil, nil, nil, nil, nil, false},
	} {
		t.Run(tc.id, func(t *testing.T) {
			r, ok := got[tc.id]
			if !ok {
				t.Fatalf("no role %s in %v", tc.id, imp.Graph.Roles)
			}
			var level string
			if r.Level != nil {
				level = string(*r.Level)
			}
			industry, _ := deref(r.Industry).(string)
			if r.Title != tc.title || level != tc.level || industry != tc.industry || r.Education != tc.education {
				t.Errorf("got %q %q %q %q, want %q %q %q %q", r.Title, level, industry, r.Education, tc.title, tc.level, tc.industry, tc.education)
			}
			for _, f := range []struct {
				name      string
				got, want any
			}{
				{"wageMin", deref(r.WageMin), tc.min}, {"wageMax", deref(r.WageMax), tc.max},
				{"wageMedian", deref(r.WageMedian), tc.median}, {"vacancies", deref(r.Vacancies), tc.vacancies},
				{"turnover", deref(r.TurnoverRate), tc.turnover}, {"advancement", deref(r.AdvancementPotential), tc.advancement},
			} {
				if f.got != f.want {
					t.Errorf("%s = %v, want %v", f.name, f.got, f.want)
				}
			}
		})
	}
	if len(imp.Notes) != 1 || !strings.Contains(imp.Notes[0], `column "Notes" is not a role column`) {
		t.Errorf("notes %q, want one about the Notes column", imp.Notes)
	}
	if len(imp.Graph.EducationLevels) != 7 {
		t.Errorf("education levels %v, want the standard ones (a role requires a degree)", imp.Graph.EducationLevels)
	}
}

func TestRolesNoEducationLevelsWithoutDegrees(t *testing.T) {
	path := filepath.Join(t.TempDir(), "roles.csv")
	if err := os.WriteFile(path, []byte("Role,Level,Degree Required\nBaker,Entry,no\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	imp, err := Roles(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(imp.Graph.EducationLevels) != 0 || imp.Graph.Roles[0].Education != "" {
		t.Errorf("education %q, levels %v: want none", imp.Graph.Roles[0].Education, imp.Graph.EducationLevels)
	}
}

func TestRolesErrors(t *testing.T) {
	for _, tc := range []struct {
		file  string
		line  int
		field string
		msg   string
	}{
		{"level.csv", 3, "Level", `level "Senior" is not Entry`},
		{"turnover.csv", 3, "Turnover Rate (%)", "not a percent from 0 to 100"},
		{"vacancies.csv", 2, "Vacancies", "not a whole number"},
		{"duplicate.csv", 3, "Role", `role id "payroll-clerk" is already on line 2`},
		{"no_title.csv", 1, "", "no title column"},
		{"wages.csv", 2, "Wage Max", "wageMax (40000) must not be below wageMin (50000)"},
		{"median.csv", 3, "Wage Median", "wageMedian (90000) must not be above wageMax (80000)"},
		{"quote.csv", 2, "", "quote"},
		{"id.csv", 2, "ID", "not a valid id"},
		{"advancement.csv", 2, "Advancement Potential", `"maybe" is not yes, no or No/Limited`},
		{"twice.csv", 1, "Level", "names the level column again"},
		{"empty_title.csv", 2, "Role", "needs a title"},
		{"slug.csv", 2, "Role", "no letters or digits"},
		{"long_row.csv", 2, "", "the row has 3 cells, the header 2 columns"},
		{"empty.csv", 0, "", "the file is empty"},
	} {
		t.Run(strings.TrimSuffix(tc.file, ".csv"), func(t *testing.T) {
			imp, err := Roles(filepath.Join("testdata", "roles", "bad", tc.file))
			if imp != nil {
				t.Errorf("an import came back with the error")
			}
			wantError(t, err, tc.file, tc.line, tc.field, tc.msg)
		})
	}
	t.Run("missing file", func(t *testing.T) {
		if _, err := Roles(filepath.Join("testdata", "roles", "nope.csv")); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("err %v, want not exist", err)
		}
	})
}

func TestRolesSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Web Designer/Programmer":   "web-designer-programmer",
		"CTO":                       "cto",
		"  IT Project Coordinator ": "it-project-coordinator",
		"Registered nurse (RN) BSN": "registered-nurse-rn-bsn",
		"Técnico":                   "t-cnico",
		"--":                        "",
	} {
		if got := kebabSlug(in); got != want {
			t.Errorf("kebabSlug(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzRoles(f *testing.F) {
	for _, name := range []string{"payroll.csv", "open_roles.tsv", "optional_columns.csv"} {
		data, err := os.ReadFile(filepath.Join("testdata", "roles", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("Role,Level\n\"a\"\"b\",Entry\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "roles.csv")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		imp, err := Roles(path)
		if err != nil {
			if !errors.Is(err, pathway.ErrInvalid) {
				t.Fatalf("error %v is not ErrInvalid", err)
			}
			return
		}
		validGraph(t, imp)
	})
}
