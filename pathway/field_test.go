package pathway

import (
	"maps"
	"slices"
	"testing"
)

func TestFieldAcceptance(t *testing.T) {
	network := FieldAcceptance{Fields: []string{"11.1001", "11.0101"}, Preparing: []string{"cip:11.1001:bachelor"}}
	tests := []struct {
		name       string
		a          FieldAcceptance
		fields     []string
		credential string
		exact      bool // Accepts: a credential a plan may take
		held       bool // AcceptsHeld: education a person holds
	}{
		{"a field that prepares for the role", network, []string{"11.1001"}, "", true, true},
		{"the credential itself", network, nil, "cip:11.1001:bachelor", true, true},
		{"the same CIP series: held, not taken", network, []string{"11.1006"}, "", false, true},
		{"another series of the family", network, []string{"11.0701"}, "", false, false},
		{"another field", network, []string{"52.0302"}, "", false, false},
		{"no field known", network, nil, "", false, false},
		{"a role that accepts any field", FieldAcceptance{AnyField: true}, nil, "", true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.a.Accepts(tt.fields, tt.credential); got != tt.exact {
				t.Errorf("Accepts = %v, want %v", got, tt.exact)
			}
			if got := tt.a.AcceptsHeld(HeldEducation{Rank: 4, Fields: tt.fields, CredentialID: tt.credential}); got != tt.held {
				t.Errorf("AcceptsHeld = %v, want %v", got, tt.held)
			}
		})
	}
}

// TestRequestFieldRank: the planner sees the rank held in a field the role
// accepts, and every rank when the role accepts any or asks for less than a
// postsecondary certificate.
func TestRequestFieldRank(t *testing.T) {
	held := NewHeld()
	held.HoldEducation(HeldEducation{Rank: 4, Fields: []string{"52.0301"}})
	held.HoldEducation(HeldEducation{Rank: 3, Fields: []string{"11.1006"}})
	g := &PlanGraph{TargetEducationRank: 4, FieldAcceptance: FieldAcceptance{Fields: []string{"11.1001"}}}
	if req := g.Request(held); req.FieldRank == nil || *req.FieldRank != 3 || req.EducationRank != 4 {
		t.Errorf("field rank %v, education rank %d; want the associate in IT (3) of the 4 held", req.FieldRank, req.EducationRank)
	}
	for name, g := range map[string]*PlanGraph{
		"any field":   {TargetEducationRank: 4, FieldAcceptance: FieldAcceptance{AnyField: true}},
		"high school": {TargetEducationRank: 1, FieldAcceptance: FieldAcceptance{Fields: []string{"11.1001"}}},
	} {
		if req := g.Request(held); req.FieldRank != nil {
			t.Errorf("%s: field rank %v, want nil (every rank counts)", name, *req.FieldRank)
		}
	}
}

