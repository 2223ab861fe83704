package web

import (
	"math"
	"net/url"
	"strconv"
)

// The pictures are drawn in the browser: the moves graph by cytoscape, the
// plots by Chart.js (both vendored under static/vendor, see `make ui`), from
// JSON the page carries. This file shapes that JSON and is the one home of
// each scale (a node's size, an edge's width, a move's tone), so the script
// (static/pictures.js) only draws; the colours of the tones live in app.css.
// Each picture sits beside a table with the same data, which is also what a
// reader without script gets.

// movesData is the moves graph: the person in the middle, a node for each
// role within reach, an edge for each move.
type movesData struct {
	Centre   string     `json:"centre"`
	CentreID string     `json:"centreId"`
	Nodes    []moveNode `json:"nodes"`
	Edges    []moveEdge `json:"edges"`
}

// moveNode is one role of the graph. Size is its diameter in the graph's
// units, Tone names the wage change (up, down, same, unknown) and Tip says
// it in words.
type moveNode struct {
	ID    string  `json:"id"`
	Title string  `json:"title"`
	Href  string  `json:"href"`
	Steps int     `json:"steps"`
	Size  float64 `json:"size"`
	Tone  string  `json:"tone"`
	Tip   string  `json:"tip"`
}

// moveEdge is one move, from the role before it on its path (or from the
// person) to the role; Width grows with how related the two are.
type moveEdge struct {
	Source string  `json:"source"`
	Target string  `json:"target"`
	Width  float64 `json:"width"`
}

// centreID is the person's node: no role id starts with a space.
const centreID = " you"

// movesGraph is the reachable roles as a graph: a node's area follows its
// openings, its tone the wage change, an edge's width how related the two
// roles are. Nil when nothing is within reach.
func movesGraph(roles []reached, centre string) *movesData {
	if len(roles) == 0 {
		return nil
	}
	maxVac := 1.0
	for _, r := range roles {
		if r.Role.Vacancies != nil {
			maxVac = max(maxVac, float64(*r.Role.Vacancies))
		}
	}
	g := &movesData{Centre: centre, CentreID: centreID}
	in := map[string]bool{}
	for _, r := range roles {
		in[r.Role.ID] = true
	}
	money := funcs["signedMoney"].(func(any) string)
	for _, r := range roles {
		size := 14.0
		if r.Role.Vacancies != nil {
			size = 14 + 34*math.Sqrt(float64(*r.Role.Vacancies)/maxVac)
		}
		tone, tip := "unknown", "wage change not known"
		if r.WageGain != nil {
			switch {
			case *r.WageGain > 0:
				tone, tip = "up", "pays "+money(r.WageGain)+" a year"
			case *r.WageGain < 0:
				tone, tip = "down", "pays "+money(r.WageGain)+" a year"
			default:
				tone, tip = "same", "pays the same"
			}
		}
		g.Nodes = append(g.Nodes, moveNode{ID: r.Role.ID, Title: r.Role.Title, Href: "/roles/" + url.PathEscape(r.Role.ID),
			Steps: max(r.Steps, 1), Size: round1(size), Tone: tone, Tip: tip})
		// A move comes from the role before it on its path, or from the person.
		from := centreID
		if len(r.Path) >= 2 && in[r.Path[len(r.Path)-2].ID] {
			from = r.Path[len(r.Path)-2].ID
		}
		g.Edges = append(g.Edges, moveEdge{Source: from, Target: r.Role.ID, Width: round1(1 + 7*min(max(r.Score, 0), 1))})
	}
	return g
}

func round1(f float64) float64 { return math.Round(f*10) / 10 }

// frontData is the cost-versus-hours front as the plot and its table read it.
type frontData struct {
	Points []frontPoint `json:"points"`
	Single bool         `json:"-"`
}

// frontPoint is one plan of the front. Href is the plan with the fewest
// hours that costs no more than it, which is that point of the front; Sum
// says the point in plain words for the plot's tooltip.
type frontPoint struct {
	Cost    float64  `json:"cost"`
	Hours   float64  `json:"hours"`
	Weeks   float64  `json:"-"`
	Steps   []string `json:"steps"`
	Href    string   `json:"href"`
	Current bool     `json:"current"`
	Sum     string   `json:"sum"`
}

// frontPlot shapes the trade-off front for its plot and table; nil when
// there is no plan, or when nothing is to be earned.
func frontPlot(front []frontPlan, current *plan, base url.Values) *frontData {
	if len(front) == 0 || (len(front) == 1 && len(front[0].Steps) == 0) {
		return nil
	}
	money, num := funcs["money"].(func(any) string), funcs["num"].(func(any) string)
	d := &frontData{Single: len(front) == 1}
	for _, f := range front {
		v := url.Values{}
		for k, vs := range base {
			v[k] = vs
		}
		v.Set("objective", "HOURS")
		v.Set("maxCost", strconv.FormatFloat(f.TotalCost, 'f', -1, 64))
		var steps []string
		for _, s := range f.Steps {
			steps = append(steps, s.Credential.Name)
		}
		p := frontPoint{Cost: f.TotalCost, Hours: f.TotalHours, Weeks: f.TotalWeeks, Steps: steps, Href: "/plan?" + v.Encode(),
			Current: current != nil && current.TotalCost == f.TotalCost && current.TotalHours == f.TotalHours}
		p.Sum = money(p.Cost) + " and " + num(p.Hours) + " hours of learning"
		if p.Current {
			p.Sum += " (the plan shown)"
		}
		d.Points = append(d.Points, p)
	}
	return d
}

// gapData is the pooled gap as its bar chart reads it: a bar a skill, as
// long as the number of members who lack it, out of Members.
type gapData struct {
	Members int      `json:"members"`
	Bars    []gapBar `json:"bars"`
}

type gapBar struct {
	Skill   string `json:"skill"`
	Lacking int    `json:"lacking"`
}

func gapChart(p cohortPlan, members int) *gapData {
	if len(p.PooledGap) == 0 {
		return nil
	}
	d := &gapData{Members: members}
	for _, g := range p.PooledGap {
		d.Bars = append(d.Bars, gapBar{Skill: g.Skill.Name, Lacking: g.Members})
	}
	return d
}

// criteriaData is the four criteria of each recredentialing candidate, in
// the order of the cards, for a small bar chart on each card.
type criteriaData struct {
	Role     string         `json:"role"`
	Criteria []criterionBar `json:"criteria"`
}

type criterionBar struct {
	Name  string  `json:"name"`
	Share float64 `json:"share"`
}

func criteriaCharts(cs []candidate) []criteriaData {
	var out []criteriaData
	for _, c := range cs {
		d := criteriaData{Role: c.Role.Title}
		for _, k := range c.Criteria4() {
			d.Criteria = append(d.Criteria, criterionBar{Name: k.Name, Share: round1(min(max(k.Value, 0), 1) * 100)})
		}
		out = append(out, d)
	}
	return out
}
