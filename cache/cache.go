// Package cache keeps reads of the graph in memory, keyed by the graph
// version that every write through Lattice bumps in its own transaction. A
// request reads the version once, when it first needs it, and every cached
// read of that request is keyed by it: a read that starts after a write
// committed (through any Lattice, or an import) reads a newer version, so it
// never sees an entry made before that write.
//
// Values are shared between requests once cached: whoever gets one must not
// change it, exactly as with a dataloader's values within one request.
//
// Entries are bounded by their estimated bytes (Sizer), and by their count
// as a guard against a flood of tiny ones. Values that many entries refer
// to (a program is a plan candidate of thousands of roles) are kept once
// per version in an interning table (Shared) that no entry bound evicts
// from: it holds at most one value per id of the graph, and goes with its
// version.
package cache

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"math"
	"sync"
	"sync/atomic"

	lru "github.com/hashicorp/golang-lru/v2"
	"golang.org/x/sync/singleflight"
)

// Version is a graph version: Epoch names the version node (a wiped database
// makes a new one), N counts the writes since. The zero Version, a graph no
// write through Lattice has versioned yet, is never cached under.
type Version struct {
	Epoch string
	N     int64
}

// Observer is told of every lookup: the kind of value and whether it hit.
type Observer interface {
	ObserveCache(kind string, hit bool)
}

// Cache is a bounded LRU of reads, shared by every request of one process.
// A nil *Cache caches nothing.
type Cache struct {
	entries  *lru.Cache[key, entry]
	bytes    int64                   // the bound of entries' estimated bytes
	held     atomic.Int64            // estimated bytes of entries held
	entryMu  sync.Mutex              // one writer of entries at a time keeps held exact
	answers  *lru.Cache[key, []byte] // whole answers, bounded by their bytes
	budget   int64
	used     atomic.Int64 // bytes of answers held
	answerMu sync.Mutex   // one writer of answers at a time keeps used exact
	flight   singleflight.Group
	observer Observer
	size     int // the entry bound

	mu      sync.Mutex
	current Version // the newest version a request has read

	sharedMu    sync.Mutex
	shared      map[key]entry // the current version's interned values
	sharedBytes atomic.Int64
}

type key struct {
	version    Version
	kind, name string
}

// entry is a cached value, or the knowledge that there is none (a role id
// that names no role), which is as worth keeping.
type entry struct {
	value  any
	absent bool
	weight int64 // estimated bytes, bookkeeping included
}

// entryOverhead is what an entry costs besides its value: its key, the
// LRU's list element and map slot.
const entryOverhead = 160

// weigh is e's weight under k, its value weighing v bytes.
func weigh(k key, v int64) int64 {
	return entryOverhead + int64(len(k.version.Epoch)+len(k.kind)+len(k.name)) + v
}

// DefaultSize is the entry bound a service's cache has unless configured: a
// guard against a flood of tiny entries (each weighs at least
// entryOverhead); DefaultBytes is the bound that matters. A warm-up of every
// role of a graph ten times O*NET's makes about 200,000.
const DefaultSize = 1 << 20

// DefaultBytes is the entries' byte bound a service's cache has unless
// configured (SetBytes): room for a warm-up of every role's question inputs
// of a graph ten times O*NET's (about 1.2 GB, README, Warming) within the
// part a warm-up may fill, with the rest for whole plan graphs.
const DefaultBytes = 2 << 30

// DefaultAnswerBytes bounds the whole answers a cache keeps (Answer).
const DefaultAnswerBytes = 64 << 20

// New returns a cache of at most size entries weighing DefaultBytes, and
// whole answers of at most DefaultAnswerBytes in all; o may be nil.
func New(size int, o Observer) (*Cache, error) {
	c := &Cache{observer: o, budget: DefaultAnswerBytes, size: size, bytes: DefaultBytes}
	var err error
	c.entries, err = lru.NewWithEvict(size, func(_ key, e entry) { c.held.Add(-e.weight) })
	if err != nil {
		return nil, err
	}
	// The entry bound only stops a flood of tiny answers; bytes are the bound.
	c.answers, err = lru.NewWithEvict(size, func(_ key, b []byte) { c.used.Add(-int64(len(b))) })
	if err != nil {
		return nil, err
	}
	return c, nil
}

