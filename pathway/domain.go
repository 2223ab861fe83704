package pathway

import "regexp"

// The one proficiency scale, used by every skill level in the graph:
// 1 awareness, 2 basic, 3 working, 4 advanced, 5 expert. Importers convert
// their sources' scales onto it.
const (
	MinLevel = 1
	MaxLevel = 5
)

// RoleLevel is a role's place on the career ladder.
type RoleLevel string

// Role levels.
const (
	LevelEntry        RoleLevel = "ENTRY"
	LevelMiddleSkill  RoleLevel = "MIDDLE_SKILL"
	LevelProfessional RoleLevel = "PROFESSIONAL"
	LevelExecutive    RoleLevel = "EXECUTIVE"
)

// Role is a job: a node of kind Role. The JSON names are the import
// format's (cypher.GraphRole embeds a Role).
type Role struct {
	ID                   string     `json:"id"`
	Title                string     `json:"title"`
	Level                *RoleLevel `json:"level,omitempty"`
	Industry             *string    `json:"industry,omitempty"`
	OccupationCode       *string    `json:"occupationCode,omitempty"`
	WageMin              *float64   `json:"wageMin,omitempty"`
	WageMax              *float64   `json:"wageMax,omitempty"`
	WageMedian           *float64   `json:"wageMedian,omitempty"`
	Vacancies            *int       `json:"vacancies,omitempty"`
	TurnoverRate         *float64   `json:"turnoverRate,omitempty"` // percent of incumbents who leave in a year
	AdvancementPotential *bool      `json:"advancementPotential,omitempty"`
	JobZone              *int       `json:"jobZone,omitempty"`
	// AcceptsAnyField says a degree in any field meets the education
	// requirement; otherwise its field must prepare for the role (FieldRule).
	AcceptsAnyField *bool    `json:"acceptsAnyField,omitempty"`
	Employment      *int     `json:"employment,omitempty"`      // people in the role (BLS OEWS)
	ProjectedGrowth *float64 `json:"projectedGrowth,omitempty"` // percent over ten years (BLS projections)
	EntryEducation  *string  `json:"entryEducation,omitempty"`  // BLS's typical entry education, in its words
	EntryTraining   *string  `json:"entryTraining,omitempty"`   // BLS's typical on-the-job training
	// Interests is the role's RIASEC profile (O*NET's occupational
	// interests): six scores, 1 to 7; nil when unknown.
	Interests   []float64 `json:"interests,omitempty"`
	Description *string   `json:"description,omitempty"`
}

// Skill is a skill, competency or knowledge area.
type Skill struct {
	ID            string
	Name          string
	Category      *string
	Type          *string // SPECIALIZED, COMMON (soft), SOFTWARE, KNOWLEDGE
	HalfLifeYears *float64
	Description   *string
	// CommonLevel is derived with the overlap edges, never written: the
	// level at or below which a gap in the skill is foundational
	// (foundational.go); nil when it has none.
	CommonLevel *int
}

// Credential is anything a person can earn: a certification, license,
// certificate, badge, course, program or degree.
type Credential struct {
	ID                 string
	Name               string
	Kind               string
	Issuer             *string
	Cost               *float64 // per person, USD
	CohortCost         *float64 // paid once when any member of a cohort takes it
	Hours              *float64
	Weeks              *float64
	IndustryRecognized *bool
	CTID               *string // Credential Engine id, where known
	Field              *string // a program's or degree's field: a CIP 2020 code
	Estimated          *bool   // cost, hours and weeks are a rule's estimates
}

// EducationLevel is a rung of formal education: none, high school, ...,
// doctorate, ordered by Rank.
type EducationLevel struct {
	ID   string
	Name string
	Rank int
}

// DegreeRank is the rank of the associate degree: a role whose education
// requirement is at or above it requires a degree.
const DegreeRank = 3

// WageRange is an annual wage range in USD.
type WageRange struct {
	Min    *float64
	Max    *float64
	Median *float64
}

// Wage returns the role's wage range, or nil when none of it is known.
func (r Role) Wage() *WageRange {
	if r.WageMin == nil && r.WageMax == nil && r.WageMedian == nil {
		return nil
	}
	return &WageRange{Min: r.WageMin, Max: r.WageMax, Median: r.WageMedian}
}

// RoleSkill is a (:Role)-[:REQUIRES]->(:Skill) edge: a skill of a role's
// profile, required on day one or preferred (teachable).
type RoleSkill struct {
	RoleID     string
	Skill      Skill
	Level      int
	Importance *float64
	Required   bool
}

// CertifiedSkill is a (:Credential)-[:CERTIFIES]->(:Skill) edge.
type CertifiedSkill struct {
	Credential Credential
	Skill      Skill
	Level      int
}

// PrerequisiteGroup is one group of a credential's prerequisites: the
// (:Credential)-[:REQUIRES {group}]-> edges sharing a group are alternatives
// ("any one of"); every group must be met.
type PrerequisiteGroup struct {
	Group           string
	Credentials     []Credential
	EducationLevels []EducationLevel
}

// StackEdge is a (:Credential)-[:STACKS_INTO]->(:Credential) edge seen from
// one end: the credential at the other end and the credit carried over.
type StackEdge struct {
	Credential  Credential
	CreditHours float64
	CreditCost  float64
}

// RoleOverlap is a derived (:Role)-[:OVERLAPS]->(:Role) edge seen from its
// start: how ready a person in the start role is for Role.
type RoleOverlap struct {
	Role         Role
	Score        float64
	SharedSkills int
}

// HeldSkill is a skill a person holds at a level.
type HeldSkill struct {
	SkillID string
	Level   int
}

// Profile is where a person is: a query input, never stored. A profile that
// names a role holds that role's required skills at their levels, its
// required credentials and its education level, besides what it lists.
type Profile struct {
	RoleID           string
	Skills           []HeldSkill
	CredentialIDs    []string
	EducationLevelID string
	// EducationField is the field of the education level held (a CIP 2020
	// code), where the person gives it: without one, the level meets only
	// requirements that accept any field.
	EducationField string
	// Interests are the person's RIASEC scores (InterestsFromCode turns a
	// Holland code into them); nil when not given.
	Interests []float64
}

var idPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}$`)

// ValidateID checks an application id: 1 to 200 characters of letters,
// digits and . _ : / -, starting with a letter or digit.
func ValidateID(field, id string) error {
	if !idPattern.MatchString(id) {
		return fieldErr(field, "%s %q is not a valid id (1-200 letters, digits or . _ : / -, starting with a letter or digit)", field, id)
	}
	return nil
}

// ValidateLevel checks a proficiency level against the one scale.
func ValidateLevel(field string, level int) error {
	if level < MinLevel || level > MaxLevel {
		return fieldErr(field, "%s must be a proficiency level from %d to %d, got %d", field, MinLevel, MaxLevel, level)
	}
	return nil
}

// RoleOnly says the profile lists no skills or credentials of its own: its
// skills are its role's, if it names one (an education level adds none).
func (p Profile) RoleOnly() bool {
	return len(p.Skills) == 0 && len(p.CredentialIDs) == 0
}

// EntryLevel says the role is entry level: O*NET job zone 1 or 2 (a
// high-school diploma at most, then a few months to a year beside
// experienced workers), or, where the zone is unknown, the level ENTRY.
func (r *Role) EntryLevel() bool {
	if r.JobZone != nil {
		return *r.JobZone <= 2
	}
	return r.Level != nil && *r.Level == LevelEntry
}
