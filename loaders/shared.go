package loaders

import (
	"context"

	"github.com/lattice-pathways/lattice/cache"
	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/pathway"
)

// The kinds of the loaders' values that other readers of the read cache
// share (Shared): one name each, so that both fill one entry.
const (
	kindRoleCredentials = "roleCredentials"
	kindCertifiedBy     = "certifiedBy"
	kindClosedBy        = "closedBy"
)

// Reads are loaders' batch reads as the read cache holds them, for readers
// outside a request's loaders (the cache's warm-up): each fetches what its
// loader fetches, bounded as the loader is, under the loader's kind, so a
// value read through it is the one the loader would have fetched.
type Reads struct {
	// RoleCredentials is keyed by role id.
	RoleCredentials func(context.Context, []string) (map[string][]pathway.Credential, error)
	// CertifiedBy is keyed by skill id: at most MaxCertifiedBy each.
	CertifiedBy func(context.Context, []string) (map[string][]pathway.CertifiedSkill, error)
	// ClosedBy is keyed by cypher.GapKey.String: at most MaxClosedBy each.
	ClosedBy func(context.Context, []string) (map[string][]pathway.Credential, error)
}

// Shared returns the reads of s that the loaders share with the read cache.
func Shared(s *cypher.Store) Reads {
	return Reads{
		RoleCredentials: cache.Batch(kindRoleCredentials, s.RoleCredentials),
		CertifiedBy:     cache.Batch(kindCertifiedBy, certifiedByFetch(s)),
		ClosedBy:        cache.Batch(kindClosedBy, closedByFetch(s)),
	}
}

// certifiedByFetch is the certifiedBy loader's fetch.
func certifiedByFetch(s *cypher.Store) func(context.Context, []string) (map[string][]pathway.CertifiedSkill, error) {
	return func(ctx context.Context, ids []string) (map[string][]pathway.CertifiedSkill, error) {
		return s.SkillCertifiedBy(ctx, ids, maxCertifiedBy)
	}
}

// closedByFetch is the closedBy loader's fetch, keyed by gap key strings.
func closedByFetch(s *cypher.Store) func(context.Context, []string) (map[string][]pathway.Credential, error) {
	return func(ctx context.Context, keys []string) (map[string][]pathway.Credential, error) {
		gaps := make([]cypher.GapKey, len(keys))
		for i, k := range keys {
			gaps[i] = cypher.ParseGapKey(k)
		}
		found, err := s.SkillClosedBy(ctx, gaps, maxClosedBy)
		if err != nil {
			return nil, err
		}
		out := make(map[string][]pathway.Credential, len(found))
		for g, creds := range found {
			out[g.String()] = creds
		}
		return out, nil
	}
}
