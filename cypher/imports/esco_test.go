package imports

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/pathway"
)

const escoFixture = "testdata/esco"

// Fixture URIs and ids.
const (
	escoDev     = "http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1"
	escoAgent   = "http://data.europa.eu/esco/occupation/aaeec9a7-dc57-4485-890c-86b3eef735f9"
	escoManager = "http://data.europa.eu/esco/occupation/1242d99a-47f1-4a62-b884-33746db8a6ca"
	escoHaskell = "http://data.europa.eu/esco/skill/000f1d3d-220f-4789-9c0a-cc742521fb02"
	escoProg    = "http://data.europa.eu/esco/skill/21d2f96d-35f7-4e3f-9745-c533d2dd6e97"
	escoThink   = "http://data.europa.eu/esco/skill/7dd94ad3-13d6-43fe-8b94-51fcbf67ced9"
	escoTicket  = "http://data.europa.eu/esco/skill/6430eb0d-c6de-46b7-a7fc-3dd2e8e62a69"
	escoEnglish = "http://data.europa.eu/esco/skill/6d3edede-8951-4621-a835-e04323300fa0"
	escoSafety  = "http://data.europa.eu/esco/skill/426ceaba-6867-481c-bb6b-aee3933da7d2"
	escoPython  = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"
	escoGone    = "http://data.europa.eu/esco/occupation/a9e54177-a185-404d-b6e6-15663d31137e"
	escoGProc   = "http://data.europa.eu/esco/skill/fff1d675-c36a-4c12-9cd4-407f21ccd06a"
	escoGData   = "http://data.europa.eu/esco/skill/6a7fc30d-af16-4cc5-a957-29d174bdb61c"
	escoG0613   = "http://data.europa.eu/esco/isced-f/0613"
)

// escoIDOf is the node id of a fixture URI.
func escoIDOf(uri string) string { return "esco:" + strings.TrimPrefix(uri, escoURIBase) }

func readFixture(t *testing.T, path string) *Import {
	t.Helper()
	imp, err := ESCO(path)
	if err != nil {
		t.Fatalf("ESCO(%s): %v", path, err)
	}
	if err := imp.Graph.Validate(); err != nil {
		t.Fatalf("ESCO(%s): the graph does not validate: %v", path, err)
	}
	return imp
}

func TestESCOFixtureRoles(t *testing.T) {
	g := readFixture(t, escoFixture).Graph
	roles := map[string]cypher.GraphRole{}
	for _, r := range g.Roles {
		roles[r.ID] = r
	}
	if len(g.Roles) != 3 {
		t.Errorf("%d roles, want 3 (the relations' fourth occupation is in no label file)", len(g.Roles))
	}
	type edge struct {
		skill      string
		level      int
		importance float64
		required   bool
	}
	essential := func(uri string) edge { return edge{escoIDOf(uri), 3, 4, true} }
	optional := func(uri string) edge { return edge{escoIDOf(uri), 2, 2, false} }
	for _, tc := range []struct {
		name, uri, title, code, description string
		skills                              []edge // in id order
	}{
		{"multi-line fields", escoDev, "software developer", "2512",
			"Software developers implement or program all kinds of software systems based on specifications and designs by using programming languages, tools, and platforms.",
			[]edge{essential(escoHaskell), essential(escoProg), optional(escoThink), optional(escoPython)}},
		{"label and description trimmed, repeated relation kept once", escoAgent, "ICT help desk agent", "3512",
			`ICT help desk agents provide technical assistance to computer users, answer questions or solve computer problems for clients via telephone or electronically. They give "first line" support.`,
			[]edge{essential(escoTicket), optional(escoEnglish), optional(escoThink)}},
		{"relation with an empty skillType", escoManager, "ICT help desk manager", "3512",
			"ICT help desk managers monitor the delivery of technical support services to clients according to the predefined deadlines.",
			[]edge{optional(escoSafety), essential(escoTicket)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, ok := roles[escoIDOf(tc.uri)]
			if !ok {
				t.Fatalf("no role %s", escoIDOf(tc.uri))
			}
			if r.Title != tc.title {
				t.Errorf("title %q, want %q", r.Title, tc.title)
			}
			if r.OccupationCode == nil || *r.OccupationCode != tc.code {
				t.Errorf("occupationCode %v, want %s", strOf(r.OccupationCode), tc.code)
			}
			if strOf(r.Description) != tc.description {
				t.Errorf("description %q, want %q", strOf(r.Description), tc.description)
			}
			if strOf(r.Source) != "esco" {
				t.Errorf("source %q, want esco", strOf(r.Source))
			}
			var got []edge
			for _, s := range r.Skills {
				if s.Importance == nil {
					t.Fatalf("skill %s has no importance", s.Skill)
				}
				got = append(got, edge{s.Skill, s.Level, *s.Importance, s.Required})
			}
			if !reflect.DeepEqual(got, tc.skills) {
				t.Errorf("skills (-want, +got):\n-%v\n+%v", tc.skills, got)
			}
		})
	}
}

