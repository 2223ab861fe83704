package resolvers

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/rs/zerolog"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/lattice-pathways/lattice/loaders"
	"github.com/lattice-pathways/lattice/pathway"
)

// The client-facing error codes, in extensions.code.
const (
	CodeNotFound        = "NOT_FOUND"
	CodeBadUserInput    = "BAD_USER_INPUT"
	CodeUnauthenticated = "UNAUTHENTICATED"
	CodeUnavailable     = "UNAVAILABLE"
	CodeTimeout         = "TIMEOUT"
	CodeCancelled       = "CANCELLED"
	CodeInternal        = "INTERNAL_SERVER_ERROR"
	// CodeRateLimited answers 429, with Retry-After, before GraphQL runs:
	// no domain error maps to it.
	CodeRateLimited = "RATE_LIMITED"
)

// errPanic is what a recovered panic becomes: recoverPanic has logged it
// with its stack, so the presenter only answers INTERNAL_SERVER_ERROR.
var errPanic = errors.New("internal error")

// errorCodes is the one table from domain errors to client codes. Anything
// not in it is internal: logged once (here, or where a panic was recovered)
// and never shown to the client.
var errorCodes = []struct {
	err  error
	code string
}{
	{pathway.ErrNotFound, CodeNotFound},
	{pathway.ErrInvalid, CodeBadUserInput},
	{pathway.ErrUnavailable, CodeUnavailable},
	{pathway.ErrTimeout, CodeTimeout},
	{context.DeadlineExceeded, CodeTimeout},
	{context.Canceled, CodeCancelled},
}

// presentError gives every error a stable extensions.code. limit is the
// request timeout, named in the TIMEOUT message.
func presentError(log zerolog.Logger, limit time.Duration) graphql.ErrorPresenterFunc {
	root := log
	return func(ctx context.Context, err error) *gqlerror.Error {
		log := requestLog(ctx, root)
		gqlErr := graphql.DefaultErrorPresenter(ctx, err)
		if gqlErr.Extensions != nil && gqlErr.Extensions["code"] != nil {
			return gqlErr // gqlgen's own parse and validation errors carry theirs
		}
		code := CodeInternal
		for _, e := range errorCodes {
			if errors.Is(err, e.err) {
				code = e.code
				break
			}
		}
		gqlErr.Extensions = map[string]any{"code": code}
		// Log before the message is replaced: gqlErr may be err itself.
		path := gqlErr.Path.String()
		switch code {
		case CodeUnavailable:
			log.Warn().Err(err).Str("path", path).Msg("store unavailable")
			gqlErr.Message = "the graph store is unavailable; try again shortly"
		case CodeTimeout:
			log.Warn().Err(err).Str("path", path).Msg("request timed out")
			gqlErr.Message = fmt.Sprintf("the request took longer than its %s limit; ask for less or try again", limit)
		case CodeCancelled:
			// The client went away: nobody reads this answer, and nothing failed.
			log.Debug().Err(err).Str("path", path).Msg("request cancelled")
			gqlErr.Message = "the request was cancelled"
		case CodeInternal:
			var loaderPanic *loaders.PanicError
			switch {
			case errors.Is(err, errPanic): // recoverPanic logged it, with its stack
			case errors.As(err, &loaderPanic):
				if loaderPanic.FirstReport() { // every field of the batch shares it
					log.Error().Interface("panic", loaderPanic.Value).Str("path", path).
						Str("stack", string(loaderPanic.Stack)).Msg("loader panic")
				}
			default:
				log.Error().Err(err).Str("path", path).Msg("internal error")
			}
			gqlErr.Message = "internal error"
		}
		return gqlErr
	}
}

// recoverPanic turns a resolver panic into an internal error. This is the one
// place it is logged, with the stack of the goroutine that panicked; the
// presenter adds nothing for errPanic.
func recoverPanic(log zerolog.Logger) graphql.RecoverFunc {
	return func(ctx context.Context, p any) error {
		log := requestLog(ctx, log)
		log.Error().Interface("panic", p).Str("path", graphql.GetPath(ctx).String()).
			Str("stack", string(debug.Stack())).Msg("resolver panic")
		return errPanic
	}
}
