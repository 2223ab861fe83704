package web

import (
	"math"
	"net/url"
	"slices"
	"strconv"
)

// The pictures are inline SVG drawn on the server: they need no script and
// no library fetched from anywhere, they print, and each sits beside a
// table that gives the same numbers to a screen reader.

// graphNode is one role of the moves picture.
type graphNode struct {
	ID, Title, Href, Label string
	X, Y, R                float64
	LabelX, LabelY         float64
	Anchor, Class, Tip     string
}

// graphEdge is one move of the picture.
type graphEdge struct {
	X1, Y1, X2, Y2, Width float64
}

// movesGraph lays the reachable roles out radially around the person: one
// ring a move away, closest first clockwise from the top. A node's area
// follows its openings, its colour the wage change, and an edge's width how
// related the two roles are.
func movesGraph(roles []reached, centre string) map[string]any {
	const cx, cy = 400.0, 400.0
	rings := 0
	for _, r := range roles {
		rings = max(rings, r.Steps)
	}
	if rings == 0 {
		return nil
	}
	ringGap := 250.0 / float64(rings)
	maxVac := 1.0
	for _, r := range roles {
		if r.Role.Vacancies != nil {
			maxVac = max(maxVac, float64(*r.Role.Vacancies))
		}
	}
	byRing := map[int][]int{}
	for i, r := range roles {
		byRing[max(r.Steps, 1)] = append(byRing[max(r.Steps, 1)], i)
	}
	pos := map[string][2]float64{}
	nodes := make([]graphNode, len(roles))
	for ring := 1; ring <= rings; ring++ {
		idx := byRing[ring]
		// Closest first, so the picture reads like the list.
		slices.SortStableFunc(idx, func(a, b int) int {
			if roles[a].Score > roles[b].Score {
				return -1
			}
			if roles[a].Score < roles[b].Score {
				return 1
			}
			return 0
		})
		radius := ringGap * float64(ring)
		for k, i := range idx {
			r := roles[i]
			// Rings further out are turned half a slot so labels interleave.
			angle := -math.Pi/2 + 2*math.Pi*(float64(k)+0.5*float64(ring-1))/float64(len(idx))
			x, y := cx+radius*math.Cos(angle), cy+radius*math.Sin(angle)
			size := 5.0
			if r.Role.Vacancies != nil {
				size = 5 + 13*math.Sqrt(float64(*r.Role.Vacancies)/maxVac)
			}
			class, tip := "same", "wage change not known"
			if r.WageGain != nil {
				switch {
				case *r.WageGain > 0:
					class, tip = "up", "pays "+funcs["signedMoney"].(func(any) string)(r.WageGain)+" a year"
				case *r.WageGain < 0:
					class, tip = "down", "pays "+funcs["signedMoney"].(func(any) string)(r.WageGain)+" a year"
				default:
					class, tip = "same", "pays the same"
				}
			} else {
				class = "unknown"
			}
			lx, ly := cx+(radius+size+6)*math.Cos(angle), cy+(radius+size+6)*math.Sin(angle)
			anchor := "start"
			if math.Cos(angle) < -0.2 {
				anchor = "end"
			} else if math.Abs(math.Cos(angle)) <= 0.2 {
				anchor = "middle"
				if math.Sin(angle) > 0 {
					ly += 8
				}
			}
			label := r.Role.Title
			if rs := []rune(label); len(rs) > 24 {
				label = string(rs[:21]) + "…"
			}
			nodes[i] = graphNode{ID: r.Role.ID, Title: r.Role.Title, Href: "/roles/" + url.PathEscape(r.Role.ID), Label: label,
				X: round1(x), Y: round1(y), R: round1(size), LabelX: round1(lx), LabelY: round1(ly), Anchor: anchor, Class: class, Tip: tip}
			pos[r.Role.ID] = [2]float64{x, y}
		}
	}
	var edges []graphEdge
	for i, r := range roles {
		// A move comes from the role before it on its path, or from the person.
		from := [2]float64{cx, cy}
		if len(r.Path) >= 2 {
			if p, ok := pos[r.Path[len(r.Path)-2].ID]; ok {
				from = p
			}
		}
		edges = append(edges, graphEdge{X1: round1(from[0]), Y1: round1(from[1]), X2: nodes[i].X, Y2: nodes[i].Y, Width: round1(0.75 + 5*min(max(r.Score, 0), 1))})
	}
	return map[string]any{"CX": cx, "CY": cy, "Centre": centre, "Nodes": nodes, "Edges": edges, "Rings": ringRadii(rings, ringGap)}
}

func ringRadii(n int, gap float64) []float64 {
	var out []float64
	for i := 1; i <= n; i++ {
		out = append(out, gap*float64(i))
	}
	return out
}

func round1(f float64) float64 { return math.Round(f*10) / 10 }

// frontPoint is one plan of the cost-versus-hours front, placed on the plot.
type frontPoint struct {
	Cost, Hours, Weeks float64
	Steps              []string
	X, Y               float64
	Href               string
	Current            bool
}

// frontPlot places the trade-off front on a plot of cost (up) against hours
// (across). Each point links to the plan with the fewest hours that costs
// no more than it, which is that point of the front.
func frontPlot(front []frontPlan, current *plan, base url.Values) map[string]any {
	// No front to show when there is no plan, or when nothing is to be earned.
	if len(front) == 0 || (len(front) == 1 && len(front[0].Steps) == 0) {
		return nil
	}
	const left, right, top, bottom = 80.0, 580.0, 20.0, 300.0
	maxCost, maxHours := 0.0, 0.0
	for _, f := range front {
		maxCost, maxHours = max(maxCost, f.TotalCost), max(maxHours, f.TotalHours)
	}
	maxCost, maxHours = max(maxCost, 1), max(maxHours, 1)
	var points []frontPoint
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
		points = append(points, frontPoint{
			Cost: f.TotalCost, Hours: f.TotalHours, Weeks: f.TotalWeeks, Steps: steps,
			X:    round1(left + (right-left)*f.TotalHours/maxHours),
			Y:    round1(bottom - (bottom-top)*f.TotalCost/maxCost),
			Href: "/plan?" + v.Encode(), Current: current != nil && current.TotalCost == f.TotalCost && current.TotalHours == f.TotalHours,
		})
	}
	return map[string]any{"Points": points, "Single": len(points) == 1, "Left": left, "Right": right, "Top": top, "Bottom": bottom,
		"MaxCost": maxCost, "MaxHours": maxHours}
}
