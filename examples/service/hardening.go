package main

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/masa-go/masa/vocab"
)

// The service under load (issue 13): expensive endpoints are limited, a
// slow body is a 408, a client that leaves stops the work, and a request
// that outlives the shutdown grace period is logged.

// expensive lists the endpoints that render a document (PDF or HTML) or a
// draft; at most deps.MaxExpensive of them run at once.
var expensive = map[string]bool{
	"GET /v1/plan":           true,
	"POST /v1/plan":          true,
	"POST /v1/plan/draft":    true,
	"POST /v1/annual-report": true,
}

// retryAfterSeconds is what a 503 from a full limiter tells the client to
// wait.
const retryAfterSeconds = 1

// statusClientClosed is logged for a request whose client left before the
// answer (nginx's 499); nobody reads the answer.
const statusClientClosed = 499

// defaultExpensive is the number of expensive requests served at once
// when deps.MaxExpensive is zero: one per processor, at least two.
func defaultExpensive() int { return max(2, runtime.GOMAXPROCS(0)) }

// limiter admits at most n requests at once and answers the rest with 503
// and Retry-After at once, instead of queueing them.
type limiter struct{ slots chan struct{} }

func newLimiter(n int) *limiter { return &limiter{slots: make(chan struct{}, n)} }

func (l *limiter) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case l.slots <- struct{}{}:
		default:
			w.Header().Set("Retry-After", strconv.Itoa(retryAfterSeconds))
			writeProblem(w, r, &clientError{status: http.StatusServiceUnavailable,
				detail: "the service is rendering as many documents as it can; try again in " + strconv.Itoa(retryAfterSeconds) + " second"})
			return
		}
		defer func() { <-l.slots }()
		h.ServeHTTP(w, r)
	})
}

// clientGone is the error of a handler that stopped because its client
// left.
func clientGone() error {
	return &clientError{status: statusClientClosed, detail: "the client closed the request"}
}

// stillWanted returns clientGone when r's client has left, so a handler
// can stop before expensive work.
func stillWanted(r *http.Request) error {
	if r.Context().Err() != nil {
		return clientGone()
	}
	return nil
}

// bodyReadError turns an error reading a request body into a client
// error: 408 when the body did not arrive within the server's read
// timeout, and 400 otherwise. Neither repeats the error's text, which
// names the connection's socket addresses (issue 13, bug 12).
func bodyReadError(r *http.Request, err error) error {
	var ne net.Error
	switch {
	case errors.Is(err, os.ErrDeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()):
		return newClientError(http.StatusRequestTimeout, inBody,
			vocab.Invalid("", "timeout", "", "did not arrive in time; send the whole body promptly"))
	case r.Context().Err() != nil:
		return clientGone()
	}
	return badRequest(inBody, vocab.Invalid("", "read", "", "could not be read: the connection failed while the body was being sent"))
}

// inflight tracks the requests being served, so that those still running
// when the shutdown grace period ends can be logged.
type inflight struct {
	mu   sync.Mutex
	next uint64
	reqs map[uint64]inflightRequest
}

type inflightRequest struct {
	method, path string
	start        time.Time
}

func newInflight() *inflight { return &inflight{reqs: map[uint64]inflightRequest{}} }

func (f *inflight) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		k := f.next
		f.next++
		f.reqs[k] = inflightRequest{method: r.Method, path: r.URL.Path, start: time.Now()}
		f.mu.Unlock()
		defer func() {
			f.mu.Lock()
			delete(f.reqs, k)
			f.mu.Unlock()
		}()
		h.ServeHTTP(w, r)
	})
}

// logLeft logs every request still in flight, oldest first, and returns
// how many there were.
func (f *inflight) logLeft(ctx context.Context, log *slog.Logger, grace time.Duration) int {
	f.mu.Lock()
	left := make([]inflightRequest, 0, len(f.reqs))
	for _, rq := range f.reqs {
		left = append(left, rq)
	}
	f.mu.Unlock()
	slices.SortFunc(left, func(a, b inflightRequest) int { return a.start.Compare(b.start) })
	for _, rq := range left {
		log.WarnContext(ctx, "request outlived the shutdown grace period", "method", rq.method, "path", rq.path,
			"running", time.Since(rq.start).Round(time.Millisecond), "grace", grace)
	}
	return len(left)
}
