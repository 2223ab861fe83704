package main

import (
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/lattice-pathways/lattice/cache"
)

// TestIntrospectionFlags checks the switches for introspection and GraphiQL:
// on by default, off by flag or by environment, the flag winning.
func TestIntrospectionFlags(t *testing.T) {
	tests := []struct {
		name                        string
		env                         map[string]string
		args                        []string
		noIntrospection, noGraphiQL bool
	}{
		{"on by default", nil, nil, false, false},
		{"off by flag", nil, []string{"-introspection=false", "-graphiql=false"}, true, true},
		{"off by environment", map[string]string{"LATTICE_INTROSPECTION": "false", "LATTICE_GRAPHIQL": "false"}, nil, true, true},
		{"only GraphiQL off", map[string]string{"LATTICE_GRAPHIQL": "false"}, nil, false, true},
		{"the flag wins", map[string]string{"LATTICE_INTROSPECTION": "false"}, []string{"-introspection=true"}, false, false},
		{"anything but false keeps it on", map[string]string{"LATTICE_INTROSPECTION": "1", "LATTICE_GRAPHIQL": "true"}, nil, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("LATTICE_INTROSPECTION", "")
			t.Setenv("LATTICE_GRAPHIQL", "")
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			m := NewMain(zerolog.Nop())
			if err := m.ParseFlags(append([]string{"-neo4j-uri", "neo4j://localhost:7687"}, tt.args...)); err != nil {
				t.Fatal(err)
			}
			if m.Handler.NoIntrospection != tt.noIntrospection || m.Handler.NoGraphiQL != tt.noGraphiQL {
				t.Errorf("NoIntrospection=%v NoGraphiQL=%v, want %v %v",
					m.Handler.NoIntrospection, m.Handler.NoGraphiQL, tt.noIntrospection, tt.noGraphiQL)
			}
		})
	}
}

// TestReadCacheFlags: the read cache is on by default, LATTICE_READ_CACHE=false
// turns it off (what make bench-peer does for its cache-off figures), and the
// size flag and environment set its bound.
func TestReadCacheFlags(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		args []string
		on   bool
		size int
	}{
		{"on by default", nil, nil, true, cache.DefaultSize},
		{"off by environment", map[string]string{"LATTICE_READ_CACHE": "false"}, nil, false, cache.DefaultSize},
		{"off by flag", nil, []string{"-read-cache=false"}, false, cache.DefaultSize},
		{"the flag wins", map[string]string{"LATTICE_READ_CACHE": "false"}, []string{"-read-cache=true"}, true, cache.DefaultSize},
		{"size by environment", map[string]string{"LATTICE_READ_CACHE_SIZE": "500"}, nil, true, 500},
		{"size by flag", nil, []string{"-read-cache-size", "64"}, true, 64},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("LATTICE_READ_CACHE", "")
			t.Setenv("LATTICE_READ_CACHE_SIZE", "")
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			m := NewMain(zerolog.Nop())
			if err := m.ParseFlags(append([]string{"-neo4j-uri", "neo4j://localhost:7687"}, tt.args...)); err != nil {
				t.Fatal(err)
			}
			if m.ReadCache != tt.on || m.ReadCacheSize != tt.size {
				t.Errorf("ReadCache=%v ReadCacheSize=%d, want %v %d", m.ReadCache, m.ReadCacheSize, tt.on, tt.size)
			}
		})
	}
	t.Run("bytes", func(t *testing.T) {
		for _, tt := range []struct {
			name string
			env  string
			args []string
			want int // 0: refused
		}{
			{"by default", "", nil, cache.DefaultBytes >> 20},
			{"by environment", "300", nil, 300},
			{"by flag", "300", []string{"-read-cache-mb", "40"}, 40},
			{"zero refused", "", []string{"-read-cache-mb", "0"}, 0},
		} {
			t.Run(tt.name, func(t *testing.T) {
				t.Setenv("LATTICE_READ_CACHE_MB", tt.env)
				m := NewMain(zerolog.Nop())
				err := m.ParseFlags(append([]string{"-neo4j-uri", "neo4j://localhost:7687"}, tt.args...))
				switch {
				case tt.want == 0 && err == nil:
					t.Errorf("-read-cache-mb %v accepted (%d)", tt.args, m.ReadCacheMB)
				case tt.want != 0 && (err != nil || m.ReadCacheMB != tt.want):
					t.Errorf("ReadCacheMB=%d, %v; want %d", m.ReadCacheMB, err, tt.want)
				}
			})
		}
	})
	t.Run("warm", func(t *testing.T) {
		for _, tt := range []struct {
			name string
			env  string
			args []string
			want bool
		}{
			{"on by default", "", nil, true},
			{"off by environment", "false", nil, false},
			{"off by flag", "", []string{"-read-cache-warm=false"}, false},
			{"the flag wins", "false", []string{"-read-cache-warm=true"}, true},
		} {
			t.Run(tt.name, func(t *testing.T) {
				t.Setenv("LATTICE_READ_CACHE_WARM", tt.env)
				m := NewMain(zerolog.Nop())
				if err := m.ParseFlags(append([]string{"-neo4j-uri", "neo4j://localhost:7687"}, tt.args...)); err != nil {
					t.Fatal(err)
				}
				if m.ReadCacheWarm != tt.want {
					t.Errorf("ReadCacheWarm=%v, want %v", m.ReadCacheWarm, tt.want)
				}
			})
		}
	})
	t.Run("answer bytes", func(t *testing.T) {
		t.Setenv("LATTICE_READ_CACHE_ANSWER_MB", "")
		m := NewMain(zerolog.Nop())
		if err := m.ParseFlags([]string{"-neo4j-uri", "neo4j://localhost:7687", "-read-cache-answer-mb", "16"}); err != nil || m.ReadCacheAnswerMB != 16 {
			t.Errorf("-read-cache-answer-mb 16: %d, %v", m.ReadCacheAnswerMB, err)
		}
		m = NewMain(zerolog.Nop())
		if err := m.ParseFlags([]string{"-neo4j-uri", "neo4j://localhost:7687", "-read-cache-answer-mb", "-1"}); err == nil || !strings.Contains(err.Error(), "-read-cache-answer-mb") {
			t.Errorf("-read-cache-answer-mb -1: %v, want an error naming the flag", err)
		}
	})
}
