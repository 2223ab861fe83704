// LERProfile reads a Learning and Employment Record, an Open Badges 3.0
// OpenBadgeCredential (or AchievementCredential) or a CLR 2.0 ClrCredential,
// into what its holder has: a profile of held skills, credentials and an
// education level. It is a query input, never stored. A CLR is read as each
// of the credentials in its credentialSubject.verifiableCredential; a
// VerifiablePresentation as each of its verifiableCredential.
//
// # Alignments
//
// An achievement's alignments say what earning it means in other
// frameworks. Each alignment of the subject's achievement, and of each of the
// subject's results (with the alignments of the result's ResultDescription),
// is read as:
//
//   - ceasn:Competency (a competency published to the Credential Engine
//     registry): the held skill "ctdl:<ctid>", the CTID being targetCode or
//     the last "ce-<uuid>" in targetUrl.
//   - A CASE item: targetType "CFItem", or a targetUrl with "/CFItems/" or
//     "/uri/" in it (a CASE URI): the held skill "case:<identifier>". The
//     identifier is the last path segment of a CASE URI; otherwise targetCode
//     when given, else the last path segment of targetUrl.
//   - A CTDL credential: targetType "ceterms:..." (ceterms:Credential and its
//     kinds) or "CTDL", or a targetUrl on a credentialengineregistry host, or
//     a targetCode that is a CTID: the held credential "ctdl:<ctid>".
//   - Anything else (CFRubricCriterionLevel, an alignment with no usable
//     target, an id that is not valid) is not used: a note says so.
//
// These are the ids the CASE and CTDL importers give the same items, so a
// badge counts for the skills and credentials of imported frameworks. Ids
// the graph does not hold are the caller's to drop.
//
// # Levels
//
// Each result of the subject is placed on the proficiency scale (1-5) where
// it can be:
//
//   - achievedLevel names a rubric criterion level: its level or name read
//     by the word table below, else its position among its
//     ResultDescription's levels, which Open Badges orders from low to high,
//     spread over 1-5 (the lowest 1, the highest 5).
//   - value among the ResultDescription's allowedValue (also ordered low to
//     high, such as D, C, B, A): its position spread over 1-5 (A of D-A is 5,
//     B 4, C 2, D 1).
//   - a numeric value with the ResultDescription's valueMin and valueMax (or
//     a Percent, 0-100): spread linearly over 1-5.
//   - a value in the word table.
//   - a result below its ResultDescription's requiredValue or requiredLevel,
//     or with a status other than Completed, is not held: a note says so.
//
// Word table (case and punctuation ignored): expert, mastery, mastered,
// master, exemplary, distinguished, exceeds (expectations) 5; advanced,
// proficient, accomplished 4; competent, intermediate, meets (expectations),
// satisfactory, working, practitioner 3; basic, developing, beginning,
// beginner, novice, emerging, approaching 2; awareness, aware, introductory,
// foundational, familiar 1; and "Level 1" to "Level 5".
//
// A result's alignments are held at the result's level (3 when it gives
// none, as a Completed status does). The achievement's
// alignments are held at the highest level of the results that are about
// the achievement as a whole (no alignments of their own or of their
// description) or about the same target; with no such level, at 3
// (working), the level the proficiency scale gives to doing the usual tasks
// on one's own, which an awarded credential attests. A skill held twice keeps
// its highest level.
//
// # Education
//
// achievementType SecondarySchoolDiploma or GeneralEducationDevelopment ->
// high-school, AssociateDegree -> associate, BachelorDegree -> bachelor,
// MasterDegree -> master, DoctoralDegree, ProfessionalDoctorate or
// ResearchDoctorate -> doctorate; the highest of a record's becomes the
// profile's education level. "Degree" of no stated level sets none (noted).
//
// Skills come out sorted by id, credentials sorted and unique. Input that is
// not JSON, not a credential of these kinds, or malformed (an achievement
// subject without an achievement) is refused with an *Error naming source,
// the line and the JSON path.

package imports

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/lattice-pathways/lattice/pathway"
)

type lerAlignment struct {
	TargetType      string `json:"targetType"`
	TargetURL       string `json:"targetUrl"`
	TargetCode      string `json:"targetCode"`
	TargetName      string `json:"targetName"`
	TargetFramework string `json:"targetFramework"`
}

type lerRubricLevel struct {
	ID        string         `json:"id"`
	Name      string         `json:"name"`
	Level     string         `json:"level"`
	Alignment []lerAlignment `json:"alignment"`
}