func strOf(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

func TestESCOFixtureSkills(t *testing.T) {
	g := readFixture(t, escoFixture).Graph
	skills := map[string]cypher.GraphSkill{}
	for _, s := range g.Skills {
		skills[s.ID] = s
	}
	if len(g.Skills) != 21 {
		t.Errorf("%d skills, want 21 (7 skills, 12 groups of skillGroups_en.csv, 2 of skillsHierarchy_en.csv)", len(g.Skills))
	}
	const nilStr = "<nil>"
	for _, tc := range []struct {
		name, uri, label, typ, reuse, category string
	}{
		{"knowledge, category from the group of two broader concepts", escoHaskell, "Haskell", "KNOWLEDGE", "sector-specific", "software and applications development and analysis"},
		{"transversal skill/competence is COMMON", escoThink, "think critically", "COMMON", "transversal", "processing information, ideas and concepts"},
		{"transversal knowledge stays KNOWLEDGE; of two groups the smallest id", escoEnglish, "English", "KNOWLEDGE", "transversal", "languages"},
		{"reuse level URI cut to its last segment", escoTicket, "use ICT ticketing system", "SPECIALIZED", "cross-sector", "managing, gathering and storing digital data"},
		{"no skillType: no type", escoSafety, "ICT safety", nilStr, nilStr, "protecting ict devices"},
		{"category through a broader skill", escoPython, "Python (computer programming)", "KNOWLEDGE", "sector-specific", "software and applications development and analysis"},
		{"group: label trimmed, no type", escoGProc, "processing information, ideas and concepts", nilStr, nilStr, "transversal skills and competences"},
		{"ISCED-F group", escoG0613, "software and applications development and analysis", nilStr, nilStr, "information and communication technologies (icts)"},
		{"group from skillsHierarchy_en.csv", "http://data.europa.eu/esco/skill/185c56ee-098f-46a1-af87-56337085da6f", "protecting ict devices", nilStr, nilStr, "setting up and protecting computer systems"},
		{"top group: no category", "http://data.europa.eu/esco/skill/335228d2-297d-4e0e-a6ee-bc6a8dc110d9", "skills", nilStr, nilStr, nilStr},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, ok := skills[escoIDOf(tc.uri)]
			if !ok {
				t.Fatalf("no skill %s", escoIDOf(tc.uri))
			}
			for _, f := range []struct{ field, got, want string }{
				{"name", s.Name, tc.label},
				{"type", strOf(s.Type), tc.typ},
				{"reuseLevel", strOf(s.ReuseLevel), tc.reuse},
				{"category", strOf(s.Category), tc.category},
				{"sourceCode", strOf(s.SourceCode), tc.uri},
				{"source", strOf(s.Source), "esco"},
			} {
				if f.got != f.want {
					t.Errorf("%s %q, want %q", f.field, f.got, f.want)
				}
			}
		})
	}
}

