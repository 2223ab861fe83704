// Package loaders batches the field reads of one GraphQL request: every
// loader collects the ids asked for at one level of the query and fetches
// them with one Cypher round trip, so a list of N roles with their skills
// costs one trip per level, not N. With a read cache in the request's
// context (package cache), a key it holds is answered before any loader
// waits, and a batch fetches only the keys it misses.
package loaders

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"runtime/debug"
	"sync/atomic"
	"time"

	"github.com/vikstrous/dataloadgen"

	"github.com/lattice-pathways/lattice/cache"
	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/pathway"
)

// Loaders are one request's batch loaders. Make them per request: they cache.
type Loaders struct {
	role              *loader[pathway.Role]
	skill             *loader[pathway.Skill]
	credential        *loader[pathway.Credential]
	roleSkills        *loader[[]pathway.RoleSkill]
	roleCredentials   *loader[[]pathway.Credential]
	roleEducation     *loader[pathway.EducationLevel]
	roleOverlaps      *loader[[]pathway.RoleOverlap]
	certifiedBy       *loader[[]pathway.CertifiedSkill]
	closedBy          *loader[[]pathway.Credential]
	certifies         *loader[[]pathway.CertifiedSkill]
	confers           *loader[pathway.EducationLevel]
	prerequisites     *loader[[]pathway.PrerequisiteGroup]
	stacksInto        *loader[[]pathway.StackEdge]
	stacksFrom        *loader[[]pathway.StackEdge]
	requiredBy        *loader[[]pathway.Role]
	preparesFor       *loader[[]pathway.Role]
	educationStacks   *loader[[]pathway.EducationLevel]
	educationConferer *loader[[]pathway.Credential]
	roleBroader       *loader[[]pathway.Role]
	roleNarrower      *loader[[]pathway.Role]
	skillBroader      *loader[[]pathway.Skill]
	skillNarrower     *loader[[]pathway.Skill]
	skillSameAs       *loader[[]pathway.Skill]
}

// maxOverlaps is the most overlap edges a role field returns.
const maxOverlaps = 100

// maxCertifiedBy and maxClosedBy are the most credentials a skill's
// certifiedBy and a gap's closedBy return: the loaders read no more, so a
// skill certified by a thousand programs costs what twenty would.
const (
	maxCertifiedBy = 100
	maxClosedBy    = 100
)

// wait is how long a loader gathers keys before it fetches. The resolvers of
// one level run concurrently, but on two busy cores a page of 50 roles with
// nested lists took more than 5 ms to ask for all its keys (TestRolesRoundTrips
// saw split batches at 2 and 5 ms); 10 ms kept every level to one trip.
const wait = 10 * time.Millisecond

// New makes the loaders of one request over the store.
func New(s *cypher.Store) *Loaders {
	opt := dataloadgen.WithWait(wait)
	return &Loaders{
		role:            mapped("role", s.RolesByIDs, opt),
		skill:           mapped("skill", s.SkillsByIDs, opt),
		credential:      mapped("credential", s.CredentialsByIDs, opt),
		roleSkills:      mapped("roleSkills", s.RoleSkills, opt),
		roleCredentials: mapped(kindRoleCredentials, s.RoleCredentials, opt),
		roleEducation:   mapped("roleEducation", s.RoleEducation, opt),
		roleOverlaps: mapped("roleOverlaps", func(ctx context.Context, ids []string) (map[string][]pathway.RoleOverlap, error) {
			return s.RoleOverlaps(ctx, ids, maxOverlaps)
		}, opt),
		certifiedBy:       mapped(kindCertifiedBy, certifiedByFetch(s), opt),
		closedBy:          mapped(kindClosedBy, closedByFetch(s), opt),
		certifies:         mapped("certifies", s.CredentialCertifies, opt),
		confers:           mapped("confers", s.CredentialConfers, opt),
		prerequisites:     mapped("prerequisites", s.CredentialPrerequisites, opt),
		stacksInto:        mapped("stacksInto", s.CredentialStacksInto, opt),
		stacksFrom:        mapped("stacksFrom", s.CredentialStacksFrom, opt),
		requiredBy:        mapped("requiredBy", s.CredentialRequiredBy, opt),
		preparesFor:       mapped("preparesFor", s.CredentialPreparesFor, opt),
		educationStacks:   mapped("educationStacks", s.EducationStacksInto, opt),
		educationConferer: mapped("educationConferer", s.EducationConferredBy, opt),
		roleBroader:       mapped("roleBroader", s.RoleBroader, opt),
		roleNarrower:      mapped("roleNarrower", s.RoleNarrower, opt),
		skillBroader:      mapped("skillBroader", s.SkillBroader, opt),
		skillNarrower:     mapped("skillNarrower", s.SkillNarrower, opt),
		skillSameAs:       mapped("skillSameAs", s.SkillSameAs, opt),
	}
}

