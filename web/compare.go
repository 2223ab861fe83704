package web

import (
	"net/http"
	"strconv"
	"strings"
)

// gapCerts is how many credentials closing a gap /compare lists; it asks
// for one more to tell whether there are more.
const gapCerts = 5

var compareQuery = `query Compare($from: ID!, $to: ID!, $includePreferred: Boolean) {
  skillsMap(from: $from, to: $to, includePreferred: $includePreferred) {
    from { id title } to { id title }
    overlap { skill { id name } fromLevel toLevel }
    gaps { skill { id name } required level heldLevel foundational closedBy(first: ` + strconv.Itoa(gapCerts+1) + `) { id name kind cost hours } }
    readiness
  }
}`

// skillsMap is the API's SkillsMap as /compare reads it.
type skillsMap struct {
	From, To ref
	Overlap  []struct {
		Skill              ref
		FromLevel, ToLevel int
	}
	Gaps []struct {
		Skill            ref
		Required         bool
		Level, HeldLevel int
		Foundational     bool
		ClosedBy         []credential
		// More: more credentials close it than the page lists.
		More bool
	}
	Readiness float64
}

// compare puts two roles' skills side by side: what carries over, what is
// missing and at what level, and the credentials that close each gap.
func (e *Explorer) compare(w http.ResponseWriter, r *http.Request) {
	const title = "Compare two roles"
	if e.canonical(w, r, "compare", title) {
		return
	}
	q := r.URL.Query()
	from, to := strings.TrimSpace(q.Get("from")), strings.TrimSpace(q.Get("to"))
	// includePreferred (any value) counts the target's preferred skills as gaps too.
	preferred := q.Get("includePreferred") != ""
	data := map[string]any{"From": from, "To": to, "FromTitle": "", "ToTitle": "", "IncludePreferred": preferred}
	if from == "" || to == "" {
		// One role given (a role page's "compare with another role"): the
		// form shows it by its title.
		for key, id := range map[string]string{"FromTitle": from, "ToTitle": to} {
			if id == "" {
				continue
			}
			var one struct{ Role ref }
			if err := e.query(r, `query Name($id: ID!) { role(id: $id) { id title } }`, map[string]any{"id": id}, &one); err != nil {
				e.fail(w, r, "compare", title, err, "There is no role with an id in this link.")
				return
			}
			data[key] = one.Role.Title
		}
		e.render(w, r, "compare", page{Title: title, Data: data})
		return
	}
	var out struct{ SkillsMap skillsMap }
	if err := e.query(r, compareQuery, map[string]any{"from": from, "to": to, "includePreferred": preferred}, &out); err != nil {
		e.fail(w, r, "compare", title, err, "There is no role with an id in this link.")
		return
	}
	for i, g := range out.SkillsMap.Gaps {
		if len(g.ClosedBy) > gapCerts {
			out.SkillsMap.Gaps[i].ClosedBy, out.SkillsMap.Gaps[i].More = g.ClosedBy[:gapCerts], true
		}
	}
	data["Map"] = out.SkillsMap
	data["FromTitle"], data["ToTitle"] = out.SkillsMap.From.Title, out.SkillsMap.To.Title
	e.render(w, r, "compare", page{Title: out.SkillsMap.From.Title + " and " + out.SkillsMap.To.Title, Data: data})
}
