package pathway

import "errors"

// Sentinel errors. Every layer wraps them with %w; one presenter maps them to
// the client-facing codes.
var (
	// ErrNotFound means a referenced node does not exist.
	ErrNotFound = errors.New("not found")
	// ErrInvalid means the caller's input breaks a rule; the message says which.
	ErrInvalid = errors.New("invalid input")
	// ErrUnavailable means the store cannot be reached right now.
	ErrUnavailable = errors.New("unavailable")
	// ErrTimeout means the work ran past its deadline: the request's, or the
	// transaction timeout Neo4j enforces for it. The store answers; the
	// question took too long.
	ErrTimeout = errors.New("timed out")
)