// PanicError is a panic in a loader's fetch. dataloadgen recovers it in its
// own goroutine and keeps only the value; this keeps the stack too. Every
// field that waited on the batch gets this one value, so whoever reports it
// asks FirstReport and logs it once.
type PanicError struct {
	Value    any
	Stack    []byte
	reported atomic.Bool
}

func (e *PanicError) Error() string { return fmt.Sprintf("panic in a loader: %v", e.Value) }

// FirstReport is true the first time it is called only.
func (e *PanicError) FirstReport() bool { return e.reported.CompareAndSwap(false, true) }

// loader is a batch loader over the read cache: kind names its values in
// the cache. A cached key skips the loader and its wait; the batch fetches
// only the keys the cache misses.
type loader[V any] struct {
	kind string
	*dataloadgen.Loader[string, V]
}

// load returns the cached value or loads it; a cached absence is
// dataloadgen.ErrNotFound, as the loader says for a key its fetch left out.
func (l *loader[V]) load(ctx context.Context, id string) (V, error) {
	v, absent, hit, err := cache.Lookup[V](ctx, l.kind, id)
	switch {
	case err != nil:
		return v, err
	case absent:
		return v, dataloadgen.ErrNotFound
	case hit:
		return v, nil
	}
	return l.Load(ctx, id)
}

// mapped is dataloadgen.NewMappedLoader over the read cache, with a panic
// in fetch turned into a PanicError, stack included.
func mapped[V any](kind string, fetch func(context.Context, []string) (map[string]V, error), opts ...dataloadgen.Option) *loader[V] {
	fetch = cache.Batch(kind, fetch)
	return &loader[V]{kind: kind, Loader: dataloadgen.NewMappedLoader(func(ctx context.Context, ids []string) (out map[string]V, err error) {
		defer func() {
			if p := recover(); p != nil {
				out, err = nil, &PanicError{Value: p, Stack: debug.Stack()}
			}
		}()
		return fetch(ctx, ids)
	}, opts...)}
}

type ctxKey struct{}

// Middleware puts fresh loaders into every request's context.
func Middleware(s *cypher.Store, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r.WithContext(With(r.Context(), New(s))))
	})
}

// With returns ctx carrying l.
func With(ctx context.Context, l *Loaders) context.Context {
	return context.WithValue(ctx, ctxKey{}, l)
}

// For returns the request's loaders; it panics when the middleware is missing,
// a wiring error no request can recover from.
func For(ctx context.Context) *Loaders {
	l, ok := ctx.Value(ctxKey{}).(*Loaders)
	if !ok {
		panic("loaders: no loaders in context; wrap the handler with loaders.Middleware")
	}
	return l
}

// one loads a node that must exist: a missing one is pathway.ErrNotFound.
func one[V any](ctx context.Context, l *loader[V], kind, id string) (V, error) {
	v, err := l.load(ctx, id)
	if errors.Is(err, dataloadgen.ErrNotFound) {
		return v, fmt.Errorf("no %s with id %q: %w", kind, id, pathway.ErrNotFound)
	}
	return v, err
}

// optional loads a value that may be absent: nil then. A zero value is
// absent too: Prime stores one for a miss (no fetch returns it).
func optional[V comparable](ctx context.Context, l *loader[V], id string) (*V, error) {
	v, err := l.load(ctx, id)
	var zero V
	if errors.Is(err, dataloadgen.ErrNotFound) || (err == nil && v == zero) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &v, nil
}

// many loads a list that may be empty.
func many[V any](ctx context.Context, l *loader[[]V], id string) ([]V, error) {
	v, err := l.load(ctx, id)
	if errors.Is(err, dataloadgen.ErrNotFound) {
		return []V{}, nil
	}
	return v, err
}

// Role returns the role with this id, or pathway.ErrNotFound.
func Role(ctx context.Context, id string) (pathway.Role, error) {
	return one(ctx, For(ctx).role, "role", id)
}

// Skill returns the skill with this id, or pathway.ErrNotFound.
func Skill(ctx context.Context, id string) (pathway.Skill, error) {
	return one(ctx, For(ctx).skill, "skill", id)
}

// Credential returns the credential with this id, or pathway.ErrNotFound.
func Credential(ctx context.Context, id string) (pathway.Credential, error) {
	return one(ctx, For(ctx).credential, "credential", id)
}

// SkillsForRole returns a role's skills profile, required skills first.
func SkillsForRole(ctx context.Context, roleID string) ([]pathway.RoleSkill, error) {
	return many(ctx, For(ctx).roleSkills, roleID)
}

