package pathway

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
)

// The validators: one per node kind and one per checked edge property. The
// mutations and every import call these same functions, so a rule holds
// however a node reaches the graph. Each error is a *FieldError: it names
// the field as the API spells it and the value, and wraps ErrInvalid.

// FieldError is a value that breaks a rule. Importers read Field to point
// at the column or key the value came from.
type FieldError struct {
	Field string // as the API spells it: wageMax, jobZone, ...
	Msg   string // the whole message, naming the field and its value
}

func (e *FieldError) Error() string { return e.Msg + ": " + ErrInvalid.Error() }

// Unwrap makes errors.Is(err, ErrInvalid) hold.
func (e *FieldError) Unwrap() error { return ErrInvalid }

func fieldErr(field, format string, args ...any) error {
	return &FieldError{Field: field, Msg: fmt.Sprintf(format, args...)}
}

// Bounds of the checked fields.
const (
	MinJobZone       = 1
	MaxJobZone       = 5
	MaxTurnoverRate  = 100 // percent
	MinImportance    = 1
	MaxImportance    = 5
	MaxEducationRank = 20
)

// SkillTypes are the skill taxonomy's types.
var SkillTypes = []string{"SPECIALIZED", "COMMON", "SOFTWARE", "KNOWLEDGE"}

// RoleLevels are the role levels, lowest first.
var RoleLevels = []RoleLevel{LevelEntry, LevelMiddleSkill, LevelProfessional, LevelExecutive}

// ValidateText checks an optional text field: when given, not blank.
func ValidateText(field string, v *string) error {
	if v != nil && strings.TrimSpace(*v) == "" {
		return fieldErr(field, "%s must not be empty", field)
	}
	return nil
}

// ValidateNonNegative checks an optional amount: when given, finite and >= 0.
func ValidateNonNegative(field string, v *float64) error {
	if v != nil && !(*v >= 0 && !math.IsInf(*v, 1)) {
		return fieldErr(field, "%s must be a finite number >= 0, got %v", field, *v)
	}
	return nil
}

// ValidateRange checks an optional number: when given, from lo to hi.
func ValidateRange(field string, v *float64, lo, hi float64) error {
	if v != nil && !(*v >= lo && *v <= hi) {
		return fieldErr(field, "%s must be from %v to %v, got %v", field, lo, hi, *v)
	}
	return nil
}

// ValidateIntRange checks an optional whole number: when given, from lo to hi.
func ValidateIntRange(field string, v *int, lo, hi int) error {
	if v != nil && (*v < lo || *v > hi) {
		return fieldErr(field, "%s must be from %d to %d, got %d", field, lo, hi, *v)
	}
	return nil
}

// ValidateImportance checks an edge's optional importance, on O*NET's 1 to 5 scale.
func ValidateImportance(field string, v *float64) error {
	return ValidateRange(field, v, MinImportance, MaxImportance)
}

// firstError returns the first non-nil error.
func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// Validate checks the level is one of RoleLevels.
func (l RoleLevel) Validate() error {
	if !slices.Contains(RoleLevels, l) {
		return fieldErr("level", "level must be ENTRY, MIDDLE_SKILL, PROFESSIONAL or EXECUTIVE, got %q", string(l))
	}
	return nil
}

// Validate checks a wage range: each end given is an amount >= 0, and
// wageMin <= wageMedian <= wageMax where both sides are given.
func (w WageRange) Validate() error {
	err := firstError(
		ValidateNonNegative("wageMin", w.Min),
		ValidateNonNegative("wageMax", w.Max),
		ValidateNonNegative("wageMedian", w.Median),
	)
	switch {
	case err != nil:
		return err
	case w.Min != nil && w.Max != nil && *w.Max < *w.Min:
		return fieldErr("wageMax", "wageMax (%v) must not be below wageMin (%v)", *w.Max, *w.Min)
	case w.Min != nil && w.Median != nil && *w.Median < *w.Min:
		return fieldErr("wageMedian", "wageMedian (%v) must not be below wageMin (%v)", *w.Median, *w.Min)
	case w.Max != nil && w.Median != nil && *w.Median > *w.Max:
		return fieldErr("wageMedian", "wageMedian (%v) must not be above wageMax (%v)", *w.Median, *w.Max)
	}
	return nil
}