// TestOccupationRule: a certification a catalog ties to occupations closes
// the gaps of roles of their SOC major group or of roles near them, not of
// any role; a credential naming none is general; either way a role that
// requires it, or has no occupation code, takes it.
func TestOccupationRule(t *testing.T) {
	aPlus := PlanCredential{ID: "comptia-a-plus", Occupations: []string{"15-1231", "15-1232"}, ConfersRank: -1,
		Certifies: map[string]int{"computers": 4}}
	micro := PlanCredential{ID: "critical-thinking", ConfersRank: -1, Certifies: map[string]int{"computers": 4}}
	mortuary := PlanCredential{ID: "cip:12.0301:associate", Field: "12.0301", Occupations: []string{"39-4031"}, ConfersRank: 3,
		Certifies: map[string]int{"medicine": 3}}
	medicine := PlanCredential{ID: "cip:51.1201:doctorate", Field: "51.1201", Occupations: []string{"29-1229"}, ConfersRank: 6,
		Certifies: map[string]int{"medicine": 5}}
	pharmacyTech := PlanCredential{ID: "cip:51.0805:certificate", Field: "51.0805", Occupations: []string{"29-2052"}, ConfersRank: 2,
		Certifies: map[string]int{"medicine": 3}}
	nursing := PlanCredential{ID: "cip:51.3808:master", Field: "51.3808", Occupations: []string{"29-1141"}, ConfersRank: 5,
		Certifies: map[string]int{"medicine": 4}}
	// Of split 29-2099, the importer gave Respiratory Therapy Technician the
	// general occupation and not Patient Representatives (.08); a catalog's
	// credential names the code whole.
	respiratory := PlanCredential{ID: "cip:51.0812:certificate", Field: "51.0812", Occupations: []string{"29-2099.00"}, ConfersRank: 2,
		Certifies: map[string]int{"medicine": 3}}
	electro := PlanCredential{ID: "cip:51.0903:certificate", Field: "51.0903", Occupations: []string{"29-2099.00", "29-2099.01"}, ConfersRank: 2,
		Certifies: map[string]int{"medicine": 3}}
	childCare := PlanCredential{ID: "cip:19.0709:certificate", Field: "19.0709", Occupations: []string{"39-9011.00"}, ConfersRank: 2,
		Certifies: map[string]int{"medicine": 3}}
	wholeCode := PlanCredential{ID: "allied-health-cert", Occupations: []string{"29-2099"}, ConfersRank: -1,
		Certifies: map[string]int{"medicine": 3}}
	code := func(s string) *string { return &s }
	tests := []struct {
		name  string
		g     PlanGraph
		c     PlanCredential
		other bool
	}{
		{"a split code's program the importer did not give the detailed role", PlanGraph{Role: Role{OccupationCode: code("29-2099.08")},
			FieldAcceptance: FieldAcceptance{AnyField: true}}, respiratory, true},
		{"a split code's program given another detailed role", PlanGraph{Role: Role{OccupationCode: code("29-2099.08")},
			FieldAcceptance: FieldAcceptance{AnyField: true}}, electro, true},
		{"a split code's program given the detailed role", PlanGraph{Role: Role{OccupationCode: code("29-2099.01")},
			FieldAcceptance: FieldAcceptance{AnyField: true}}, electro, false},
		{"a split code's program, for its general occupation", PlanGraph{Role: Role{OccupationCode: code("29-2099.00")},
			FieldAcceptance: FieldAcceptance{AnyField: true}}, respiratory, false},
		{"a credential naming the split code whole", PlanGraph{Role: Role{OccupationCode: code("29-2099.08")}}, wholeCode, false},
		{"a split code's program, for a detailed occupation of a code not residual", PlanGraph{Role: Role{OccupationCode: code("39-9011.01")},
			FieldAcceptance: FieldAcceptance{AnyField: true}}, childCare, false},
		{"a role of the same major group", PlanGraph{Role: Role{OccupationCode: code("15-1244.00")}}, aPlus, false},
		{"a role of another group", PlanGraph{Role: Role{OccupationCode: code("13-4041.00")}}, aPlus, true},
		{"a role of another group near one of its occupations", PlanGraph{Role: Role{OccupationCode: code("49-2022.00")},
			NearCodes: []string{"15-1231.00", "49-9052.00"}}, aPlus, false},
		{"a role of another group near other occupations", PlanGraph{Role: Role{OccupationCode: code("49-2022.00")},
			NearCodes: []string{"15-1244.00"}}, aPlus, true},
		{"a role that requires it", PlanGraph{Role: Role{OccupationCode: code("13-4041.00")}, TargetCredentials: []string{"comptia-a-plus"}}, aPlus, false},
		{"a role with no occupation code", PlanGraph{}, aPlus, false},
		{"an ESCO role, coded by ISCO", PlanGraph{Role: Role{OccupationCode: code("2221")}}, aPlus, false},
		{"a general credential", PlanGraph{Role: Role{OccupationCode: code("13-4041.00")}}, micro, false},
		// Programs name occupations too: for a role that accepts a degree of
		// any field, mortuary science closes no gap of a urologist's.
		{"a program for other occupations, the role accepting any field", PlanGraph{Role: Role{OccupationCode: code("29-1229.03")},
			FieldAcceptance: FieldAcceptance{AnyField: true}}, mortuary, true},
		{"a program of the role's minor group", PlanGraph{Role: Role{OccupationCode: code("29-1229.03")},
			FieldAcceptance: FieldAcceptance{AnyField: true}}, medicine, false},
		{"a program of the role's major group only", PlanGraph{Role: Role{OccupationCode: code("29-1229.03")},
			FieldAcceptance: FieldAcceptance{AnyField: true}}, pharmacyTech, true},
		{"a program of a neighbour's occupation", PlanGraph{Role: Role{OccupationCode: code("29-1229.03")},
			FieldAcceptance: FieldAcceptance{AnyField: true}, NearCodes: []string{"29-2052.00"}}, pharmacyTech, true},
		{"a program of a field the role names", PlanGraph{Role: Role{OccupationCode: code("25-1072.00")},
			FieldAcceptance: FieldAcceptance{Fields: []string{"51.3808"}}}, nursing, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := tt.g
			g.Candidates = []PlanCredential{tt.c}
			req := g.Request(NewHeld())
			if got := req.Candidates[0].OtherOccupation; got != tt.other {
				t.Errorf("OtherOccupation = %v, want %v", got, tt.other)
			}
			if closes := req.Candidates[0].closing() != nil; closes == tt.other {
				t.Errorf("closes gaps: %v, want %v", closes, !tt.other)
			}
		})
	}
}

