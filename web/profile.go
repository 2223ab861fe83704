package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// profile is where a person is, as /plan and /explore take it from the
// query string: from (a role id), education, credential (repeatable), skill
// (repeatable, id:level, the level after the last colon) and interest (a
// Holland code).
type profile struct {
	From        string
	Education   string
	Credentials []string
	Skills      []heldSkill
	Interest    string
}

type heldSkill struct {
	ID    string
	Level int
}

func (s heldSkill) Param() string { return s.ID + ":" + strconv.Itoa(s.Level) }

// readProfile reads the profile parameters; a skill without a valid level
// (1 to 5) counts at level 3, the middle of the scale.
func readProfile(q url.Values) profile {
	p := profile{
		From:      strings.TrimSpace(q.Get("from")),
		Education: strings.TrimSpace(q.Get("education")),
		Interest:  strings.ToUpper(strings.TrimSpace(q.Get("interest"))),
	}
	seen := map[string]bool{}
	for _, c := range q["credential"] {
		if c = strings.TrimSpace(c); c != "" && !seen["c:"+c] {
			seen["c:"+c] = true
			p.Credentials = append(p.Credentials, c)
		}
	}
	for _, s := range q["skill"] {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		id, level := s, 3
		if i := strings.LastIndex(s, ":"); i > 0 {
			if n, err := strconv.Atoi(s[i+1:]); err == nil {
				id, level = s[:i], min(max(n, 1), 5)
			}
		}
		if !seen["s:"+id] {
			seen["s:"+id] = true
			p.Skills = append(p.Skills, heldSkill{ID: id, Level: level})
		}
	}
	return p
}

// Empty is true when the profile says nothing about the person.
func (p profile) Empty() bool {
	return p.From == "" && p.Education == "" && len(p.Credentials) == 0 && len(p.Skills) == 0 && p.Interest == ""
}

// input is the profile as the API's ProfileInput.
func (p profile) input() map[string]any {
	in := map[string]any{}
	if p.From != "" {
		in["roleId"] = p.From
	}
	if p.Education != "" {
		in["educationLevelId"] = p.Education
	}
	if len(p.Credentials) > 0 {
		in["credentialIds"] = p.Credentials
	}
	if len(p.Skills) > 0 {
		var skills []map[string]any
		for _, s := range p.Skills {
			skills = append(skills, map[string]any{"skillId": s.ID, "level": s.Level})
		}
		in["skills"] = skills
	}
	if p.Interest != "" {
		in["interestCode"] = p.Interest
	}
	return in
}

// values writes the profile back as query parameters.
func (p profile) values(v url.Values) {
	set(v, "from", p.From)
	set(v, "education", p.Education)
	for _, c := range p.Credentials {
		v.Add("credential", c)
	}
	for _, s := range p.Skills {
		v.Add("skill", s.Param())
	}
	set(v, "interest", p.Interest)
}

func set(v url.Values, key, value string) {
	if value != "" {
		v.Set(key, value)
	}
}

// number reads a non-negative number parameter; ok is false when it is absent
// or not a number.
func number(q url.Values, key string) (float64, bool) {
	s := strings.TrimSpace(strings.ReplaceAll(strings.TrimPrefix(q.Get(key), "$"), ",", ""))
	if s == "" {
		return 0, false
	}
	n, err := strconv.ParseFloat(s, 64)
	if err != nil || n < 0 {
		return 0, false
	}
	return n, true
}

// formHelpers are the fields the profile form adds for people without
// JavaScript (titles typed by hand, a skill to add): resolve turns them into
// the canonical parameters, and the page redirects to its clean deep link.
var formHelpers = []string{"from_title", "to_title", "credential_title", "add_skill", "add_skill_title", "add_skill_level"}

// needsCanonical tells whether the query string holds form helpers or empty
// fields, which the canonical deep link leaves out.
func needsCanonical(q url.Values) bool {
	for key, vs := range q {
		for _, v := range vs {
			if strings.TrimSpace(v) == "" {
				return true
			}
		}
		for _, h := range formHelpers {
			if key == h {
				return true
			}
		}
	}
	return false
}

// resolveHelpers folds the form helpers into q: a title typed by hand becomes
// the id of the best match of its kind. It returns a sentence when a title
// matches nothing.
func (e *Explorer) resolveHelpers(r *http.Request, q url.Values) (url.Values, string, error) {
	out := url.Values{}
	for key, vs := range q {
		skip := false
		for _, h := range formHelpers {
			skip = skip || key == h
		}
		if skip {
			continue
		}
		for _, v := range vs {
			if v = strings.TrimSpace(v); v != "" {
				out.Add(key, v)
			}
		}
	}
	resolve := func(param, title, kind, what string) (string, string, error) {
		title = strings.TrimSpace(title)
		if title == "" || (param != "" && out.Get(param) != "") {
			return "", "", nil
		}
		id, err := e.findID(r, title, kind)
		if err != nil {
			return "", "", err
		}
		if id == "" {
			return "", "We found no " + what + " called “" + title + "”. Try another name, or pick one from the suggestions.", nil
		}
		return id, "", nil
	}
	for _, f := range []struct{ param, helper, kind, what string }{
		{"from", "from_title", "ROLE", "role"},
		{"to", "to_title", "ROLE", "role"},
	} {
		id, msg, err := resolve(f.param, q.Get(f.helper), f.kind, f.what)
		if err != nil || msg != "" {
			return nil, msg, err
		}
		if id != "" {
			out.Set(f.param, id)
		}
	}
	id, msg, err := resolve("", q.Get("credential_title"), "CREDENTIAL", "credential")
	if err != nil || msg != "" {
		return nil, msg, err
	}
	if id != "" {
		out.Add("credential", id)
	}
	skill := strings.TrimSpace(q.Get("add_skill"))
	if skill == "" {
		id, msg, err := resolve("", q.Get("add_skill_title"), "SKILL", "skill")
		if err != nil || msg != "" {
			return nil, msg, err
		}
		skill = id
	}
	if skill != "" {
		level := strings.TrimSpace(q.Get("add_skill_level"))
		if level == "" {
			level = "3"
		}
		out.Add("skill", skill+":"+level)
	}
	return out, "", nil
}

// findID is the id of the best search hit of kind for text, or "".
func (e *Explorer) findID(r *http.Request, text, kind string) (string, error) {
	var data struct{ Search []searchHit }
	if err := e.query(r, searchQuery, map[string]any{"text": text, "first": 20}, &data); err != nil {
		return "", err
	}
	for _, h := range data.Search {
		if h.Kind == kind && strings.EqualFold(h.Name, text) {
			return h.ID, nil
		}
	}
	for _, h := range data.Search {
		if h.Kind == kind {
			return h.ID, nil
		}
	}
	return "", nil
}
