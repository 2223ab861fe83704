package cache

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// graph is a fake versioned source: its version and the ids fetched.
type graph struct {
	mu      sync.Mutex
	version Version
	fetched [][]string
}

func (g *graph) read(context.Context) (Version, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.version, nil
}

func (g *graph) setVersion(v Version) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.version = v
}

// fetch answers every id but "missing", with the id and the version's count.
func (g *graph) fetch(_ context.Context, ids []string) (map[string]string, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.fetched = append(g.fetched, slices.Clone(ids))
	out := map[string]string{}
	for _, id := range ids {
		if id != "missing" {
			out[id] = fmt.Sprintf("%s@%d", id, g.version.N)
		}
	}
	return out, nil
}

func (g *graph) lastFetch() []string {
	g.mu.Lock()
	defer g.mu.Unlock()
	if len(g.fetched) == 0 {
		return nil
	}
	return g.fetched[len(g.fetched)-1]
}

func newCache(t *testing.T, size int) *Cache {
	t.Helper()
	c, err := New(size, nil)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestBatchFetchesOnlyMisses: a second request of the same version fetches
// only the ids the first did not, absences included; a new version fetches
// everything again and drops the old version's entries.
func TestBatchFetchesOnlyMisses(t *testing.T) {
	g := &graph{version: Version{"e", 1}}
	c := newCache(t, 100)
	fetch := Batch("thing", g.fetch)

	ctx := c.Begin(context.Background(), g.read)
	got, err := fetch(ctx, []string{"a", "missing"})
	if err != nil || got["a"] != "a@1" || len(got) != 1 {
		t.Fatalf("first fetch = %v, %v", got, err)
	}
	ctx = c.Begin(context.Background(), g.read)
	got, err = fetch(ctx, []string{"a", "b", "missing"})
	if err != nil || got["a"] != "a@1" || got["b"] != "b@1" || len(got) != 2 {
		t.Fatalf("second fetch = %v, %v", got, err)
	}
	if last := g.lastFetch(); !slices.Equal(last, []string{"b"}) {
		t.Errorf("second request fetched %v, want only the miss [b]", last)
	}
	if _, absent, hit, _ := Lookup[string](ctx, "thing", "missing"); !hit || !absent {
		t.Errorf("Lookup(missing) hit=%v absent=%v, want a cached absence", hit, absent)
	}

	g.setVersion(Version{"e", 2})
	ctx = c.Begin(context.Background(), g.read)
	if _, _, hit, _ := Lookup[string](ctx, "thing", "a"); hit {
		t.Errorf("a request of version 2 hit an entry of version 1")
	}
	got, _ = fetch(ctx, []string{"a"})
	if got["a"] != "a@2" {
		t.Errorf("after a write: %v, want a@2", got)
	}
	if c.Len() != 1 {
		t.Errorf("the cache holds %d entries after the version changed and one fetch, want 1: old versions' entries are dropped", c.Len())
	}
}

// TestRequestKeepsItsVersion: a request reads the version once; a write
// during the request does not change what it is keyed by, and a request
// that read an older version than one already seen bypasses the cache.
func TestRequestKeepsItsVersion(t *testing.T) {
	g := &graph{version: Version{"e", 5}}
	c := newCache(t, 100)
	fetch := Batch("thing", g.fetch)
	var reads atomic.Int32
	read := func(ctx context.Context) (Version, error) {
		reads.Add(1)
		return g.read(ctx)
	}
	ctx := c.Begin(context.Background(), read)
	fetch(ctx, []string{"a"})
	g.setVersion(Version{"e", 6})
	fetch(ctx, []string{"b"})
	if reads.Load() != 1 {
		t.Errorf("one request read the version %d times, want once", reads.Load())
	}
	newer := c.Begin(context.Background(), g.read)
	fetch(newer, []string{"a"})
	stale := c.Begin(context.Background(), func(context.Context) (Version, error) { return Version{"e", 5}, nil })
	if _, _, hit, _ := Lookup[string](stale, "thing", "a"); hit {
		t.Errorf("a request of an older version used the cache")
	}
	if got, _ := fetch(stale, []string{"c"}); got["c"] == "" {
		t.Errorf("a stale request must still read: got %v", got)
	}
	if _, _, hit, _ := Lookup[string](newer, "thing", "c"); hit {
		t.Errorf("a stale request's read was cached")
	}
}

// TestNoVersionNoCache: a graph without a version node, a failed version
// read and a context without a scope all read through.
func TestNoVersionNoCache(t *testing.T) {
	g := &graph{}
	c := newCache(t, 100)
	fetch := Batch("thing", g.fetch)
	for range 2 {
		fetch(c.Begin(context.Background(), g.read), []string{"a"})
	}
	if len(g.fetched) != 2 || c.Len() != 0 {
		t.Errorf("unversioned graph: %d fetches, %d entries; want 2 and 0", len(g.fetched), c.Len())
	}
	down := errors.New("neo4j down")
	ctx := c.Begin(context.Background(), func(context.Context) (Version, error) { return Version{}, down })
	if _, err := fetch(ctx, []string{"a"}); !errors.Is(err, down) {
		t.Errorf("fetch with a failed version read: %v, want that error", err)
	}
	if _, err := Memo(ctx, "q", 1, func(context.Context) (int, error) { return 1, nil }); !errors.Is(err, down) {
		t.Errorf("memo with a failed version read: %v, want that error", err)
	}
	var nilCache *Cache
	if got, _ := fetch(nilCache.Begin(context.Background(), g.read), []string{"z"}); got["z"] == "" {
		t.Errorf("nil cache: %v", got)
	}
}

// TestMemoComputesOnce: identical questions at once are computed once and
// answered alike; other arguments, errors and cut-short runs are not shared.
func TestMemoComputesOnce(t *testing.T) {
	g := &graph{version: Version{"e", 1}}
	c := newCache(t, 100)
	var runs atomic.Int32
	release := make(chan struct{})
	slow := func(context.Context) (string, error) {
		runs.Add(1)
		<-release
		return "answer", nil
	}
	var wg sync.WaitGroup
	answers := make([]string, 8)
	for i := range answers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			answers[i], _ = Memo(c.Begin(context.Background(), g.read), "q", struct{ X int }{1}, slow)
		}()
	}
	time.Sleep(50 * time.Millisecond) // let them all wait on the first
	close(release)
	wg.Wait()
	if n := runs.Load(); n != 1 {
		t.Errorf("8 identical questions at once computed %d times, want 1", n)
	}
	for i, a := range answers {
		if a != "answer" {
			t.Errorf("answer %d = %q", i, a)
		}
	}
	if _, err := Memo(c.Begin(context.Background(), g.read), "q", struct{ X int }{2}, slow); err != nil || runs.Load() != 2 {
		t.Errorf("other arguments: runs=%d err=%v, want a second run", runs.Load(), err)
	}

	fails := 0
	failing := func(context.Context) (string, error) { fails++; return "", errors.New("no") }
	for range 2 {
		Memo(c.Begin(context.Background(), g.read), "bad", 0, failing)
	}
	if fails != 2 {
		t.Errorf("a failing question ran %d times in two requests, want 2: errors are not cached", fails)
	}

	ctx, cancel := context.WithCancel(c.Begin(context.Background(), g.read))
	cut := 0
	cutShort := func(ctx context.Context) (string, error) { cut++; cancel(); return "best so far", nil }
	Memo(ctx, "cut", 0, cutShort)
	Memo(c.Begin(context.Background(), g.read), "cut", 0, cutShort)
	if cut != 2 {
		t.Errorf("an answer cut short by its context was reused (%d runs, want 2)", cut)
	}
}