func TestESCOFixtureRelations(t *testing.T) {
	imp := readFixture(t, escoFixture)
	g := imp.Graph
	checkESCOEnds(t, g)
	roles := map[string]bool{}
	for _, r := range g.Roles {
		roles[r.ID] = true
	}
	if len(g.RoleRelations) != 1 {
		t.Errorf("%d occupation hierarchy edges, want 1 (2 occupation -> occupation links, one naming an occupation no label file describes)", len(g.RoleRelations))
	}
	for _, r := range g.RoleRelations {
		if !roles[r.From] || !roles[r.To] {
			t.Errorf("occupation hierarchy edge %s -> %s names a role the import lacks", r.From, r.To)
		}
	}
	rels := map[[2]string]bool{}
	for _, r := range g.SkillRelations {
		if r.Kind != cypher.PartOf {
			t.Errorf("%s -> %s is %s, want only PART_OF", r.From, r.To, r.Kind)
		}
		rels[[2]string{r.From, r.To}] = true
	}
	if len(g.SkillRelations) != 19 {
		t.Errorf("%d skill relations, want 19 (21 rows, one repeated, one naming an unknown skill)", len(g.SkillRelations))
	}
	for _, tc := range []struct{ name, from, to string }{
		{"skill -> group", escoHaskell, escoG0613},
		{"skill -> broader skill", escoPython, escoProg},
		{"group -> group", escoGData, "http://data.europa.eu/esco/skill/243eb885-07c7-4b77-ab9c-827551d83dc4"},
		{"group from the hierarchy file -> group", "http://data.europa.eu/esco/skill/185c56ee-098f-46a1-af87-56337085da6f", "http://data.europa.eu/esco/skill/75c1ab73-5b00-48a0-818e-93487ebdd7e1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !rels[[2]string{escoIDOf(tc.from), escoIDOf(tc.to)}] {
				t.Errorf("no PART_OF %s -> %s", escoIDOf(tc.from), escoIDOf(tc.to))
			}
		})
	}
	for i := 1; i < len(g.SkillRelations); i++ {
		a, b := g.SkillRelations[i-1], g.SkillRelations[i]
		if a.From > b.From || (a.From == b.From && a.To >= b.To) {
			t.Errorf("skill relations out of order at %d: %v, %v", i, a, b)
		}
	}
	notes := strings.Join(imp.Notes, "\n")
	for _, want := range []string{
		"occupationSkillRelations.csv: 1 occupation-skill relation left out, naming 1 concept that the release's label files do not describe (" + escoGone + "; the first at occupationSkillRelations.csv:12: occupationUri)",
		"occupationSkillRelations.csv: 1 row repeated an earlier row word for word; kept once",
		"broaderRelationsSkillPillar.csv: 1 broader link left out, naming 1 concept",
		"broaderRelationsSkillPillar.csv: 1 row repeated an earlier row",
		"broaderRelationsOccPillar.csv: 10 hierarchy links: 2 occupation -> broader occupation stored as role PART_OF edges; 2 occupation -> ISCO group and 6 ISCO group -> ISCO group not stored, since each role keeps its ISCO group as occupationCode and ISCO codes nest by their digits",
		"broaderRelationsOccPillar.csv: 1 row among them naming 1 concept",
		"skillSkillRelations.csv: 4 relations not stored (1 essential, 3 optional)",
		"skills_en.csv: 1 skill without a skillType",
		"skillsHierarchy_en.csv: 2 skill groups missing from skillGroups_en.csv taken from it",
		"2 labels had white space",
	} {
		if !strings.Contains(notes, want) {
			t.Errorf("no note %q in:\n%s", want, notes)
		}
	}
}

// checkESCOEnds fails when an edge names a node the graph lacks.
func checkESCOEnds(t *testing.T, g *cypher.Graph) {
	t.Helper()
	skills := map[string]bool{}
	for _, s := range g.Skills {
		skills[s.ID] = true
	}
	for _, r := range g.Roles {
		for _, s := range r.Skills {
			if !skills[s.Skill] {
				t.Fatalf("role %s requires %s, which is not in the graph", r.ID, s.Skill)
			}
		}
	}
	for _, r := range g.SkillRelations {
		if !skills[r.From] || !skills[r.To] {
			t.Fatalf("relation %s -> %s names a skill not in the graph", r.From, r.To)
		}
	}
}

