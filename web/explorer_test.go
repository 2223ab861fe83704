package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/cypher/cyphertest"
	"github.com/lattice-pathways/lattice/resolvers"
)

const testToken = "web-test-token-0123456789"

// newServer serves the explorer in front of the real API handler on the
// test Neo4j holding the sample graph.
func newServer(t testing.TB, readsNeedToken bool) *httptest.Server {
	t.Helper()
	return serverOn(t, cyphertest.Sample(t), readsNeedToken)
}

// serverOn serves the explorer in front of the API on store.
func serverOn(t testing.TB, store *cypher.Store, readsNeedToken bool) *httptest.Server {
	t.Helper()
	api, err := resolvers.NewHandler(resolvers.Config{Store: store, Log: zerolog.Nop(), APIToken: testToken, ReadsNeedToken: readsNeedToken})
	if err != nil {
		t.Fatal(err)
	}
	app, err := New(Config{API: api, Log: zerolog.Nop()})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(app)
	t.Cleanup(srv.Close)
	return srv
}

func get(t *testing.T, c *http.Client, u string) (int, string) {
	t.Helper()
	resp, err := c.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	// Compare what a person reads: html/template writes + as &#43;.
	return resp.StatusCode, html.UnescapeString(string(b))
}

// TestPages opens every view's deep link over plain HTTP (no browser) and
// checks the status and a line a person would read; the API's own paths
// still reach the API.
func TestPages(t *testing.T) {
	srv := newServer(t, false)
	tests := []struct {
		path   string
		status int
		want   []string
	}{
		{"/", 200, []string{"Find your next step", "I am a student", "/graphiql", "Your interest code", "High school diploma or equivalent", "Social</strong> (S)"}},
		{"/student?education=high-school&interest=sia", 200, []string{"Open to you now", `value="SIA"`}},
		{"/student?education=high-school&pick=S&pick=R", 200, []string{"Open to you now", `value="RS"`}},
		{"/student?interest=XYZ", 400, []string{"“XYZ” is not a Holland code", "Your interest code"}},
		{"/student", 400, []string{"Choose your education or your interests first."}},
		{"/roles/it-support-specialist", 200, []string{"IT Support Specialist", "Needed from day one", "Closest moves"}},
		{"/plan?from=help-desk-technician&to=security-specialist&objective=HOURS", 200, []string{"CompTIA Security+", "Total hours", "2,070 hours"}},
		{"/plan?to=security-specialist", 200, []string{"Tell us where you are now"}},
		{"/plan", 200, []string{"Choose the role you want"}},
		// The moves graph's data, as JSON for cytoscape (the browser test checks the drawing).
		{"/explore?from=help-desk-technician", 200, []string{"IT Support Specialist", "within reach", `<script type="application/json" id="moves-data">`,
			`"id":"it-support-specialist","title":"IT Support Specialist","href":"/roles/it-support-specialist"`, `<script src="/app/static/vendor/cytoscape.min.js" defer>`}},
		{"/explore?education=high-school&maxCost=2000", 200, []string{"Open to you now"}},
		{"/explore", 200, []string{"Tell us where you are"}},
		{"/stacks/associate-degree-nursing", 200, []string{"Registered Nurse", "a year", "After high school"}},
		{"/skills/networking", 200, []string{"Networking", "CompTIA Network+"}},
		{"/search?q=nurse", 200, []string{"Registered Nurse"}},
		{"/search?q=zzzzqqq", 200, []string{"Nothing matches"}},
		{"/compare?from=it-support-specialist&to=systems-administrator", 200, []string{"From IT Support Specialist to Systems Administrator", "What is missing", "Backup and Recovery", "What carries over"}},
		// The toggle's deep link: the preferred skills are gaps too, and the toggle stays on.
		{"/compare?from=it-support-specialist&to=systems-administrator&includePreferred=1", 200, []string{`Documentation</a> <span class="tag">preferred</span>`,
			`name="includePreferred" value="1" checked`, `&includePreferred=1">Compare the other way round`}},
		{"/compare?from=it-support-specialist", 200, []string{"Compare two roles", `value="IT Support Specialist"`}},
		{"/compare?from=it-support-specialist&to=no-such-role", 404, []string{"There is no role with an id in this link."}},
		{"/roles/it-support-specialist", 200, []string{"Compare with another role", "/compare?from=it-support-specialist&to="}},
		{"/cohort", 200, []string{"Plan a cohort", "The CSV’s columns", "/cohort/template.csv", "Help Desk Technician"}},
		{"/cohort/template.csv", 200, []string{"name,role,skills,credentials,education\n"}},
		{"/recredentialing", 200, []string{"Roles to recredential", "Junior Web Developer", "Degree inflation", "Skills that stand in for the degree", "Moves opened when the degree gives way", "The same ranking as a table"}},
		{"/roles/no-such-role", 404, []string{"There is no role with that id."}},
		{"/stacks/no-such-credential", 404, []string{"There is no credential or education level with that id."}},
		{"/skills/no-such-skill", 404, []string{"There is no skill with that id."}},
		{"/plan?from=help-desk-technician&to=no-such-role", 404, []string{"There is no role, credential, skill or education level with an id in this link."}},
		{"/plan?from=help-desk-technician&to=security-specialist&maxCost=10", 200, []string{"No plan fits"}},
		{"/graphiql", 200, []string{"GraphiQL"}},
		{"/healthz", 200, []string{"ok"}},
		{"/app/static/app.css", 200, []string{"@media print"}},
		// The picture libraries are built into the binary, at the versions web/ui pins.
		{"/app/static/vendor/cytoscape.min.js", 200, []string{`version="3.34.4"`}},
		{"/app/static/vendor/chart.umd.min.js", 200, []string{"Chart.js v4.6.1"}},
		{"/app/static/vendor/chart.js.LICENSE.md", 200, []string{"MIT License"}},
		{"/app/static/pictures.js", 200, []string{"window.latticePictures"}},
		{"/nowhere", 404, nil},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			code, body := get(t, srv.Client(), srv.URL+tt.path)
			if code != tt.status {
				t.Errorf("status %d, want %d", code, tt.status)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %q", w)
				}
			}
			for _, bad := range []string{"goroutine", "panic", "runtime error", "NOT_FOUND", "<no value>"} {
				if strings.Contains(body, bad) {
					t.Errorf("page shows %q", bad)
				}
			}
		})
	}
	t.Run("graphql is the API's", func(t *testing.T) {
		resp, err := http.Post(srv.URL+"/graphql", "application/json", strings.NewReader(`{"query":"{ role(id: \"help-desk-technician\") { title } }"}`))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if !strings.Contains(string(b), `"title":"Help Desk Technician"`) {
			t.Errorf("POST /graphql = %s", b)
		}
	})
}

