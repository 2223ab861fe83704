package imports

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/pathway"
)

// ctdlGraphWant is what testdata/ctdl/graph.json gives. "c:N" stands for
// ctdl:ce-c0000000-0000-4000-8000-00000000000N.
const ctdlGraphWant = `[
 {"id": "c:1", "name": "AAS in Networking", "kind": "ASSOCIATE_DEGREE", "issuer": "Example Community College",
  "cost": 5200.5, "weeks": 104, "ctid": "1", "source": "ctdl", "description": "Two years of networking.",
  "confers": "associate",
  "prerequisites": [["c:2"], ["c:3"], ["c:4", "c:5"]],
  "stacksInto": [{"credential": "c:6", "creditHours": 0, "creditCost": 0}]},
 {"id": "c:2", "name": "High School Diploma", "kind": "HIGH_SCHOOL_DIPLOMA", "ctid": "2", "source": "ctdl", "confers": "high-school"},
 {"id": "c:3", "name": "Routing and Switching", "kind": "COURSE", "cost": 600, "hours": 45, "ctid": "3", "source": "ctdl",
  "stacksInto": [{"credential": "c:1", "creditHours": 0, "creditCost": 600}, {"credential": "c:7", "creditHours": 10, "creditCost": 600}]},
 {"id": "c:4", "name": "Security Exam", "kind": "ASSESSMENT", "ctid": "4", "source": "ctdl"},
 {"id": "c:5", "name": "Security Certification", "kind": "CERTIFICATION", "issuer": "CompTIA", "weeks": 6, "ctid": "5", "source": "ctdl"},
 {"id": "c:6", "name": "BS in Network Engineering", "kind": "BACHELORS_DEGREE", "issuer": "Example Community College",
  "ctid": "6", "source": "ctdl", "confers": "bachelor", "prerequisites": [["c:2"]]},
 {"id": "c:7", "name": "Network Technician Program", "kind": "PROGRAM", "cost": 900, "hours": 10, "weeks": 15, "ctid": "7", "source": "ctdl"},
 {"id": "c:8", "name": "Cabling Lab", "kind": "COURSE", "cost": 1500, "hours": 20, "ctid": "8", "source": "ctdl",
  "stacksInto": [{"credential": "c:7", "creditHours": 10, "creditCost": 900}]},
 {"id": "c:9", "name": "Degree of Some Level", "kind": "DEGREE", "ctid": "9", "source": "ctdl"}
]`

func TestCTDLGraph(t *testing.T) {
	imp, err := CTDL(filepath.Join("testdata", "ctdl", "graph.json"))
	if err != nil {
		t.Fatal(err)
	}
	validGraph(t, imp)
	if imp.Format != "ctdl" {
		t.Errorf("format %q", imp.Format)
	}
	spelled := strings.NewReplacer(`"c:`, `"ctdl:ce-c0000000-0000-4000-8000-00000000000`,
		`"ctid": "`, `"ctid": "ce-c0000000-0000-4000-8000-00000000000`).Replace(ctdlGraphWant)
	var want []cypher.GraphCredential
	if err := json.Unmarshal([]byte(spelled), &want); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(imp.Graph.Credentials, want) {
		got, _ := json.MarshalIndent(imp.Graph.Credentials, "", " ")
		t.Errorf("credentials:\n%s", got)
	}
	if len(imp.Graph.EducationLevels) != 7 {
		t.Errorf("%d education levels, want the standard 7 (degrees confer levels)", len(imp.Graph.EducationLevels))
	}
	c := "ctdl:ce-c0000000-0000-4000-8000-00000000000"
	wantNotes := []string{
		"ceterms:CredentialOrganization records not imported (organizations are not Lattice nodes; an owner's or provider's name becomes a credential's issuer) (1): https://sandbox.credentialengineregistry.org/resources/ce-0a000000-0000-4000-8000-000000000000",
		"costs not in US dollars left out (1): " + c + "1 (500 EUR)",
		"durations given as a range read as their midpoint (1): " + c + "5 (P4W to P8W)",
		"degrees of no stated level confer no education level (1): " + c + "9",
		"prerequisites outside the document not imported (1): " + c + `1 requires https://sandbox.credentialengineregistry.org/resources/ce-ffffffff-0000-4000-8000-000000000000 ("Core course and a license from elsewhere")`,
		"ceterms:recommends conditions not imported (they are not prerequisites) (1): " + c + "1",
		"ceterms:hasPart references outside the document not imported (1): " + c + "7 -> https://example.org/courses/not-published",
	}
	if !reflect.DeepEqual(imp.Notes, wantNotes) {
		t.Errorf("notes:\n%s\nwant:\n%s", strings.Join(imp.Notes, "\n"), strings.Join(wantNotes, "\n"))
	}
}