// SetBytes bounds the entries' estimated bytes to n; 0 or less means no
// bound but the entries'. Set it before the cache is used.
func (c *Cache) SetBytes(n int64) {
	if c != nil {
		if n <= 0 {
			n = math.MaxInt64
		}
		c.bytes = n
	}
}

// Bytes is the entries' byte bound.
func (c *Cache) Bytes() int64 { return c.bytes }

// Held is the estimated bytes of the entries the cache holds.
func (c *Cache) Held() int64 { return c.held.Load() }

// SharedBytes is the estimated bytes of the values interned for the
// current version (Shared), which no entry bound counts.
func (c *Cache) SharedBytes() int64 { return c.sharedBytes.Load() }

// add caches e under k, then evicts the least recently used entries while
// the entries weigh more than the byte bound.
func (c *Cache) add(k key, e entry) {
	c.entryMu.Lock()
	defer c.entryMu.Unlock()
	if old, had := c.entries.Peek(k); had {
		c.held.Add(-old.weight) // Add replaces without an eviction
	}
	c.held.Add(e.weight)
	c.entries.Add(k, e)
	for c.held.Load() > c.bytes {
		if _, _, ok := c.entries.RemoveOldest(); !ok {
			break
		}
	}
}

// SetAnswerBytes bounds the whole answers the cache keeps to n bytes; 0
// keeps none.
func (c *Cache) SetAnswerBytes(n int64) {
	if c != nil {
		c.budget = n
	}
}

// AnswerBytes is how many bytes of whole answers the cache holds.
func (c *Cache) AnswerBytes() int64 { return c.used.Load() }

// Len is how many entries the cache holds.
func (c *Cache) Len() int { return c.entries.Len() }

// Size is the most entries the cache holds.
func (c *Cache) Size() int { return c.size }

// Current is the newest version a request (or a warm-up) has read.
func (c *Cache) Current() Version {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.current
}

