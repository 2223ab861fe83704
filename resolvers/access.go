package resolvers

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"math"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// clientAddr finds a request's client: the connection's address, unless it
// is one of the trusted proxies, whose X-Forwarded-For then names the client.
type clientAddr []netip.Prefix

func (c clientAddr) trusted(a netip.Addr) bool {
	for _, p := range c {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// of returns the client's address. X-Forwarded-For is read from the right,
// the end the proxies appended to: the first address not of a trusted proxy
// is the client; anything to its left is the client's to forge.
func (c clientAddr) of(r *http.Request) netip.Addr {
	ap, err := netip.ParseAddrPort(r.RemoteAddr)
	if err != nil {
		return netip.Addr{}
	}
	addr := ap.Addr().Unmap()
	if !c.trusted(addr) {
		return addr
	}
	hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		hop, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			break // a hop that is no address: trust nothing further left
		}
		addr = hop.Unmap()
		if !c.trusted(addr) {
			break
		}
	}
	return addr
}

// cors answers browsers from the allowed origins: preflight requests, and
// the headers that let a page read the answer. With no origins it adds
// nothing. Credentials (cookies) are never allowed: the API token travels in
// the Authorization header, which CORS allows without them.
type cors struct {
	any     bool
	origins map[string]bool
}

func newCORS(origins []string) (*cors, error) {
	if len(origins) == 0 {
		return nil, nil
	}
	c := &cors{origins: map[string]bool{}}
	for _, o := range origins {
		if o == "*" {
			c.any = true
			continue
		}
		u, err := url.Parse(o)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Path != "" || u.RawQuery != "" || u.User != nil {
			return nil, fmt.Errorf("CORS origin %q: want scheme://host[:port], such as https://careers.example.org, or *", o)
		}
		c.origins[strings.ToLower(o)] = true
	}
	return c, nil
}

func (c *cors) wrap(next http.Handler) http.Handler {
	if c == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add("Vary", "Origin")
		origin := r.Header.Get("Origin")
		preflight := r.Method == http.MethodOptions && origin != "" && r.Header.Get("Access-Control-Request-Method") != ""
		allowed := origin != "" && (c.any || c.origins[strings.ToLower(origin)])
		switch {
		case preflight && !allowed:
			http.Error(w, "origin not allowed\n", http.StatusForbidden)
			return
		case !allowed:
			next.ServeHTTP(w, r) // a server, or an origin the browser will refuse
			return
		}
		h := w.Header()
		if c.any {
			h.Set("Access-Control-Allow-Origin", "*")
		} else {
			h.Set("Access-Control-Allow-Origin", origin)
		}
		if preflight {
			h.Set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
			h.Set("Access-Control-Allow-Headers", "Accept, Authorization, Content-Type, X-Request-ID")
			h.Set("Access-Control-Max-Age", "600")
			w.WriteHeader(http.StatusNoContent)
			return
		}
		h.Set("Access-Control-Expose-Headers", "X-Request-ID, Retry-After")
		next.ServeHTTP(w, r)
	})
}

// rateLimit allows each client perSecond requests on average, burst at once:
// a client is the API token when a valid one is sent (kept as a hash, never
// logged), and its address otherwise (an IPv6 client by its /64, which one
// host usually holds whole). An invalid token counts as its address, so
// made-up tokens cannot buy fresh allowances.
type rateLimit struct {
	limit rate.Limit
	burst int
	token string
	addr  clientAddr

	mu        sync.Mutex
	clients   map[string]*rateClient
	lastSweep time.Time
}

type rateClient struct {
	limiter *rate.Limiter
	seen    time.Time
}

// rateIdle is how long a client's allowance is kept after its last request;
// by then it has refilled, so forgetting it changes nothing.
func (l *rateLimit) idle() time.Duration {
	return max(time.Minute, time.Duration(float64(l.burst)/float64(l.limit)*float64(time.Second)))
}

func newRateLimit(perSecond float64, burst int, token string, addr clientAddr) *rateLimit {
	if perSecond <= 0 {
		return nil
	}
	if burst < 1 {
		burst = max(1, int(math.Ceil(perSecond)))
	}
	return &rateLimit{limit: rate.Limit(perSecond), burst: burst, token: token, addr: addr,
		clients: map[string]*rateClient{}, lastSweep: time.Now()}
}

func (l *rateLimit) key(r *http.Request) string {
	if given, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok &&
		l.token != "" && subtle.ConstantTimeCompare([]byte(given), []byte(l.token)) == 1 {
		sum := sha256.Sum256([]byte(given))
		return "token:" + hex.EncodeToString(sum[:8])
	}
	a := l.addr.of(r)
	if a.Is6() {
		p, _ := a.Prefix(64)
		return "addr:" + p.String()
	}
	return "addr:" + a.String()
}

// reserve takes one request from the client's allowance, or says how long
// until there is one.
func (l *rateLimit) reserve(key string, now time.Time) (ok bool, wait time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Sub(l.lastSweep) > time.Minute {
		for k, c := range l.clients {
			if now.Sub(c.seen) > l.idle() {
				delete(l.clients, k)
			}
		}
		l.lastSweep = now
	}
	c, found := l.clients[key]
	if !found {
		c = &rateClient{limiter: rate.NewLimiter(l.limit, l.burst)}
		l.clients[key] = c
	}
	c.seen = now
	if c.limiter.AllowN(now, 1) {
		return true, 0
	}
	res := c.limiter.ReserveN(now, 1)
	wait = res.DelayFrom(now)
	res.CancelAt(now) // only asking: a refused request spends nothing
	return false, wait
}

func (l *rateLimit) wrap(next http.Handler) http.Handler {
	if l == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ok, wait := l.reserve(l.key(r), time.Now())
		if ok {
			next.ServeHTTP(w, r)
			return
		}
		secs := max(1, int(math.Ceil(wait.Seconds())))
		w.Header().Set("Retry-After", strconv.Itoa(secs))
		writeError(w, r, http.StatusTooManyRequests, CodeRateLimited,
			fmt.Sprintf("too many requests: this client may send %g per second (bursts of %d); retry after %d s", float64(l.limit), l.burst, secs))
	})
}
