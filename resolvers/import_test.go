package resolvers

import (
	"context"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/client"

	"github.com/lattice-pathways/lattice/cypher/cyphertest"
)

const payrollCSV = `Role Title,Job Level,Vacancies (12 Months),Turnover Rate (%),Degree Required,Advancement Potential
Payroll Clerk,Entry,25,18.0,Yes,Yes
Payroll Coordinator,Middle-skills,13,15.0,Yes,Yes
Chief Payroll Officer,Executive,0,0,Yes,No/Limited
`

type importResp struct {
	ImportData struct {
		Created, Updated, Unchanged int
		Kinds                       []struct {
			Kind                        string
			Created, Updated, Unchanged int
		}
		Notes []string
	}
}

const importMutation = `mutation($format: ImportFormat!, $data: String!) {
	importData(format: $format, data: $data) { created updated unchanged kinds { kind created updated unchanged } notes } }`

func TestImportData(t *testing.T) {
	store := cyphertest.Empty(t)
	c := newClient(t, store)
	ctx := context.Background()

	t.Run("a role table imports, then changes nothing", func(t *testing.T) {
		var first, second importResp
		c.MustPost(importMutation, &first, client.Var("format", "ROLES_CSV"), client.Var("data", payrollCSV), withToken)
		roles := 0
		for _, k := range first.ImportData.Kinds {
			if k.Kind == "role" {
				roles = k.Created
			}
		}
		if roles != 3 {
			t.Errorf("first import created %d roles, want 3: %+v", roles, first.ImportData)
		}
		c.MustPost(importMutation, &second, client.Var("format", "ROLES_CSV"), client.Var("data", payrollCSV), withToken)
		if second.ImportData.Created != 0 || second.ImportData.Updated != 0 || second.ImportData.Unchanged == 0 {
			t.Errorf("second import = %+v, want everything unchanged", second.ImportData)
		}
		var resp struct {
			Role struct {
				Vacancies      int
				DegreeRequired bool
			}
		}
		c.MustPost(`{ role(id: "payroll-clerk") { vacancies degreeRequired } }`, &resp)
		if resp.Role.Vacancies != 25 || !resp.Role.DegreeRequired {
			t.Errorf("payroll-clerk = %+v", resp.Role)
		}
	})
	t.Run("a bad row changes nothing and names its line", func(t *testing.T) {
		before, err := store.Fingerprint(ctx)
		if err != nil {
			t.Fatal(err)
		}
		bad := payrollCSV + "Payroll Analyst,Middle-skills,many,10.0,Yes,Yes\n"
		resp, err := c.RawPost(importMutation, client.Var("format", "ROLES_CSV"), client.Var("data", bad), withToken)
		if err != nil {
			t.Fatal(err)
		}
		msg := string(resp.Errors)
		if !strings.Contains(msg, CodeBadUserInput) || !strings.Contains(msg, ":5") {
			t.Errorf("errors = %s, want BAD_USER_INPUT naming line 5", msg)
		}
		if strings.Contains(msg, "lattice-import-") {
			t.Errorf("the error leaks a server path: %s", msg)
		}
		after, err := store.Fingerprint(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if before != after {
			t.Errorf("a refused import changed the graph: %+v -> %+v", before, after)
		}
	})
	t.Run("imports need the token", func(t *testing.T) {
		if code := errorCode(t, c, `mutation { importData(format: ROLES_CSV, data: "Role,Level\nX,Entry\n") { created } }`); code != CodeUnauthenticated {
			t.Errorf("code = %q", code)
		}
	})
}