// adopt is told the version a request read. A newer version than any seen
// before drops every entry: none can be asked for again. A request that read
// an older one (it started before a write another request has already seen)
// does not use the cache at all.
func (c *Cache) adopt(v Version) bool {
	if v == (Version{}) {
		return false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	switch {
	case v == c.current:
		return true
	case v.Epoch == c.current.Epoch && v.N < c.current.N:
		return false
	}
	c.current = v
	c.entries.Purge()
	c.sharedMu.Lock()
	c.shared = nil
	c.sharedBytes.Store(0)
	c.sharedMu.Unlock()
	c.answerMu.Lock()
	c.answers.Purge()
	c.answerMu.Unlock()
	return true
}

func (c *Cache) get(k key) (entry, bool) {
	e, ok := c.entries.Get(k)
	if c.observer != nil {
		c.observer.ObserveCache(k.kind, ok)
	}
	return e, ok
}

// request is one request's view of the cache: the version it read, once.
type request struct {
	c    *Cache
	read func(context.Context) (Version, error)

	once    sync.Once
	version Version
	usable  bool
	err     error
}

type ctxKey struct{}

// Begin returns ctx carrying a request scope of c: the first cached read
// under it reads the graph version with read. A nil c returns ctx as it is.
func (c *Cache) Begin(ctx context.Context, read func(context.Context) (Version, error)) context.Context {
	if c == nil {
		return ctx
	}
	return context.WithValue(ctx, ctxKey{}, &request{c: c, read: read})
}

// scope returns the request's cache and version; ok is false when the
// request caches nothing (no scope, no versioned graph, a stale version).
// The error is the version read's: the request fails as any read would.
func scope(ctx context.Context) (c *Cache, v Version, ok bool, err error) {
	r, _ := ctx.Value(ctxKey{}).(*request)
	if r == nil {
		return nil, v, false, nil
	}
	r.once.Do(func() {
		r.version, r.err = r.read(ctx)
		r.usable = r.err == nil && r.c.adopt(r.version)
	})
	return r.c, r.version, r.usable, r.err
}

// Lookup returns the cached value of kind for id in the request's version:
// hit says whether there was an entry, absent that the entry says there is
// no value. A miss is not counted here: the batch fetch that follows counts it.
func Lookup[V any](ctx context.Context, kind, id string) (v V, absent, hit bool, err error) {
	c, ver, ok, err := scope(ctx)
	if !ok || err != nil {
		return v, false, false, err
	}
	e, hit := c.entries.Get(key{ver, kind, id})
	if !hit {
		return v, false, false, nil
	}
	if c.observer != nil {
		c.observer.ObserveCache(kind, true)
	}
	if e.absent {
		return v, true, true, nil
	}
	return e.value.(V), false, true, nil
}

// Batch wraps a batch fetch of values by id so that it fetches only the ids
// the cache misses and caches what it fetched, an id missing from the
// result as absent. Each value weighs what SizeOf says.
func Batch[V any](kind string, fetch func(context.Context, []string) (map[string]V, error)) func(context.Context, []string) (map[string]V, error) {
	return BatchSized(kind, fetch, func(v V) int64 { return SizeOf(v) })
}

// BatchSized is Batch with each value weighing size(v) bytes: for values
// that refer to shared ones, which they should not count.
func BatchSized[V any](kind string, fetch func(context.Context, []string) (map[string]V, error), size func(V) int64) func(context.Context, []string) (map[string]V, error) {
	return func(ctx context.Context, ids []string) (map[string]V, error) {
		c, ver, ok, err := scope(ctx)
		if err != nil {
			return nil, err
		}
		if !ok {
			return fetch(ctx, ids)
		}
		out := make(map[string]V, len(ids))
		var missed []string
		for _, id := range ids {
			e, hit := c.get(key{ver, kind, id})
			switch {
			case !hit:
				missed = append(missed, id)
			case !e.absent:
				out[id] = e.value.(V)
			}
		}
		if len(missed) == 0 {
			return out, nil
		}
		got, err := fetch(ctx, missed)
		if err != nil {
			return nil, err
		}
		for _, id := range missed {
			v, found := got[id]
			if found {
				out[id] = v
			}
			if ctx.Err() == nil {
				k, w := key{ver, kind, id}, int64(0)
				if found {
					w = size(v)
				}
				c.add(k, entry{value: v, absent: !found, weight: weigh(k, w)})
			}
		}
		return out, nil
	}
}

// Shared wraps a batch fetch of values by id, as Batch does, for values
// many entries refer to: each is fetched once per version and kept in the
// version's interning table, not among the entries, so that no eviction
// makes a second copy of it while entries still refer to the first. The
// table goes with its version. An id missing from the result is not kept.
func Shared[V any](kind string, fetch func(context.Context, []string) (map[string]V, error)) func(context.Context, []string) (map[string]V, error) {
	return func(ctx context.Context, ids []string) (map[string]V, error) {
		c, ver, ok, err := scope(ctx)
		if err != nil {
			return nil, err
		}
		if !ok {
			return fetch(ctx, ids)
		}
		out := make(map[string]V, len(ids))
		var missed []string
		c.sharedMu.Lock()
		for _, id := range ids {
			if e, hit := c.shared[key{ver, kind, id}]; hit {
				out[id] = e.value.(V)
			} else {
				missed = append(missed, id)
			}
		}
		c.sharedMu.Unlock()
		if c.observer != nil {
			for range len(ids) - len(missed) {
				c.observer.ObserveCache(kind, true)
			}
			for range missed {
				c.observer.ObserveCache(kind, false)
			}
		}
		if len(missed) == 0 {
			return out, nil
		}
		got, err := fetch(ctx, missed)
		if err != nil {
			return nil, err
		}
		c.mu.Lock()
		current := c.current == ver
		c.mu.Unlock()
		c.sharedMu.Lock()
		defer c.sharedMu.Unlock()
		for _, id := range missed {
			v, found := got[id]
			if !found {
				continue
			}
			k := key{ver, kind, id}
			// Another request may have interned it meanwhile: its copy wins.
			if e, hit := c.shared[k]; hit {
				out[id] = e.value.(V)
				continue
			}
			out[id] = v
			// A table of a newer version keeps nothing of an older one.
			if current && ctx.Err() == nil {
				if c.shared == nil {
					c.shared = map[key]entry{}
				}
				w := weigh(k, SizeOf(v))
				c.shared[k] = entry{value: v, weight: w}
				c.sharedBytes.Add(w)
			}
		}
		return out, nil
	}
}

// Put caches v as kind's value for id in the request's version (found
// false: id has none), as a batch fetch would have: a value read another way
// (a root field reading its whole selection in one statement) serves later
// requests too. A request that caches nothing, or was cut short, puts nothing.
func Put[V any](ctx context.Context, kind, id string, v V, found bool) {
	c, ver, ok, err := scope(ctx)
	if !ok || err != nil || ctx.Err() != nil {
		return
	}
	k, w := key{ver, kind, id}, int64(0)
	if found {
		w = SizeOf(v)
	}
	c.add(k, entry{value: v, absent: !found, weight: weigh(k, w)})
}

// Answer returns the whole encoded answer of a query (digest names the
// document, operation and variables) in the request's version: a repeated
// query skips its resolvers altogether. compute answers a miss and says
// whether its answer may be kept (no errors, not cut short). An answer of
// more than an eighth of the byte bound is not kept, so one answer cannot
// empty the cache.
func Answer(ctx context.Context, digest [sha256.Size]byte, compute func(context.Context) ([]byte, bool)) []byte {
	c, ver, ok, err := scope(ctx)
	if !ok || err != nil || c.budget <= 0 {
		// A failed version read fails the request in the first resolver
		// that reads, as without the cache.
		b, _ := compute(ctx)
		return b
	}
	k := key{ver, "answer", string(digest[:])}
	b, hit := c.answers.Get(k)
	if c.observer != nil {
		c.observer.ObserveCache("answer", hit)
	}
	if hit {
		return b
	}
	b, keep := compute(ctx)
	if keep && ctx.Err() == nil && int64(len(b)) <= c.budget/8 {
		c.answerMu.Lock()
		defer c.answerMu.Unlock()
		if old, had := c.answers.Peek(k); had {
			c.used.Add(-int64(len(old))) // Add replaces without an eviction
		}
		c.answers.Add(k, b)
		c.used.Add(int64(len(b)))
		for c.used.Load() > c.budget {
			if _, _, ok := c.answers.RemoveOldest(); !ok {
				break
			}
		}
	}
	return b
}

// Memo returns the result of compute for (kind, args) in the request's
// version, computing it once however many requests ask at the same time.
// args must encode to JSON canonically (structs, not maps of any). Errors
// are not cached, nor a result whose computation was cut short by its
// context (a planner returns its best so far then).
func Memo[V any](ctx context.Context, kind string, args any, compute func(context.Context) (V, error)) (V, error) {
	c, ver, ok, err := scope(ctx)
	if err != nil {
		var zero V
		return zero, err
	}
	if !ok {
		return compute(ctx)
	}
	b, err := json.Marshal(args)
	if err != nil {
		return compute(ctx)
	}
	// A digest, not the text: a profile's records may be megabytes.
	sum := sha256.Sum256(b)
	k := key{ver, kind, string(sum[:])}
	if e, hit := c.get(k); hit {
		return e.value.(V), nil
	}
	led := false
	res, err, _ := c.flight.Do(fmt.Sprintf("%s\x00%d\x00%s\x00%x", ver.Epoch, ver.N, kind, sum), func() (any, error) {
		led = true
		if e, hit := c.entries.Get(k); hit { // made while this call waited its turn
			return e.value, nil
		}
		v, err := compute(ctx)
		if err == nil && ctx.Err() == nil {
			c.add(k, entry{value: v, weight: weigh(k, SizeOf(v))})
		}
		return v, err
	})
	if err != nil && !led {
		// The leader's failure may be its own (its deadline, its
		// cancellation): this request computes for itself.
		return compute(ctx)
	}
	if err != nil {
		var zero V
		return zero, err
	}
	return res.(V), nil
}