// RoleFields are a role's properties but its id, each optional: what an
// update changes (nil: unchanged). A whole role is checked by Role.Validate.
type RoleFields struct {
	Title                *string
	Level                *RoleLevel
	Industry             *string
	OccupationCode       *string
	Description          *string
	WageMin              *float64
	WageMax              *float64
	WageMedian           *float64
	Vacancies            *int
	TurnoverRate         *float64
	AdvancementPotential *bool
	JobZone              *int
	AcceptsAnyField      *bool
	Employment           *int
	ProjectedGrowth      *float64
	EntryEducation       *string
	EntryTraining        *string
	Interests            []float64
}

// Fields are the role's properties as RoleFields, the title always set.
func (r Role) Fields() RoleFields {
	return RoleFields{
		Title:                &r.Title,
		Level:                r.Level,
		Industry:             r.Industry,
		OccupationCode:       r.OccupationCode,
		Description:          r.Description,
		WageMin:              r.WageMin,
		WageMax:              r.WageMax,
		WageMedian:           r.WageMedian,
		Vacancies:            r.Vacancies,
		TurnoverRate:         r.TurnoverRate,
		AdvancementPotential: r.AdvancementPotential,
		JobZone:              r.JobZone,
		AcceptsAnyField:      r.AcceptsAnyField,
		Employment:           r.Employment,
		ProjectedGrowth:      r.ProjectedGrowth,
		EntryEducation:       r.EntryEducation,
		EntryTraining:        r.EntryTraining,
		Interests:            r.Interests,
	}
}

// Validate checks the fields given: a title not blank, a known level, the
// wages (see WageRange.Validate), vacancies >= 0, a turnover rate from 0 to
// 100 percent and a job zone from 1 to 5.
func (f RoleFields) Validate() error {
	var level, vacancies, employment, growth error
	if f.Level != nil {
		level = f.Level.Validate()
	}
	if f.Vacancies != nil && *f.Vacancies < 0 {
		vacancies = fieldErr("vacancies", "vacancies must be >= 0, got %d", *f.Vacancies)
	}
	if f.Employment != nil && *f.Employment < 0 {
		employment = fieldErr("employment", "employment must be >= 0, got %d", *f.Employment)
	}
	if g := f.ProjectedGrowth; g != nil && (math.IsNaN(*g) || math.IsInf(*g, 0) || *g < -100) {
		growth = fieldErr("projectedGrowth", "projectedGrowth must be a finite percent >= -100, got %v", *g)
	}
	return firstError(
		ValidateText("title", f.Title),
		level,
		WageRange{Min: f.WageMin, Max: f.WageMax, Median: f.WageMedian}.Validate(),
		vacancies,
		ValidateRange("turnoverRate", f.TurnoverRate, 0, MaxTurnoverRate),
		ValidateIntRange("jobZone", f.JobZone, MinJobZone, MaxJobZone),
		employment,
		growth,
		ValidateInterests("interests", f.Interests),
	)
}

// Validate checks a whole role: a valid id, a title, and the rules of
// RoleFields.Validate.
func (r Role) Validate() error {
	return firstError(ValidateID("id", r.ID), r.Fields().Validate())
}

// SkillFields are a skill's properties but its id, each optional.
type SkillFields struct {
	Name          *string
	Category      *string
	Type          *string
	HalfLifeYears *float64
	Description   *string
}

// Fields are the skill's properties as SkillFields, the name always set.
func (s Skill) Fields() SkillFields {
	return SkillFields{Name: &s.Name, Category: s.Category, Type: s.Type, HalfLifeYears: s.HalfLifeYears, Description: s.Description}
}

