package web

import (
	"context"
	"encoding/base64"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/cypher/cyphertest"
)

// screenshotDir is where the browser tests write their screenshots (ignored
// by git; a few are copied to docs/screenshots/ for the README).
const screenshotDir = "testdata/screenshots"

// browser starts one headless Chromium for all the subtests. Outside CI a
// missing Chromium skips them; under CI=true it fails them.
func browser(t *testing.T) context.Context {
	t.Helper()
	path, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("no chromium on PATH: the browser tests need Debian's package chromium (.ci/run installs it)")
		}
		t.Skip("no chromium on PATH: install Debian's package chromium (apt-get install chromium) to run the browser tests")
	}
	// chromedp's defaults run headless, without /dev/shm, with background
	// networking, sync and first-run pages off; these add what CI needs.
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox, // CI runs as root
		chromedp.DisableGPU,
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("no-pings", true),
		chromedp.WindowSize(1280, 800),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	// The first action starts the browser; chromedp enables the network,
	// runtime and log events the watcher reads.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// watcher collects what a page does that a person should never meet: console
// errors, uncaught exceptions, and requests to another host.
type watcher struct {
	mu       sync.Mutex
	host     string
	problems []string
	requests int
}

func (w *watcher) listen(t *testing.T, ctx context.Context) {
	err := chromedp.Listen(ctx, func(ev any) {
		w.mu.Lock()
		defer w.mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			w.requests++
			u, err := url.Parse(ev.Request.URL)
			if err != nil || (u.Scheme != "data" && u.Host != w.host) {
				w.problems = append(w.problems, "request to another host: "+ev.Request.URL)
			}
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				var args []string
				for _, a := range ev.Args {
					args = append(args, string(a.Value))
				}
				w.problems = append(w.problems, "console error: "+strings.Join(args, " "))
			}
		case *runtime.EventExceptionThrown:
			w.problems = append(w.problems, "uncaught exception: "+ev.ExceptionDetails.Text)
		case *log.EventEntryAdded:
			// A 404 or 401 a page is meant to answer is the test's to check, not a console error.
			if ev.Entry.Level == log.EntryLevelError && ev.Entry.Source != log.EntrySourceNetwork {
				w.problems = append(w.problems, "console error: "+ev.Entry.Text+" "+ev.Entry.URL)
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
}

func (w *watcher) take() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	p := w.problems
	w.problems = nil
	return p
}

var viewports = []struct {
	name          string
	width, height int64
}{
	{"laptop", 1280, 800},
	{"phone", 390, 844},
}

// TestBrowser opens every view's deep link in Chromium, at laptop and phone
// widths, against the real server on the sample graph, and checks what a
// person sees. Each view's screenshots go to testdata/screenshots/.
func TestBrowser(t *testing.T) {
	ctx := browser(t)
	srv := newServer(t, false)
	base, _ := url.Parse(srv.URL)
	w := &watcher{host: base.Host}
	w.listen(t, ctx)
	if err := os.MkdirAll(screenshotDir, 0o755); err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(screenshotDir)
	t.Logf("screenshots in %s", abs)

	// The plan's totals as the API gives them, to compare with the page.
	var plan struct {
		Data struct{ UpskillingPath struct{ TotalHours float64 } }
	}
	postJSON(t, srv.URL, `{ upskillingPath(from: {roleId: "help-desk-technician"}, to: "security-specialist", options: {objective: HOURS}) { totalHours } }`, &plan)
	var front struct {
		Data struct {
			UpskillingPath struct{ TradeOffFront []struct{ TotalCost float64 } }
		}
	}
	postJSON(t, srv.URL, `{ upskillingPath(from: {roleId: "help-desk-technician"}, to: "security-specialist", options: {objective: HOURS, tradeOffFront: true}) { tradeOffFront { totalCost } } }`, &front)
	var profile struct {
		Data struct {
			Role struct{ SkillsProfile []struct{ Name string } }
		}
	}
	postJSON(t, srv.URL, `{ role(id: "it-support-specialist") { skillsProfile { name } } }`, &profile)
	if len(profile.Data.Role.SkillsProfile) < 2 {
		t.Fatalf("the sample's IT Support Specialist has %d skill categories; the test wants several", len(profile.Data.Role.SkillsProfile))
	}

	views := []struct {
		name, path string
		check      func(t *testing.T, main string)
	}{
		{"home", "/", func(t *testing.T, main string) {
			contains(t, main, "Find your next step", "I am a student", "Plan a cohort")
		}},
		{"role", "/roles/it-support-specialist", func(t *testing.T, main string) {
			contains(t, main, "IT Support Specialist", "Skills, by category", "Needed from day one")
			headings, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('.category h3')].map(h => h.textContent.trim())`))
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range profile.Data.Role.SkillsProfile {
				if !strings.Contains(strings.Join(headings, "|"), c.Name) {
					t.Errorf("no category %q among %v", c.Name, headings)
				}
			}
		}},
		{"plan", "/plan?from=help-desk-technician&to=security-specialist&objective=HOURS", func(t *testing.T, main string) {
			contains(t, main, "CompTIA Security+", "Total hours", thousands(plan.Data.UpskillingPath.TotalHours)+" hours", "Cost against hours")
			// Chart.js drew the front: one point a plan of the API's front and a
			// row of the table beside it, each point carrying the link to its plan.
			waitFor(t, ctx, `window.Chart && Chart.getChart(document.getElementById('front-chart'))`)
			got, err := chromedp.Run(ctx, chromedp.Evaluate[struct {
				Drawn, Rows int
				Hrefs       []string
				X, Y        float64
			}](`(() => {
				const canvas = document.getElementById('front-chart');
				canvas.scrollIntoView({block: 'center'});
				const c = Chart.getChart(canvas), r = canvas.getBoundingClientRect(), a = c.chartArea;
				const pts = c.getDatasetMeta(0).data;
				return {drawn: pts.filter(p => p.x >= a.left && p.x <= a.right && p.y >= a.top && p.y <= a.bottom && p.options.radius > 0).length,
					rows: document.querySelectorAll('table.front tbody tr').length,
					hrefs: c.data.datasets[0].data.map(p => p.href), x: r.left + pts[0].x, y: r.top + pts[0].y};
			})()`))
			if err != nil {
				t.Fatal(err)
			}
			if n := len(front.Data.UpskillingPath.TradeOffFront); got.Drawn != n || got.Rows != n || n == 0 {
				t.Fatalf("the plot draws %d points and the table has %d rows; the API's front has %d plans", got.Drawn, got.Rows, n)
			}
			for i, href := range got.Hrefs {
				u, err := url.Parse(href)
				want := strconv.FormatFloat(front.Data.UpskillingPath.TradeOffFront[i].TotalCost, 'f', -1, 64)
				if err != nil || u.Path != "/plan" || u.Query().Get("maxCost") != want || u.Query().Get("from") != "help-desk-technician" {
					t.Errorf("point %d links to %q, want the plan costing at most %s from the same profile", i, href, want)
				}
			}
			// A click on the first point opens its plan.
			shoot(t, ctx, "plan-front")
			do(t, ctx, chromedp.MouseClickXY(got.X, got.Y))
			navigatesTo(t, ctx, got.Hrefs[0])
		}},
		{"explore", "/explore?from=help-desk-technician", func(t *testing.T, main string) {
			contains(t, main, "IT Support Specialist", "within reach", "Your moves as a map")
			// cytoscape drew a node for each row of the table beside it, IT
			// Support Specialist among them, inside the map, its label readable.
			waitFor(t, ctx, `window.latticePictures && window.latticePictures.moves`)
			got, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]any](`(() => {
				const box = document.getElementById('moves');
				box.scrollIntoView({block: 'center'});
				const cy = window.latticePictures.moves, roles = cy.nodes('[href]'), r = box.getBoundingClientRect();
				const its = roles.filter(n => n.data('label') === 'IT Support Specialist')[0];
				if (!its) return {nodes: roles.length};
				const p = its.renderedPosition();
				return {nodes: roles.length, rows: document.querySelectorAll('table.reach tbody tr').length, edges: cy.edges().length,
					href: its.data('href'), inside: p.x > 0 && p.x < r.width && p.y > 0 && p.y < r.height, x: r.left + p.x, y: r.top + p.y,
					width: Math.min(...roles.map(n => n.renderedWidth())), font: parseFloat(its.renderedStyle('font-size'))};
			})()`))
			if err != nil {
				t.Fatal(err)
			}
			if got["href"] != "/roles/it-support-specialist" || got["inside"] != true {
				t.Fatalf("no node for IT Support Specialist inside the map that opens its role: %v", got)
			}
			if got["nodes"] != got["rows"] || got["edges"] != got["nodes"] || got["nodes"] == 0.0 {
				t.Errorf("the map has %v nodes and %v edges for %v rows in the table", got["nodes"], got["edges"], got["rows"])
			}
			// Readable on a phone: labels at least 11px on the screen, no circle smaller than a fingertip's aim.
			if f, _ := got["font"].(float64); f < 11 {
				t.Errorf("the labels are drawn at %vpx", got["font"])
			}
			if w, _ := got["width"].(float64); w < 8 {
				t.Errorf("the smallest circle is drawn %vpx wide", got["width"])
			}
			shoot(t, ctx, "explore-moves")
			// A click on the node opens its role.
			do(t, ctx, chromedp.MouseClickXY(got["x"].(float64), got["y"].(float64)))
			navigatesTo(t, ctx, "/roles/it-support-specialist")
		}},
		// Network Technician has a wage, so the map colours each move by its wage change.
		{"explore-map", "/explore?from=network-technician&steps=2", func(t *testing.T, main string) {
			contains(t, main, "Your moves as a map", "pays more than now")
			waitFor(t, ctx, `window.latticePictures && window.latticePictures.moves`)
			// A move that pays more is drawn in the legend's colour for it.
			got, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]any](`(() => {
				const up = window.latticePictures.moves.nodes('[tone = "up"]');
				const key = getComputedStyle(document.querySelector('.swatch.up')).backgroundColor.replace(/ /g, '');
				return {up: up.length, same: up.every(n => n.style('background-color').replace(/ /g, '') === key), key: key};
			})()`))
			if err != nil || got["up"] == 0.0 || got["same"] != true {
				t.Errorf("no move that pays more is drawn in the legend's green (%v, %v)", got, err)
			}
		}},
		{"explore-student", "/explore?education=high-school&maxCost=2000", func(t *testing.T, main string) { contains(t, main, "Open to you now") }},
		{"stack", "/stacks/associate-degree-nursing", func(t *testing.T, main string) {
			contains(t, main, "Registered Nurse", "After high school")
			if !regexp.MustCompile(`Registered Nurse[^\n]*\$\d{1,3}(,\d{3})+–\$\d{1,3}(,\d{3})+ a year`).MatchString(main) {
				t.Errorf("no registered nurse role with its wage range in:\n%s", main)
			}
		}},
		{"compare", "/compare?from=it-support-specialist&to=systems-administrator", func(t *testing.T, main string) {
			contains(t, main, "What is missing", "What carries over")
			// Backup and Recovery is a gap with at least one credential that closes it.
			closers, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('.gap')].filter(g => g.querySelector('h3').textContent.includes('Backup and Recovery')).flatMap(g => [...g.querySelectorAll('.opens a')].map(a => a.textContent + ' ' + a.getAttribute('href')))`))
			if err != nil {
				t.Fatal(err)
			}
			if len(closers) == 0 || !strings.Contains(closers[0], "/stacks/") {
				t.Errorf("Backup and Recovery is not a gap with a credential that closes it linked to its ladder: %v", closers)
			}
		}},
		{"recredentialing", "/recredentialing", func(t *testing.T, main string) {
			contains(t, main, "Roles to recredential", "The same ranking as a table")
			// Junior Web Developer's card names the four criteria, and Chart.js
			// drew a bar for each beside them.
			waitFor(t, ctx, `window.latticePictures && window.latticePictures.criteria`)
			card, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]any](`(() => {
				const c = [...document.querySelectorAll('.candidate')].find(c => c.querySelector('h2').textContent.includes('Junior Web Developer'));
				const chart = c && Chart.getChart(c.querySelector('canvas'));
				return c ? {text: c.innerText, bars: chart ? chart.getDatasetMeta(0).data.filter(b => b.width > 0).length : 0} : {};
			})()`))
			if err != nil {
				t.Fatal(err)
			}
			txt, _ := card["text"].(string)
			contains(t, txt, "Degree inflation", "Hiring influx", "Retention trouble", "Career pathways", "Skills that stand in for the degree")
			if n, _ := card["bars"].(float64); n != 4 {
				t.Errorf("Junior Web Developer's card has %v bars, want 4", card["bars"])
			}
		}},
		{"skill", "/skills/networking", func(t *testing.T, main string) { contains(t, main, "Networking", "Credentials that prove it") }},
		{"unknown-role", "/roles/no-such-role", func(t *testing.T, main string) { contains(t, main, "There is no role with that id.") }},
		{"unknown-stack", "/stacks/" + url.PathEscape("esco:occupation/no-such-thing"), func(t *testing.T, main string) {
			contains(t, main, "There is no credential or education level with that id.")
		}},
	}
	for _, v := range views {
		t.Run(v.name, func(t *testing.T) {
			for _, vp := range viewports {
				do(t, ctx,
					chromedp.EmulateViewport(vp.width, vp.height),
					chromedp.Navigate(srv.URL+v.path),
					chromedp.WaitReady(chromedp.CSS("footer")),
				)
				main := text(t, ctx, "main")
				shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
				if err != nil {
					t.Fatal(err)
				}
				v.check(t, main)
				for _, bad := range []string{"goroutine", "panic:", "runtime error", "NOT_FOUND", "<no value>"} {
					if strings.Contains(main, bad) {
						t.Errorf("%s shows %q", vp.name, bad)
					}
				}
				if err := os.WriteFile(filepath.Join(screenshotDir, fmt.Sprintf("%s-%s.png", v.name, vp.name)), shot, 0o644); err != nil {
					t.Fatal(err)
				}
				if p := w.take(); len(p) > 0 {
					t.Errorf("%s at %s:\n%s", v.path, vp.name, strings.Join(p, "\n"))
				}
			}
		})
	}

	t.Run("the moves map opens a role from the keyboard", func(t *testing.T) {
		do(t, ctx,
			chromedp.EmulateViewport(390, 844),
			chromedp.Navigate(srv.URL+"/explore?from=help-desk-technician"),
			chromedp.WaitReady(chromedp.CSS("footer")),
		)
		waitFor(t, ctx, `window.latticePictures && window.latticePictures.moves`)
		do(t, ctx, chromedp.Focus(chromedp.CSS("#moves")))
		said := ""
		for range 40 {
			do(t, ctx, chromedp.KeyEvent(kb.ArrowRight))
			said = text(t, ctx, "#moves-now")
			if strings.HasPrefix(said, "IT Support Specialist:") {
				break
			}
		}
		if !strings.HasPrefix(said, "IT Support Specialist:") {
			t.Fatalf("the arrow keys never reached IT Support Specialist; the map last said %q", said)
		}
		shoot(t, ctx, "explore-keyboard")
		do(t, ctx, chromedp.KeyEvent(kb.Enter))
		navigatesTo(t, ctx, "/roles/it-support-specialist")
		if p := w.take(); len(p) > 0 {
			t.Error(strings.Join(p, "\n"))
		}
	})

	t.Run("the search box suggests as you type", func(t *testing.T) {
		do(t, ctx,
			chromedp.EmulateViewport(1280, 800),
			chromedp.Navigate(srv.URL+"/"),
			chromedp.SendKeys(chromedp.CSS("#q"), "netw"),
			chromedp.WaitVisible(chromedp.CSS("#q-list li")),
		)
		options, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('#q-list li')].map(li => li.firstChild.textContent)`))
		if err != nil {
			t.Fatal(err)
		}
		idx := slices.Index(options, "Network Administrator")
		if idx < 0 {
			t.Fatalf("suggestions %v lack Network Administrator", options)
		}
		// The keyboard chooses the suggestion and opens its page.
		for range idx + 1 {
			do(t, ctx, chromedp.KeyEvent(kb.ArrowDown))
		}
		selected, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('#q-list li[aria-selected=true]')?.firstChild.textContent ?? ''`))
		if err != nil || selected != "Network Administrator" {
			t.Fatalf("after %d arrow downs the selected suggestion is %q (%v)", idx+1, selected, err)
		}
		if shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot()); err == nil {
			os.WriteFile(filepath.Join(screenshotDir, "search-laptop.png"), shot, 0o644)
		}
		open, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`!document.querySelector('#q-list').hidden && document.activeElement.id === 'q'`))
		do(t, ctx, chromedp.KeyEvent(kb.Enter))
		var loc string
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
			if loc, _ = chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname`)); loc == "/roles/network-administrator" {
				break
			}
		}
		if loc != "/roles/network-administrator" {
			t.Fatalf("Enter on the suggestion left the page at %s, want /roles/network-administrator (list open and focused before Enter: %v)", loc, open)
		}
		do(t, ctx, chromedp.WaitVisible(chromedp.CSS("h1.role")))
		if p := w.take(); len(p) > 0 {
			t.Error(strings.Join(p, "\n"))
		}
	})

	t.Run("a student gives an interest code and their education", func(t *testing.T) {
		for _, vp := range viewports {
			do(t, ctx,
				chromedp.EmulateViewport(vp.width, vp.height),
				chromedp.Navigate(srv.URL+"/"),
				chromedp.Click(chromedp.CSS(`a[href="#student"]`)),
				chromedp.SetValue(chromedp.CSS("#s-education"), "high-school"),
				chromedp.SendKeys(chromedp.CSS("#s-interest"), "sia"),
			)
			if shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot()); err == nil {
				os.WriteFile(filepath.Join(screenshotDir, "student-"+vp.name+".png"), shot, 0o644)
			}
			do(t, ctx,
				chromedp.Click(chromedp.CSS("#student-form button[type=submit]")),
				chromedp.WaitVisible(chromedp.CSS("table.reach")),
			)
			loc, err := chromedp.Run(ctx, chromedp.Location())
			if err != nil {
				t.Fatal(err)
			}
			u, _ := url.Parse(loc)
			if u.Path != "/explore" || u.Query().Get("education") != "high-school" || u.Query().Get("interest") != "SIA" || len(u.Query()) != 2 {
				t.Errorf("the student form led to %s, want /explore?education=high-school&interest=SIA", loc)
			}
			// The explore form keeps the code, so the student can change it there.
			if got, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('#interest').value`)); got != "SIA" {
				t.Errorf("the explore form's interest reads %q, want SIA", got)
			}
			if p := w.take(); len(p) > 0 {
				t.Error(strings.Join(p, "\n"))
			}
		}
	})

	t.Run("compare includes the preferred skills when asked", func(t *testing.T) {
		gaps := func() string { return text(t, ctx, "section[aria-labelledby=gaps-h]") }
		do(t, ctx,
			chromedp.EmulateViewport(1280, 800),
			chromedp.Navigate(srv.URL+"/compare?from=it-support-specialist&to=systems-administrator"),
			chromedp.WaitReady(chromedp.CSS("footer")),
		)
		if g := gaps(); strings.Contains(g, "Documentation") {
			t.Fatalf("without the toggle the gaps already list Systems Administrator's preferred Documentation: %q", g)
		}
		do(t, ctx,
			chromedp.Click(chromedp.CSS(`input[name=includePreferred]`)),
			chromedp.Click(chromedp.CSS(".compare-form button[type=submit]")),
		)
		// The form leads to the toggle's deep link, which shows it on.
		navigatesTo(t, ctx, "/compare?from=it-support-specialist&to=systems-administrator&includePreferred=1")
		if on, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector('input[name=includePreferred]').checked`)); err != nil || !on {
			t.Errorf("the toggle is off on its deep link (%v)", err)
		}
		contains(t, gaps(), "Documentation preferred", "Backup and Recovery")
		if p := w.take(); len(p) > 0 {
			t.Error(strings.Join(p, "\n"))
		}
	})

	t.Run("the plan form picks a role by its title", func(t *testing.T) {
		do(t, ctx,
			chromedp.Navigate(srv.URL+"/plan?education=high-school"),
			chromedp.SendKeys(chromedp.CSS("#to_title"), "network admin"),
			chromedp.WaitVisible(chromedp.CSS("#to-list li")),
			chromedp.Click(chromedp.CSS("#to-list li")),
			chromedp.Click(chromedp.CSS("form.panel button[type=submit]")),
			chromedp.WaitVisible(chromedp.CSS(".totals")),
		)
		loc, err := chromedp.Run(ctx, chromedp.Location())
		if err != nil {
			t.Fatal(err)
		}
		u, _ := url.Parse(loc)
		if u.Query().Get("to") != "network-administrator" || u.Query().Get("education") != "high-school" {
			t.Errorf("the form led to %s", loc)
		}
		contains(t, text(t, ctx, "main"), "Network Administrator", "Total cost")
		if p := w.take(); len(p) > 0 {
			t.Error(strings.Join(p, "\n"))
		}
	})

	t.Run("a cohort CSV uploaded becomes a plan", func(t *testing.T) {
		dir := t.TempDir()
		upload := func(name, body string) string {
			p := filepath.Join(dir, name)
			if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
			return p
		}
		good := upload("cohort.csv", "name,role,skills,credentials,education\n"+
			"Ana,Help Desk Technician,Networking:3,CompTIA A+,High school diploma\n"+
			"Ben,IT Support Specialist,,,\n"+
			"Chloe,Network Technician,Backup and Recovery:2,,Associate degree\n")
		for _, vp := range viewports {
			do(t, ctx,
				chromedp.EmulateViewport(vp.width, vp.height),
				chromedp.Navigate(srv.URL+"/cohort"),
				chromedp.SendKeys(chromedp.CSS("#to_title"), "Systems Administrator"),
				chromedp.SendKeys(chromedp.CSS("#budget"), "30000"),
				chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{good}),
				chromedp.Click(chromedp.CSS(".cohort-form button[type=submit]")),
				chromedp.WaitVisible(chromedp.CSS("#gap-chart")),
			)
			main := text(t, ctx, "main")
			// Each member's plan costs about $12,000 (an associate degree among
			// them): a $30,000 budget makes two of the three ready.
			contains(t, main, "Into Systems Administrator: 2 of 3 ready", "The pooled gap", "Ana", "Ben", "Chloe", "over the cohort budget")
			// Chart.js drew one bar for each row of the pooled gap's table, with its skill.
			waitFor(t, ctx, `window.latticePictures && window.latticePictures.gap`)
			gap, err := chromedp.Run(ctx, chromedp.Evaluate[struct {
				Bars   int
				Labels []string
				Rows   []string
			}](`(() => {
				const c = window.latticePictures.gap, m = c.getDatasetMeta(0);
				const table = [...document.querySelectorAll('table')].find(t => t.caption && t.caption.textContent.startsWith('The pooled gap'));
				return {bars: m.data.filter(b => Math.abs(b.x - b.base) > 0).length, labels: c.data.labels,
					rows: [...table.tBodies[0].rows].map(r => r.cells[0].textContent)};
			})()`))
			if err != nil || gap.Bars != len(gap.Rows) || gap.Bars == 0 || !slices.Equal(gap.Labels, gap.Rows) {
				t.Errorf("the pooled-gap chart draws %d bars for %v, the table's rows are %v (%v)", gap.Bars, gap.Labels, gap.Rows, err)
			}
			href, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS("#download"), "href"))
			if err != nil {
				t.Fatal(err)
			}
			b64, ok := strings.CutPrefix(href.Value, "data:text/csv;charset=utf-8;base64,")
			if !ok {
				t.Fatalf("the download link is %q", href.Value)
			}
			raw, err := base64.StdEncoding.DecodeString(b64)
			if err != nil {
				t.Fatal(err)
			}
			rows, err := csv.NewReader(strings.NewReader(string(raw))).ReadAll()
			if err != nil || len(rows) != 5 || rows[0][0] != "name" || rows[1][0] != "Ana" || rows[3][0] != "Chloe" {
				t.Errorf("the downloaded CSV reads %q (%v)", rows, err)
			}
			shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
			if err == nil {
				os.WriteFile(filepath.Join(screenshotDir, "cohort-"+vp.name+".png"), shot, 0o644)
			}
			if p := w.take(); len(p) > 0 {
				t.Error(strings.Join(p, "\n"))
			}
		}
		bad := upload("unknown.csv", "name,role,skills,credentials,education\nAna,Help Desk Technician,,,\nBo,Zzyzx Wrangler,,,\n")
		do(t, ctx,
			chromedp.EmulateViewport(1280, 800),
			chromedp.Navigate(srv.URL+"/cohort"),
			chromedp.SendKeys(chromedp.CSS("#to_title"), "Systems Administrator"),
			chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{bad}),
			chromedp.Click(chromedp.CSS(".cohort-form button[type=submit]")),
			chromedp.WaitVisible(chromedp.CSS(".problem")),
		)
		contains(t, text(t, ctx, ".problem"), "Row 3: there is no role called “Zzyzx Wrangler”.")
		if shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot()); err == nil {
			os.WriteFile(filepath.Join(screenshotDir, "cohort-unknown-laptop.png"), shot, 0o644)
		}
		if p := w.take(); len(p) > 0 {
			t.Error(strings.Join(p, "\n"))
		}
	})

	w.mu.Lock()
	defer w.mu.Unlock()
	if w.requests == 0 {
		t.Error("the watcher saw no request at all: it would not see one to another host either")
	}
}

// waitFor waits until expr, read in the page, is truthy: the page's script
// has drawn its picture.
func waitFor(t *testing.T, ctx context.Context, expr string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool]("!!("+expr+")")); err != nil {
		t.Fatalf("the page never had %s: %v", expr, err)
	}
}

// navigatesTo waits until the page's path (and query, when want has one) is want.
func navigatesTo(t *testing.T, ctx context.Context, want string) {
	t.Helper()
	var loc string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		loc, _ = chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname + (location.search && `+strconv.Quote(want)+`.includes('?') ? location.search : '')`))
		if loc == want {
			do(t, ctx, chromedp.WaitReady(chromedp.CSS("footer")))
			return
		}
	}
	t.Fatalf("the page is at %s, want %s", loc, want)
}

