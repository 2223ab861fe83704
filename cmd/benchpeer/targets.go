package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// target is a server the reads are measured on. fetch returns the
// normalised answer, for the checksums; hit only checks that the answer is
// whole and error-free, so timing spends little of the shared CPU on decoding.
type target interface {
	name() string
	fetch(ctx context.Context, r *read, p params) ([]role, error)
	hit(ctx context.Context, r *read, p params) error
}

// graphQL is a GraphQL server over HTTP: Lattice or the peer.
type graphQL struct {
	label  string
	url    string
	peer   bool // the peer's schema and answers; Lattice's otherwise
	client *http.Client
}

func newGraphQL(label, url string, peer bool, conns int) *graphQL {
	// One keep-alive connection per worker.
	tr := &http.Transport{MaxIdleConnsPerHost: conns, MaxConnsPerHost: conns, IdleConnTimeout: time.Minute}
	return &graphQL{label: label, url: url, peer: peer, client: &http.Client{Transport: tr, Timeout: requestTimeout}}
}

func (g *graphQL) name() string { return g.label }

// post sends a read with one parameter set, in this server's schema.
func (g *graphQL) post(ctx context.Context, r *read, p params) ([]byte, error) {
	if g.peer {
		return g.postRaw(ctx, r.peer, r.peerVars(p))
	}
	return g.postRaw(ctx, r.lattice, r.latticeVars(p))
}

// postRaw sends one request and returns the body of a 200 answer.
func (g *graphQL) postRaw(ctx context.Context, query string, vars map[string]any) ([]byte, error) {
	b, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, g.url, bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	resp, err := g.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("HTTP %d: %.300s", resp.StatusCode, out)
	}
	return out, nil
}

func (g *graphQL) hit(ctx context.Context, r *read, p params) error {
	b, err := g.post(ctx, r, p)
	if err != nil {
		return err
	}
	var e gqlError
	if err := json.Unmarshal(b, &e); err != nil {
		return err
	}
	return e.err()
}

func (g *graphQL) fetch(ctx context.Context, r *read, p params) ([]role, error) {
	b, err := g.post(ctx, r, p)
	if err != nil {
		return nil, err
	}
	if g.peer {
		var a peerAnswer
		if err := json.Unmarshal(b, &a); err != nil {
			return nil, err
		}
		return a.roles(), a.err()
	}
	var a latticeAnswer
	if err := json.Unmarshal(b, &a); err != nil {
		return nil, err
	}
	return a.roles(), a.err()
}

// floor runs the same reads as hand-written Cypher straight through the Go
// driver: what any server on this Neo4j pays at least.
type floor struct {
	driver   neo4j.DriverWithContext
	database string
}

func (f *floor) name() string { return "floor (Go driver)" }

// requestTimeout bounds one request on every target alike: the HTTP
// client's timeout, and the floor's transaction.
const requestTimeout = 30 * time.Second

func (f *floor) run(ctx context.Context, r *read, p params) (*neo4j.EagerResult, error) {
	ctx, cancel := context.WithTimeout(ctx, requestTimeout)
	defer cancel()
	return neo4j.ExecuteQuery(ctx, f.driver, statement(r.floor), r.floorVars(p),
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithReadersRouting(), neo4j.ExecuteQueryWithDatabase(f.database))
}

func (f *floor) hit(ctx context.Context, r *read, p params) error {
	_, err := f.run(ctx, r, p)
	return err
}

func (f *floor) fetch(ctx context.Context, r *read, p params) ([]role, error) {
	res, err := f.run(ctx, r, p)
	if err != nil {
		return nil, err
	}
	// The records are maps and lists of the normalised shape: JSON carries
	// them over field by field.
	rows := make([]map[string]any, len(res.Records))
	for i, rec := range res.Records {
		rows[i] = rec.AsMap()
	}
	b, err := json.Marshal(rows)
	if err != nil {
		return nil, err
	}
	var out []role
	if err := json.Unmarshal(b, &out); err != nil {
		return nil, err
	}
	return normalise(out), nil
}

// empty deletes every node of the database.
func (f *floor) empty(ctx context.Context) error {
	session := f.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: f.database, AccessMode: neo4j.AccessModeWrite})
	defer session.Close(ctx)
	res, err := session.Run(ctx, statement("empty_database"), nil)
	if err != nil {
		return err
	}
	_, err = res.Consume(ctx)
	return err
}
