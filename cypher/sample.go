package cypher

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/lattice-pathways/lattice/pathway"
)

//go:embed sample/graph.json
var sampleJSON []byte

// Sample returns the sample graph, written for the project from the facts of
// its source documents (see sample/README.md).
func Sample() (*Graph, error) {
	var g Graph
	dec := json.NewDecoder(bytes.NewReader(sampleJSON))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&g); err != nil {
		return nil, fmt.Errorf("cypher.Sample: %w", err)
	}
	return &g, nil
}

// LoadSample writes the sample graph when the database holds none of its
// roles, skills and credentials, and reports whether it did. It never
// overwrites or deletes other data: a database that holds any of the sample
// is left as it is. The crosswalk to O*NET comes along, its edges made where
// O*NET is already loaded.
func (s *Store) LoadSample(ctx context.Context) (loaded bool, err error) {
	defer wrap(&err, "cypher.LoadSample")
	g, err := Sample()
	if err != nil {
		return false, err
	}
	ids := func(n int, id func(int) string) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = id(i)
		}
		return out
	}
	recs, err := s.read(ctx, "sample_present", map[string]any{
		"roles":       ids(len(g.Roles), func(i int) string { return g.Roles[i].ID }),
		"skills":      ids(len(g.Skills), func(i int) string { return g.Skills[i].ID }),
		"credentials": ids(len(g.Credentials), func(i int) string { return g.Credentials[i].ID }),
	})
	if err != nil {
		return false, err
	}
	if len(recs) == 1 && intOf(get(recs[0], "present")) > 0 {
		return false, nil
	}
	if g.Crosswalks, err = ONETCrosswalk(); err != nil {
		return false, err
	}
	if err := s.WriteGraph(ctx, g); err != nil {
		return false, err
	}
	return true, nil
}

//go:embed sample/onet_crosswalk.json
var onetCrosswalkJSON []byte

// CrosswalkGroup is one group of the sample's crosswalk to O*NET: pairs of
// (sample skill id, O*NET skill id) and why they are the same competence.
type CrosswalkGroup struct {
	Why   string     `json:"why"`
	Pairs [][]string `json:"pairs"`
}

// onetSkillID is an O*NET skill, knowledge or technology id as the O*NET
// importer makes them: onet:2.A.1.d, onet:2.C.10, onet:tech:<slug>.
var onetSkillID = regexp.MustCompile(`^onet:(2\.[A-C]\.[0-9]+(\.[a-z])?|tech:[a-z0-9]+(-[a-z0-9]+)*)$`)

// ONETCrosswalk returns the sample's hand-written crosswalk to O*NET
// (sample/onet_crosswalk.json) as SAME_AS edges from sample skills to O*NET
// skills. It is checked once: every group says why, every sample id is a
// skill of the sample graph, every O*NET id has the importer's form, and no
// pair appears twice. LoadSample and the O*NET importer both write it, so
// the edges appear whichever of the two comes first.
func ONETCrosswalk() ([]GraphCrosswalk, error) { return onetCrosswalk() }

var onetCrosswalk = sync.OnceValues(func() ([]GraphCrosswalk, error) {
	sample, err := Sample()
	if err != nil {
		return nil, err
	}
	skills := map[string]bool{}
	for _, s := range sample.Skills {
		skills[s.ID] = true
	}
	return parseCrosswalk(onetCrosswalkJSON, skills)
})

// parseCrosswalk decodes and checks a crosswalk file against the sample's
// skill ids.
func parseCrosswalk(data []byte, skills map[string]bool) ([]GraphCrosswalk, error) {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("cypher.ONETCrosswalk: "+format+": %w", append(args, pathway.ErrInvalid)...)
	}
	var groups []CrosswalkGroup
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&groups); err != nil {
		return nil, bad("%v", err)
	}
	var out []GraphCrosswalk
	seen := map[[2]string]bool{}
	for i, g := range groups {
		if strings.TrimSpace(g.Why) == "" || len(g.Pairs) == 0 {
			return nil, bad("group %d needs a why and at least one pair", i+1)
		}
		for _, pair := range g.Pairs {
			if len(pair) != 2 {
				return nil, bad("group %d: pair %q is not [sample skill, O*NET skill]", i+1, pair)
			}
			p := [2]string{pair[0], pair[1]}
			switch {
			case !skills[p[0]]:
				return nil, bad("group %d: %q is not a skill of the sample graph", i+1, p[0])
			case !onetSkillID.MatchString(p[1]):
				return nil, bad("group %d: %q is not an O*NET skill id (onet:<element id> or onet:tech:<slug>)", i+1, p[1])
			case seen[p]:
				return nil, bad("group %d: %s -> %s appears twice", i+1, p[0], p[1])
			}
			seen[p] = true
			out = append(out, GraphCrosswalk{From: p[0], To: p[1]})
		}
	}
	return out, nil
}