type lerResultDescription struct {
	ID                   string           `json:"id"`
	Name                 string           `json:"name"`
	ResultType           string           `json:"resultType"`
	AllowedValue         []string         `json:"allowedValue"`
	RequiredValue        string           `json:"requiredValue"`
	RequiredLevel        string           `json:"requiredLevel"`
	ValueMin             string           `json:"valueMin"`
	ValueMax             string           `json:"valueMax"`
	Alignment            []lerAlignment   `json:"alignment"`
	RubricCriterionLevel []lerRubricLevel `json:"rubricCriterionLevel"`
}

type lerAchievement struct {
	ID                string                 `json:"id"`
	Name              string                 `json:"name"`
	AchievementType   string                 `json:"achievementType"`
	Alignment         []lerAlignment         `json:"alignment"`
	ResultDescription []lerResultDescription `json:"resultDescription"`
}

type lerResult struct {
	ResultDescription string         `json:"resultDescription"`
	Value             string         `json:"value"`
	AchievedLevel     string         `json:"achievedLevel"`
	Status            string         `json:"status"`
	Alignment         []lerAlignment `json:"alignment"`
}

type lerSubject struct {
	Achievement          *lerAchievement   `json:"achievement"`
	Result               []lerResult       `json:"result"`
	VerifiableCredential []json.RawMessage `json:"verifiableCredential"`
}

// lerEducation maps Open Badges achievement types to education levels.
var lerEducation = map[string]string{
	"SecondarySchoolDiploma": "high-school", "GeneralEducationDevelopment": "high-school",
	"AssociateDegree": "associate", "BachelorDegree": "bachelor", "MasterDegree": "master",
	"DoctoralDegree": "doctorate", "ProfessionalDoctorate": "doctorate", "ResearchDoctorate": "doctorate",
}

var lerEducationRank = map[string]int{"high-school": 1, "associate": 3, "bachelor": 4, "master": 5, "doctorate": 6}

// lerWords is the word table for achievement levels.
var lerWords = map[string]int{
	"expert": 5, "mastery": 5, "mastered": 5, "master": 5, "exemplary": 5, "distinguished": 5,
	"exceeds": 5, "exceedsexpectations": 5,
	"advanced": 4, "proficient": 4, "accomplished": 4,
	"competent": 3, "intermediate": 3, "meets": 3, "meetsexpectations": 3, "satisfactory": 3,
	"working": 3, "practitioner": 3,
	"basic": 2, "developing": 2, "beginning": 2, "beginner": 2, "novice": 2, "emerging": 2, "approaching": 2,
	"awareness": 1, "aware": 1, "introductory": 1, "foundational": 1, "familiar": 1,
	"level1": 1, "level2": 2, "level3": 3, "level4": 4, "level5": 5,
}

// DefaultHeldLevel is the level of a skill a record attests without saying
// how well: 3, working.
const DefaultHeldLevel = 3

// lerReader gathers one record's profile.
type lerReader struct {
	source string
	data   []byte
	skills map[string]int
	creds  map[string]bool
	edu    string
	notes  []string
}

// LERProfile reads an Open Badges 3.0 or CLR 2.0 credential (JSON) into what
// its holder has (see the file comment). source names the input in errors
// and notes. The notes say which alignments it could not use.
func LERProfile(data []byte, source string) (pathway.Profile, []string, error) {
	r := &lerReader{source: source, data: data, skills: map[string]int{}, creds: map[string]bool{}}
	t := bytes.TrimSpace(data)
	switch {
	case len(t) == 0:
		return pathway.Profile{}, nil, errorf(source, 0, "", "empty: an Open Badges 3.0 or CLR 2.0 credential (JSON) is needed")
	case bytes.HasPrefix(t, []byte("eyJ")):
		return pathway.Profile{}, nil, errorf(source, 1, "", "a JWT-secured credential: give its decoded JSON payload (the vc claim)")
	case t[0] != '{':
		return pathway.Profile{}, nil, errorf(source, 1, "", "not an Open Badges 3.0 or CLR 2.0 credential: the input is not a JSON object")
	}
	if err := r.credential(data, jsonPath{}, 0); err != nil {
		return pathway.Profile{}, nil, err
	}
	var p pathway.Profile
	for id, lv := range r.skills {
		p.Skills = append(p.Skills, pathway.HeldSkill{SkillID: id, Level: lv})
	}
	sort.Slice(p.Skills, func(i, j int) bool { return p.Skills[i].SkillID < p.Skills[j].SkillID })
	for id := range r.creds {
		p.CredentialIDs = append(p.CredentialIDs, id)
	}
	sort.Strings(p.CredentialIDs)
	p.EducationLevelID = r.edu
	return p, r.notes, nil
}

