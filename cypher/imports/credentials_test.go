package imports

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/pathway"
)

func TestCredentialsCatalog(t *testing.T) {
	cost := func(v float64) *float64 { return &v }
	yes, no := true, false
	strp := func(s string) *string { return &s }
	want := []cypher.GraphCredential{
		{
			ID: "comptia-network-plus", Name: "CompTIA Network+", Kind: "CERTIFICATION", Issuer: strp("CompTIA"),
			Cost: cost(358), Hours: cost(80), Weeks: cost(8), IndustryRecognized: &yes,
			Certifies:  []cypher.GraphSkillLevel{{Skill: "cabling", Level: 2}, {Skill: "networking", Level: 3}},
			StacksInto: []cypher.GraphStack{{Credential: "comptia-security-plus", CreditHours: 20}},
		},
		{
			ID: "comptia-security-plus", Name: "CompTIA Security+", Kind: "CERTIFICATION", Issuer: strp("CompTIA"),
			Cost: cost(392), CohortCost: cost(4500), Hours: cost(90), Weeks: cost(10), IndustryRecognized: &yes,
			CTID:          strp("ce-00000000-0000-4000-8000-000000000001"),
			Certifies:     []cypher.GraphSkillLevel{{Skill: "security", Level: 3}},
			Prerequisites: [][]string{{"ccna", "comptia-network-plus"}, {"high-school"}},
		},
		{
			ID: "network-tech-aas", Name: "AAS in Network Technology", Kind: "ASSOCIATE_DEGREE", Issuer: strp("Community college"),
			Cost: cost(9000), Hours: cost(1800), Weeks: cost(64), IndustryRecognized: &no,
			Description: strp("A two-year degree; it confers the associate level."),
			Certifies:   []cypher.GraphSkillLevel{{Skill: "networking", Level: 4}},
			Confers:     "associate",
		},
	}
	for _, tc := range []struct {
		name, file string
		skills     []string
		notes      []string
	}{
		{"json", "catalog.json", []string{"networking", "security"}, []string{
			"skill cabling (certified by comptia-network-plus) is not in the file",
			"credential ccna (a prerequisite of comptia-security-plus) is not in the file",
		}},
		{"csv", "catalog.csv", nil, []string{
			"skill security (certified by comptia-security-plus) is not in the file",
			"credential ccna (a prerequisite of comptia-security-plus) is not in the file",
			"skill networking (certified by network-tech-aas) is not in the file",
			"skill cabling (certified by comptia-network-plus) is not in the file",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			imp, err := Credentials(filepath.Join("testdata", "credentials", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			validGraph(t, imp)
			if imp.Format != "credentials" {
				t.Errorf("format %q", imp.Format)
			}
			if !reflect.DeepEqual(imp.Graph.Credentials, want) {
				got, _ := json.MarshalIndent(imp.Graph.Credentials, "", "  ")
				t.Errorf("credentials:\n%s", got)
			}
			var skills []string
			for _, s := range imp.Graph.Skills {
				skills = append(skills, s.ID)
			}
			if !reflect.DeepEqual(skills, tc.skills) {
				t.Errorf("skills %v, want %v", skills, tc.skills)
			}
			if len(imp.Graph.EducationLevels) != 7 {
				t.Errorf("%d education levels, want the standard 7 (a degree confers one)", len(imp.Graph.EducationLevels))
			}
			if len(imp.Notes) != len(tc.notes) {
				t.Fatalf("notes %q, want %d", imp.Notes, len(tc.notes))
			}
			for i, n := range tc.notes {
				if !strings.HasPrefix(imp.Notes[i], n) {
					t.Errorf("note %d %q, want %q...", i, imp.Notes[i], n)
				}
			}
		})
	}
}

func TestCredentialsIDsWithColons(t *testing.T) {
	imp, err := Credentials(filepath.Join("testdata", "credentials", "ids_with_colons.csv"))
	if err != nil {
		t.Fatal(err)
	}
	validGraph(t, imp)
	c := imp.Graph.Credentials[0]
	if c.ID != "ctdl:ce-00000000-0000-4000-8000-000000000002" ||
		!reflect.DeepEqual(c.Certifies, []cypher.GraphSkillLevel{{Skill: "case:0000-1", Level: 2}, {Skill: "onet:2.A.1.a", Level: 3}}) ||
		!reflect.DeepEqual(c.StacksInto, []cypher.GraphStack{{Credential: "ctdl:ce-00000000-0000-4000-8000-000000000003", CreditHours: 40, CreditCost: 500}}) ||
		!reflect.DeepEqual(c.Prerequisites, [][]string{{"bachelor", "onet:tech:excel"}}) {
		got, _ := json.Marshal(c)
		t.Errorf("got %s", got)
	}
	if len(imp.Graph.EducationLevels) != 7 {
		t.Errorf("a prerequisite names bachelor: want the standard levels, got %d", len(imp.Graph.EducationLevels))
	}
}

// TestCredentialsPrograms: a row without an id that names a CIP field and a
// level is that program's credential, with stated (not estimated) figures.
func TestCredentialsPrograms(t *testing.T) {
	imp, err := Credentials(filepath.Join("testdata", "credentials", "programs.csv"))
	if err != nil {
		t.Fatal(err)
	}
	validGraph(t, imp)
	c := imp.Graph.Credentials[0]
	if c.ID != "cip:51.3801:associate" || c.Estimated == nil || *c.Estimated || *c.Cost != 4800 || *c.Field != "51.3801" {
		got, _ := json.Marshal(c)
		t.Errorf("got %s, want cip:51.3801:associate, not estimated", got)
	}
	// A row with its own id is a credential of its own, whatever its field.
	if c := imp.Graph.Credentials[1]; c.ID != "lakeside-bsn" || c.Estimated != nil {
		t.Errorf("got %s (estimated %v)", c.ID, c.Estimated)
	}
}

func TestCredentialsErrors(t *testing.T) {
	for _, tc := range []struct {
		file  string
		line  int
		field string
		msg   string
	}{
		{"unknown_field.json", 7, "price", "unknown field"},
		{"level.json", 10, "credentials[0].certifies[1].level", "level 6 of security is not on the proficiency scale"},
		{"negative.json", 4, "credentials[1].hours", "must be a number >= 0, got -4"},
		{"cost_type.json", 3, "credentials.cost", "a JSON string cannot be a float64"},
		{"syntax.json", 3, "", "not valid JSON"},
		{"confers.json", 2, "credentials[0].confers", `"phd" is not an education level`},
		{"kind.json", 2, "credentials[0].kind", "is not SCREAMING_SNAKE_CASE"},
		{"id.json", 3, "credentials[0].stacksInto[0].credential", `"b c" is not a valid id`},
		{"empty_group.json", 2, "credentials[0].prerequisites[1]", "prerequisite group 2 of \"a\" is empty"},
		{"self.json", 2, "credentials[0].prerequisites[0][1]", `"a" cannot require itself`},
		{"duplicate.json", 3, "credentials[1].id", `credential "a" appears twice`},
		{"not_catalog.json", 1, "credentials", "not a credential catalog"},
		{"level_word.csv", 3, "certifies", `the level in "security:nine" is not a whole number`},
		{"level.csv", 2, "certifies", "level 0 of networking is not on the proficiency scale"},
		{"negative.csv", 2, "cost", "must be a number >= 0, got -5"},
		{"stacks.csv", 2, "stacks_into", `"b:10" is not credential-id:creditHours:creditCost`},
		{"unknown_column.csv", 1, "price", "not a catalog column"},
		{"no_kind.csv", 1, "kind", "missing column"},
		{"recognized.csv", 2, "industry_recognized", `"sometimes" is not yes or no`},
		{"cost.csv", 2, "cost", `"cheap" is not a number`},
		{"no_name.csv", 3, "name", `credential "b" has no name`},
		{"program_field.csv", 2, "field", `"51.38" is not a six-digit CIP code`},
		{"program_level.csv", 2, "confers", `no program award confers "high-school"`},
	} {
		t.Run(tc.file, func(t *testing.T) {
			imp, err := Credentials(filepath.Join("testdata", "credentials", "bad", tc.file))
			if imp != nil {
				t.Errorf("an import came back with the error")
			}
			wantError(t, err, tc.file, tc.line, tc.field, tc.msg)
		})
	}
}

func TestCredentialsJSONLine(t *testing.T) {
	data := []byte("{\n \"a\": [\n  1,\n  {\"b\":\n    \"x\"}\n ],\n \"c\": 2\n}")
	for _, tc := range []struct {
		path jsonPath
		line int
	}{
		{nil, 1}, {jsonPath{"a"}, 2}, {jsonPath{"a", 0}, 3}, {jsonPath{"a", 1}, 4},
		{jsonPath{"a", 1, "b"}, 5}, {jsonPath{"c"}, 7}, {jsonPath{"a", 7}, 2}, {jsonPath{"nope", 1}, 1},
	} {
		if got := jsonLine(data, tc.path); got != tc.line {
			t.Errorf("jsonLine(%s) = %d, want %d", tc.path, got, tc.line)
		}
	}
}

func FuzzCredentialsJSON(f *testing.F) {
	for _, name := range []string{"catalog.json", "bad/level.json", "bad/self.json"} {
		data, err := os.ReadFile(filepath.Join("testdata", "credentials", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "catalog.json")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		imp, err := Credentials(path)
		if err != nil {
			if !errors.Is(err, pathway.ErrInvalid) {
				t.Fatalf("error %v is not ErrInvalid", err)
			}
			return
		}
		validGraph(t, imp)
	})
}
