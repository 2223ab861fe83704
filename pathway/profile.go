package pathway

import (
	"cmp"
	"slices"
)

// Skills profiles: a role's skills as people read them.

// RequiredSkills keeps the required skills of a profile, in its order: for a
// degree role, the skills that stand in for the degree.
func RequiredSkills(profile []RoleSkill) []RoleSkill {
	return skillsWhere(profile, true)
}

// PreferredSkills keeps the preferred (teachable) skills of a profile, in its order.
func PreferredSkills(profile []RoleSkill) []RoleSkill {
	return skillsWhere(profile, false)
}

func skillsWhere(profile []RoleSkill, required bool) []RoleSkill {
	out := []RoleSkill{}
	for _, rs := range profile {
		if rs.Required == required {
			out = append(out, rs)
		}
	}
	return out
}

// UncategorizedSkills is the category of skills that have none.
const UncategorizedSkills = "Other"

// SkillCategory is one category of a skills profile, required and preferred
// skills apart, each in the profile's order.
type SkillCategory struct {
	Name                string
	Required, Preferred []RoleSkill
}

// SkillsByCategory groups a profile by its skills' categories, by name.
func SkillsByCategory(profile []RoleSkill) []SkillCategory {
	byName := map[string]*SkillCategory{}
	for _, rs := range profile {
		name := UncategorizedSkills
		if rs.Skill.Category != nil && *rs.Skill.Category != "" {
			name = *rs.Skill.Category
		}
		c := byName[name]
		if c == nil {
			c = &SkillCategory{Name: name, Required: []RoleSkill{}, Preferred: []RoleSkill{}}
			byName[name] = c
		}
		if rs.Required {
			c.Required = append(c.Required, rs)
		} else {
			c.Preferred = append(c.Preferred, rs)
		}
	}
	out := make([]SkillCategory, 0, len(byName))
	for _, c := range byName {
		out = append(out, *c)
	}
	slices.SortFunc(out, func(a, b SkillCategory) int { return cmp.Compare(a.Name, b.Name) })
	return out
}

// WithRecords adds what a person's records (badges, transcripts) hold to the
// profile, keeping only the skills and credentials the graph knows: a badge
// aligned to a framework never imported still counts for what it can.
func (p Profile) WithRecords(records Profile, skills map[string]Skill, credentials map[string]Credential) Profile {
	for _, s := range records.Skills {
		if _, ok := skills[s.SkillID]; ok {
			p.Skills = append(p.Skills, s)
		}
	}
	for _, id := range records.CredentialIDs {
		if _, ok := credentials[id]; ok {
			p.CredentialIDs = append(p.CredentialIDs, id)
		}
	}
	return p
}