func (r *lerReader) fail(p jsonPath, format string, args ...any) error {
	return errorf(r.source, jsonLine(r.data, p), p.String(), format, args...)
}

func (r *lerReader) note(format string, args ...any) {
	r.notes = append(r.notes, fmt.Sprintf(format, args...))
}

// credential reads one credential, found at path p of the input.
func (r *lerReader) credential(raw []byte, p jsonPath, depth int) error {
	if depth > 4 {
		return r.fail(p, "credentials nested too deep")
	}
	var vc struct {
		Type                 json.RawMessage   `json:"type"`
		Name                 json.RawMessage   `json:"name"`
		CredentialSubject    json.RawMessage   `json:"credentialSubject"`
		VerifiableCredential []json.RawMessage `json:"verifiableCredential"`
	}
	if err := json.Unmarshal(raw, &vc); err != nil {
		if depth == 0 {
			return jsonDecodeError(r.source, r.data, err)
		}
		return r.fail(p, "not a credential: %v", err)
	}
	types := lerTypes(vc.Type)
	has := func(t string) bool {
		for _, x := range types {
			if x == t {
				return true
			}
		}
		return false
	}
	switch {
	case has("VerifiablePresentation"):
		for i, c := range vc.VerifiableCredential {
			if err := r.nested(c, p.Add("verifiableCredential", i), depth); err != nil {
				return err
			}
		}
		return nil
	case has("ClrCredential"):
		subjects, err := r.subjects(vc.CredentialSubject, p)
		if err != nil {
			return err
		}
		for i, s := range subjects {
			var sub lerSubject
			sp := subjectPath(p, vc.CredentialSubject, i)
			if err := json.Unmarshal(s, &sub); err != nil {
				return r.fail(sp, "not a CLR subject: %v", err)
			}
			if len(sub.VerifiableCredential) == 0 {
				r.note("the CLR's subject holds no verifiableCredential: nothing to read")
			}
			for j, c := range sub.VerifiableCredential {
				if err := r.nested(c, sp.Add("verifiableCredential", j), depth); err != nil {
					return err
				}
			}
		}
		return nil
	case has("OpenBadgeCredential"), has("AchievementCredential"):
		subjects, err := r.subjects(vc.CredentialSubject, p)
		if err != nil {
			return err
		}
		for i, s := range subjects {
			sp := subjectPath(p, vc.CredentialSubject, i)
			var sub lerSubject
			if err := json.Unmarshal(s, &sub); err != nil {
				var typ *json.UnmarshalTypeError
				if errors.As(err, &typ) {
					return r.fail(sp.Add(strings.Split(typ.Field, ".")[0]), "a JSON %s cannot be a %v", typ.Value, typ.Type)
				}
				return r.fail(sp, "not an achievement subject: %v", err)
			}
			if sub.Achievement == nil {
				return r.fail(sp.Add("achievement"), "the credential subject has no achievement")
			}
			r.subject(sub, string(vc.Name))
		}
		return nil
	}
	if len(types) == 0 {
		return r.fail(p.Add("type"), "not an Open Badges 3.0 or CLR 2.0 credential: it has no type")
	}
	return r.fail(p.Add("type"), "not an Open Badges 3.0 or CLR 2.0 credential: type is %s (OpenBadgeCredential, AchievementCredential or ClrCredential is needed)", strings.Join(types, ", "))
}

// nested reads a credential inside a CLR or presentation.
func (r *lerReader) nested(c json.RawMessage, p jsonPath, depth int) error {
	if t := bytes.TrimSpace(c); len(t) > 0 && t[0] == '"' {
		r.note("%s is a JWT-secured credential: not read (give its decoded payload)", p)
		return nil
	}
	return r.credential(c, p, depth+1)
}

// subjects lists a credential's subjects (one object, or a list).
func (r *lerReader) subjects(raw json.RawMessage, p jsonPath) ([]json.RawMessage, error) {
	t := bytes.TrimSpace(raw)
	switch {
	case len(t) == 0 || string(t) == "null":
		return nil, r.fail(p.Add("credentialSubject"), "the credential has no credentialSubject")
	case t[0] == '{':
		return []json.RawMessage{raw}, nil
	case t[0] == '[':
		var list []json.RawMessage
		if err := json.Unmarshal(raw, &list); err != nil {
			return nil, r.fail(p.Add("credentialSubject"), "credentialSubject is not an object or a list of objects")
		}
		return list, nil
	}
	return nil, r.fail(p.Add("credentialSubject"), "credentialSubject is not an object")
}

