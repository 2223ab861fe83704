package resolvers

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// The transports of /graphql, written to the GraphQL-over-HTTP spec
// (graphql-http's audit passes every check; the README lists what a client
// sees). gqlgen's stock ones answer 422 and "data": null where the spec wants
// 200 (application/json) or 400 (application/graphql-response+json) and no
// data entry, and they let GET carry a mutation as far as authentication.
//
//   - A request that is not a GraphQL request (body not JSON, query missing or
//     not a string, variables or extensions not a map) is 400, whatever the
//     Accept header; a POST that is not application/json is 415; a body past
//     the limit is 413; a method other than GET, POST, HEAD or OPTIONS is 405.
//   - A GraphQL request that fails before execution (parse, validation,
//     variable coercion, the token, the limits) has no data entry; it is 200
//     with application/json, and 400 (401 for UNAUTHENTICATED) with
//     application/graphql-response+json.
//   - A mutation by GET is 405, before anything else is checked.
//   - Once execution starts the answer is 200, errors or not.

const (
	mediaJSON            = "application/json"
	mediaGraphQLResponse = "application/graphql-response+json"
)

// postTransport serves POST with an application/json body.
type postTransport struct{}

// getTransport serves GET with the parameters in the URL; queries only.
type getTransport struct{}

// otherMethods answers every request no other transport takes.
type otherMethods struct{}

var (
	_ graphql.Transport = postTransport{}
	_ graphql.Transport = getTransport{}
	_ graphql.Transport = otherMethods{}
)

func (postTransport) Supports(r *http.Request) bool {
	return r.Method == http.MethodPost && r.Header.Get("Upgrade") == ""
}

func (postTransport) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	media := responseMedia(r)
	ct, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || ct != mediaJSON {
		refuse(w, r, exec, media, http.StatusUnsupportedMediaType,
			"send the request as Content-Type: application/json")
		return
	}
	start := graphql.Now()
	body, err := io.ReadAll(r.Body)
	if err != nil {
		if tooLarge, ok := errors.AsType[*http.MaxBytesError](err); ok {
			refuse(w, r, exec, media, http.StatusRequestEntityTooLarge,
				fmt.Sprintf("the request body is larger than the %d-byte limit", tooLarge.Limit))
			return
		}
		refuse(w, r, exec, media, http.StatusBadRequest, "the request body could not be read")
		return
	}
	var raw struct {
		Query         json.RawMessage `json:"query"`
		OperationName json.RawMessage `json:"operationName"`
		Variables     json.RawMessage `json:"variables"`
		Extensions    json.RawMessage `json:"extensions"`
	}
	if err := json.Unmarshal(body, &raw); err != nil {
		refuse(w, r, exec, media, http.StatusBadRequest,
			"the request body is not a JSON object: "+err.Error())
		return
	}
	params, msg := requestParams(raw.Query, raw.OperationName, raw.Variables, raw.Extensions)
	if msg != "" {
		refuse(w, r, exec, media, http.StatusBadRequest, msg)
		return
	}
	params.Headers = r.Header
	params.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}
	execute(w, r, exec, media, params, false)
}

func (getTransport) Supports(r *http.Request) bool {
	return r.Method == http.MethodGet && r.Header.Get("Upgrade") == ""
}

func (getTransport) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	media := responseMedia(r)
	start := graphql.Now()
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		refuse(w, r, exec, media, http.StatusBadRequest, "the URL's query string could not be read: "+err.Error())
		return
	}
	// URL parameters are strings; the JSON ones are decoded as JSON.
	param := func(name string, isJSON bool) json.RawMessage {
		if !q.Has(name) {
			return nil
		}
		if isJSON {
			return json.RawMessage(q.Get(name))
		}
		b, _ := json.Marshal(q.Get(name))
		return b
	}
	params, msg := requestParams(param("query", false), param("operationName", false),
		param("variables", true), param("extensions", true))
	if msg != "" {
		refuse(w, r, exec, media, http.StatusBadRequest, msg)
		return
	}
	// Before the token is checked: GET cannot write, with or without it.
	if isMutation(params) {
		w.Header().Set("Allow", http.MethodPost)
		refuse(w, r, exec, media, http.StatusMethodNotAllowed, "mutations are sent by POST; GET runs queries only")
		return
	}
	params.Headers = r.Header
	params.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}
	execute(w, r, exec, media, params, true)
}

