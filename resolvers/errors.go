package resolvers

import (
	"context"
	"errors"

	"github.com/99designs/gqlgen/graphql"
	"github.com/rs/zerolog"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/lattice-pathways/lattice/pathway"
)

// The client-facing error codes, in extensions.code.
const (
	CodeNotFound        = "NOT_FOUND"
	CodeBadUserInput    = "BAD_USER_INPUT"
	CodeUnauthenticated = "UNAUTHENTICATED"
	CodeForbidden       = "FORBIDDEN"
	CodeUnavailable     = "UNAVAILABLE"
	CodeInternal        = "INTERNAL_SERVER_ERROR"
)

// errorCodes is the one table from domain errors to client codes. Anything
// not in it is internal: logged here, once, and never shown to the client.
var errorCodes = []struct {
	err  error
	code string
}{
	{pathway.ErrNotFound, CodeNotFound},
	{pathway.ErrInvalid, CodeBadUserInput},
	{pathway.ErrUnauthenticated, CodeUnauthenticated},
	{pathway.ErrUnavailable, CodeUnavailable},
	{context.DeadlineExceeded, CodeUnavailable},
}

// presentError gives every error a stable extensions.code.
func presentError(log zerolog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		gqlErr := graphql.DefaultErrorPresenter(ctx, err)
		if gqlErr.Extensions != nil && gqlErr.Extensions["code"] != nil {
			return gqlErr // gqlgen's own parse and validation errors carry theirs
		}
		for _, e := range errorCodes {
			if errors.Is(err, e.err) {
				gqlErr.Extensions = map[string]any{"code": e.code}
				if e.code == CodeUnavailable {
					gqlErr.Message = "the graph store is unavailable; try again shortly"
					log.Warn().Err(err).Msg("store unavailable")
				}
				return gqlErr
			}
		}
		log.Error().Err(err).Str("path", gqlErr.Path.String()).Msg("internal error")
		gqlErr.Message = "internal error"
		gqlErr.Extensions = map[string]any{"code": CodeInternal}
		return gqlErr
	}
}

// recoverPanic turns a resolver panic into an internal error, logged once.
func recoverPanic(log zerolog.Logger) graphql.RecoverFunc {
	return func(ctx context.Context, p any) error {
		log.Error().Interface("panic", p).Msg("resolver panic")
		return errors.New("internal error")
	}
}