func TestCTDLErrors(t *testing.T) {
	for _, tc := range []struct {
		file  string
		line  int
		field string
		msg   string
	}{
		{"no_ctid.json", 1, "ceterms:ctid", "the BachelorDegree record has no valid ceterms:ctid"},
		{"graph_ctid.json", 6, "@graph[1].ceterms:ctid", "the Course record has no valid ceterms:ctid"},
		{"duration.json", 8, "ceterms:estimatedDuration[0].ceterms:exactDuration", `"9 months" is not an ISO 8601 duration`},
		{"price.json", 9, "ceterms:estimatedCost[1].ceterms:price", "price -5 of ctdl:ce-c0000000-0000-4000-8000-000000000003 is not an amount >= 0"},
		{"duplicate.json", 6, "@graph[1].ceterms:ctid", "is already the record at @graph[0]"},
		{"no_name.json", 5, "ceterms:name", "has no ceterms:name"},
		{"syntax.json", 4, "", "not valid JSON"},
		{"badge.json", 1, "", "give it as a profile's record (LERProfile)"},
		{"case.json", 1, "", "a CASE CFPackage; import it as case"},
		{"organization.json", 1, "", "nothing to import"},
		{"number.json", 1, "", "not CTDL JSON-LD"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			imp, err := CTDL(filepath.Join("testdata", "ctdl", "bad", tc.file))
			if imp != nil {
				t.Errorf("an import came back with the error")
			}
			wantError(t, err, tc.file, tc.line, tc.field, tc.msg)
		})
	}
}

func TestCTDLDuration(t *testing.T) {
	f := func(v *float64) any {
		if v == nil {
			return nil
		}
		return *v
	}
	for _, tc := range []struct {
		in           string
		weeks, hours any
		ok           bool
	}{
		{"P9M", 39.0, nil, true},
		{"P1Y", 52.0, nil, true},
		{"P2W3D", 2.43, nil, true},
		{"PT40H", nil, 40.0, true},
		{"PT90M", nil, 1.5, true},
		{"P1DT2H", 0.14, 2.0, true},
		{"p6m", 26.0, nil, true},
		{"P0D", nil, nil, true},
		{"P1.5Y", 78.0, nil, true},
		{"P1Y2M3W4DT5H6M7S", 64.24, 5.1, true},
		{"PT0.25H", nil, 0.25, true},
		{"P", nil, nil, false},
		{"PT", nil, nil, false},
		{"9 months", nil, nil, false},
		{"P1H", nil, nil, false},
		{"P1DT", nil, nil, false},
		{"-P1D", nil, nil, false},
		{"P1", nil, nil, false},
		{"PY", nil, nil, false},
	} {
		w, h, ok := parseISODuration(tc.in)
		if ok != tc.ok || f(w) != tc.weeks || f(h) != tc.hours {
			t.Errorf("%s: weeks %v hours %v ok %v, want %v %v %v", tc.in, f(w), f(h), ok, tc.weeks, tc.hours, tc.ok)
		}
	}
}