// zipFiles writes a zip holding the fixture's files, named by rename
// (which returns "" to leave a file out).
func zipFiles(t *testing.T, zipPath string, rename func(name string) string) {
	t.Helper()
	entries, err := os.ReadDir(escoFixture)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(zipPath)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for _, e := range entries {
		name := rename(e.Name())
		if name == "" {
			continue
		}
		b, err := os.ReadFile(filepath.Join(escoFixture, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(b); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// The portal's two zips: the English one lacks the relation files.
const (
	escoEnZip      = "ESCO dataset - v1.1.1 - classification - en - csv.zip"
	escoNeutralZip = "ESCO dataset - v1.1.1 - classification -  - csv.zip"
)

func isEnglishFile(name string) bool { return strings.HasSuffix(name, "_en.csv") }

func TestESCOZipped(t *testing.T) {
	want := readFixture(t, escoFixture)
	for _, tc := range []struct {
		name  string
		build func(dir string) string // returns the path to read
		note  string                  // a note the import must have
	}{
		{"one zip", func(dir string) string {
			p := filepath.Join(dir, "esco.zip")
			zipFiles(t, p, func(n string) string { return n })
			return p
		}, ""},
		{"one zip with a folder inside", func(dir string) string {
			p := filepath.Join(dir, "esco.zip")
			zipFiles(t, p, func(n string) string { return "ESCO v1.1.1/" + n })
			return p
		}, ""},
		{"folder of the portal's English and language-neutral zips", func(dir string) string {
			zipFiles(t, filepath.Join(dir, escoEnZip), func(n string) string {
				if isEnglishFile(n) {
					return n
				}
				return ""
			})
			zipFiles(t, filepath.Join(dir, escoNeutralZip), func(n string) string {
				if isEnglishFile(n) {
					return ""
				}
				return n
			})
			return dir
		}, "read ISCOGroups_en.csv, occupations_en.csv, skills_en.csv, skillGroups_en.csv, skillsHierarchy_en.csv from " + escoEnZip +
			"; occupationSkillRelations.csv, broaderRelationsSkillPillar.csv, broaderRelationsOccPillar.csv, skillSkillRelations.csv from " + escoNeutralZip},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := readFixture(t, tc.build(t.TempDir()))
			if diff := cmp.Diff(want.Graph, got.Graph); diff != "" {
				t.Errorf("the graph differs from the folder's (-folder +this form):\n%s", diff)
			}
			if tc.note != "" && !strings.Contains(strings.Join(got.Notes, "\n"), tc.note) {
				t.Errorf("no note %q in:\n%s", tc.note, strings.Join(got.Notes, "\n"))
			}
		})
	}
}

// copyFixture copies the fixture folder to a temporary one, changing one
// file: the first old becomes new in it (or the file goes when new is "-").
func copyFixture(t *testing.T, file, old, new string) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir(escoFixture)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(escoFixture, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if e.Name() == file {
			found = true
			if new == "-" {
				continue
			}
			s := string(b)
			if !strings.Contains(s, old) {
				t.Fatalf("%s has no %q", file, old)
			}
			b = []byte(strings.Replace(s, old, new, 1))
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if !found {
		t.Fatalf("the fixture has no %s", file)
	}
	return dir
}

func TestESCOErrors(t *testing.T) {
	for _, tc := range []struct {
		name, file, old, new string
		line                 int
		field                string
	}{
		{"skill URI where an occupation is due", escoOccupations, "Occupation," + escoDev, "Occupation," + escoHaskell, 2, "conceptUri"},
		{"occupation listed twice (after a multi-line record)", escoOccupations, escoManager, escoAgent, 11, "conceptUri"},
		{"iscoGroup not a code", escoOccupations, ",3512,ICT help desk agent", ",35x2,ICT help desk agent", 7, "iscoGroup"},
		{"iscoGroup not in ISCOGroups_en.csv", escoOccupations, ",2512,software developer", ",2511,software developer", 2, "iscoGroup"},
		{"empty label", escoOccupations, ",3512,ICT help desk manager,", ",3512,  ,", 11, "preferredLabel"},
		{"wrong conceptType", escoOccupations, "Occupation," + escoAgent, "ISCOGroup," + escoAgent, 7, "conceptType"},
		{"missing column", escoOccupations, "iscoGroup,preferredLabel", "iscoGroup,label", 1, "preferredLabel"},
		{"column named twice", escoSkills, "altLabels,hiddenLabels", "altLabels,altLabels", 1, "altLabels"},
		{"unknown skillType (after a multi-line record)", escoSkills, ",skill/competence,transversal,", ",competence,transversal,", 6, "skillType"},
		{"unknown reuseLevel", escoSkills, ",knowledge,sector-specific,Haskell", ",knowledge,global,Haskell", 2, "reuseLevel"},
		{"group that is a skill already", escoSkillGroups, "SkillGroup,http://data.europa.eu/esco/isced-f/06,", "SkillGroup," + escoHaskell + ",", 2, "conceptUri"},
		{"URI outside ESCO", escoSkillGroups, "http://data.europa.eu/esco/isced-f/061,", "https://example.com/esco/isced-f/061,", 3, "conceptUri"},
		{"unknown relationType", escoOccSkills, escoDev + ",essential", escoDev + ",required", 2, "relationType"},
		{"occupation where a skill is due", escoOccSkills, "knowledge," + escoHaskell, "knowledge," + escoDev, 2, "skillUri"},
		{"relation naming a skill group", escoOccSkills, "knowledge," + escoHaskell, "knowledge," + escoGProc, 2, "skillUri"},
		{"skillType contradicting skills_en.csv", escoOccSkills, "essential,skill/competence," + escoTicket, "essential,knowledge," + escoTicket, 6, "skillType"},
		{"pair both essential and optional", escoOccSkills, escoAgent + ",essential,skill/competence," + escoTicket + "\r\n" + escoManager,
			escoAgent + ",optional,skill/competence," + escoTicket + "\r\n" + escoManager, 9, "relationType"},
		{"row ends early", escoOccSkills, escoDev + ",essential,knowledge," + escoHaskell, escoDev + ",essential", 2, "skillType"},
		{"row too long", escoOccSkills, "knowledge," + escoHaskell, "knowledge," + escoHaskell + ",x", 2, "skillUri"},
		{"not UTF-8", escoSkills, "Haskell,Haskell", "Haskell,Has\xffkell", 2, "altLabels"},
		{"bare quote", escoOccSkills, escoDev + ",essential", escoDev + ",ess\"ential", 2, ""},
		{"broader than itself", escoSkillBroader, escoG0613 + ",SkillGroup,http://data.europa.eu/esco/isced-f/061", escoG0613 + ",SkillGroup," + escoG0613, 4, "broaderUri"},
		{"unknown conceptType", escoSkillBroader, "SkillGroup,http://data.europa.eu/esco/isced-f/06,", "Group,http://data.europa.eu/esco/isced-f/06,", 2, "conceptType"},
		{"broaderType contradicting the files", escoSkillBroader, "KnowledgeSkillCompetence," + escoPython + ",KnowledgeSkillCompetence", "KnowledgeSkillCompetence," + escoPython + ",SkillGroup", 15, "broaderType"},
		{"occupation hierarchy: unknown type", escoOccBroader, "Occupation," + escoDev + ",ISCOGroup", "Occupation," + escoDev + ",Group", 8, "broaderType"},
		{"skill-skill: unknown relationType", escoSkillSkill, "knowledge,optional,knowledge", "knowledge,related,knowledge", 2, "relationType"},
		{"hierarchy: empty term", escoHierarchy, "protecting ict devices", "", 4, "Level 3 preferred term"},
		{"required file missing", escoOccSkills, "", "-", 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ESCO(copyFixture(t, tc.file, tc.old, tc.new))
			checkESCOError(t, err, tc.file, tc.line, tc.field)
		})
	}
}

func checkESCOError(t *testing.T, err error, file string, line int, field string) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v, want an *Error", err)
	}
	if !errors.Is(err, pathway.ErrInvalid) {
		t.Errorf("error %v is not ErrInvalid", err)
	}
	if e.File != file || e.Line != line || e.Field != field {
		t.Errorf("error at %q:%d:%q, want %q:%d:%q (%v)", e.File, e.Line, e.Field, file, line, field, err)
	}
}

