package resolvers

import (
	"slices"
	"testing"
	"time"

	"github.com/99designs/gqlgen/client"
)

// BenchmarkQuestionsONET measures the core questions through the whole
// service (HTTP handler, resolvers, loaders, Neo4j) on the sample graph with
// the full O*NET release beside it: about 1,070 roles, 8,900 skills and
// 72,000 requires edges. It reports the median and 99th percentile latency.
// Run it with `make bench`.
func BenchmarkQuestionsONET(b *testing.B) {
	c, store := sampleClient(b)
	importONET(b, store)
	questions := []struct {
		name, query string
		vars        []client.Option
	}{
		{"skillsMap", `query($a: ID!, $b: ID!) { skillsMap(from: $a, to: $b) { overlap { skill { id } } gaps { skill { id } closedBy { id } } readiness } }`,
			[]client.Option{client.Var("a", "onet:29-2061.00"), client.Var("b", "onet:29-1141.00")}},
		{"reachableRoles", `query($a: ID!) { reachableRoles(from: {roleId: $a}, limits: {maxSteps: 2}) { role { id title } score overlap plan { totalCost } } }`,
			[]client.Option{client.Var("a", "onet:15-1244.00")}},
		{"upskillingPath", `query($a: ID!, $b: ID!) { upskillingPath(from: {roleId: $a}, to: $b) { feasible totalHours steps { credential { id } } uncovered { id } } }`,
			[]client.Option{client.Var("a", "onet:29-2061.00"), client.Var("b", "onet:29-1141.00")}},
		{"roles50Nested", `{ roles(first: 50) { edges { node { id skills { level skill { id certifiedBy { credential { id } } } } credentials { id } } } } }`, nil},
	}
	for _, q := range questions {
		b.Run(q.name, func(b *testing.B) {
			var lat []time.Duration
			for b.Loop() {
				start := time.Now()
				var resp map[string]any
				c.MustPost(q.query, &resp, q.vars...)
				lat = append(lat, time.Since(start))
			}
			slices.Sort(lat)
			b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
		})
	}
}
