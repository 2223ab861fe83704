package loaders

import (
	"context"

	"github.com/lattice-pathways/lattice/cache"
	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/pathway"
)

// MaxOverlaps is how many overlap edges a role's loader holds; a prefetch
// reads as many, so a primed role answers every overlaps(first:) alike.
const MaxOverlaps = maxOverlaps

// MaxCertifiedBy and MaxClosedBy are how many credentials a skill's and a
// gap's loader hold: the largest first the fields accept. A prefetch reads
// as many, so a primed skill answers every certifiedBy(first:) alike.
const (
	MaxCertifiedBy = maxCertifiedBy
	MaxClosedBy    = maxClosedBy
)

// Prime fills the request's loaders with what a root resolver read ahead of
// its field resolvers (a cypher.Selection), so those return at once: no wait,
// no round trip. A key already loaded keeps its value.
func Prime(ctx context.Context, n cypher.Nested) {
	l := For(ctx)
	primeAll(ctx, l.roleSkills, n.Skills)
	primeAll(ctx, l.roleCredentials, n.Credentials)
	primeAll(ctx, l.roleOverlaps, n.Overlaps)
	primeAll(ctx, l.certifiedBy, n.CertifiedBy)
	primeAll(ctx, l.stacksInto, n.StacksInto)
	for id, e := range n.Education {
		// A loader cannot hold a miss: the zero level stands for "none", which
		// optional reads as absent.
		var level pathway.EducationLevel
		if e != nil {
			level = *e
		}
		l.roleEducation.Prime(id, level)
		cache.Put(ctx, l.roleEducation.kind, id, level, e != nil)
	}
}

// primeAll primes the request's loader and the read cache alike.
func primeAll[V any](ctx context.Context, l *loader[V], m map[string]V) {
	for k, v := range m {
		l.Prime(k, v)
		cache.Put(ctx, l.kind, k, v, true)
	}
}
