package pathway

import "testing"

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