// Validate checks the fields given: a name not blank, a type of SkillTypes
// and a half-life > 0.
func (f SkillFields) Validate() error {
	var typ, halfLife error
	if f.Type != nil && !slices.Contains(SkillTypes, *f.Type) {
		typ = fieldErr("type", "type must be one of %s, got %q", strings.Join(SkillTypes, ", "), *f.Type)
	}
	if f.HalfLifeYears != nil && !(*f.HalfLifeYears > 0 && !math.IsInf(*f.HalfLifeYears, 1)) {
		halfLife = fieldErr("halfLifeYears", "halfLifeYears must be a finite number > 0, got %v", *f.HalfLifeYears)
	}
	return firstError(ValidateText("name", f.Name), typ, halfLife)
}

// Validate checks a whole skill: a valid id, a name, and the rules of
// SkillFields.Validate.
func (s Skill) Validate() error {
	return firstError(ValidateID("id", s.ID), s.Fields().Validate())
}

// CredentialFields are a credential's properties but its id, each optional.
type CredentialFields struct {
	Name               *string
	Kind               *string
	Issuer             *string
	Cost               *float64
	CohortCost         *float64
	Hours              *float64
	Weeks              *float64
	IndustryRecognized *bool
	CTID               *string
	Field              *string
	Estimated          *bool
}

// Fields are the credential's properties as CredentialFields, the name and
// kind always set.
func (c Credential) Fields() CredentialFields {
	return CredentialFields{Name: &c.Name, Kind: &c.Kind, Issuer: c.Issuer, Cost: c.Cost, CohortCost: c.CohortCost,
		Hours: c.Hours, Weeks: c.Weeks, IndustryRecognized: c.IndustryRecognized, CTID: c.CTID,
		Field: c.Field, Estimated: c.Estimated}
}

// Validate checks the fields given: a name and kind not blank, cost, cohort
// cost, hours and weeks >= 0, and a field that is a CIP 2020 code.
func (f CredentialFields) Validate() error {
	return firstError(
		ValidateFieldOfStudy("field", f.Field),
		ValidateText("name", f.Name),
		ValidateText("kind", f.Kind),
		ValidateNonNegative("cost", f.Cost),
		ValidateNonNegative("cohortCost", f.CohortCost),
		ValidateNonNegative("hours", f.Hours),
		ValidateNonNegative("weeks", f.Weeks),
	)
}

// Validate checks a whole credential: a valid id, a name, a kind, and the
// rules of CredentialFields.Validate.
func (c Credential) Validate() error {
	return firstError(ValidateID("id", c.ID), c.Fields().Validate())
}

// EducationFields are an education level's properties but its id, each optional.
type EducationFields struct {
	Name *string
	Rank *int
}

// Fields are the level's properties as EducationFields, both set.
func (l EducationLevel) Fields() EducationFields {
	return EducationFields{Name: &l.Name, Rank: &l.Rank}
}

// Validate checks the fields given: a name not blank and a rank from 0 to
// MaxEducationRank.
func (f EducationFields) Validate() error {
	return firstError(ValidateText("name", f.Name), ValidateIntRange("rank", f.Rank, 0, MaxEducationRank))
}

// Validate checks a whole education level: a valid id, a name, and the
// rules of EducationFields.Validate.
func (l EducationLevel) Validate() error {
	return firstError(ValidateID("id", l.ID), l.Fields().Validate())
}

// cipCode is a six-digit CIP 2020 code: a program's field of study.
var cipCode = regexp.MustCompile(`^[0-9]{2}\.[0-9]{4}$`)

// ValidateFieldOfStudy checks a field of study, when given: a six-digit CIP
// 2020 code such as 51.3801.
func ValidateFieldOfStudy(name string, v *string) error {
	if v != nil && !cipCode.MatchString(*v) {
		return fieldErr(name, "%s must be a six-digit CIP 2020 code such as 51.3801, got %q", name, *v)
	}
	return nil
}

// InvalidField is the field a validation error names, or "" when err is
// not a *FieldError.
func InvalidField(err error) string {
	var fe *FieldError
	if errors.As(err, &fe) {
		return fe.Field
	}
	return ""
}