// subjectPath is the path of subject i.
func subjectPath(p jsonPath, raw json.RawMessage, i int) jsonPath {
	if t := bytes.TrimSpace(raw); len(t) > 0 && t[0] == '[' {
		return p.Add("credentialSubject", i)
	}
	return p.Add("credentialSubject")
}

// subject reads one achievement subject.
func (r *lerReader) subject(sub lerSubject, credName string) {
	a := sub.Achievement
	name := cmp.Or(a.Name, a.ID, strings.Trim(credName, `"`), "an achievement")
	if lv, ok := lerEducation[a.AchievementType]; ok {
		if lerEducationRank[lv] > lerEducationRank[r.edu] {
			r.edu = lv
		}
	} else if a.AchievementType == "Degree" {
		r.note("%q is a degree of no stated level: no education level set", name)
	}
	rds := map[string]*lerResultDescription{}
	rubric := map[string]*lerResultDescription{} // rubric level id -> its description
	for i := range a.ResultDescription {
		rd := &a.ResultDescription[i]
		if rd.ID != "" {
			rds[rd.ID] = rd
		}
		for _, l := range rd.RubricCriterionLevel {
			if l.ID != "" {
				rubric[l.ID] = rd
			}
		}
	}
	overall := 0                  // the best level of results about the whole achievement
	perTarget := map[string]int{} // the best level per aligned skill
	for _, res := range sub.Result {
		rd := rds[res.ResultDescription]
		lv, held, why := r.resultLevel(res, rd, rubric, name)
		if !held {
			r.note("a result of %q is not held (%s)", name, why)
			continue
		}
		aligns := append([]lerAlignment(nil), res.Alignment...)
		if rd != nil {
			aligns = append(aligns, rd.Alignment...)
		}
		if len(aligns) == 0 {
			overall = max(overall, lv)
			continue
		}
		if lv == 0 {
			lv = DefaultHeldLevel
		}
		for _, al := range aligns {
			id := r.align(al, name, lv)
			if id != "" {
				perTarget[id] = max(perTarget[id], lv)
			}
		}
	}
	if len(a.Alignment) == 0 && len(sub.Result) == 0 {
		r.note("%q has no alignments: it names no skill or credential Lattice can know", name)
	}
	for _, al := range a.Alignment {
		lv := DefaultHeldLevel
		if overall > 0 {
			lv = overall
		}
		if id, _, ok := lerTarget(al); ok && perTarget[id] > 0 {
			lv = max(lv, perTarget[id])
		}
		r.align(al, name, lv)
	}
}

// align adds what one alignment names at level lv, returning the skill id
// (or "" for a credential or an alignment it cannot use).
func (r *lerReader) align(al lerAlignment, achievement string, lv int) string {
	id, isSkill, ok := lerTarget(al)
	if !ok {
		r.note("an alignment of %q is not used (%s): %s", achievement, cmp.Or(al.TargetType, "no targetType"), cmp.Or(al.TargetURL, al.TargetCode, al.TargetName))
		return ""
	}
	if err := pathway.ValidateID("id", id); err != nil {
		r.note("an alignment of %q is not used: %q is not a valid id", achievement, id)
		return ""
	}
	if !isSkill {
		r.creds[id] = true
		return ""
	}
	r.skills[id] = max(r.skills[id], lv)
	return id
}

// lerTarget is the id an alignment names and whether it is a skill.
func lerTarget(al lerAlignment) (id string, skill, ok bool) {
	typ := strings.TrimSpace(al.TargetType)
	url := strings.TrimSpace(al.TargetURL)
	code := strings.TrimSpace(al.TargetCode)
	ctid := func() string {
		if ctidPattern.MatchString(code) {
			return strings.ToLower(code)
		}
		if m := ctidInText.FindAllString(url, -1); len(m) > 0 {
			return strings.ToLower(m[len(m)-1])
		}
		return ""
	}
	caseURI := strings.Contains(url, "/CFItems/") || strings.Contains(url, "/uri/")
	switch {
	case strings.EqualFold(typ, "ceasn:Competency"):
		if ct := ctid(); ct != "" {
			return "ctdl:" + ct, true, true
		}
		return "", false, false
	case typ == "CFItem" || caseURI:
		ident := ""
		switch {
		case caseURI:
			ident = lastSegment(url)
		case code != "":
			ident = code
		default:
			ident = lastSegment(url)
		}
		if ident == "" {
			return "", false, false
		}
		return "case:" + ident, true, true
	case strings.HasPrefix(typ, "ceterms:") || typ == "CTDL" || strings.Contains(strings.ToLower(url), "credentialengineregistry") || ctidPattern.MatchString(code):
		if ct := ctid(); ct != "" {
			return "ctdl:" + ct, false, true
		}
	}
	return "", false, false
}