// TestDedicatedProgramTeachesTheRole: a program whose field meets the role's
// requirement and whose occupations all lie in the role's SOC minor group
// closes every required skill of the role up to its own highest level; one
// that also leads elsewhere keeps its own list, and so does the shared map.
func TestDedicatedProgramTeachesTheRole(t *testing.T) {
	code := "15-1232.00"
	target := []Requirement{
		{SkillID: "computers", Level: 4, Required: true},
		{SkillID: "clerical", Level: 4, Required: true},
		{SkillID: "design", Level: 3, Required: false},
	}
	support := PlanCredential{ID: "cip:11.1006:bachelor", Field: "11.1006", Occupations: []string{"15-1231", "15-1232"},
		ConfersRank: 4, Cost: 64000, Certifies: map[string]int{"computers": 5}}
	agri := PlanCredential{ID: "cip:01.0106:bachelor", Field: "01.0106", Occupations: []string{"11-9013", "15-1232"},
		ConfersRank: 4, Cost: 64000, Certifies: map[string]int{"clerical": 4}}
	cert := PlanCredential{ID: "cip:11.1006:certificate", Field: "11.1006", Occupations: []string{"15-1232"},
		ConfersRank: 2, Cost: 6000, Certifies: map[string]int{"computers": 3}}
	shared := support.Certifies
	g := PlanGraph{Role: Role{OccupationCode: &code}, Target: target, TargetEducationRank: 4,
		FieldAcceptance: FieldAcceptance{Fields: []string{"11.1006", "01.0106"}},
		Candidates:      []PlanCredential{support, agri, cert}}
	req := g.Request(NewHeld())
	want := []map[string]int{
		{"computers": 5, "clerical": 4}, // dedicated: the role's required skills, preferred left out
		{"clerical": 4},                 // farm managers too: its own list
		{"computers": 3, "clerical": 3}, // a certificate: up to its own 3
	}
	for i, c := range req.Candidates {
		if !maps.Equal(c.closing(), want[i]) {
			t.Errorf("%s closes %v, want %v", c.ID, c.closing(), want[i])
		}
	}
	if len(shared) != 1 {
		t.Errorf("the candidate's shared map changed: %v", shared)
	}
	p := solveOne(t, req, PlanOptions{Objective: ObjectiveCost})
	if got := steps(p); len(got) != 1 || got[0] != "cip:11.1006:bachelor" {
		t.Errorf("steps %v, want the computer support bachelor's alone", got)
	}
}

