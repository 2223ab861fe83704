package cypher

// WithStatement runs f with the embedded statement name replaced by text,
// so that a test can compare a statement with the one it replaced. Tests
// that use it must not run in parallel with others.
func WithStatement(name, text string, f func()) {
	old := statements[name]
	statements[name] = text
	defer func() { statements[name] = old }()
	f()
}
