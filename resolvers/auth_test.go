package resolvers

import (
	"testing"

	"github.com/99designs/gqlgen/client"
	"github.com/rs/zerolog"

	"github.com/lattice-pathways/lattice/cypher/cyphertest"
)

func TestAuthentication(t *testing.T) {
	store := cyphertest.Sample(t)
	write := `mutation { createSkill(input: {id: "kubernetes", name: "Kubernetes"}) { id } }`
	read := `{ role(id: "help-desk-technician") { id } }`
	bearer := func(token string) client.Option {
		return func(bd *client.Request) { bd.HTTP.Header.Set("Authorization", "Bearer "+token) }
	}
	t.Run("without a configured token every write is refused", func(t *testing.T) {
		h, err := NewHandler(Config{Store: store, Log: zerolog.Nop()})
		if err != nil {
			t.Fatal(err)
		}
		c := client.New(h, client.Path("/graphql"))
		for _, token := range []string{"", "anything"} {
			if code := errorCode(t, c, write, bearer(token)); code != CodeUnauthenticated {
				t.Errorf("token %q: code %q, want %s", token, code, CodeUnauthenticated)
			}
		}
		if code := errorCode(t, c, `{ skill(id: "kubernetes") { id } }`); code != CodeNotFound {
			t.Errorf("the refused write left a skill behind (code %q)", code)
		}
	})
	t.Run("reads can need the token", func(t *testing.T) {
		h, err := NewHandler(Config{Store: store, Log: zerolog.Nop(), APIToken: testToken, ReadsNeedToken: true})
		if err != nil {
			t.Fatal(err)
		}
		c := client.New(h, client.Path("/graphql"))
		if code := errorCode(t, c, read); code != CodeUnauthenticated {
			t.Errorf("read without token: code %q", code)
		}
		var resp struct{ Role struct{ ID string } }
		c.MustPost(read, &resp, withToken)
		if resp.Role.ID != "help-desk-technician" {
			t.Errorf("read with token = %+v", resp)
		}
	})
	t.Run("a bare token without the Bearer scheme is no token", func(t *testing.T) {
		c := newClient(t, store)
		bare := func(bd *client.Request) { bd.HTTP.Header.Set("Authorization", testToken) }
		if code := errorCode(t, c, write, bare); code != CodeUnauthenticated {
			t.Errorf("code %q, want %s", code, CodeUnauthenticated)
		}
	})
}