// TestCatalogProgramOfAField: a catalog's program that names no
// occupations leads where its field's programs do (OccupationsOfField): the
// occupation rule keeps it from closing the gaps of a role elsewhere (an
// advanced manufacturing associate degree for sales engineers), and it
// keeps its own, curated list where its field is the role's.
func TestCatalogProgramOfAField(t *testing.T) {
	target := []Requirement{{SkillID: "sales", Level: 4, Required: true}, {SkillID: "mechanical", Level: 4, Required: true}}
	manufacturing := PlanCredential{ID: "associate-degree-manufacturing-technology", Field: "15.0613", ConfersRank: 3, Cost: 10500,
		Occupations: []string{"17-3026"}, OccupationsOfField: true, Certifies: map[string]int{"mechanical": 4}}
	sales := "41-9031.00"
	technologists := "17-3026.00"
	for _, tt := range []struct {
		code string
		want map[string]int
	}{{sales, nil}, {technologists, map[string]int{"mechanical": 4}}} {
		g := PlanGraph{Role: Role{OccupationCode: &tt.code}, Target: target, TargetEducationRank: 3,
			FieldAcceptance: FieldAcceptance{AnyField: true}, Candidates: []PlanCredential{manufacturing}}
		if got := g.Request(NewHeld()).Candidates[0].closing(); !maps.Equal(got, tt.want) {
			t.Errorf("%s: the manufacturing associate closes %v, want %v", tt.code, got, tt.want)
		}
	}
}

// TestNoDedicatedProgram: a role no program is dedicated to is taught by
// each program naming its own occupation, so its plan is one program (the
// one whose own list covers more, at equal cost), not one per gap; a
// program naming other occupations only keeps its list. Where a program is
// dedicated, the others keep their lists.
func TestNoDedicatedProgram(t *testing.T) {
	code := "13-1111.00" // Management Analysts
	target := []Requirement{{SkillID: "analysis", Level: 4, Required: true}, {SkillID: "personnel", Level: 4, Required: true},
		{SkillID: "economics", Level: 4, Required: true}}
	business := PlanCredential{ID: "cip:52.0101:bachelor", Field: "52.0101", Occupations: []string{"11-1021", "11-3012", "13-1111"},
		ConfersRank: 4, Cost: 64000, Certifies: map[string]int{"analysis": 4, "economics": 4}}
	psychology := PlanCredential{ID: "cip:42.2804:bachelor", Field: "42.2804", Occupations: []string{"11-3121", "13-1111", "19-3032"},
		ConfersRank: 4, Cost: 64000, Certifies: map[string]int{"personnel": 4}}
	finance := PlanCredential{ID: "cip:52.0801:bachelor", Field: "52.0801", Occupations: []string{"11-3031", "13-2051"},
		ConfersRank: 4, Cost: 64000, Certifies: map[string]int{"economics": 5}}
	consulting := PlanCredential{ID: "cip:52.1301:bachelor", Field: "52.1301", Occupations: []string{"13-1111", "13-1199"},
		ConfersRank: 4, Cost: 70000, Certifies: map[string]int{"analysis": 4}}
	fields := []string{"52.0101", "42.2804", "52.0801", "52.1301"}
	plan := func(cands ...PlanCredential) ([]string, map[string]int) {
		g := PlanGraph{Role: Role{OccupationCode: &code}, Target: target, TargetEducationRank: 4,
			FieldAcceptance: FieldAcceptance{Fields: fields}, Candidates: cands}
		req := g.Request(NewHeld())
		held := NewHeld()
		held.EducationRank = 1
		return steps(solveOne(t, g.Request(held), PlanOptions{Objective: ObjectiveCost})), req.Candidates[len(cands)-1].closing()
	}
	if got, finance := plan(business, psychology, finance); !slices.Equal(got, []string{"cip:52.0101:bachelor"}) ||
		!maps.Equal(finance, map[string]int{"economics": 5}) {
		t.Errorf("no dedicated program: steps %v, want the business bachelor's alone; finance closes %v, its own list", got, finance)
	}
	if _, business := plan(consulting, business); !maps.Equal(business, map[string]int{"analysis": 4, "economics": 4}) {
		t.Errorf("with a dedicated program, the business bachelor's closes %v, want its own list", business)
	}
}

