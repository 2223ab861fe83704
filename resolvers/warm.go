package resolvers

import (
	"context"
	"errors"
	"maps"
	"slices"
	"time"

	"github.com/rs/zerolog"

	"github.com/lattice-pathways/lattice/cache"
	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/graph/model"
	"github.com/lattice-pathways/lattice/pathway"
)

// WarmBatch is how many ids one warm-up statement reads: small enough that
// a request waiting on Neo4j behind it waits little.
const WarmBatch = 50

// warmShare is the part of the cache's entries and of its bytes a warm-up
// may fill: the rest
// is left to what requests read that is not warmed (memos, loader lists,
// skills), so that warming does not evict it nor it the warmed inputs.
const warmShare = 0.75

// Warmer reads the questions' per-id inputs of every role into the read
// cache whenever the graph version changes, through the same source the
// questions read by (newSource): a warmed value is the one a cold request
// would have read. It runs one statement at a time.
type Warmer struct {
	store    *cypher.Store
	src      *source
	cache    *cache.Cache
	log      zerolog.Logger
	observer WarmObserver
}

// WarmObserver is told of every warm-up that ends: the version it warmed,
// the entries the cache held then, how long it took and how it ended
// (done, bound, stopped, error).
type WarmObserver interface {
	ObserveWarm(version int64, entries int, d time.Duration, outcome string)
}

// WarmStats is what one warm-up did.
type WarmStats struct {
	Version     cache.Version
	Roles       int   // the roles warmed
	AllRoles    int   // the roles of the graph
	Credentials int   // the plan candidates whose facts were warmed
	Pages       int   // the pages of roles warmed (warmPageSizes)
	Stacks      int   // the credentials and education levels whose stacks were warmed
	PlanGraphs  int   // the roles whose whole plan graph was made
	Entries     int   // what the cache held at the end
	Bytes       int64 // the entries' estimated bytes at the end
	Shared      int64 // the interned values' estimated bytes at the end
	Duration    time.Duration
	Bounded     bool // stopped at the cache's bound before every role
}

// NewWarmer returns a warmer of rc from store; o may be nil. Its statements
// go to store as it is: give it the store the handler observes to count
// them with the requests'.
func NewWarmer(store *cypher.Store, rc *cache.Cache, log zerolog.Logger, o WarmObserver) (*Warmer, error) {
	if store == nil || rc == nil {
		return nil, errors.New("resolvers.NewWarmer: no store or no cache")
	}
	return &Warmer{store: store, src: newSource(store), cache: rc, log: log, observer: o}, nil
}

