package imports

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/pathway"
)

func TestCASEFramework(t *testing.T) {
	imp, err := CASE(filepath.Join("testdata", "case", "framework.json"))
	if err != nil {
		t.Fatal(err)
	}
	validGraph(t, imp)
	if imp.Format != "case" {
		t.Errorf("format %q", imp.Format)
	}
	s := func(v string) *string { return &v }
	src := s("case:Network Skills Framework")
	want := []cypher.GraphSkill{
		{ID: "case:10000000-0000-4000-8000-000000000001", Name: "Design, build and run computer networks", Category: s("Domain"),
			Description: s("NET: Networking"), Source: src, SourceCode: s("10000000-0000-4000-8000-000000000001")},
		{ID: "case:10000000-0000-4000-8000-000000000002", Name: "Explain the layers of the OSI model", Category: s("Competency"),
			Description: s("NET.1"), Source: src, SourceCode: s("10000000-0000-4000-8000-000000000002")},
		{ID: "case:10000000-0000-4000-8000-000000000003", Name: "Configure routing between subnets", Category: s("Competency"),
			Description: s("NET.2 — Static routes first, then a dynamic protocol."), Source: src, SourceCode: s("10000000-0000-4000-8000-000000000003")},
		{ID: "case:10000000-0000-4000-8000-000000000004", Name: "Terminate and test a twisted-pair cable\r\n(TIA-568)",
			Source: src, SourceCode: s("10000000-0000-4000-8000-000000000004")},
	}
	if !reflect.DeepEqual(imp.Graph.Skills, want) {
		got, _ := json.MarshalIndent(imp.Graph.Skills, "", "  ")
		t.Errorf("skills:\n%s", got)
	}
	item := func(n string) string { return "case:10000000-0000-4000-8000-00000000000" + n }
	wantRels := []cypher.GraphSkillRelation{
		{From: item("2"), To: item("1"), Kind: cypher.PartOf},
		{From: item("3"), To: item("1"), Kind: cypher.PartOf},
		{From: item("4"), To: item("1"), Kind: cypher.PartOf},
		{From: item("2"), To: item("3"), Kind: cypher.Precedes},
		{From: item("3"), To: item("2"), Kind: cypher.SameAs},
	}
	if !reflect.DeepEqual(imp.Graph.SkillRelations, wantRels) {
		t.Errorf("relations %+v\nwant %+v", imp.Graph.SkillRelations, wantRels)
	}
	wantNotes := []string{
		"isChildOf associations to the framework itself (1): they mark top-level items, not edges",
		"exactMatchOf associations not imported (an end is not an item of this package) (1): a7 (destination e0000000-0000-4000-8000-000000000009)",
		"isRelatedTo associations not imported (Lattice has no such skill relation) (1): a8",
		"precedes associations not imported (an item related to itself) (1): a9",
	}
	if !reflect.DeepEqual(imp.Notes, wantNotes) {
		t.Errorf("notes:\n%s\nwant:\n%s", strings.Join(imp.Notes, "\n"), strings.Join(wantNotes, "\n"))
	}
	if len(imp.Graph.EducationLevels)+len(imp.Graph.Credentials)+len(imp.Graph.Roles) != 0 {
		t.Errorf("a CASE framework gives skills only")
	}
}

func TestCASEErrors(t *testing.T) {
	for _, tc := range []struct {
		file  string
		line  int
		field string
		msg   string
	}{
		{"no_identifier.json", 5, "CFItems[1].identifier", "the item has no identifier"},
		{"no_statement.json", 6, "CFItems[1].fullStatement", "item i2 has no fullStatement"},
		{"duplicate.json", 5, "CFItems[1].identifier", "item i1 is already CFItems[0]"},
		{"bad_identifier.json", 4, "CFItems[0].identifier", `"case:item one" is not a valid id`},
		{"no_document.json", 1, "CFDocument", "not a CASE CFPackage: it has no CFDocument"},
		{"no_type.json", 5, "CFAssociations[0].associationType", "no associationType"},
		{"no_destination.json", 5, "CFAssociations[0].destinationNodeURI", "no destination"},
		{"statement_type.json", 5, "CFItems.fullStatement", "a JSON number cannot be a string"},
		{"syntax.json", 4, "", "not valid JSON"},
		{"array.json", 1, "", "not a JSON object"},
		{"ctdl.json", 1, "CFDocument", "it looks like CTDL JSON-LD: import it as ctdl"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			imp, err := CASE(filepath.Join("testdata", "case", "bad", tc.file))
			if imp != nil {
				t.Errorf("an import came back with the error")
			}
			wantError(t, err, tc.file, tc.line, tc.field, tc.msg)
		})
	}
}

