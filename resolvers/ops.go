package resolvers

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/rs/zerolog"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/lattice-pathways/lattice/metrics"
)

// DefaultMaxBody is the request body limit when none is configured: room for
// importData's 5 MB of data once JSON has escaped it.
const DefaultMaxBody = 8 << 20

// requestInfo is what the layers of one request learn about it, for its
// access-log line and its metrics: the operation name (from gqlgen's
// extensions) and the outcome code (from the error presenter).
type requestInfo struct {
	mu        sync.Mutex
	operation string
	code      string
}

type requestInfoKey struct{}

func infoFrom(ctx context.Context) *requestInfo {
	info, _ := ctx.Value(requestInfoKey{}).(*requestInfo)
	return info
}

func (i *requestInfo) setOperation(name string) {
	if i != nil {
		i.mu.Lock()
		i.operation = name
		i.mu.Unlock()
	}
}

// setCode keeps the first code: fields fail concurrently, and the first
// error reported is the one the counts and the log name.
func (i *requestInfo) setCode(code string) {
	if i != nil {
		i.mu.Lock()
		if i.code == "" {
			i.code = code
		}
		i.mu.Unlock()
	}
}

func (i *requestInfo) get() (operation, code string) {
	i.mu.Lock()
	defer i.mu.Unlock()
	return i.operation, i.code
}

// requestLog is the request's logger (it carries the request id), or log
// outside a request.
func requestLog(ctx context.Context, log zerolog.Logger) zerolog.Logger {
	if l := zerolog.Ctx(ctx); l.GetLevel() != zerolog.Disabled {
		return *l
	}
	return log
}

// requestIDPattern is what an X-Request-ID from the client must look like to
// be kept: short, and nothing a log line or a header could be confused by.
var requestIDPattern = regexp.MustCompile(`^[A-Za-z0-9._:+=/-]{1,128}$`)

// requestID is the client's X-Request-ID when it is safe to keep, or a new one.
func requestID(r *http.Request) string {
	if id := r.Header.Get("X-Request-ID"); requestIDPattern.MatchString(id) {
		return id
	}
	var b [16]byte
	rand.Read(b[:]) // never fails (crypto/rand)
	return hex.EncodeToString(b[:])
}

// recorder notes the status and size of a response.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (r *recorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the connection.
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// observe is the outermost layer: it gives the request its id (echoed in
// X-Request-ID) and a logger carrying it, writes one access-log line when
// the request ends, and counts GraphQL requests by operation and outcome.
func observe(log zerolog.Logger, m *metrics.Metrics, addr clientAddr, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := requestID(r)
		w.Header().Set("X-Request-ID", id)
		reqLog := log.With().Str("request_id", id).Logger()
		info := &requestInfo{}
		ctx := context.WithValue(reqLog.WithContext(r.Context()), requestInfoKey{}, info)
		rec := &recorder{ResponseWriter: w}
		next.ServeHTTP(rec, r.WithContext(ctx))

		d := time.Since(start)
		if rec.status == 0 {
			rec.status = http.StatusOK
		}
		op, code := info.get()
		if code == "" {
			code = "OK"
			if rec.status >= 400 { // refused before GraphQL ran (a body that is not JSON)
				code = "HTTP_" + strconv.Itoa(rec.status)
			}
		}
		isGraphQL := r.URL.Path == "/graphql"
		if isGraphQL {
			m.ObserveRequest(op, code, d)
		}
		ev := reqLog.Info()
		if rec.status >= 500 {
			ev = reqLog.Warn()
		}
		ev = ev.Str("method", r.Method).Str("path", r.URL.Path).Int("status", rec.status).
			Int64("bytes", rec.bytes).Float64("duration_ms", float64(d.Microseconds())/1000).
			Str("client", addr.of(r).String())
		if isGraphQL {
			ev = ev.Str("operation", m.Operation(op)).Str("code", code)
		}
		ev.Msg("request")
	})
}

// observeOperation is a gqlgen extension that notes the operation's name for
// the access log and the metrics: the name the client sent as soon as the
// parameters are read (so a request refused early still has it), then the
// name of the operation the document actually runs.
type observeOperation struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
	graphql.OperationContextMutator
} = observeOperation{}

func (observeOperation) ExtensionName() string                   { return "ObserveOperation" }
func (observeOperation) Validate(graphql.ExecutableSchema) error { return nil }
func (observeOperation) MutateOperationParameters(ctx context.Context, p *graphql.RawParams) *gqlerror.Error {
	infoFrom(ctx).setOperation(p.OperationName)
	return nil
}
func (observeOperation) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation != nil {
		infoFrom(ctx).setOperation(oc.Operation.Name)
	}
	return nil
}

// noteCode wraps the presenter, through which every error of every request
// passes, to note the first code for the access log and the metrics.
func noteCode(present graphql.ErrorPresenterFunc) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		gqlErr := present(ctx, err)
		if code, ok := gqlErr.Extensions["code"].(string); ok {
			infoFrom(ctx).setCode(code)
		}
		return gqlErr
	}
}

// writeError answers a request refused before GraphQL ran (too large, too
// many) as a GraphQL error a client can read, and notes its code.
func writeError(w http.ResponseWriter, r *http.Request, status int, code, msg string) {
	infoFrom(r.Context()).setCode(code)
	w.Header().Set("Content-Type", responseMedia(r)+"; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{"errors": []*gqlerror.Error{{
		Message: msg, Extensions: map[string]any{"code": code}}}})
}

// limitBody refuses a request body larger than max bytes with 413, before
// GraphQL reads any of it: a declared length is checked at once, and a body
// without one (chunked) is read up to the limit and no further.
func limitBody(max int64, next http.Handler) http.Handler {
	tooLarge := func(w http.ResponseWriter, r *http.Request, max int64) {
		writeError(w, r, http.StatusRequestEntityTooLarge, CodeBadUserInput,
			fmt.Sprintf("the request body is larger than this service's limit of %d bytes (-max-body); send less (files larger than importData takes go through `lattice import`)", max))
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body == nil || r.Body == http.NoBody {
			next.ServeHTTP(w, r)
			return
		}
		if r.ContentLength > max {
			tooLarge(w, r, max)
			return
		}
		body, err := io.ReadAll(io.LimitReader(r.Body, max+1))
		if outer, ok := errors.AsType[*http.MaxBytesError](err); ok {
			// A proxy in front set a smaller limit of its own.
			tooLarge(w, r, outer.Limit)
			return
		}
		if err != nil {
			writeError(w, r, http.StatusBadRequest, CodeBadUserInput, "the request body could not be read")
			return
		}
		if int64(len(body)) > max {
			tooLarge(w, r, max)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		next.ServeHTTP(w, r)
	})
}