// TestBound: however many keys, the cache holds at most its size.
func TestBound(t *testing.T) {
	g := &graph{version: Version{"e", 1}}
	c := newCache(t, 10)
	fetch := Batch("thing", g.fetch)
	ctx := c.Begin(context.Background(), g.read)
	for i := range 100 {
		fetch(ctx, []string{fmt.Sprint(i)})
		Memo(ctx, "q", i, func(context.Context) (int, error) { return i, nil })
		if c.Len() > 10 {
			t.Fatalf("%d entries in a cache of 10", c.Len())
		}
	}
}

// TestAnswerBoundedByBytes: a repeated query's answer comes from the cache;
// an answer with errors is not kept; the answers held never pass the byte
// bound, an answer too large for it is not kept at all, and a new version
// drops every answer.
func TestAnswerBoundedByBytes(t *testing.T) {
	g := &graph{version: Version{"e", 1}}
	c := newCache(t, 100)
	c.SetAnswerBytes(800)
	computed := 0
	ask := func(query string, size int, keep bool) []byte {
		ctx := c.Begin(context.Background(), g.read)
		return Answer(ctx, sha256.Sum256([]byte(query)), func(context.Context) ([]byte, bool) {
			computed++
			return bytes.Repeat([]byte{'x'}, size), keep
		})
	}
	ask("q1", 50, true)
	if got := ask("q1", 50, true); len(got) != 50 || computed != 1 {
		t.Fatalf("repeat: %d bytes, %d computations, want the cached 50 bytes and 1", len(got), computed)
	}
	ask("failing", 50, false)
	ask("failing", 50, false)
	if computed != 3 {
		t.Errorf("an answer with errors was kept: %d computations, want 3", computed)
	}
	for i := range 40 {
		ask(fmt.Sprint("q", i), 90, true)
		if c.AnswerBytes() > 800 {
			t.Fatalf("after %d answers the cache holds %d bytes, over its bound of 800", i+1, c.AnswerBytes())
		}
	}
	before := computed
	ask("huge", 500, true)
	ask("huge", 500, true)
	if computed != before+2 {
		t.Errorf("an answer of more than an eighth of the bound was kept")
	}
	g.setVersion(Version{"e", 2})
	ask("q39", 90, true) // adopts version 2
	if c.AnswerBytes() != 90 {
		t.Errorf("after a write the cache holds %d bytes of answers, want only the one answer of the new version (90)", c.AnswerBytes())
	}
}
