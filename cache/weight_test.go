package cache

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unsafe"
)

// TestBoundedByBytes: entries weigh their values' estimated bytes; past the
// byte bound the least recently used go, whatever their count, and the
// bytes held never pass it. A new version drops their weight with them.
func TestBoundedByBytes(t *testing.T) {
	g := &graph{version: Version{"e", 1}}
	c := newCache(t, 1000)
	c.SetBytes(64 << 10)
	big := func(_ context.Context, ids []string) (map[string]string, error) {
		out := map[string]string{}
		for _, id := range ids {
			out[id] = id + strings.Repeat("x", 8<<10)
		}
		return out, nil
	}
	fetch := Batch("big", big)
	ctx := c.Begin(context.Background(), g.read)
	for i := range 30 {
		if _, err := fetch(ctx, []string{fmt.Sprint(i)}); err != nil {
			t.Fatal(err)
		}
		if c.Held() > c.Bytes() {
			t.Fatalf("after %d values of 8 KB the entries weigh %d bytes, past the bound of %d", i+1, c.Held(), c.Bytes())
		}
	}
	if n := c.Len(); n < 5 || n > 8 {
		t.Errorf("%d entries of 8 KB under a 64 KB bound, want 5 to 8", n)
	}
	if _, _, hit, _ := Lookup[string](ctx, "big", "29"); !hit {
		t.Errorf("the newest entry was evicted")
	}
	if _, _, hit, _ := Lookup[string](ctx, "big", "0"); hit {
		t.Errorf("the oldest entry is still held")
	}
	g.setVersion(Version{"e", 2})
	ctx = c.Begin(context.Background(), g.read)
	fetch(ctx, []string{"a"})
	if held, want := c.Held(), weigh(key{Version{"e", 2}, "big", "a"}, SizeOf("a"+strings.Repeat("x", 8<<10))); held != want {
		t.Errorf("after a new version and one entry the cache weighs %d bytes, want that entry's %d", held, want)
	}
}

// TestSharedOncePerVersion: an interned value is fetched once per version,
// however many requests ask, is the same value for each, counts no entry,
// and a new version fetches it again and drops the old.
func TestSharedOncePerVersion(t *testing.T) {
	g := &graph{version: Version{"e", 1}}
	c := newCache(t, 100)
	fetch := Shared("fact", g.fetch)
	first, err := fetch(c.Begin(context.Background(), g.read), []string{"a", "missing"})
	if err != nil {
		t.Fatal(err)
	}
	second, err := fetch(c.Begin(context.Background(), g.read), []string{"a", "b"})
	if err != nil {
		t.Fatal(err)
	}
	if last := g.lastFetch(); !slices.Equal(last, []string{"b"}) {
		t.Errorf("the second request fetched %v, want only [b]", last)
	}
	if unsafe.StringData(first["a"]) != unsafe.StringData(second["a"]) {
		t.Errorf("two requests of one version got two copies of a")
	}
	if c.Len() != 0 || c.SharedBytes() == 0 {
		t.Errorf("interned values: %d entries, %d shared bytes; want none among the entries, all shared", c.Len(), c.SharedBytes())
	}
	g.setVersion(Version{"e", 2})
	third, _ := fetch(c.Begin(context.Background(), g.read), []string{"a"})
	if third["a"] != "a@2" || !slices.Equal(g.lastFetch(), []string{"a"}) {
		t.Errorf("after a write a = %q (fetched %v), want a@2 fetched again", third["a"], g.lastFetch())
	}
	if want := weigh(key{Version{"e", 2}, "fact", "a"}, SizeOf("a@2")); c.SharedBytes() != want {
		t.Errorf("after a new version the shared values weigh %d, want only the new a's %d", c.SharedBytes(), want)
	}
}

// TestSizer: a string reached twice counts once; what Exclude marked counts
// not at all; a map counts its slots.
func TestSizer(t *testing.T) {
	s := strings.Repeat("y", 1000)
	type pair struct{ A, B string }
	if got := SizeOf(pair{s, s}); got != 32+1000 {
		t.Errorf("SizeOf(a string twice) = %d, want 1032", got)
	}
	sz := NewSizer()
	sz.Exclude(s)
	if got := sz.Size(pair{s, "z"}); got != 32+1 {
		t.Errorf("Size with the long string excluded = %d, want 33", got)
	}
	m := map[string]int{}
	for i := range 100 {
		m[fmt.Sprint(i)] = i
	}
	if got := SizeOf(m); got < 100*24 || got > 100*24*3 {
		t.Errorf("SizeOf(100 entries of 24 bytes) = %d, want 2,400 to 7,200", got)
	}
}