// TestCASESharedData reads every file of the shared CASE data: each imports
// or is refused as the table says, and no file goes unclassified.
func TestCASESharedData(t *testing.T) {
	dir := sharedData(t, "case")
	type outcome struct {
		skills, partOf int
		name           string // the name of the first skill, to check verbatim
		refused        string
	}
	want := map[string]outcome{
		"opensalt/AdoptedTestFramework.json":    {skills: 1, name: "Item 1"},
		"opensalt/EmptyExternalFramework.json":  {refused: `the framework "Test Framework External Empty" has no CFItems: nothing to import`},
		"opensalt/ItemTypeTestFramework.json":   {skills: 1, name: "Item 1"},
		"opensalt/MarkdownFramework.json":       {skills: 2, name: "This contains math markdown: $x^2$"},
		"opensalt/Ordering.json":                {skills: 28, partOf: 27, name: "(MISCONCEPTION) Basic shapes must be oriented parallel to the horizontal"},
		"opensalt/SequenceNumberFramework.json": {skills: 2, name: "First Added Item"},
		"opensalt/SmartLevelFramework.json":     {skills: 14, partOf: 12, name: "Item 1"},
		"opensalt/Utf8TestFramework.json":       {skills: 1, name: "Item 𝑑 1"},
	}
	seen := walkJSON(t, dir)
	for _, rel := range seen {
		t.Run(rel, func(t *testing.T) {
			w, ok := want[rel]
			if !ok {
				t.Fatalf("%s is not in the outcome table: say whether it imports or is refused", rel)
			}
			imp, err := CASE(filepath.Join(dir, rel))
			if w.refused != "" {
				var e *Error
				if !errors.As(err, &e) || !strings.Contains(e.Msg, w.refused) {
					t.Fatalf("err %v, want a refusal saying %q", err, w.refused)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			validGraph(t, imp)
			partOf := 0
			for _, r := range imp.Graph.SkillRelations {
				if r.Kind == cypher.PartOf {
					partOf++
				}
			}
			if len(imp.Graph.Skills) != w.skills || partOf != w.partOf || imp.Graph.Skills[0].Name != w.name {
				t.Errorf("%d skills, %d PART_OF, first %q; want %d, %d, %q", len(imp.Graph.Skills), partOf, imp.Graph.Skills[0].Name, w.skills, w.partOf, w.name)
			}
			// Every association is an edge or in a note: top-level items
			// are counted, nothing else is left.
			if len(imp.Notes) != 1 || !strings.HasPrefix(imp.Notes[0], "isChildOf associations to the framework itself") {
				t.Errorf("notes %q", imp.Notes)
			}
		})
	}
	for rel := range want {
		if !slices.Contains(seen, rel) {
			t.Errorf("%s is in the outcome table but not in %s", rel, dir)
		}
	}
}

// walkJSON lists the .json files under dir, relative to it, sorted.
func walkJSON(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".json") {
			rel, err := filepath.Rel(dir, p)
			if err != nil {
				return err
			}
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

func FuzzCASE(f *testing.F) {
	for _, name := range []string{"framework.json", "bad/no_type.json", "bad/duplicate.json"} {
		data, err := os.ReadFile(filepath.Join("testdata", "case", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "framework.json")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		imp, err := CASE(path)
		if err != nil {
			if !errors.Is(err, pathway.ErrInvalid) {
				t.Fatalf("error %v is not ErrInvalid", err)
			}
			return
		}
		validGraph(t, imp)
	})
}