// TestMostlyDedicatedProgramTeachesTheRole: a program most of whose
// occupations lie in the role's minor group teaches it (Human Resources
// Management: HR specialists and compensation specialists, and HR
// managers); one with half or fewer there keeps its own list (Finance).
func TestMostlyDedicatedProgramTeachesTheRole(t *testing.T) {
	code := "13-1141.00"
	target := []Requirement{{SkillID: "personnel", Level: 4, Required: true}, {SkillID: "writing", Level: 4, Required: true}}
	hr := PlanCredential{ID: "cip:52.1001:bachelor", Field: "52.1001", Occupations: []string{"11-3121", "13-1071", "13-1141"},
		ConfersRank: 4, Cost: 64000, Certifies: map[string]int{"personnel": 5}}
	finance := PlanCredential{ID: "cip:52.0801:bachelor", Field: "52.0801", Occupations: []string{"11-3031", "13-1141", "13-2051", "13-2052"},
		ConfersRank: 4, Cost: 64000, Certifies: map[string]int{"personnel": 5}}
	g := PlanGraph{Role: Role{OccupationCode: &code}, Target: target, TargetEducationRank: 4,
		FieldAcceptance: FieldAcceptance{Fields: []string{"52.1001", "52.0801"}}, Candidates: []PlanCredential{hr, finance}}
	req := g.Request(NewHeld())
	if got, want := req.Candidates[0].closing(), map[string]int{"personnel": 5, "writing": 4}; !maps.Equal(got, want) {
		t.Errorf("HR management closes %v, want %v", got, want)
	}
	if got, want := req.Candidates[1].closing(), map[string]int{"personnel": 5}; !maps.Equal(got, want) {
		t.Errorf("finance closes %v, want its own list %v", got, want)
	}
}

// TestNamesakeProgramTeachesTheRole: a program whose name is made for the
// role (its namesake) teaches it, though the crosswalk also sends it to
// managers of another group; one that only lists the role keeps its list.
func TestNamesakeProgramTeachesTheRole(t *testing.T) {
	code := "29-1051.00"
	target := []Requirement{{SkillID: "chemistry", Level: 5, Required: true}, {SkillID: "customers", Level: 4, Required: true}}
	pharmacy := PlanCredential{ID: "cip:51.2001:doctorate", Field: "51.2001", Occupations: []string{"11-9111", "29-1051"},
		Namesakes: []string{"29-1051"}, ConfersRank: 6, Cost: 90000, Certifies: map[string]int{"chemistry": 5}}
	listed := pharmacy
	listed.ID, listed.Namesakes = "cip:51.2099:doctorate", nil
	g := PlanGraph{Role: Role{OccupationCode: &code}, Target: target, TargetEducationRank: 6,
		FieldAcceptance: FieldAcceptance{Fields: []string{"51.2001"}}, Candidates: []PlanCredential{pharmacy, listed}}
	req := g.Request(NewHeld())
	if got, want := req.Candidates[0].closing(), map[string]int{"chemistry": 5, "customers": 4}; !maps.Equal(got, want) {
		t.Errorf("the namesake program closes %v, want %v", got, want)
	}
	if got, want := req.Candidates[1].closing(), map[string]int{"chemistry": 5}; !maps.Equal(got, want) {
		t.Errorf("a program that only lists the role closes %v, want its own list %v", got, want)
	}
}