func TestCTDLLanguageMap(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
	}{
		{`"plain"`, "plain"},
		{`{"en": "A", "en-US": "B"}`, "A"},
		{`{"en-GB": "C", "en-US": "B"}`, "B"},
		{`{"fr": "F", "en-GB": "C"}`, "C"},
		{`{"fr": "F", "de": "D"}`, "D"},
		{`{"@en-US": "E"}`, "E"},
		{`{"en-US": ["first", "second"]}`, "first"},
		{`[{"en": ""}, "next"]`, "next"},
		{`7`, ""},
	} {
		var v any
		if err := json.Unmarshal([]byte(tc.in), &v); err != nil {
			t.Fatal(err)
		}
		if got := langString(v); got != tc.want {
			t.Errorf("langString(%s) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestCTDLSharedData reads every file of the shared CTDL folder (the
// registry's ingest examples, the pathway drafts and the Open Badges
// examples): each imports or is refused as the table says, and no file
// goes unclassified.
func TestCTDLSharedData(t *testing.T) {
	dir := sharedData(t, "ctdl")
	type outcome struct {
		kinds   map[string]string // ctid -> kind of every credential
		cost    map[string]float64
		weeks   map[string]float64
		prereqs int // prerequisite groups in all
		stacks  int // stacking edges in all
		note    string
		refused string
	}
	const (
		lerRefusal = "an Open Badges 3.0 / CLR 2.0 credential (VerifiableCredential, OpenBadgeCredential), a record of what one person holds; give it as a profile's record (LERProfile)"
		bs1graph   = "ce-8669d5c6-566b-4409-9fff-f09753605d13"
		bs1        = "ce-edc318c1-aa67-47e2-9638-a8529e6612d4"
		lp1        = "ce-23b0e606-545c-4383-8630-f97ec3b190fa"
		lp2        = "ce-602de2f0-3593-4b46-8386-85554cd582cd"
		c1a        = "ce-7160aae4-5185-4564-95ab-428419974643"
		c1b        = "ce-3c5e4bbc-40c3-44eb-90c2-3f27d98d88f1"
		c1c        = "ce-991d72b1-c0fd-4d98-8294-6c47bc3a2122"
	)
	want := map[string]outcome{
		"ingest-examples/Credential/1/Credential-1-graph.json": {kinds: map[string]string{bs1graph: "BACHELORS_DEGREE"},
			note: "prerequisites outside the document not imported (1): ctdl:" + bs1graph + " requires https://credentialengine.github.io/credential-registry-ingest-examples/LearningProgram/2/LearningProgram-2.json"},
		"ingest-examples/Credential/1/Credential-1.json": {kinds: map[string]string{bs1: "BACHELORS_DEGREE"},
			note: "prerequisites outside the document not imported (1): ctdl:" + bs1},
		"ingest-examples/LearningProgram/1/Course-1a.json": {kinds: map[string]string{c1a: "COURSE"}, cost: map[string]float64{c1a: 995},
			note: `conditions that name no credential, learning opportunity or assessment not imported (text only) (1): ctdl:` + c1a + ` "Personal Growth Mastery prerequisite knowledge"`},
		"ingest-examples/LearningProgram/1/Course-1b.json": {kinds: map[string]string{c1b: "COURSE"}, cost: map[string]float64{c1b: 1495},
			note: "prerequisites outside the document not imported (1): ctdl:" + c1b + " requires https://credentialengine.github.io/credential-registry-ingest-examples/LearningProgram/1/Course-1a.json"},
		"ingest-examples/LearningProgram/1/Course-1c.json": {kinds: map[string]string{c1c: "COURSE"}, cost: map[string]float64{c1c: 1995},
			note: "prerequisites outside the document not imported (2): ctdl:" + c1c},
		"ingest-examples/LearningProgram/1/LearningProgram-1-graph.json": {
			kinds:   map[string]string{lp1: "PROGRAM", c1a: "COURSE", c1b: "COURSE", c1c: "COURSE"},
			cost:    map[string]float64{lp1: 4485, c1a: 995, c1b: 1495, c1c: 1995},
			weeks:   map[string]float64{lp1: 39},
			prereqs: 3, // 1b needs 1a; 1c needs 1a and 1b
			stacks:  3, // each course stacks into the program
			note:    `conditions that name no credential, learning opportunity or assessment not imported (text only) (2): ctdl:` + lp1 + ` "Program Prerequisite Conditions"`},
		"ingest-examples/LearningProgram/1/LearningProgram-1.json": {kinds: map[string]string{lp1: "PROGRAM"},
			cost: map[string]float64{lp1: 4485}, weeks: map[string]float64{lp1: 39},
			note: "ceterms:hasPart references outside the document not imported (3): ctdl:" + lp1},
		"ingest-examples/LearningProgram/2/LearningProgram-2.json": {kinds: map[string]string{lp2: "PROGRAM"}, cost: map[string]float64{lp2: 25000},
			note: "durations given only as text not imported (1): ctdl:" + lp2},
		"ingest-examples/Organization/1/Organization-1.json": {refused: "nothing to import: no CTDL credential, learning program, course or assessment; the document holds Organization: organizations are not Lattice nodes"},
		"ob3/achievementAlignmentCase_0.json":                {refused: lerRefusal},
		"ob3/achievementAlignmentCe_0.json":                  {refused: lerRefusal},
		"ob3/basicOpenBadgeCredential_0.json":                {refused: lerRefusal},
		"ob3/fullOpenBadge_0.json":                           {refused: lerRefusal},
		"ob3/skillAssertionCase_0.json":                      {refused: lerRefusal},
		"ob3/skillAssertionCtdl_0.json":                      {refused: lerRefusal},
		"pathways/PathwayConditions.json":                    {refused: "the document holds Pathway, CredentialComponent, AssessmentComponent, CourseComponent (4): CTDL pathways and their components are not imported"},
		"pathways/ProgressionModel.json":                     {refused: "the document holds ConceptScheme, Concept (4): concept schemes are vocabularies, not credentials"},
	}
	seen := walkJSON(t, dir)
	for _, rel := range seen {
		t.Run(rel, func(t *testing.T) {
			w, ok := want[rel]
			if !ok {
				t.Fatalf("%s is not in the outcome table: say whether it imports or is refused", rel)
			}
			imp, err := CTDL(filepath.Join(dir, rel))
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
			kinds := map[string]string{}
			prereqs, stacks := 0, 0
			for _, c := range imp.Graph.Credentials {
				ctid := strings.TrimPrefix(c.ID, "ctdl:")
				kinds[ctid] = c.Kind
				if c.CTID == nil || *c.CTID != ctid {
					t.Errorf("%s: ctid %v", c.ID, c.CTID)
				}
				if got, want := deref(c.Cost), anyOf(w.cost, ctid); got != want {
					t.Errorf("%s cost %v, want %v", c.ID, got, want)
				}
				if got, want := deref(c.Weeks), anyOf(w.weeks, ctid); got != want {
					t.Errorf("%s weeks %v, want %v", c.ID, got, want)
				}
				prereqs += len(c.Prerequisites)
				stacks += len(c.StacksInto)
			}
			if !reflect.DeepEqual(kinds, w.kinds) || prereqs != w.prereqs || stacks != w.stacks {
				t.Errorf("kinds %v prerequisite groups %d stacks %d; want %v %d %d", kinds, prereqs, stacks, w.kinds, w.prereqs, w.stacks)
			}
			found := false
			for _, n := range imp.Notes {
				found = found || strings.HasPrefix(n, w.note)
			}
			if !found {
				t.Errorf("no note starting %q in:\n%s", w.note, strings.Join(imp.Notes, "\n"))
			}
		})
	}
	for rel := range want {
		if !slices.Contains(seen, rel) {
			t.Errorf("%s is in the outcome table but not in %s", rel, dir)
		}
	}
}

// anyOf is m[k] as an any, nil when absent.
func anyOf(m map[string]float64, k string) any {
	if v, ok := m[k]; ok {
		return v
	}
	return nil
}

func FuzzCTDL(f *testing.F) {
	for _, name := range []string{"graph.json", "bad/duration.json", "bad/duplicate.json"} {
		data, err := os.ReadFile(filepath.Join("testdata", "ctdl", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "ctdl.json")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		imp, err := CTDL(path)
		if err != nil {
			if !errors.Is(err, pathway.ErrInvalid) {
				t.Fatalf("error %v is not ErrInvalid", err)
			}
			return
		}
		validGraph(t, imp)
	})
}
