package web

import (
	"net/http"
	"net/url"
	"strings"
)

// riasec are the six interest areas of a Holland code, in the code's order,
// in the words an interest profiler uses with students.
var riasec = []struct{ Letter, Name, Means string }{
	{"R", "Realistic", "working with tools, machines, plants or animals"},
	{"I", "Investigative", "finding things out, science and puzzles"},
	{"A", "Artistic", "making things, design, writing and music"},
	{"S", "Social", "helping, teaching and caring for people"},
	{"E", "Enterprising", "leading, persuading and selling"},
	{"C", "Conventional", "organising data, records and numbers"},
}

// interestCode reads a Holland code as typed, or the areas ticked: one to
// three RIASEC letters, each once. ok is false when it is neither.
func interestCode(typed string, picked []string) (string, bool) {
	code := strings.ToUpper(strings.TrimSpace(typed))
	if code == "" {
		for _, a := range riasec {
			for _, p := range picked {
				if strings.EqualFold(p, a.Letter) && len(code) < 3 {
					code += a.Letter
				}
			}
		}
		return code, true
	}
	if len(code) > 3 {
		return "", false
	}
	for i, c := range code {
		if !strings.ContainsRune("RIASEC", c) || strings.ContainsRune(code[:i], c) {
			return "", false
		}
	}
	return code, true
}

// student turns the home page's student form into the student's /explore
// deep link: their education and interests, nothing else.
func (e *Explorer) student(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	code, ok := interestCode(q.Get("interest"), q["pick"])
	if !ok {
		e.homePage(w, r, &problem{Status: http.StatusBadRequest,
			Sentence: "“" + strings.TrimSpace(q.Get("interest")) + "” is not a Holland code: it is one to three of the letters R, I, A, S, E and C, each once, such as SIA.",
			Hint:     "Type the code your interest profiler gave you, or tick the areas that interest you."})
		return
	}
	v := url.Values{}
	set(v, "education", strings.TrimSpace(q.Get("education")))
	set(v, "interest", code)
	if len(v) == 0 {
		e.homePage(w, r, &problem{Status: http.StatusBadRequest, Sentence: "Choose your education or your interests first.", Hint: "Either is enough to see the roles open to you."})
		return
	}
	http.Redirect(w, r, "/explore?"+v.Encode(), http.StatusSeeOther)
}