// writeAPI posts a GraphQL write with the API token; it fails the test
// unless the answer is a 200 without errors.
func writeAPI(t *testing.T, srv *httptest.Server, body string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/graphql", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+testToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	answer, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || strings.Contains(string(answer), `"errors"`) {
		t.Fatalf("POST /graphql = %d %.400s", resp.StatusCode, answer)
	}
}

// TestEscapedID opens a role whose id holds a slash, as ESCO's do.
func TestEscapedID(t *testing.T) {
	srv := newServer(t, false)
	const id = "esco:occupation/0a1b2c3d-test"
	writeAPI(t, srv, `{"query":"mutation($id: ID!) { createRole(input: {id: $id, title: \"Test Occupation\"}) { id } }","variables":{"id":"`+id+`"}}`)
	for _, path := range []string{"/roles/" + url.PathEscape(id), "/roles/esco:occupation/0a1b2c3d-test"} {
		code, page := get(t, srv.Client(), srv.URL+path)
		if code != 200 || !strings.Contains(page, "Test Occupation") {
			t.Errorf("GET %s = %d, want the role's page", path, code)
		}
	}
}

// TestFormResolvesTitles: a form sent without JavaScript names roles by
// title; the page redirects to the canonical deep link with their ids.
func TestFormResolvesTitles(t *testing.T) {
	srv := newServer(t, false)
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Get(srv.URL + "/plan?to_title=network+administrator&from_title=&education=high-school&add_skill_title=networking&add_skill_level=2&maxCost=")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	loc, _ := url.Parse(resp.Header.Get("Location"))
	want := url.Values{"to": {"network-administrator"}, "education": {"high-school"}, "skill": {"networking:2"}}
	if resp.StatusCode != http.StatusSeeOther || loc.Query().Encode() != want.Encode() {
		t.Errorf("redirect %d to %q, want 303 to ?%s", resp.StatusCode, loc, want.Encode())
	}
	code, page := get(t, srv.Client(), srv.URL+"/plan?to_title=no+such+job+at+all+xyz&education=high-school")
	if code != http.StatusBadRequest || !strings.Contains(page, "We found no role called") {
		t.Errorf("an unknown title: %d, want 400 with a sentence", code)
	}
}