// TestFitBreaksTies: of two plans equal in every total, the one whose
// program is made for the role wins over a smaller id; with fits equal, the
// smaller id still decides.
func TestFitBreaksTies(t *testing.T) {
	code := "29-1161.00"
	target := []Requirement{{SkillID: "midwifery", Level: 4, Required: true}, {SkillID: "biology", Level: 3, Required: true}}
	master := PlanCredential{ID: "m:midwifery", Field: "51.3807", Occupations: []string{"29-1161"}, ConfersRank: 5,
		Cost: 45000, Certifies: map[string]int{"midwifery": 5, "biology": 5}, Prerequisites: [][]Prereq{{{EducationRank: 4}}}}
	// Two bachelor's at one cost: accounting sorts first by id.
	accounting := PlanCredential{ID: "a:accounting", Field: "52.0301", Occupations: []string{"13-2011"}, ConfersRank: 4, Cost: 40000}
	nursing := PlanCredential{ID: "n:nursing", Field: "51.3801", Occupations: []string{"29-1141"}, ConfersRank: 4, Cost: 40000,
		Certifies: map[string]int{"biology": 4}}
	general := PlanCredential{ID: "b:nursing", Field: "51.3801", Occupations: []string{"29-1141"}, ConfersRank: 4, Cost: 40000,
		Certifies: map[string]int{"biology": 4}}
	tests := []struct {
		name  string
		cands []PlanCredential
		want  string
	}{
		{"a related bachelor's over a smaller id", []PlanCredential{master, accounting, nursing}, "n:nursing"},
		{"equal fits: the smaller id", []PlanCredential{master, nursing, general}, "b:nursing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := PlanGraph{Role: Role{OccupationCode: &code}, Target: target, TargetEducationRank: 5,
				FieldAcceptance: FieldAcceptance{Fields: []string{"51.3807"}, Preparing: []string{"m:midwifery"}},
				Candidates:      slices.Clone(tt.cands)}
			req := g.Request(NewHeld())
			for _, o := range []Objective{ObjectiveCost, ObjectiveHours} {
				p := solveOne(t, req, PlanOptions{Objective: o})
				if got := steps(p); !slices.Equal(got, []string{tt.want, "m:midwifery"}) {
					t.Errorf("%v: steps %v, want [%s m:midwifery]", o, got, tt.want)
				}
			}
		})
	}
}

// TestTeacherFieldTeaches: for a postsecondary teacher, a program of a
// field the role accepts teaches its required skills (there is no program
// of the role's own to be dedicated).
func TestTeacherFieldTeaches(t *testing.T) {
	for _, tt := range []struct {
		code  string
		teach bool
	}{{"25-1072.00", true}, {"29-1141.00", false}} {
		code := tt.code
		g := PlanGraph{Role: Role{OccupationCode: &code},
			Target:          []Requirement{{SkillID: "instructing", Level: 5, Required: true}},
			FieldAcceptance: FieldAcceptance{Fields: []string{"51.3203"}},
			Candidates: []PlanCredential{{ID: "cip:51.3203:master", Field: "51.3203", Occupations: []string{"11-9033"},
				ConfersRank: 5, Certifies: map[string]int{"negotiation": 5}}}}
		req := g.Request(NewHeld())
		if got := req.Candidates[0].closing()["instructing"] == 5; got != tt.teach {
			t.Errorf("%s: the field's master's teaches instructing: %v, want %v", code, got, tt.teach)
		}
	}
}

