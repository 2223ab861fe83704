// Package web is the Lattice explorer: server-rendered pages for people who
// do not write GraphQL (counselors, students, career changers). Every page
// asks the service's own GraphQL handler, in process, so there is one API and
// one data path; the templates and assets are built into the binary.
package web

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/rs/zerolog"
)

//go:embed templates/*.html
var templateFiles embed.FS

//go:embed static
var staticFiles embed.FS

// tokenCookie keeps the API token a person entered, when reads need one.
const tokenCookie = "lattice_token"

// Config assembles the explorer.
type Config struct {
	// API is the service's handler; the explorer posts to its /graphql and
	// passes every path it does not serve on to it.
	API http.Handler
	Log zerolog.Logger
}

// Explorer serves the explorer's pages and hands every other path to the API.
type Explorer struct {
	api   http.Handler
	log   zerolog.Logger
	pages map[string]*template.Template
	mux   *http.ServeMux
}

// New returns the explorer at /, /roles/{id}, /skills/{id}, /plan, /explore,
// /compare, /recredentialing, /cohort, /stacks/{id} and /search, its assets under /app/static/, and the API
// behind it for every other path (/graphql, /graphiql, /healthz, ...).
func New(cfg Config) (*Explorer, error) {
	if cfg.API == nil {
		return nil, errors.New("web.New: no API handler")
	}
	e := &Explorer{api: cfg.API, log: cfg.Log, pages: map[string]*template.Template{}}
	names, err := fs.Glob(templateFiles, "templates/*.html")
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		base := strings.TrimSuffix(strings.TrimPrefix(name, "templates/"), ".html")
		if base == "layout" || base == "partials" {
			continue
		}
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFiles, "templates/layout.html", "templates/partials.html", name)
		if err != nil {
			return nil, fmt.Errorf("web: template %s: %w", name, err)
		}
		e.pages[base] = t
	}
	static, err := fs.Sub(staticFiles, "static")
	if err != nil {
		return nil, err
	}

	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", e.home)
	mux.HandleFunc("GET /search", e.search)
	mux.HandleFunc("GET /student", e.student)
	mux.HandleFunc("GET /roles/", e.role)
	mux.HandleFunc("GET /skills/", e.skill)
	mux.HandleFunc("GET /stacks/", e.stack)
	mux.HandleFunc("GET /plan", e.plan)
	mux.HandleFunc("POST /plan", e.plan)
	mux.HandleFunc("GET /explore", e.explore)
	mux.HandleFunc("GET /compare", e.compare)
	mux.HandleFunc("GET /recredentialing", e.recredentialing)
	mux.HandleFunc("GET /app/suggest", e.suggest)
	mux.HandleFunc("POST /app/token", e.saveToken)
	mux.HandleFunc("GET /cohort", e.cohort)
	mux.HandleFunc("POST /cohort", e.cohort)
	mux.HandleFunc("GET /cohort/template.csv", e.cohortTemplateCSV)
	mux.Handle("GET /app/static/", http.StripPrefix("/app/static/", cacheFor(time.Hour, http.FileServerFS(static))))
	// Everything else is the API's: /graphql, /graphiql, /healthz, /readyz,
	// /metrics and whatever it serves next.
	mux.Handle("/", cfg.API)
	e.mux = mux
	return e, nil
}

func (e *Explorer) ServeHTTP(w http.ResponseWriter, r *http.Request) { e.mux.ServeHTTP(w, r) }

func cacheFor(d time.Duration, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", fmt.Sprintf("public, max-age=%d", int(d.Seconds())))
		h.ServeHTTP(w, r)
	})
}

// pathID is the id after prefix in the request's path, unescaped once, so
// /roles/esco:occupation%2F1234 names esco:occupation/1234 (and an unescaped
// slash inside an id works too).
func pathID(r *http.Request, prefix string) string {
	rest, ok := strings.CutPrefix(r.URL.EscapedPath(), prefix)
	if !ok {
		return ""
	}
	id, err := url.PathUnescape(rest)
	if err != nil {
		return ""
	}
	return strings.TrimSpace(id)
}

// apiError is an error the API answered, with its extensions.code.
type apiError struct {
	Code    string
	Message string
}

func (e *apiError) Error() string { return e.Code + ": " + e.Message }