// TestToken: with reads needing the token, a page asks for it once, keeps
// it in a cookie and sends it to the API.
func TestToken(t *testing.T) {
	srv := newServer(t, true)
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	code, page := get(t, c, srv.URL+"/roles/help-desk-technician")
	if code != http.StatusUnauthorized || !strings.Contains(page, "asks for an access token") || !strings.Contains(page, `name="token"`) {
		t.Fatalf("without a token: %d, want 401 and the token form", code)
	}
	resp, err := c.PostForm(srv.URL+"/app/token", url.Values{"token": {"wrong"}, "back": {"/roles/help-desk-technician"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("a wrong token: %d, want the form again (401)", resp.StatusCode)
	}
	resp, err = c.PostForm(srv.URL+"/app/token", url.Values{"token": {testToken}, "back": {"/roles/help-desk-technician"}})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(b), "Help Desk Technician") {
		t.Errorf("with the token: %d, want the role", resp.StatusCode)
	}
	if code, _ := get(t, c, srv.URL+"/app/suggest?q=netw"); code != 200 {
		t.Errorf("suggestions with the token cookie: %d", code)
	}
	t.Run("back never leaves the site", func(t *testing.T) {
		c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		for _, back := range []string{"https://evil.example/", "//evil.example/", "/\\evil.example"} {
			resp, err := c.PostForm(srv.URL+"/app/token", url.Values{"token": {testToken}, "back": {back}})
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if loc := resp.Header.Get("Location"); loc != "/" {
				t.Errorf("back=%q redirects to %q, want /", back, loc)
			}
		}
	})
}

func TestReadProfile(t *testing.T) {
	q, _ := url.ParseQuery("from=help-desk-technician&skill=esco:skill/abc:4&skill=networking&skill=sql:9&credential=ccna&credential=ccna&interest=sia")
	p := readProfile(q)
	want := []heldSkill{{"esco:skill/abc", 4}, {"networking", 3}, {"sql", 5}}
	if len(p.Skills) != len(want) {
		t.Fatalf("skills %v, want %v", p.Skills, want)
	}
	for i := range want {
		if p.Skills[i] != want[i] {
			t.Errorf("skill %d = %v, want %v", i, p.Skills[i], want[i])
		}
	}
	if len(p.Credentials) != 1 || p.Interest != "SIA" || p.From != "help-desk-technician" {
		t.Errorf("profile %+v", p)
	}
}

// TestCohortForm posts cohorts as the form sends them without a browser: a
// plan for members named by title and by id, and a sentence for each row
// that names nothing the graph knows.
func TestCohortForm(t *testing.T) {
	srv := newServer(t, false)
	post := func(form url.Values) (int, string) {
		resp, err := http.PostForm(srv.URL+"/cohort", form)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, html.UnescapeString(string(b))
	}
	code, body := post(url.Values{"to_title": {"Systems Administrator"}, "csv": {cohortTemplate + "Dee,help-desk-technician,backup-and-recovery:2,comptia-a-plus,bachelor\n"}})
	if code != 200 {
		t.Fatalf("status %d:\n%s", code, body)
	}
	for _, want := range []string{"Into Systems Administrator", "of 4 ready", "The pooled gap", "Ana", "Dee", "data:text/csv;charset=utf-8;base64,", "Open Dee’s plan"} {
		if !strings.Contains(body, want) {
			t.Errorf("the plan lacks %q", want)
		}
	}
	_, body = post(url.Values{"to": {"systems-administrator"}, "csv": {"name,role,skills,credentials,education\nAna,Help Desk Technician,,,\nBo,Zzyzx Wrangler,,,\nCy,,Networking:9,,Kindergarten diploma\n"}})
	for _, want := range []string{"Row 3: there is no role called “Zzyzx Wrangler”.", "Row 4: the level of “Networking:9” must be a number from 1 to 5.", "Row 4: there is no education level called “Kindergarten diploma”."} {
		if !strings.Contains(body, want) {
			t.Errorf("the page lacks %q:\n%s", want, body)
		}
	}
	if strings.Contains(body, "base64,") {
		t.Error("a cohort with unknown names was planned anyway")
	}
	_, body = post(url.Values{"to": {"systems-administrator"}, "csv": {"role\nHelp Desk Technician\n"}})
	if !strings.Contains(body, "The first row must name the columns") {
		t.Errorf("a CSV without a name column was not explained:\n%s", body)
	}
}

// TestPlanRecordFile posts files as the plan's badge form sends them: a file
// that is not JSON is refused in a sentence; without a file, the form says to
// choose one.
func TestPlanRecordFile(t *testing.T) {
	srv := newServer(t, false)
	post := func(name, content string) (int, string) {
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		if name != "" {
			fw, _ := mw.CreateFormFile("record", name)
			io.WriteString(fw, content)
		}
		mw.Close()
		resp, err := http.Post(srv.URL+"/plan?from=help-desk-technician&to=security-specialist", mw.FormDataContentType(), &buf)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, html.UnescapeString(string(b))
	}
	if code, body := post("badge.txt", "not json"); code != 400 || !strings.Contains(body, "“badge.txt” is not a JSON file") {
		t.Errorf("a file that is not JSON: %d\n%s", code, body)
	}
	if code, body := post("", ""); code != 400 || !strings.Contains(body, "Choose a badge or learner record file first.") {
		t.Errorf("no file: %d\n%s", code, body)
	}
}

// TestLongCertifierLists: a skill certified by more credentials than a page
// lists shows the first ones and says there are more; a short list says
// nothing of the kind.
func TestLongCertifierLists(t *testing.T) {
	srv := newServer(t, false)
	// The credentials come through the API, as an operator's would: one
	// mutation document creating each and certifying the skill with it.
	var m strings.Builder
	m.WriteString("mutation {")
	for i := range skillCerts + 1 {
		fmt.Fprintf(&m, ` c%[1]d: createCredential(input: {id: "bulk-%03[1]d", name: "Bulk program %03[1]d", kind: "CERTIFICATE", cost: %[2]d}) { id }
			s%[1]d: createCertification(input: {credentialId: "bulk-%03[1]d", skillId: "security", level: 5}) { level }`, i, 100+i)
	}
	m.WriteString("}")
	body, err := json.Marshal(map[string]string{"query": m.String()})
	if err != nil {
		t.Fatal(err)
	}
	writeAPI(t, srv, string(body))
	code, page := get(t, srv.Client(), srv.URL+"/skills/security")
	if code != 200 || !strings.Contains(page, "More credentials prove it than listed here") || strings.Count(page, `href="/stacks/`) != skillCerts {
		t.Errorf("GET /skills/security = %d with %d credential links, want %d and a note that there are more", code, strings.Count(page, `href="/stacks/`), skillCerts)
	}
	code, page = get(t, srv.Client(), srv.URL+"/compare?from=it-support-specialist&to=systems-administrator")
	if code != 200 || !strings.Contains(page, "More credentials close it; these are the cheapest.") {
		t.Errorf("GET /compare = %d, want the security gap's note that more credentials close it", code)
	}
	if _, page = get(t, srv.Client(), srv.URL+"/skills/networking"); strings.Contains(page, "More credentials prove it") {
		t.Error("/skills/networking says more credentials prove it; its list is short")
	}
}