func (otherMethods) Supports(*http.Request) bool { return true }

func (otherMethods) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	w.Header().Set("Allow", "GET, POST, OPTIONS")
	refuse(w, r, exec, responseMedia(r), http.StatusMethodNotAllowed,
		fmt.Sprintf("%s is not served here: send GraphQL by POST or GET", r.Method))
}

// requestParams checks the four GraphQL-over-HTTP parameters, given as JSON
// (nil when absent), and returns them, or a message saying what is wrong.
func requestParams(query, operationName, variables, extensions json.RawMessage) (*graphql.RawParams, string) {
	p := &graphql.RawParams{}
	var q, op *string
	if err := decodeParam(query, &q); err != nil {
		return nil, "the query parameter must be a string"
	}
	if err := decodeParam(operationName, &op); err != nil {
		return nil, "the operationName parameter must be a string"
	}
	if err := decodeParam(variables, &p.Variables); err != nil {
		return nil, "the variables parameter must be a JSON object"
	}
	if err := decodeParam(extensions, &p.Extensions); err != nil {
		return nil, "the extensions parameter must be a JSON object"
	}
	// A persisted query (extensions.persistedQuery) may come without its text.
	if q == nil && p.Extensions["persistedQuery"] == nil {
		return nil, "the query parameter is missing: send {\"query\": \"...\"}"
	}
	if q != nil {
		p.Query = *q
	}
	if op != nil {
		p.OperationName = *op
	}
	return p, ""
}

// decodeParam decodes one parameter; absent and null leave v as it is.
// Numbers stay json.Number, as gqlgen expects of variables.
func decodeParam(raw json.RawMessage, v any) error {
	if len(raw) == 0 {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("trailing data")
	}
	return nil
}

// execute runs a well-formed GraphQL request. Errors before execution are
// answered without a data entry; queryOnly refuses anything but a query, for
// GET, once the operation is known.
func execute(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor, media string, params *graphql.RawParams, queryOnly bool) {
	ctx := r.Context()
	opCtx, errs := exec.CreateOperationContext(ctx, params)
	if errs != nil {
		resp := exec.DispatchError(graphql.WithOperationContext(ctx, opCtx), errs)
		status := http.StatusOK
		if media == mediaGraphQLResponse {
			status = http.StatusBadRequest
			if hasCode(resp.Errors, CodeUnauthenticated) {
				status = http.StatusUnauthorized
				w.Header().Set("WWW-Authenticate", "Bearer")
			}
		}
		writeResponse(w, media, status, requestError(resp))
		return
	}
	if queryOnly && opCtx.Operation.Operation != ast.Query {
		// A persisted mutation sent by GET: its text was not known before.
		w.Header().Set("Allow", http.MethodPost)
		refuse(w, r, exec, media, http.StatusMethodNotAllowed, "mutations are sent by POST; GET runs queries only")
		return
	}
	responses, ctx := exec.DispatchOperation(ctx, opCtx)
	resp := responses(ctx)
	if resp == nil {
		return // the client went away; nobody reads an answer
	}
	if b, ok := dataOnly(resp); ok {
		writeBody(w, media, http.StatusOK, b)
		return
	}
	writeResponse(w, media, http.StatusOK, resp)
}