func TestESCOErrorInZip(t *testing.T) {
	dir := t.TempDir()
	src := copyFixture(t, escoOccSkills, escoDev+",essential", escoDev+",required")
	zipPath := filepath.Join(dir, escoNeutralZip)
	zipFilesFrom(t, src, zipPath, func(n string) bool { return !isEnglishFile(n) })
	zipFilesFrom(t, src, filepath.Join(dir, escoEnZip), isEnglishFile)
	_, err := ESCO(dir)
	checkESCOError(t, err, escoNeutralZip+"!"+escoOccSkills, 2, "relationType")
}

// zipFilesFrom zips the files of dir that keep selects.
func zipFilesFrom(t *testing.T, dir, zipPath string, keep func(string) bool) {
	t.Helper()
	f, err := os.Create(zipPath)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !keep(e.Name()) {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.Create(e.Name())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(b); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestESCONotARelease(t *testing.T) {
	for _, tc := range []struct {
		name  string
		build func(dir string) string
		file  string
		msg   string
	}{
		{"no such path", func(dir string) string { return filepath.Join(dir, "nothing") }, "", "cannot read the ESCO release"},
		{"a file that is not a zip", func(dir string) string {
			p := filepath.Join(dir, "occupations_en.csv")
			os.WriteFile(p, []byte("conceptType,conceptUri\n"), 0o644)
			return p
		}, "occupations_en.csv", "not a zip"},
		{"the English zip alone", func(dir string) string {
			p := filepath.Join(dir, escoEnZip)
			zipFiles(t, p, func(n string) string {
				if isEnglishFile(n) {
					return n
				}
				return ""
			})
			return p
		}, escoOccSkills, "language-neutral zip"},
		{"another language only", func(dir string) string {
			p := filepath.Join(dir, "fr.zip")
			zipFiles(t, p, func(n string) string { return strings.Replace(n, "_en.csv", "_fr.csv", 1) })
			return p
		}, escoOccupations, "only occupations_fr.csv: the importer reads the English release"},
		{"a release twice", func(dir string) string {
			src := copyFixture(t, escoSkills, "Haskell", "Haskell")
			zipFilesFrom(t, src, filepath.Join(src, "copy.zip"), func(n string) bool { return strings.HasSuffix(n, ".csv") })
			return src
		}, escoISCOGroups, "found 2 times"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ESCO(tc.build(t.TempDir()))
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v, want an *Error", err)
			}
			if tc.file != "" && e.File != tc.file {
				t.Errorf("error names %q, want %q (%v)", e.File, tc.file, err)
			}
			if !strings.Contains(e.Msg, tc.msg) {
				t.Errorf("error %q, want one saying %q", err, tc.msg)
			}
		})
	}
}

