package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/lattice-pathways/lattice/cypher"
)

// localEnvFile is where neo4j/neo4j.sh writes the dev instance's connection
// settings, relative to the repository root.
const localEnvFile = ".neo4j/dev/lattice.env"

// env reads an environment variable with a default.
func env(name, def string) string {
	if v, ok := os.LookupEnv(name); ok && v != "" {
		return v
	}
	return def
}

func envDuration(name string, def time.Duration) time.Duration {
	if d, err := time.ParseDuration(os.Getenv(name)); err == nil {
		return d
	}
	return def
}

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil {
		return n
	}
	return def
}

// neo4jFlags registers the Neo4j connection flags, whose defaults come from
// NEO4J_URI, NEO4J_USERNAME, NEO4J_DATABASE (the password from NEO4J_PASSWORD
// only: secrets never go on a command line).
func neo4jFlags(fs *flag.FlagSet, cfg *cypher.Config) {
	fs.StringVar(&cfg.URI, "neo4j-uri", os.Getenv("NEO4J_URI"), "Neo4j URI (env NEO4J_URI; default: the local Neo4j of `make neo4j`)")
	fs.StringVar(&cfg.Username, "neo4j-user", env("NEO4J_USERNAME", "neo4j"), "Neo4j user (env NEO4J_USERNAME)")
	fs.StringVar(&cfg.Database, "neo4j-database", env("NEO4J_DATABASE", "neo4j"), "Neo4j database (env NEO4J_DATABASE)")
	fs.DurationVar(&cfg.Timeout, "neo4j-timeout", envDuration("LATTICE_NEO4J_TIMEOUT", 30*time.Second), "default transaction timeout (env LATTICE_NEO4J_TIMEOUT)")
	fs.DurationVar(&cfg.ConnectTimeout, "neo4j-connect-timeout", envDuration("LATTICE_NEO4J_CONNECT_TIMEOUT", 2*time.Second), "bound on opening a Neo4j connection or taking one from the pool (env LATTICE_NEO4J_CONNECT_TIMEOUT)")
	fs.DurationVar(&cfg.RetryTime, "neo4j-retry-time", envDuration("LATTICE_NEO4J_RETRY_TIME", 5*time.Second), "how long the driver retries transient failures such as a leader change (env LATTICE_NEO4J_RETRY_TIME)")
	cfg.Password = os.Getenv("NEO4J_PASSWORD")
}

// resolveLocal fills in the local Neo4j's settings when no URI was given, so
// that every subcommand sees the database `make run` uses.
func resolveLocal(cfg *cypher.Config) error {
	if cfg.URI != "" {
		return nil
	}
	path, err := findUp(localEnvFile)
	if err != nil {
		return errors.New("no Neo4j: set NEO4J_URI (and NEO4J_USERNAME, NEO4J_PASSWORD) or start the local one with `make neo4j`")
	}
	vals, err := readEnvFile(path)
	if err != nil {
		return err
	}
	cfg.URI = vals["NEO4J_URI"]
	cfg.Username = vals["NEO4J_USERNAME"]
	cfg.Password = vals["NEO4J_PASSWORD"]
	if db := vals["NEO4J_DATABASE"]; db != "" {
		cfg.Database = db
	}
	if cfg.URI == "" {
		return fmt.Errorf("%s has no NEO4J_URI", path)
	}
	return nil
}

// findUp looks for rel in the working directory and its parents.
func findUp(rel string) (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, rel)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}

// readEnvFile reads KEY=VALUE lines.
func readEnvFile(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	vals := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "export "))
		if k, v, ok := strings.Cut(line, "="); ok && !strings.HasPrefix(k, "#") {
			vals[k] = strings.Trim(v, `"'`)
		}
	}
	return vals, sc.Err()
}
