package main

import (
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/netip"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/rs/zerolog"
	"golang.org/x/term"

	"github.com/lattice-pathways/lattice/resolvers"
)

// logFormats are the values of -log-format.
var logFormats = []string{"auto", "json", "text"}

// newLogger is the root logger on w: JSON lines for a log shipper, or
// console text for a person. "auto" picks text on a terminal and JSON
// otherwise (a container, a pipe, a file).
func newLogger(format string, w io.Writer) (zerolog.Logger, error) {
	switch format {
	case "", "auto":
		f, ok := w.(*os.File)
		if ok && term.IsTerminal(int(f.Fd())) {
			return newLogger("text", w)
		}
		return newLogger("json", w)
	case "json":
		return zerolog.New(w).With().Timestamp().Logger(), nil
	case "text":
		return zerolog.New(zerolog.ConsoleWriter{Out: w, TimeFormat: time.TimeOnly}).With().Timestamp().Logger(), nil
	}
	return zerolog.Nop(), fmt.Errorf("-log-format %q: want one of %s", format, strings.Join(logFormats, ", "))
}

// logFormatFlag registers -log-format.
func logFormatFlag(fs *flag.FlagSet, format *string) {
	fs.StringVar(format, "log-format", env("LATTICE_LOG_FORMAT", "auto"),
		"log lines as json, text, or auto: text on a terminal, json otherwise (env LATTICE_LOG_FORMAT)")
}

func envFloat(name string, def float64) float64 {
	if f, err := strconv.ParseFloat(os.Getenv(name), 64); err == nil {
		return f
	}
	return def
}

// listFlag is a comma-separated flag value.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error {
	*l = nil
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			*l = append(*l, v)
		}
	}
	return nil
}

// parsePrefixes reads CIDRs; a bare address is a network of one.
func parsePrefixes(list []string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, s := range list {
		if p, err := netip.ParsePrefix(s); err == nil {
			out = append(out, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(s)
		if err != nil {
			return nil, fmt.Errorf("-trusted-proxies: %q is neither a CIDR nor an address", s)
		}
		out = append(out, netip.PrefixFrom(a, a.BitLen()))
	}
	return out, nil
}

// sizeFlag is a byte count: 1048576, or with a unit, 1MB or 512KB (powers
// of 1024).
type sizeFlag int64

func (s *sizeFlag) String() string { return strconv.FormatInt(int64(*s), 10) }
func (s *sizeFlag) Set(v string) error {
	n, err := parseSize(v)
	*s = sizeFlag(n)
	return err
}

func parseSize(v string) (int64, error) {
	unit := int64(1)
	upper := strings.ToUpper(strings.TrimSpace(v))
	for suffix, u := range map[string]int64{"KB": 1 << 10, "MB": 1 << 20, "GB": 1 << 30} {
		if num, ok := strings.CutSuffix(upper, suffix); ok {
			upper, unit = strings.TrimSpace(num), u
			break
		}
	}
	n, err := strconv.ParseInt(upper, 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("%q: want a positive size such as 8MB, 512KB or 1048576", v)
	}
	return n * unit, nil
}

func envSize(name string, def int64) int64 {
	if n, err := parseSize(os.Getenv(name)); err == nil {
		return n
	}
	return def
}

// opsFlags registers serve's operational flags: logs, HTTP bounds, CORS and
// the rate limit.
func opsFlags(fs *flag.FlagSet, m *Main) {
	logFormatFlag(fs, &m.LogFormat)
	m.Handler.MaxBody = envSize("LATTICE_MAX_BODY", resolvers.DefaultMaxBody)
	fs.Var((*sizeFlag)(&m.Handler.MaxBody), "max-body", "largest request body, e.g. 8MB or 512KB; past it 413 (env LATTICE_MAX_BODY)")
	fs.DurationVar(&m.ReadHeaderTimeout, "read-header-timeout", envDuration("LATTICE_READ_HEADER_TIMEOUT", 10*time.Second), "time to read a request's headers (env LATTICE_READ_HEADER_TIMEOUT)")
	fs.DurationVar(&m.ReadTimeout, "read-timeout", envDuration("LATTICE_READ_TIMEOUT", 30*time.Second), "time to read a whole request, body included (env LATTICE_READ_TIMEOUT)")
	fs.DurationVar(&m.WriteTimeout, "write-timeout", envDuration("LATTICE_WRITE_TIMEOUT", 0), "time from the end of the headers to the end of the answer; 0: -request-timeout plus 5s (env LATTICE_WRITE_TIMEOUT)")
	fs.DurationVar(&m.IdleTimeout, "idle-timeout", envDuration("LATTICE_IDLE_TIMEOUT", 120*time.Second), "how long an idle keep-alive connection stays open (env LATTICE_IDLE_TIMEOUT)")
	origins := listFlag{}
	origins.Set(os.Getenv("LATTICE_CORS_ORIGINS"))
	m.Handler.CORSOrigins = origins
	fs.Var((*listFlag)(&m.Handler.CORSOrigins), "cors-origins", "comma-separated browser origins allowed to call the API (https://careers.example.org, or *); none: no CORS headers (env LATTICE_CORS_ORIGINS)")
	fs.Float64Var(&m.Handler.RateLimit, "rate-limit", envFloat("LATTICE_RATE_LIMIT", 0), "requests per second per client (API token, else address); 0: no limit (env LATTICE_RATE_LIMIT)")
	fs.IntVar(&m.Handler.RateBurst, "rate-burst", envInt("LATTICE_RATE_BURST", 0), "requests a client may send at once; 0: the rate, rounded up (env LATTICE_RATE_BURST)")
	proxies := listFlag{}
	proxies.Set(os.Getenv("LATTICE_TRUSTED_PROXIES"))
	m.trustedProxies = proxies
	fs.Var(&m.trustedProxies, "trusted-proxies", "comma-separated CIDRs of proxies whose X-Forwarded-For names the client (env LATTICE_TRUSTED_PROXIES)")
}

// parseOpsFlags checks what opsFlags read.
func (m *Main) parseOpsFlags(fs *flag.FlagSet) error {
	if flagSet(fs, "log-format") { // main built the logger from the environment; the flag wins
		log, err := newLogger(m.LogFormat, os.Stderr)
		if err != nil {
			return err
		}
		m.Log = log
	}
	var err error
	m.Handler.TrustedProxies, err = parsePrefixes(m.trustedProxies)
	return err
}

// httpServer bounds every phase of a connection, so a client that sends or
// reads slowly cannot hold it open; a zero timeout takes the flag's default.
func (m *Main) httpServer(h http.Handler) *http.Server {
	or := func(d, def time.Duration) time.Duration {
		if d <= 0 {
			return def
		}
		return d
	}
	requestTimeout := or(m.Handler.RequestTimeout, 10*time.Second)
	return &http.Server{Handler: h,
		ReadHeaderTimeout: or(m.ReadHeaderTimeout, 10*time.Second),
		ReadTimeout:       or(m.ReadTimeout, 30*time.Second),
		WriteTimeout:      or(m.WriteTimeout, requestTimeout+5*time.Second),
		IdleTimeout:       or(m.IdleTimeout, 120*time.Second)}
}
