package pathway

import (
	"slices"
	"testing"
)

func TestSkillsByCategory(t *testing.T) {
	net, soft := "Networking", "Soft"
	p := []RoleSkill{
		{Skill: Skill{ID: "tcp", Category: &net}, Required: true},
		{Skill: Skill{ID: "talk", Category: &soft}},
		{Skill: Skill{ID: "dns", Category: &net}},
		{Skill: Skill{ID: "misc"}, Required: true},
	}
	got := SkillsByCategory(p)
	var names []string
	for _, c := range got {
		names = append(names, c.Name)
	}
	if !slices.Equal(names, []string{"Networking", "Other", "Soft"}) {
		t.Fatalf("categories %v", names)
	}
	if n := got[0]; len(n.Required) != 1 || n.Required[0].Skill.ID != "tcp" || len(n.Preferred) != 1 || n.Preferred[0].Skill.ID != "dns" {
		t.Errorf("Networking: %+v", n)
	}
	if len(PreferredSkills(p)) != 2 || len(RequiredSkills(p)) != 2 {
		t.Errorf("required %v, preferred %v", RequiredSkills(p), PreferredSkills(p))
	}
}

func TestProfileWithRecords(t *testing.T) {
	p := Profile{RoleID: "r", Skills: []HeldSkill{{SkillID: "a", Level: 2}}}
	rec := Profile{Skills: []HeldSkill{{SkillID: "known", Level: 3}, {SkillID: "unknown", Level: 5}}, CredentialIDs: []string{"badge", "elsewhere"}}
	got := p.WithRecords(rec, map[string]Skill{"known": {ID: "known"}}, map[string]Credential{"badge": {ID: "badge"}})
	if len(got.Skills) != 2 || got.Skills[1].SkillID != "known" || !slices.Equal(got.CredentialIDs, []string{"badge"}) || got.RoleID != "r" {
		t.Errorf("WithRecords = %+v, want the known skill and badge added", got)
	}
}