// CredentialsForRole returns the credentials a role requires.
func CredentialsForRole(ctx context.Context, roleID string) ([]pathway.Credential, error) {
	return many(ctx, For(ctx).roleCredentials, roleID)
}

// EducationForRole returns the education level a role requires, or nil.
func EducationForRole(ctx context.Context, roleID string) (*pathway.EducationLevel, error) {
	return optional(ctx, For(ctx).roleEducation, roleID)
}

// OverlapsForRole returns a role's overlap edges, closest first, at most first.
func OverlapsForRole(ctx context.Context, roleID string, first int) ([]pathway.RoleOverlap, error) {
	all, err := many(ctx, For(ctx).roleOverlaps, roleID)
	if err != nil {
		return nil, err
	}
	return all[:min(first, len(all))], nil
}

// CertifiedBy returns the credentials that certify a skill, highest level
// first, at most first (and never more than MaxCertifiedBy).
func CertifiedBy(ctx context.Context, skillID string, first int) ([]pathway.CertifiedSkill, error) {
	all, err := many(ctx, For(ctx).certifiedBy, skillID)
	if err != nil {
		return nil, err
	}
	return all[:min(first, len(all))], nil
}

// ClosedBy returns the credentials that close a gap in a skill at a level,
// cheapest first (pathway.ClosedBy), at most first (and never more than
// MaxClosedBy). The gaps of one answer are read in one batch.
func ClosedBy(ctx context.Context, skillID string, level, first int) ([]pathway.Credential, error) {
	all, err := many(ctx, For(ctx).closedBy, cypher.GapKey{SkillID: skillID, Level: level}.String())
	if err != nil {
		return nil, err
	}
	return all[:min(first, len(all))], nil
}

// Certifies returns the skills a credential certifies.
func Certifies(ctx context.Context, credentialID string) ([]pathway.CertifiedSkill, error) {
	return many(ctx, For(ctx).certifies, credentialID)
}

// Confers returns the education level a credential confers, or nil.
func Confers(ctx context.Context, credentialID string) (*pathway.EducationLevel, error) {
	return optional(ctx, For(ctx).confers, credentialID)
}

// Prerequisites returns a credential's prerequisite groups.
func Prerequisites(ctx context.Context, credentialID string) ([]pathway.PrerequisiteGroup, error) {
	return many(ctx, For(ctx).prerequisites, credentialID)
}

// StacksInto returns the credentials a credential stacks into.
func StacksInto(ctx context.Context, credentialID string) ([]pathway.StackEdge, error) {
	return many(ctx, For(ctx).stacksInto, credentialID)
}

// StacksFrom returns the credentials that stack into a credential.
func StacksFrom(ctx context.Context, credentialID string) ([]pathway.StackEdge, error) {
	return many(ctx, For(ctx).stacksFrom, credentialID)
}

// RequiredBy returns the roles that require a credential.
func RequiredBy(ctx context.Context, credentialID string) ([]pathway.Role, error) {
	return many(ctx, For(ctx).requiredBy, credentialID)
}

// PreparesFor returns the roles a credential prepares for.
func PreparesFor(ctx context.Context, credentialID string) ([]pathway.Role, error) {
	return many(ctx, For(ctx).preparesFor, credentialID)
}

// EducationStacksInto returns the levels an education level leads on to.
func EducationStacksInto(ctx context.Context, levelID string) ([]pathway.EducationLevel, error) {
	return many(ctx, For(ctx).educationStacks, levelID)
}

// ConferredBy returns the credentials that confer an education level.
func ConferredBy(ctx context.Context, levelID string) ([]pathway.Credential, error) {
	return many(ctx, For(ctx).educationConferer, levelID)
}

// BroaderRoles returns the roles a role is part of.
func BroaderRoles(ctx context.Context, roleID string) ([]pathway.Role, error) {
	return many(ctx, For(ctx).roleBroader, roleID)
}

// NarrowerRoles returns the roles part of a role.
func NarrowerRoles(ctx context.Context, roleID string) ([]pathway.Role, error) {
	return many(ctx, For(ctx).roleNarrower, roleID)
}

// BroaderSkills returns the skills a skill is part of.
func BroaderSkills(ctx context.Context, skillID string) ([]pathway.Skill, error) {
	return many(ctx, For(ctx).skillBroader, skillID)
}

// NarrowerSkills returns the skills part of a skill.
func NarrowerSkills(ctx context.Context, skillID string) ([]pathway.Skill, error) {
	return many(ctx, For(ctx).skillNarrower, skillID)
}

// SameSkills returns the skills crosswalked to a skill.
func SameSkills(ctx context.Context, skillID string) ([]pathway.Skill, error) {
	return many(ctx, For(ctx).skillSameAs, skillID)
}