// TestNamesakeFitsFirst: of two programs a teacher role accepts at one
// cost, the one whose name is made for it (Nursing Education) wins over
// one whose own list covers more of the role's skills (Nurse Midwifery).
func TestNamesakeFitsFirst(t *testing.T) {
	code := "25-1072.00"
	target := []Requirement{{SkillID: "instructing", Level: 4, Required: true}, {SkillID: "medicine", Level: 4, Required: true}}
	education := PlanCredential{ID: "cip:51.3203:master", Field: "51.3203", Occupations: []string{"11-9033"}, Namesakes: []string{"25-1072"},
		ConfersRank: 5, Cost: 45000, Certifies: map[string]int{"instructing": 5}}
	midwifery := PlanCredential{ID: "cip:51.3807:master", Field: "51.3807", Occupations: []string{"29-1161"},
		ConfersRank: 5, Cost: 45000, Certifies: map[string]int{"instructing": 5, "medicine": 5}}
	g := PlanGraph{Role: Role{OccupationCode: &code}, Target: target, TargetEducationRank: 5,
		FieldAcceptance: FieldAcceptance{Fields: []string{"51.3203", "51.3807"}}, Candidates: []PlanCredential{education, midwifery}}
	held := NewHeld()
	held.EducationRank = 4
	p := solveOne(t, g.Request(held), PlanOptions{Objective: ObjectiveCost})
	if got := steps(p); !slices.Equal(got, []string{"cip:51.3203:master"}) {
		t.Errorf("steps %v, want Nursing Education's master's", got)
	}
}

// TestAboveRole: for a role whose entry education is a certificate or
// less, a bachelor's closes none of its gaps (the gap is reported
// uncovered); an associate degree still may, and a bachelor's still closes
// those of a role that requires an associate degree.
func TestAboveRole(t *testing.T) {
	code := "43-6013.00"
	target := []Requirement{{SkillID: "administrative", Level: 4, Required: true}, {SkillID: "medicine", Level: 3, Required: true}}
	cert := PlanCredential{ID: "cip:51.0711:certificate", Field: "51.0711", Occupations: []string{"43-6013"}, ConfersRank: 2,
		Cost: 6000, Certifies: map[string]int{"administrative": 3, "medicine": 3}}
	bachelor := PlanCredential{ID: "cip:51.0711:bachelor", Field: "51.0711", Occupations: []string{"43-6013"}, ConfersRank: 4,
		Cost: 48000, Certifies: map[string]int{"administrative": 5, "medicine": 5}}
	associate := PlanCredential{ID: "cip:51.0716:associate", Field: "51.0716", Occupations: []string{"43-6013"}, ConfersRank: 3,
		Cost: 11000, Certifies: map[string]int{"administrative": 4}}
	narrow := bachelor // a bachelor's that leaves Administrative at 3
	narrow.Certifies = map[string]int{"administrative": 3, "medicine": 3}
	master := PlanCredential{ID: "cip:51.0711:master", Field: "51.0711", Occupations: []string{"43-6013"}, ConfersRank: 5,
		Cost: 45000, Certifies: map[string]int{"administrative": 5}, Prerequisites: [][]Prereq{{{EducationRank: 4}}}}
	tests := []struct {
		name      string
		rank      int
		cands     []PlanCredential
		want      []string
		uncovered int
	}{
		{"high school: the certificate, the rest on the job", 1, []PlanCredential{cert, bachelor}, []string{"cip:51.0711:certificate"}, 1},
		{"high school: an associate degree still closes", 1, []PlanCredential{cert, bachelor, associate},
			[]string{"cip:51.0716:associate"}, 0}, // dedicated: it teaches medicine too
		{"an associate's role: the associate degree, not the bachelor's", 3, []PlanCredential{cert, bachelor, associate},
			[]string{"cip:51.0716:associate"}, 0},
		{"a bachelor's role: the bachelor's closes", 4, []PlanCredential{cert, bachelor}, []string{"cip:51.0711:bachelor"}, 0},
		{"a bachelor's role: no master's for its gaps", 4, []PlanCredential{narrow, master}, []string{"cip:51.0711:bachelor"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := PlanGraph{Role: Role{OccupationCode: &code}, Target: target, TargetEducationRank: tt.rank,
				FieldAcceptance: FieldAcceptance{AnyField: true}, Candidates: slices.Clone(tt.cands)}
			held := NewHeld()
			held.EducationRank = 1
			p := solveOne(t, g.Request(held), PlanOptions{Objective: ObjectiveCost})
			if got := steps(p); !slices.Equal(got, tt.want) || len(p.Uncovered) != tt.uncovered {
				t.Errorf("steps %v uncovered %v, want %v and %d uncovered", got, p.Uncovered, tt.want, tt.uncovered)
			}
		})
	}
}

