package imports

import (
	"errors"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/pathway"
)

func cipFixture(name string) string { return filepath.Join("testdata", "cip", name) }

func credentialsByID(g *cypher.Graph) map[string]cypher.GraphCredential {
	m := map[string]cypher.GraphCredential{}
	for _, c := range g.Credentials {
		m[c.ID] = c
	}
	return m
}

// TestCIPReader reads the small fixture with no occupations in the graph:
// the kept programs, their occupations and their series' typical levels.
func TestCIPReader(t *testing.T) {
	imp, err := CIP(cipFixture("good"))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, c := range imp.Graph.Credentials {
		ids = append(ids, c.ID)
	}
	// Families, series, the old code of a moved program (01.0309) and the
	// deleted rows are left out; the moved program is kept at its new code.
	want := []string{
		"cip:01.1004:associate", "cip:01.1004:bachelor",
		"cip:11.1001:associate", "cip:11.1001:bachelor",
		"cip:12.0401:associate", "cip:12.0401:certificate",
		"cip:51.3801:associate", "cip:51.3801:bachelor",
		"cip:51.3899:associate", "cip:51.3899:bachelor",
	}
	if !slices.Equal(ids, want) {
		t.Errorf("credentials:\n got %v\nwant %v", ids, want)
	}
	byID := credentialsByID(imp.Graph)
	rn := byID["cip:51.3801:associate"]
	if rn.Name != "Registered Nursing/Registered Nurse (associate degree)" || rn.Kind != "ASSOCIATE_DEGREE" ||
		rn.Field == nil || *rn.Field != "51.3801" || rn.Estimated == nil || !*rn.Estimated || rn.Issuer != nil ||
		rn.Confers != "associate" || *rn.Cost != 11000 || *rn.Hours != 1800 || *rn.Weeks != 64 {
		t.Errorf("registered nursing associate = %+v", rn)
	}
	if rn.Description == nil || !strings.Contains(*rn.Description, "promoting health,\nproviding care") {
		t.Errorf("the definition, quoted over two lines, was not read whole: %v", rn.Description)
	}
	// 25-1072 (nursing teachers) is left out.
	if !slices.Equal(rn.Occupations, []string{"29-1141"}) {
		t.Errorf("occupations of 51.3801 = %v, want [29-1141]", rn.Occupations)
	}
	if got := byID["cip:11.1001:bachelor"].Occupations; !slices.Equal(got, []string{"15-1231", "15-1244"}) {
		t.Errorf("occupations of 11.1001 = %v (teachers 25-1021 left out)", got)
	}
	// 99-9999 is no occupation.
	if got := byID["cip:51.3899:bachelor"].Occupations; got != nil {
		t.Errorf("occupations of 51.3899 = %v, want none (99-9999)", got)
	}
	// The crosswalk's Excel-style codes are read.
	if got := byID["cip:12.0401:certificate"].Occupations; !slices.Equal(got, []string{"39-5012"}) {
		t.Errorf("occupations of 12.0401 = %v", got)
	}
	if got := byID["cip:11.1001:associate"].Name; got != "Network and System Administration/Administrator (associate degree)" {
		t.Errorf("name = %q", got)
	}
	if got := rn.StacksInto; !reflect.DeepEqual(got, []cypher.GraphStack{{Credential: "cip:51.3801:bachelor", CreditHours: 1800, CreditCost: 32000}}) {
		t.Errorf("associate stacks into %+v, want half the bachelor's hours and cost", got)
	}
	if got := byID["cip:12.0401:certificate"].StacksInto; !reflect.DeepEqual(got, []cypher.GraphStack{{Credential: "cip:12.0401:associate", CreditHours: 900, CreditCost: 5500}}) {
		t.Errorf("certificate stacks into %+v", got)
	}
	if !reflect.DeepEqual(rn.Prerequisites, [][]string{{"high-school"}}) || len(rn.Certifies) != 0 {
		t.Errorf("prerequisites %v, certifies %v", rn.Prerequisites, rn.Certifies)
	}
	if len(imp.Graph.EducationLevels) != 7 {
		t.Errorf("the standard levels are not in the graph: %v", imp.Graph.EducationLevels)
	}
	notes := strings.Join(imp.Notes, "\n")
	for _, n := range []string{
		"5 six-digit programs kept of 10 rows; left out 3 two- and four-digit families and series, 1 six-digit codes marked Moved from",
		"and 1 marked Deleted",
		"5 program-occupation pairs kept; left out 2 to postsecondary teachers (25-1xxx), 1 to 99-9999 (no occupation), 1 of codes that are not kept programs",
		"programs certify no skills",
	} {
		if !strings.Contains(notes, n) {
			t.Errorf("notes lack %q:\n%s", n, notes)
		}
	}
	if err := imp.Graph.Validate(); err != nil {
		t.Error(err)
	}
}