// shoot writes a screenshot of the viewport to the screenshot directory,
// named for the view and the viewport's width (phone or laptop).
func shoot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	if w, err := chromedp.Run(ctx, chromedp.Evaluate[int](`window.innerWidth`)); err == nil && w < 600 {
		name += "-phone"
	} else {
		name += "-laptop"
	}
	if shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot()); err == nil {
		os.WriteFile(filepath.Join(screenshotDir, name+".png"), shot, 0o644)
	}
}

// text is what a person reads in the first element matching the selector.
func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// do runs the actions, failing the test past a bound no page should need.
func do(t *testing.T, ctx context.Context, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

func contains(t *testing.T, text string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("the page lacks %q; it reads:\n%s", w, text)
		}
	}
}

func postJSON(t *testing.T, base, query string, out any) {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"query": query})
	resp, err := http.Post(base+"/graphql", "application/json", strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		t.Fatal(err)
	}
}

// TestBrowserRecords gives the plan's profile form an Open Badges 3.0 example
// credential, chosen at laptop width and dropped at phone width: the skill its achievement aligns to (a CASE item) counts as
// held, so it leaves the plan's open gaps. The sample graph holds no node the
// examples align to, so this test writes a small graph that does.
func TestBrowserRecords(t *testing.T) {
	badge := cyphertest.SharedData(t, "ctdl", "ob3", "skillAssertionCase_0.json")
	ctx := browser(t)
	store := cyphertest.Empty(t)
	// The web package's tests stay off the domain package: the role is set
	// field by field.
	robotics := cypher.GraphRole{Skills: []cypher.GraphRoleSkill{
		{Skill: "case:robot-programming", Level: 3, Required: true}, {Skill: "plc", Level: 2, Required: true}}}
	robotics.Role.ID, robotics.Role.Title = "robotics-technician", "Robotics Technician"
	g := &cypher.Graph{
		Skills: []cypher.GraphSkill{{ID: "case:robot-programming", Name: "Robot Programming"}, {ID: "plc", Name: "PLC Wiring"}},
		Roles:  []cypher.GraphRole{robotics},
	}
	if err := store.WriteGraph(context.Background(), g); err != nil {
		t.Fatal(err)
	}
	srv := serverOn(t, store, false)
	base, _ := url.Parse(srv.URL)
	w := &watcher{host: base.Host}
	w.listen(t, ctx)
	// open is what the plan says of the skill gaps it leaves open.
	open := func() string { return text(t, ctx, "section[aria-labelledby=gaps-h]") }
	for _, vp := range viewports {
		do(t, ctx,
			chromedp.EmulateViewport(vp.width, vp.height),
			chromedp.Navigate(srv.URL+"/plan?to=robotics-technician&skill=plc:2"),
			chromedp.WaitReady(chromedp.CSS("footer")),
		)
		if before := open(); !strings.Contains(before, "Robot Programming") {
			t.Fatalf("without the badge the plan's gaps read %q, want Robot Programming among them", before)
		}
		if vp.name == "laptop" {
			do(t, ctx,
				chromedp.SetUploadFiles(chromedp.CSS("#record"), []string{badge}),
				chromedp.Click(chromedp.CSS("form.records button[type=submit]")),
				chromedp.WaitVisible(chromedp.CSS("p.note")),
			)
		} else {
			// Dropped on the form, as from a file manager: the drop carries the
			// file, and the form sends it.
			content, err := os.ReadFile(badge)
			if err != nil {
				t.Fatal(err)
			}
			lit, _ := json.Marshal(string(content))
			drop := `(() => {
				const dt = new DataTransfer();
				dt.items.add(new File([` + string(lit) + `], 'skillAssertionCase_0.json', {type: 'application/json'}));
				document.querySelector('form.records').dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));
				return true;
			})()`
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](drop)); err != nil {
				t.Fatal(err)
			}
			do(t, ctx, chromedp.WaitVisible(chromedp.CSS("p.note")))
		}
		main := text(t, ctx, "main")
		contains(t, main, "Counted from your file: skillAssertionCase_0.json", "Robotics Technician")
		if after := open(); strings.Contains(after, "Robot Programming") {
			t.Errorf("with the badge Robot Programming is still a gap: %q", after)
		}
		if shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot()); err == nil {
			os.WriteFile(filepath.Join(screenshotDir, "plan-records-"+vp.name+".png"), shot, 0o644)
		}
		if p := w.take(); len(p) > 0 {
			t.Error(strings.Join(p, "\n"))
		}
	}
}