// TestLearnedOnTheJob: a role of job zone 1 or 2 takes only credentials
// meant for it (the program naming it, which teaches it up to level 4),
// and none above what its zone asks (job zone 1: no program; job zone 2: a
// certificate at most), even when it lists no education; its other gaps
// are left to the job. A role of job zone 3, or a catalog's ENTRY role
// without a zone, keeps every credential.
func TestLearnedOnTheJob(t *testing.T) {
	code := "47-3012.00" // Helpers--Carpenters
	target := []Requirement{{SkillID: "mechanical", Level: 4, Required: true}, {SkillID: "leadership", Level: 5, Required: true}}
	manufacturing := PlanCredential{ID: "associate-manufacturing", Field: "15.0613", ConfersRank: 3, Cost: 10500,
		Certifies: map[string]int{"mechanical": 4}}
	leadership := PlanCredential{ID: "leadership-essentials", ConfersRank: -1, Cost: 450, Certifies: map[string]int{"leadership": 5}}
	carpentry := PlanCredential{ID: "cip:46.0201:certificate", Field: "46.0201", Occupations: []string{"47-3012"}, ConfersRank: 2,
		Cost: 6000, Certifies: map[string]int{"mechanical": 4}}
	construction := PlanCredential{ID: "cip:46.0412:associate", Field: "46.0412", Occupations: []string{"47-3012"}, ConfersRank: 3,
		Cost: 5000, Certifies: map[string]int{"mechanical": 4, "leadership": 5}}
	zone := func(z int) *int { return &z }
	entry := LevelEntry
	tests := []struct {
		name      string
		role      Role
		education int
		want      []string
		uncovered int
	}{
		{"job zone 2: only the certificate naming the role, the rest on the job", Role{OccupationCode: &code, JobZone: zone(2)}, 1,
			[]string{"cip:46.0201:certificate"}, 1},
		{"job zone 2 listing no education: the same", Role{OccupationCode: &code, JobZone: zone(2)}, 0,
			[]string{"cip:46.0201:certificate"}, 1},
		{"job zone 1: no program", Role{OccupationCode: &code, JobZone: zone(1)}, 0, nil, 2},
		{"job zone 3: every credential closes, the associate degree too", Role{OccupationCode: &code, JobZone: zone(3)}, 1,
			[]string{"cip:46.0412:associate"}, 0},
		{"a catalog's ENTRY role without a zone: every credential closes", Role{OccupationCode: &code, Level: &entry}, 1,
			[]string{"cip:46.0412:associate"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := PlanGraph{Role: tt.role, Target: target, TargetEducationRank: tt.education, FieldAcceptance: FieldAcceptance{AnyField: true},
				Candidates: []PlanCredential{manufacturing, leadership, carpentry, construction}}
			held := NewHeld()
			held.EducationRank = 1
			p := solveOne(t, g.Request(held), PlanOptions{Objective: ObjectiveCost})
			if got := steps(p); !slices.Equal(got, tt.want) || len(p.Uncovered) != tt.uncovered {
				t.Errorf("steps %v uncovered %v, want %v and %d uncovered", got, p.Uncovered, tt.want, tt.uncovered)
			}
		})
	}
}