// Run warms the version the graph has now, then reads the version every
// interval and, when it changed, stops the warm-up under way (after its
// current statement) and warms the new one. It returns when ctx ends, once
// the warm-up under way has stopped.
func (w *Warmer) Run(ctx context.Context, interval time.Duration) {
	var target cache.Version
	var run *warmRun
	defer func() { run.stop() }()
	tick := time.NewTicker(interval)
	defer tick.Stop()
	for {
		vctx, vcancel := context.WithTimeout(ctx, 2*time.Second)
		v, err := w.store.GraphVersion(vctx)
		vcancel()
		// A failed read is the readiness check's to report; try again.
		if err == nil && cache.Version(v) != target && v != (cypher.Version{}) {
			run.stop() // one warm-up at a time
			target = cache.Version(v)
			wctx, cancel := context.WithCancel(ctx)
			run = &warmRun{cancel: cancel, done: make(chan struct{})}
			go func(v cache.Version, done chan struct{}) {
				defer close(done)
				w.warm(wctx, v)
			}(target, run.done)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// warmRun is a warm-up under way.
type warmRun struct {
	cancel context.CancelFunc
	done   chan struct{}
}

// stop cancels the warm-up and waits for it to return, which it does after
// its current statement; a nil run is none.
func (r *warmRun) stop() {
	if r != nil {
		r.cancel()
		<-r.done
	}
}

// Warm warms the version the graph has now, to its end; tests and the
// benchmark use it to start from a warmed cache.
func (w *Warmer) Warm(ctx context.Context) (WarmStats, error) {
	v, err := w.store.GraphVersion(ctx)
	if err != nil {
		return WarmStats{}, err
	}
	return w.warm(ctx, cache.Version(v))
}

// warm warms v, logs and observes how it ended.
func (w *Warmer) warm(ctx context.Context, v cache.Version) (WarmStats, error) {
	start := time.Now()
	st, err := w.warmVersion(ctx, v)
	st.Version, st.Duration, st.Entries = v, time.Since(start), w.cache.Len()
	st.Bytes, st.Shared = w.cache.Held(), w.cache.SharedBytes()
	outcome := "done"
	switch {
	case ctx.Err() != nil:
		outcome = "stopped"
	case err != nil:
		outcome = "error"
	case st.Bounded:
		outcome = "bound"
	}
	if w.observer != nil {
		w.observer.ObserveWarm(v.N, st.Entries, st.Duration, outcome)
	}
	ev := w.log.Info()
	if outcome == "error" {
		ev = w.log.Warn().Err(err)
	}
	ev.Str("outcome", outcome).Str("epoch", v.Epoch).Int64("version", v.N).Int("roles", st.Roles).Int("all_roles", st.AllRoles).
		Int("credentials", st.Credentials).Int("pages", st.Pages).Int("stacks", st.Stacks).Int("plan_graphs", st.PlanGraphs).
		Int("entries", st.Entries).Int64("bytes", st.Bytes).Int64("shared_bytes", st.Shared).Dur("duration", st.Duration).
		Msg("read cache warm-up")
	return st, err
}

// warmVersion reads, for every role in batches of at most WarmBatch, what
// the questions read of it: its plan form and its candidates' facts
// (interned), its profile as a person who holds just it, the role, its
// skills, its credentials, its education, its overlap edges out and in, the
// skills it requires, whether some credential closes each of its required
// levels and which do (a skills map's closedBy), and the credentials
// certifying each of its skills (a page of roles' nested certifiedBy).
// Then, while there is room, the facts of the credentials the plans reach,
// which plan steps name (a plan names few of its candidates, so they come
// after every role), the unfiltered pages of roles (warmPageSizes) and the
// stack through every credential and education level with its rungs'
// facts. First each education level's profile and the roles sharing its
// skills (a student's first move). It stops before a batch that would take
// the cache past warmShare of its entries or of its bytes, judging by what
// the last batch added. Last, with no statement, it makes whole plan graphs
// from the forms and facts, role by role, while they fit in that share: a
// graph it leaves out is made from its form when first asked, in about a
// millisecond, without Neo4j.
func (w *Warmer) warmVersion(ctx context.Context, v cache.Version) (st WarmStats, err error) {
	ctx = w.cache.Begin(ctx, func(context.Context) (cache.Version, error) { return v, nil })
	// Every role, by id: read as the starters' question reads it, which
	// warms that memo too.
	starters, err := w.src.StarterRoles(ctx, nil, nil)
	if err != nil {
		return st, err
	}
	if err := w.warmLevels(ctx); err != nil {
		return st, err
	}
	ids := make([]string, len(starters))
	for i, s := range starters {
		ids[i] = s.Role.ID
	}
	st.AllRoles = len(ids)
	limit := int(float64(w.cache.Size()) * warmShare)
	limitBytes := int64(float64(w.cache.Bytes()) * warmShare)
	fits := func(grow int, growBytes int64) bool {
		return w.cache.Len()+grow <= limit && w.cache.Held()+growBytes <= limitBytes
	}
	room := func(grow int, growBytes int64) bool {
		if !fits(grow, growBytes) {
			st.Bounded = true
			return false
		}
		return true
	}
	seen := map[string]bool{}
	var creds []string
	// A guess until a batch is measured.
	size, grow, growBytes := WarmBatch, 10*WarmBatch, int64(WarmBatch)<<20
	for rest := ids; len(rest) > 0; {
		batch := rest[:min(size, len(rest))]
		if !room(grow*len(batch)/size, growBytes*int64(len(batch))/int64(size)) {
			return st, nil
		}
		if w.cache.Current() != v {
			return st, nil // a request has read a newer version: Run warms that
		}
		before, beforeBytes, start := w.cache.Len(), w.cache.Held(), time.Now()
		reached, err := w.warmRoles(ctx, batch)
		if err != nil {
			return st, err
		}
		for _, id := range reached {
			if !seen[id] {
				seen[id] = true
				creds = append(creds, id)
			}
		}
		rest = rest[len(batch):]
		st.Roles += len(batch)
		grow = max(1, (w.cache.Len()-before)*size/len(batch))
		growBytes = max(1, (w.cache.Held()-beforeBytes)*int64(size)/int64(len(batch)))
		// Plan forms grow with the graph: fewer roles a batch keeps each
		// statement short on a large one.
		switch took := time.Since(start); {
		case took > time.Second && size > 5:
			size /= 2
			grow /= 2
			growBytes /= 2
		case took < 200*time.Millisecond && size < WarmBatch:
			size *= 2
			grow *= 2
			growBytes *= 2
		}
	}
	slices.Sort(creds)
	for part := range slices.Chunk(creds, WarmBatch) {
		if !room(len(part), int64(len(part))<<10) {
			return st, nil
		}
		if _, err := w.src.CredentialsByIDs(ctx, part); err != nil {
			return st, err
		}
		st.Credentials += len(part)
	}
	// Pages and stacks weigh about 15 KB and 2 KB an entry on O*NET+CIP:
	// judged at twice that, the guess errs towards stopping early.
	entries := func(bytes int64) func(int) bool {
		return func(n int) bool { return room(n, int64(n)*bytes) }
	}
	if st.Pages, err = w.warmPages(ctx, st.AllRoles, entries(32<<10)); err != nil || st.Bounded {
		return st, err
	}
	if st.Stacks, err = w.warmStacks(ctx, v, entries(4<<10)); err != nil || st.Bounded {
		return st, err
	}
	// Whole plan graphs: one first, to weigh one.
	size, grow, growBytes = 1, 1, 1<<20
	for rest := ids; len(rest) > 0 && ctx.Err() == nil; {
		batch := rest[:min(size, len(rest))]
		if !fits(grow*len(batch)/size, growBytes*int64(len(batch))/int64(size)) || w.cache.Current() != v {
			break
		}
		before, beforeBytes := w.cache.Len(), w.cache.Held()
		if _, err := w.src.PlanGraphs(ctx, batch); err != nil {
			return st, err
		}
		rest = rest[len(batch):]
		st.PlanGraphs += len(batch)
		grow = max(1, (w.cache.Len()-before)*WarmBatch/len(batch))
		growBytes = max(1, (w.cache.Held()-beforeBytes)*WarmBatch/int64(len(batch)))
		size = WarmBatch
	}
	return st, ctx.Err()
}

// warmPageSizes are the page sizes whose unfiltered pages of roles are
// warmed: the default (nil), and 20, 50 and 100 as clients ask for them.
// Each page's roles field is memoized by its arguments; what a page's roles
// nest (skills, certifiers, credentials) is warmed per role and skill.
var warmPageSizes = []*int{nil, ptr(20), ptr(50), ptr(100)}

func ptr[T any](v T) *T { return &v }

// warmPages memoizes, for every size of warmPageSizes, each unfiltered page
// of roles(first:, after:) as the roles field answers it, from one read of
// every role in the pages' order: page k is the roles after page k-1's last,
// which is what that page's cursor asks for. It returns the pages warmed.
func (w *Warmer) warmPages(ctx context.Context, all int, room func(int) bool) (int, error) {
	pages := 0
	for _, first := range warmPageSizes {
		pages += (all + pageSizeOf(first) - 1) / pageSizeOf(first)
	}
	if !room(pages) {
		return 0, nil
	}
	every, err := w.store.Roles(ctx, cypher.RoleFilter{}, all, nil, nil)
	if err != nil {
		return 0, err
	}
	roles, n := every.Roles, 0
	for _, first := range warmPageSizes {
		size := pageSizeOf(first)
		var after *string
		for i := 0; i < len(roles); i += size {
			page := cypher.RolePage{Roles: roles[i:min(i+size, len(roles))], More: i+size < len(roles), Total: every.Total}
			if _, err := cache.Memo(ctx, "roles", rolesArgs{nil, first, after}, func(context.Context) (*model.RoleConnection, error) {
				return roleConnection(page), nil
			}); err != nil {
				return n, err
			}
			n++
			last := page.Roles[len(page.Roles)-1]
			after = ptr(encodeCursor(last.Title, last.ID))
		}
	}
	return n, nil
}

// pageSizeOf is the page size roles(first:) reads.
func pageSizeOf(first *int) int {
	if first == nil {
		return defaultPageSize
	}
	return *first
}

// warmStacks reads, in batches, the stack through every credential and
// education level and what its rungs confer, require and open, as
// credentialStack reads them (stackFacts). It stops at the bound, or when a
// request has read a newer version than v. It returns the stacks warmed.
func (w *Warmer) warmStacks(ctx context.Context, v cache.Version, room func(int) bool) (int, error) {
	ids, err := w.store.CredentialIDs(ctx)
	if err != nil {
		return 0, err
	}
	levels, err := w.store.EducationLevels(ctx)
	if err != nil {
		return 0, err
	}
	for _, l := range levels {
		ids = append(ids, l.ID)
	}
	n := 0
	// A stack and its rungs' four facts: five entries an id, fewer where
	// rungs are shared.
	for part := range slices.Chunk(ids, WarmBatch) {
		if !room(5*len(part)) || w.cache.Current() != v {
			return n, nil
		}
		stacks, err := w.src.CredentialStacks(ctx, part)
		if err != nil {
			return n, err
		}
		if _, err := stackFacts(ctx, w.src, slices.Collect(maps.Values(stacks))...); err != nil {
			return n, err
		}
		n += len(part)
	}
	return n, nil
}

// warmRoles warms a batch of roles and returns the credentials their plans
// reach.
func (w *Warmer) warmRoles(ctx context.Context, batch []string) ([]string, error) {
	forms, err := w.src.PlanForms(ctx, batch)
	if err != nil {
		return nil, err
	}
	var creds, skills []string
	var gaps []cypher.GapKey
	for _, f := range forms {
		// A plan's gaps are its target's required skills at their levels,
		// whatever is held (pathway.Gaps); its builder names the target
		// skills.
		for _, gap := range pathway.Gaps(nil, f.Graph.Target, false) {
			gaps = append(gaps, cypher.GapKey{SkillID: gap.SkillID, Level: gap.Level})
		}
		for _, t := range f.Graph.Target {
			skills = append(skills, t.SkillID)
		}
		creds = append(creds, f.Candidates...)
	}
	// The facts that make the forms whole graphs, so that making them reads
	// nothing.
	if _, err := w.src.PlanFacts(ctx, sortedUnique(creds)); err != nil {
		return nil, err
	}
	profiles := make([]pathway.Profile, len(batch))
	for i, id := range batch {
		profiles[i] = pathway.Profile{RoleID: id}
	}
	var roleSkills map[string][]pathway.RoleSkill
	steps := []func() error{
		func() error { _, _, err := w.src.Profiles(ctx, profiles); return err },
		func() error { _, err := w.src.RolesByIDs(ctx, batch); return err },
		func() (err error) { roleSkills, err = w.src.RoleSkills(ctx, batch); return err },
		func() error { _, err := w.src.RoleCredentials(ctx, batch); return err },
		func() error { _, err := w.src.RoleEducation(ctx, batch); return err },
		func() error { _, err := w.src.RoleOverlaps(ctx, batch, pathway.MaxOverlapsPerRole); return err },
		func() error { _, err := w.src.OverlapsInto(ctx, batch, pathway.StoneCandidates); return err },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	// Small values, many a role: four batches' worth a statement.
	for part := range slices.Chunk(sortedUnique(skills), 4*WarmBatch) {
		if _, err := w.src.SkillsByIDs(ctx, part); err != nil {
			return nil, err
		}
	}
	for part := range slices.Chunk(gaps, 4*WarmBatch) {
		if _, err := w.src.GapsCertified(ctx, part); err != nil {
			return nil, err
		}
		if _, err := w.src.ClosedBy(ctx, part); err != nil {
			return nil, err
		}
	}
	// Every skill of the roles' profiles, required or not, as a page of
	// roles nests them with their certifiers.
	var all []string
	for _, rs := range roleSkills {
		for _, s := range rs {
			all = append(all, s.Skill.ID)
		}
	}
	for part := range slices.Chunk(sortedUnique(all), 4*WarmBatch) {
		if _, err := w.src.CertifiedBy(ctx, part); err != nil {
			return nil, err
		}
	}
	return creds, nil
}

// warmLevels warms each education level's profile (a student's) and the
// roles that share a skill with it, as the starters' question reads them.
func (w *Warmer) warmLevels(ctx context.Context) error {
	levels, err := w.store.EducationLevels(ctx)
	if err != nil {
		return err
	}
	profiles := make([]pathway.Profile, len(levels))
	for i, l := range levels {
		profiles[i] = pathway.Profile{EducationLevelID: l.ID}
	}
	held, _, err := w.src.Profiles(ctx, profiles)
	if err != nil {
		return err
	}
	for _, h := range held {
		if _, err := w.src.RolesSharingSkills(ctx, slices.Collect(maps.Keys(h.Skills)), pathway.MaxSharingRoles); err != nil {
			return err
		}
	}
	return nil
}