type escoTally struct {
	roles, skills, required, preferred, partOf int
	types                                      map[string]int
}

func tallyESCO(g *cypher.Graph) escoTally {
	n := escoTally{roles: len(g.Roles), skills: len(g.Skills), types: map[string]int{}}
	for _, r := range g.Roles {
		for _, s := range r.Skills {
			if s.Required {
				n.required++
			} else {
				n.preferred++
			}
		}
	}
	for _, s := range g.Skills {
		n.types[strOf(s.Type)]++
	}
	for _, r := range g.SkillRelations {
		if r.Kind == cypher.PartOf {
			n.partOf++
		}
	}
	return n
}

func TestESCOFullRelease(t *testing.T) {
	path := sharedData(t, filepath.Join("esco", "full"))
	start := time.Now()
	imp, counts, err := readESCO(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("parsed the full release in %v", time.Since(start))
	g := imp.Graph
	if err := g.Validate(); err != nil {
		t.Fatal(err)
	}
	checkESCOEnds(t, g)
	n := tallyESCO(g)
	const gone = 67 // relations of the one occupation that no label file describes
	for _, c := range []struct {
		what      string
		got, want int
	}{
		{"occupations read", counts.occupations, 3007},
		{"skills read", counts.skills, 13896},
		{"occupation-skill relations read", counts.relations, 123855},
		{"roles", n.roles, 3007},
		{"skill nodes (skills and skill groups)", n.skills, counts.skills + counts.groups},
		{"skill groups (640 + 7 from the hierarchy file)", counts.groups, 647},
		{"REQUIRES edges stored", n.required + n.preferred, 123855 - gone},
		{"required edges (55 of the 67 were essential)", n.required, 64946 - 55},
		{"preferred edges", n.preferred, 58909 - 12},
		{"PART_OF edges", n.partOf, 20656},
		{"KNOWLEDGE skills", n.types["KNOWLEDGE"], 3059},
		{"COMMON skills", n.types["COMMON"], 374},
		{"SPECIALIZED skills", n.types["SPECIALIZED"], 10831 - 374},
		{"untyped nodes (6 skills, 647 groups)", n.types["<nil>"], 6 + 647},
	} {
		if c.got != c.want {
			t.Errorf("%s: %d, want %d", c.what, c.got, c.want)
		}
	}
	t.Logf("roles %d, skill nodes %d (%v), required %d, preferred %d, PART_OF %d", n.roles, n.skills, n.types, n.required, n.preferred, n.partOf)
	for _, note := range imp.Notes {
		t.Log("note: ", note)
	}
}

func TestESCOSubsetICT(t *testing.T) {
	path := sharedData(t, filepath.Join("esco", "subset_ict"))
	imp, counts, err := readESCO(path)
	if err != nil {
		t.Fatal(err)
	}
	g := imp.Graph
	if err := g.Validate(); err != nil {
		t.Fatal(err)
	}
	checkESCOEnds(t, g)
	n := tallyESCO(g)
	for _, c := range []struct {
		what      string
		got, want int
	}{
		{"roles", n.roles, 103},
		{"skills read", counts.skills, 1072},
		{"skill nodes", n.skills, 1072 + 296},
		{"REQUIRES edges", n.required + n.preferred, 6057},
	} {
		if c.got != c.want {
			t.Errorf("%s: %d, want %d", c.what, c.got, c.want)
		}
	}
}

// FuzzESCO feeds arbitrary occupation-skill relations to the importer with
// the fixture's other files, in memory: it must return a graph that
// validates or an *Error, never panic.
func FuzzESCO(f *testing.F) {
	entries, err := os.ReadDir(escoFixture)
	if err != nil {
		f.Fatal(err)
	}
	files := map[string][]byte{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(escoFixture, e.Name()))
		if err != nil {
			f.Fatal(err)
		}
		files[e.Name()] = b
	}
	f.Add(string(files[escoOccSkills]))
	f.Add("occupationUri,relationType,skillUri\n" + escoDev + ",essential," + escoHaskell + "\n")
	f.Add("occupationUri,relationType,skillUri\n\"" + escoDev + "\n")
	f.Add("")
	f.Fuzz(func(t *testing.T, rels string) {
		rel := &escoRelease{path: "fuzz", files: map[string][]escoFile{}}
		for name, b := range files {
			if name == escoOccSkills {
				b = []byte(rels)
			}
			rel.add(name, escoFile{name: name, container: "fuzz", open: func() (io.ReadCloser, error) {
				return io.NopCloser(bytes.NewReader(b)), nil
			}})
		}
		imp, _, err := rel.read()
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v is not an *Error", err)
			}
			return
		}
		if err := imp.Graph.Validate(); err != nil {
			t.Fatalf("the graph does not validate: %v", err)
		}
	})
}