// query runs a GraphQL query through the API handler in process, with the
// token the person gave (if any), and decodes data into out.
func (e *Explorer) query(r *http.Request, q string, vars map[string]any, out any) error {
	body, err := json.Marshal(map[string]any{"query": q, "variables": vars})
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(r.Context(), http.MethodPost, "/graphql", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	if c, err := r.Cookie(tokenCookie); err == nil && c.Value != "" {
		req.Header.Set("Authorization", "Bearer "+c.Value)
	}
	rec := &recorder{header: http.Header{}, code: http.StatusOK}
	e.api.ServeHTTP(rec, req)
	var resp struct {
		Data   json.RawMessage
		Errors []struct {
			Message    string
			Extensions map[string]any
		}
	}
	if err := json.Unmarshal(rec.body.Bytes(), &resp); err != nil {
		return fmt.Errorf("the API answered %d with no JSON: %w", rec.code, err)
	}
	if len(resp.Errors) > 0 {
		code, _ := resp.Errors[0].Extensions["code"].(string)
		return &apiError{Code: code, Message: resp.Errors[0].Message}
	}
	if err := json.Unmarshal(resp.Data, out); err != nil {
		return fmt.Errorf("decode the API's answer: %w", err)
	}
	return nil
}

// recorder is the response of an in-process API call.
type recorder struct {
	header http.Header
	code   int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header         { return r.header }
func (r *recorder) Write(b []byte) (int, error) { return r.body.Write(b) }
func (r *recorder) WriteHeader(code int)        { r.code = code }

// page is what every template gets.
type page struct {
	Title string
	// Nav marks the current section in the header.
	Nav string
	// Query is the request's query string, for forms and links that keep it.
	Query url.Values
	Path  string
	Data  any
	// Problem is a sentence for the person when the page cannot show its answer.
	Problem *problem
	// status, when set, is the answer's status for a page that shows its
	// content with a problem inside it (a form's sentence).
	status int
}

// renderStatus renders a page with its content and the given status.
func (e *Explorer) renderStatus(w http.ResponseWriter, r *http.Request, name string, p page, status int) {
	p.status = status
	e.render(w, r, name, p)
}

// problem is an error as a person reads it.
type problem struct {
	Status   int
	Sentence string
	Hint     string
	// NeedsToken asks for the API token.
	NeedsToken bool
}

// render writes a page; a template error is logged and answered plainly.
func (e *Explorer) render(w http.ResponseWriter, r *http.Request, name string, p page) {
	t, ok := e.pages[name]
	if !ok {
		e.log.Error().Str("template", name).Msg("no such template")
		http.Error(w, "This page cannot be shown.", http.StatusInternalServerError)
		return
	}
	p.Query, p.Path = r.URL.Query(), r.URL.Path
	var buf bytes.Buffer
	if err := t.Execute(&buf, p); err != nil {
		e.log.Error().Err(err).Str("template", name).Msg("render")
		http.Error(w, "This page cannot be shown right now.", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	status := http.StatusOK
	if p.Problem != nil {
		status = p.Problem.Status
	}
	if p.status != 0 {
		status = p.status
	}
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// fail renders the page's template with a sentence for err instead of data.
// notFound is the sentence for NOT_FOUND, which names what the link asked for.
func (e *Explorer) fail(w http.ResponseWriter, r *http.Request, name, title string, err error, notFound string) {
	e.render(w, r, name, page{Title: title, Problem: e.explain(r, err, notFound)})
}

func (e *Explorer) explain(r *http.Request, err error, notFound string) *problem {
	var api *apiError
	if !errors.As(err, &api) {
		if errors.Is(err, context.Canceled) {
			return &problem{Status: 499, Sentence: "The request was cancelled."}
		}
		e.log.Error().Err(err).Str("path", r.URL.Path).Msg("explorer")
		return &problem{Status: http.StatusInternalServerError, Sentence: "Something went wrong on our side.", Hint: "Try again; if it keeps happening, tell whoever runs this service."}
	}
	switch api.Code {
	case "NOT_FOUND":
		return &problem{Status: http.StatusNotFound, Sentence: notFound, Hint: "Check the link, or search for it by name."}
	case "BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED", "COMPLEXITY_LIMIT_EXCEEDED":
		return &problem{Status: http.StatusBadRequest, Sentence: "This question cannot be answered as asked: " + sentence(api.Message), Hint: "Change the options and try again."}
	case "UNAUTHENTICATED":
		return &problem{Status: http.StatusUnauthorized, Sentence: "This service asks for an access token before it answers.", Hint: "Enter the token you were given; it is kept in this browser until you close it.", NeedsToken: true}
	case "UNAVAILABLE":
		return &problem{Status: http.StatusServiceUnavailable, Sentence: "The career graph cannot be reached right now.", Hint: "Try again in a minute."}
	case "TIMEOUT":
		return &problem{Status: http.StatusGatewayTimeout, Sentence: "This question took too long to answer.", Hint: "Ask for less (fewer steps, lower limits) or try again."}
	}
	return &problem{Status: http.StatusInternalServerError, Sentence: "Something went wrong on our side.", Hint: "Try again; if it keeps happening, tell whoever runs this service."}
}

// sentence makes an API message read as the end of a sentence.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return "the service gave no reason."
	}
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

// saveToken keeps the API token in a session cookie (HttpOnly: no script
// reads it) and goes back to the page that asked for it.
func (e *Explorer) saveToken(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 4096)
	token := strings.TrimSpace(r.PostFormValue("token"))
	back := r.PostFormValue("back")
	// Only a path on this site: never a redirect elsewhere.
	if !strings.HasPrefix(back, "/") || strings.HasPrefix(back, "//") || strings.HasPrefix(back, "/\\") {
		back = "/"
	}
	http.SetCookie(w, &http.Cookie{Name: tokenCookie, Value: token, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
	http.Redirect(w, r, back, http.StatusSeeOther)
}