// dataOnly is json.Marshal(resp) for an answer of data alone, the common
// one, without its cost: gqlgen's data (or the answer cache's copy of it) is
// compact JSON already, and a page of nested roles is megabytes that
// json.Marshal would validate and compact again on every request. ok is
// false when json.Marshal could write something else: anything besides data,
// or data it would change (see asMarshalled).
func dataOnly(resp *graphql.Response) (b []byte, ok bool) {
	if len(resp.Errors) > 0 || resp.Label != "" || len(resp.Path) > 0 || resp.HasNext != nil ||
		len(resp.Extensions) > 0 || len(resp.Data) == 0 || !asMarshalled(resp.Data) {
		return nil, false
	}
	b = make([]byte, 0, len(`{"data":}`)+len(resp.Data))
	b = append(b, `{"data":`...)
	b = append(b, resp.Data...)
	return append(b, '}'), true
}

// asMarshalled tells whether json.Marshal writes the JSON data as it is:
// no whitespace outside strings, which it drops, and none of the characters
// it escapes for HTML (<, >, &, U+2028, U+2029).
func asMarshalled(data []byte) bool {
	in := false // inside a string
	for i := 0; i < len(data); i++ {
		switch c := data[i]; {
		case in && c == '\\':
			i++ // the escaped character cannot end the string
		case c == '"':
			in = !in
		case c == '<' || c == '>' || c == '&':
			return false
		case c == 0xE2 && i+2 < len(data) && data[i+1] == 0x80 && data[i+2]&^1 == 0xA8:
			return false
		case !in && (c == ' ' || c == '\t' || c == '\n' || c == '\r'):
			return false
		}
	}
	return !in
}

// refuse answers a request that is not a GraphQL request, through the error
// presenter, with no data entry.
func refuse(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor, media string, status int, msg string) {
	err := &gqlerror.Error{Message: msg, Extensions: map[string]any{"code": CodeBadUserInput}}
	resp := exec.DispatchError(r.Context(), gqlerror.List{err})
	writeResponse(w, media, status, requestError(resp))
}

// requestError is a response with no data entry, as the spec asks of a
// request that never reached execution.
func requestError(resp *graphql.Response) any {
	return struct {
		Errors     gqlerror.List  `json:"errors"`
		Extensions map[string]any `json:"extensions,omitempty"`
	}{resp.Errors, resp.Extensions}
}

func hasCode(errs gqlerror.List, code string) bool {
	for _, e := range errs {
		if e.Extensions["code"] == code {
			return true
		}
	}
	return false
}

func writeResponse(w http.ResponseWriter, media string, status int, body any) {
	b, err := json.Marshal(body)
	if err != nil {
		// Every value here came from JSON or from gqlgen's own marshalling.
		panic(fmt.Errorf("marshal response: %w", err))
	}
	writeBody(w, media, status, b)
}

func writeBody(w http.ResponseWriter, media string, status int, b []byte) {
	w.Header().Set("Content-Type", media+"; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b)
}

// responseMedia picks the response's media type from Accept: the acceptable
// one of highest q (the first listed on a tie) among
// application/graphql-response+json and application/json. application/json
// answers a missing Accept, */*, application/*, and an Accept naming neither,
// since older clients understand nothing else.
func responseMedia(r *http.Request) string {
	type choice struct {
		media string
		q     float64
	}
	var choices []choice
	for part := range strings.SplitSeq(r.Header.Get("Accept"), ",") {
		mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		q := 1.0
		if s, ok := params["q"]; ok {
			if f, err := strconv.ParseFloat(s, 64); err == nil {
				q = f
			}
		}
		if q <= 0 {
			continue
		}
		switch mt {
		case mediaGraphQLResponse, mediaJSON:
			choices = append(choices, choice{mt, q})
		case "*/*", "application/*":
			choices = append(choices, choice{mediaJSON, q})
		}
	}
	if len(choices) == 0 {
		return mediaJSON
	}
	sort.SliceStable(choices, func(i, j int) bool { return choices[i].q > choices[j].q })
	return choices[0].media
}