// TestCIPRefuses checks that bad files are refused naming file, line and column.
func TestCIPRefuses(t *testing.T) {
	for _, tc := range []struct{ dir, want string }{
		{"badheader", "CIP2020_SOC2018_Crosswalk.csv:1: SOC2018Code: missing column in the header"},
		{"badrow", `CIPCode2020.csv:6: CIPCode: "=\"11.10x1\"" is not a CIP code`},
		{"badaction", `CIPCode2020.csv:4: Action: "Renamed" is not an Action`},
		{"shortrow", "CIP2020_SOC2018_Crosswalk.csv:3: SOC2018Code: the row ends after 2 of the header's 4 columns"},
		{"absent", "not a folder"},
	} {
		t.Run(tc.dir, func(t *testing.T) {
			_, err := CIP(cipFixture(tc.dir))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
			if !errors.Is(err, pathway.ErrInvalid) {
				t.Errorf("err = %v is not ErrInvalid", err)
			}
		})
	}
}

// TestCIPFromOccupations derives levels and skills from O*NET occupations.
func TestCIPFromOccupations(t *testing.T) {
	skill := func(id string, imp float64, level int) cypher.OccupationSkill {
		return cypher.OccupationSkill{Skill: id, Importance: imp, Level: level, Required: imp >= ONETRequiredImportance}
	}
	// Every role needs reading comprehension: never distinctive.
	// O*NET splits 29-1141: the titles tell the matcher that a registered
	// nursing program leads to each of its detailed occupations.
	titles := map[string]string{"29-1141.00": "Registered Nurses", "29-1141.01": "Acute Care Nurses", "29-1141.04": "Clinical Nurse Specialists"}
	nurse := func(id, edu string) cypher.Occupation {
		return cypher.Occupation{RoleID: "onet:" + id, Code: id, Title: titles[id], Description: "Assess patient health problems and needs and administer nursing care.", Education: edu, Skills: []cypher.OccupationSkill{
			skill("onet:2.A.1.a", 4, 4), skill("onet:2.C.5.a", 4.5, 5), skill("onet:2.C.4.b", 3.5, 4), skill("onet:2.B.1.e", 3.2, 3)}}
	}
	occs := []cypher.Occupation{
		nurse("29-1141.00", "bachelor"), nurse("29-1141.01", "bachelor"), nurse("29-1141.04", "master"),
		{RoleID: "onet:15-1244.00", Code: "15-1244.00", Education: "bachelor", Skills: []cypher.OccupationSkill{
			skill("onet:2.A.1.a", 4, 4), skill("onet:2.C.3.a", 4.6, 5), skill("onet:2.B.1.e", 3.4, 3)}},
		{RoleID: "onet:15-1231.00", Code: "15-1231.00", Education: "associate", Skills: []cypher.OccupationSkill{
			skill("onet:2.A.1.a", 4, 4), skill("onet:2.C.3.a", 4.2, 4)}},
		{RoleID: "onet:39-5012.00", Code: "39-5012.00", Education: "high-school", Skills: []cypher.OccupationSkill{
			skill("onet:2.A.1.a", 4, 3)}},
		{RoleID: "onet:41-2011.00", Code: "41-2011.00", Education: "high-school", Skills: []cypher.OccupationSkill{
			skill("onet:2.A.1.a", 4, 3), skill("onet:2.B.1.e", 3.8, 3)}},
	}
	imp, err := CIPWith(cipFixture("good"), occs)
	if err != nil {
		t.Fatal(err)
	}
	byID := credentialsByID(imp.Graph)
	for _, tc := range []struct {
		program string
		levels  []string
	}{
		{"51.3801", []string{"bachelor", "master"}},    // the RN roles' education
		{"11.1001", []string{"associate", "bachelor"}}, // one per distinct level
		{"12.0401", []string{"certificate"}},           // roles needing high school: a certificate
		{"01.1004", []string{"associate", "bachelor"}}, // no role in the graph: the default
		{"51.3899", []string{"associate", "bachelor"}}, // no occupation: the series' levels
	} {
		var got []string
		for _, a := range CIPAwards {
			if _, ok := byID["cip:"+tc.program+":"+a.ID]; ok {
				got = append(got, a.ID)
			}
		}
		if !slices.Equal(got, tc.levels) {
			t.Errorf("%s: levels %v, want %v", tc.program, got, tc.levels)
		}
	}
	master := byID["cip:51.3801:master"]
	if !reflect.DeepEqual(master.Prerequisites, [][]string{{"bachelor"}}) || master.StacksInto != nil || byID["cip:51.3801:bachelor"].StacksInto != nil {
		t.Errorf("master: prerequisites %v; graduate awards do not stack", master.Prerequisites)
	}
	// Medicine and Dentistry, Biology and Service Orientation are more
	// important to nurses than to the average role; Reading Comprehension is
	// not.
	want := []cypher.GraphSkillLevel{{Skill: "onet:2.B.1.e", Level: 3}, {Skill: "onet:2.C.4.b", Level: 4}, {Skill: "onet:2.C.5.a", Level: 5}}
	if got := master.Certifies; !reflect.DeepEqual(got, want) {
		t.Errorf("RN master certifies %+v, want %+v", got, want)
	}
	// The associate degree of 11.1001 certifies at most level 4.
	want = []cypher.GraphSkillLevel{{Skill: "onet:2.C.3.a", Level: 4}}
	if got := byID["cip:11.1001:associate"].Certifies; !reflect.DeepEqual(got, want) {
		t.Errorf("11.1001 associate certifies %+v, want %+v", got, want)
	}
	if got := byID["cip:12.0401:certificate"].Certifies; got != nil {
		t.Errorf("cosmetology certifies %+v: reading comprehension is no one's distinction", got)
	}
	if !strings.Contains(strings.Join(imp.Notes, "\n"), "award levels: 3 programs from the education their O*NET occupations require, 2 from their CIP series' typical levels") {
		t.Errorf("notes: %v", imp.Notes)
	}
}