// resultLevel places a result on the proficiency scale: its level (0 when
// it says none), whether it is held, and why not.
func (r *lerReader) resultLevel(res lerResult, rd *lerResultDescription, rubric map[string]*lerResultDescription, name string) (int, bool, string) {
	if s := strings.TrimSpace(res.Status); s != "" && !strings.EqualFold(s, "Completed") {
		return 0, false, "status " + s
	}
	if res.AchievedLevel != "" {
		lrd := rubric[res.AchievedLevel]
		if lrd == nil {
			lrd = rd
		}
		if lrd == nil {
			return 0, true, ""
		}
		pos, req := -1, -1
		for i, l := range lrd.RubricCriterionLevel {
			if l.ID == res.AchievedLevel {
				pos = i
			}
			if l.ID == lrd.RequiredLevel {
				req = i
			}
		}
		if pos < 0 {
			return 0, true, ""
		}
		if req >= 0 && pos < req {
			return 0, false, "below the required level"
		}
		l := lrd.RubricCriterionLevel[pos]
		lv, ok := lerWords[letters(l.Level)]
		if !ok {
			lv, ok = lerWords[letters(l.Name)]
		}
		if !ok {
			lv = spread(pos, len(lrd.RubricCriterionLevel))
		}
		for _, al := range l.Alignment {
			r.align(al, name+" (rubric level "+cmp.Or(l.Name, l.Level, l.ID)+")", lv)
		}
		return lv, true, ""
	}
	v := strings.TrimSpace(res.Value)
	if v == "" {
		return 0, true, ""
	}
	if rd != nil && len(rd.AllowedValue) > 0 {
		pos, req := -1, -1
		for i, a := range rd.AllowedValue {
			if strings.EqualFold(strings.TrimSpace(a), v) {
				pos = i
			}
			if rd.RequiredValue != "" && strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(rd.RequiredValue)) {
				req = i
			}
		}
		if pos >= 0 {
			if req >= 0 && pos < req {
				return 0, false, fmt.Sprintf("value %s is below the required %s", v, rd.RequiredValue)
			}
			return spread(pos, len(rd.AllowedValue)), true, ""
		}
	}
	if x, err := strconv.ParseFloat(strings.TrimSuffix(v, "%"), 64); err == nil && rd != nil {
		lo, err1 := strconv.ParseFloat(rd.ValueMin, 64)
		hi, err2 := strconv.ParseFloat(rd.ValueMax, 64)
		if (err1 != nil || err2 != nil) && strings.EqualFold(rd.ResultType, "Percent") {
			lo, hi, err1, err2 = 0, 100, nil, nil
		}
		if err1 == nil && err2 == nil && hi > lo {
			if req, err := strconv.ParseFloat(rd.RequiredValue, 64); err == nil && x < req {
				return 0, false, fmt.Sprintf("value %s is below the required %s", v, rd.RequiredValue)
			}
			f := math.Min(math.Max((x-lo)/(hi-lo), 0), 1)
			return 1 + int(math.Round(4*f)), true, ""
		}
	}
	if lv, ok := lerWords[letters(v)]; ok {
		return lv, true, ""
	}
	return 0, true, ""
}

// spread places position i of n ordered values on 1-5: the lowest 1, the
// highest 5; a single value is 3.
func spread(i, n int) int {
	if n <= 1 {
		return DefaultHeldLevel
	}
	return 1 + int(math.Round(4*float64(i)/float64(n-1)))
}

// lerTypes reads a "type" that is a string or a list of strings.
func lerTypes(raw json.RawMessage) []string {
	var one string
	if json.Unmarshal(raw, &one) == nil && one != "" {
		return []string{one}
	}
	var many []string
	_ = json.Unmarshal(raw, &many)
	return many
}
