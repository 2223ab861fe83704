package resolvers

import (
	"os"
	"strings"
	"testing"
)

// TestReadmeExamples runs every GraphQL example of the README on the sample
// graph: the examples are the first thing a user tries.
func TestReadmeExamples(t *testing.T) {
	c, _ := sampleClient(t)
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := strings.Split(string(readme), "```graphql\n")[1:]
	if len(blocks) < 5 {
		t.Fatalf("the README has %d GraphQL examples; expected the read questions and the planner's", len(blocks))
	}
	for i, b := range blocks {
		query := b[:strings.Index(b, "```")]
		t.Run(oneLine(query)[:min(60, len(oneLine(query)))], func(t *testing.T) {
			resp, err := c.RawPost(query)
			if err != nil {
				t.Fatalf("example %d: %v", i+1, err)
			}
			if len(resp.Errors) > 0 && string(resp.Errors) != "null" {
				t.Errorf("example %d: %s", i+1, resp.Errors)
			}
			data, _ := resp.Data.(map[string]any)
			if len(data) == 0 {
				t.Errorf("example %d returned no data: %s", i+1, resp.Data)
			}
		})
	}
}