// TestCIPCap keeps at most CIPMaxCertifies skills and CIPMaxLevels levels.
func TestCIPCap(t *testing.T) {
	var occs []cypher.Occupation
	for i, edu := range []string{"postsecondary-certificate", "associate", "associate", "bachelor", "bachelor", "master", "master", "doctorate"} {
		// Detailed occupations of one SOC code, each matching the program.
		o := cypher.Occupation{RoleID: "r", Code: "15-1244.0" + string(rune('0'+i)), Education: edu,
			Title: "Network and Computer Systems Administrators", Description: "Install, configure, and maintain an organization's networks and systems."}
		for k := range 12 {
			o.Skills = append(o.Skills, cypher.OccupationSkill{Skill: "onet:s." + string(rune('a'+k)), Importance: 3 + float64(k)/10, Level: 3, Required: true})
		}
		occs = append(occs, o)
	}
	occs = append(occs, cypher.Occupation{RoleID: "other", Code: "41-2011.00", Skills: []cypher.OccupationSkill{{Skill: "onet:x", Importance: 3}}})
	imp, err := CIPWith(cipFixture("good"), occs)
	if err != nil {
		t.Fatal(err)
	}
	byID := credentialsByID(imp.Graph)
	var got []string
	for _, a := range CIPAwards {
		if c, ok := byID["cip:11.1001:"+a.ID]; ok {
			got = append(got, a.ID)
			if len(c.Certifies) != CIPMaxCertifies || c.Certifies[0].Skill != "onet:s.e" {
				t.Errorf("%s certifies %v, want the %d most distinctive (s.e to s.l)", c.ID, c.Certifies, CIPMaxCertifies)
			}
		}
	}
	// The three levels most roles require; master and bachelor tie with
	// associate at two, the certificate and doctorate with one are left out.
	if !slices.Equal(got, []string{"associate", "bachelor", "master"}) {
		t.Errorf("levels %v", got)
	}
}
