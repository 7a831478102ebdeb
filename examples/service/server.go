package main

import (
	"bytes"
	"cmp"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"mime"
	"net/http"
	"net/url"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/masa-go/masa/board"
	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/reviews"
	"github.com/masa-go/masa/vocab"
)

// defaultMaxBody is the default limit on the size of a request body: 1 MiB,
// about forty times the Essex partnership file.
const defaultMaxBody = 1 << 20

// deps are everything the handlers need from outside. main builds them
// from flags; tests build their own.
type deps struct {
	// Partnership is the partnership the service answers for. Handlers
	// only read it.
	Partnership *masa.Partnership
	// Log receives one record per request and the details of any panic.
	Log *slog.Logger
	// Now is the clock used when a request gives no date.
	Now func() time.Time
	// Zone is the time zone whose civil date is "today": Europe/London.
	Zone *time.Location
	// MaxBody is the largest request body accepted, in bytes.
	MaxBody int64
	// Register is the case register, opened on first use; nil answers
	// the register's endpoints with 503.
	Register *registerHandle
	// Board is the partnership's board business, whose meetings and
	// actions join the register's calendar feed; nil for none.
	Board *board.Board
	// MaxExpensive is the number of document renderings (the expensive
	// endpoints) served at once; more are answered 503. Zero means one
	// per processor, at least two.
	MaxExpensive int
}

// server holds the handlers' state: the dependencies and what is computed
// from them once at start-up.
type server struct {
	deps
	mux *http.ServeMux
	// partnershipJSON is the canonical encoding of the partnership.
	partnershipJSON []byte
	// plans renders the partnership's plan once per format.
	plans *planCache
	// limit admits the expensive endpoints (see hardening.go).
	limit *limiter
	// reviews evaluates review cases for the partnership on each date,
	// with the successions recorded up to the date applied;
	// reviewsAsPublished for the edition exactly as published.
	reviews, reviewsAsPublished *reviews.Engine
}

// route is one endpoint: its method and path pattern, the query
// parameters it accepts and its handler. The OpenAPI test compares this
// table with openapi.json.
type route struct {
	method string
	path   string
	query  []string
	handle func(w http.ResponseWriter, r *http.Request) error
}

// pattern returns the route's net/http pattern, such as
// "GET /v1/lead-areas/{id}".
func (rt route) pattern() string { return rt.method + " " + rt.path }

// routes lists every endpoint the service serves. New routes go at the
// end: FuzzRequest's corpus names routes by their position here.
func (s *server) routes() []route {
	return append([]route{
		{method: http.MethodGet, path: "/healthz", handle: s.healthz},
		{method: http.MethodGet, path: "/openapi.json", handle: s.openAPI},
		{method: http.MethodGet, path: "/v1/partnership", handle: s.getPartnership},
		{method: http.MethodPost, path: "/v1/partnership/validate", query: []string{"on", "asPublished"}, handle: s.validatePartnership},
		{method: http.MethodGet, path: "/v1/rulesets", handle: s.listRuleSets},
		{method: http.MethodGet, path: "/v1/ruleset", query: []string{"on", "asPublished"}, handle: s.ruleSetOn},
		{method: http.MethodGet, path: "/v1/lead-areas", query: []string{"on", "asPublished"}, handle: s.leadAreas},
		{method: http.MethodGet, path: "/v1/lead-areas/{id}", query: []string{"on", "asPublished"}, handle: s.leadArea},
		{method: http.MethodGet, path: "/v1/funding/baseline", handle: s.fundingBaseline},
		{method: http.MethodPost, path: "/v1/funding/apportion", query: []string{"format", "bom"}, handle: s.apportion},
		{method: http.MethodPost, path: "/v1/funding/compare", query: []string{"format", "bom"}, handle: s.compare},
		{method: http.MethodPost, path: "/v1/funding/project", query: []string{"format", "bom", "years", "percent"}, handle: s.project},
		{method: http.MethodGet, path: "/v1/plan", query: []string{"format"}, handle: s.getPlan},
		{method: http.MethodPost, path: "/v1/plan", query: []string{"format"}, handle: s.postPlan},
		{method: http.MethodPost, path: "/v1/reviews/timeline", query: []string{"on", "asPublished"}, handle: s.timeline},
		{method: http.MethodPost, path: "/v1/reviews/overdue", query: []string{"on", "asPublished", "partial"}, handle: s.overdue},
		{method: http.MethodGet, path: "/v1/reviews/escalation", query: []string{"on", "asPublished"}, handle: s.escalation},
		{method: http.MethodPost, path: "/v1/plan/draft", query: []string{"format", "prepared"}, handle: s.draftPlan},
		{method: http.MethodPost, path: "/v1/annual-report", query: []string{"format", "prepared", "ready"}, handle: s.postAnnualReport},
	}, s.registerRoutes()...)
}

// newServer returns the service's handler: every route behind the
// recovery, request-ID and logging middleware.
func newServer(d deps) (http.Handler, error) {
	if d.Partnership == nil {
		return nil, errors.New("service: no partnership")
	}
	if d.Log == nil {
		d.Log = slog.New(slog.DiscardHandler)
	}
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.Zone == nil {
		d.Zone = time.UTC
	}
	if d.MaxBody <= 0 {
		d.MaxBody = defaultMaxBody
	}
	pj, err := masa.Encode(d.Partnership)
	if err != nil {
		return nil, fmt.Errorf("service: %w", err)
	}
	engine, err := reviews.New(d.Partnership)
	if err != nil {
		return nil, fmt.Errorf("service: %w", err)
	}
	published := *d.Partnership // a shallow copy: only its successions change
	published.Successions = nil
	asPublished, err := reviews.New(&published)
	if err != nil {
		return nil, fmt.Errorf("service: %w", err)
	}
	s := &server{deps: d, mux: http.NewServeMux(), partnershipJSON: pj, plans: newPlanCache(d.Partnership), reviews: engine, reviewsAsPublished: asPublished}
	if d.Register != nil {
		d.Register.engine, d.Register.now = func() *reviews.Engine { return engine }, d.Now
	}
	s.limit = newLimiter(cmp.Or(d.MaxExpensive, defaultExpensive()))
	for _, rt := range s.routes() {
		h := s.endpoint(rt)
		if expensive[rt.pattern()] {
			h = s.limit.wrap(h)
		}
		s.mux.Handle(rt.pattern(), h)
	}
	s.mux.HandleFunc("/", s.noRoute)
	return s.middleware(s.mux), nil
}

// endpoint adapts a route's handler: it rejects unknown or repeated query
// parameters, and turns the error the handler returns into a problem
// response, a 4xx for a clientError and a 500 for anything else.
func (s *server) endpoint(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		err := checkQuery(r.URL.RawQuery, rt.query)
		if err == nil {
			err = stillWanted(r)
		}
		if err == nil {
			err = rt.handle(w, r)
		}
		if err == nil {
			return
		}
		var ce *clientError
		if errors.As(err, &ce) {
			writeProblem(w, r, ce)
			return
		}
		s.internalError(w, r, err)
	})
}

// internalError logs a genuine fault and answers 500 without details.
func (s *server) internalError(w http.ResponseWriter, r *http.Request, err error) {
	s.Log.ErrorContext(r.Context(), "internal error", "method", r.Method, "path", r.URL.Path,
		"request_id", w.Header().Get("X-Request-Id"), "error", err)
	writeProblemBody(w, problem{
		Type: problemType, Title: http.StatusText(http.StatusInternalServerError),
		Status: http.StatusInternalServerError, Detail: "the service failed to answer; the fault is logged",
		Instance: r.URL.Path,
	})
}

// checkQuery rejects a query string that does not parse, a parameter the
// route does not accept and a parameter given more than once.
func checkQuery(raw string, allowed []string) error {
	if raw == "" {
		return nil
	}
	values, err := url.ParseQuery(raw)
	if err != nil {
		return badRequest(inQuery, vocab.Invalid("", "query-syntax", raw, "is not a well-formed query string"))
	}
	var ps vocab.Problems
	for _, k := range slices.Sorted(maps.Keys(values)) {
		switch {
		case !slices.Contains(allowed, k):
			msg := "is not a parameter of this endpoint"
			if len(allowed) > 0 {
				msg += " (it accepts " + strings.Join(allowed, ", ") + ")"
			}
			ps.Add(vocab.Invalid(k, "unknown-parameter", k, msg))
		case len(values[k]) > 1:
			ps.Add(vocab.Invalid(k, "repeated-parameter", strings.Join(values[k], ","), "is given more than once"))
		}
	}
	if err := ps.Err(); err != nil {
		return badRequest(inQuery, err)
	}
	return nil
}

// noRoute answers a request that matches no route: 405 with an Allow
// header when the path exists under other methods, 404 otherwise.
func (s *server) noRoute(w http.ResponseWriter, r *http.Request) {
	var allow []string
	for _, m := range []string{http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete} {
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, pattern := s.mux.Handler(probe); pattern != "" && pattern != "/" {
			allow = append(allow, m)
		}
	}
	if len(allow) > 0 {
		w.Header().Set("Allow", strings.Join(allow, ", "))
		writeProblem(w, r, &clientError{status: http.StatusMethodNotAllowed,
			detail: "the method " + r.Method + " is not allowed here; use " + strings.Join(allow, " or ")})
		return
	}
	writeProblem(w, r, &clientError{status: http.StatusNotFound,
		detail: "there is no endpoint at this path; GET /openapi.json lists them"})
}

// middleware wraps h with, from the outside in: a request ID, a log
// record per request, and recovery from panics.
func (s *server) middleware(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := requestID(r.Header.Get("X-Request-Id"))
		rec := &recorder{ResponseWriter: w}
		rec.Header().Set("X-Request-Id", id)
		rec.Header().Set("X-Content-Type-Options", "nosniff")
		defer func() {
			if v := recover(); v != nil {
				if err, ok := v.(error); ok && errors.Is(err, http.ErrAbortHandler) {
					panic(v)
				}
				s.Log.ErrorContext(r.Context(), "panic", "method", r.Method, "path", r.URL.Path,
					"request_id", id, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
				if !rec.wrote {
					writeProblemBody(rec, problem{
						Type: problemType, Title: http.StatusText(http.StatusInternalServerError),
						Status: http.StatusInternalServerError, Detail: "the service failed to answer; the fault is logged",
						Instance: r.URL.Path,
					})
				}
			}
			level := slog.LevelInfo
			if rec.status >= 500 {
				level = slog.LevelError
			}
			s.Log.LogAttrs(r.Context(), level, "request",
				slog.String("method", r.Method), slog.String("path", r.URL.Path),
				slog.Int("status", cmp.Or(rec.status, http.StatusOK)), slog.Int64("bytes", rec.bytes),
				slog.Duration("duration", time.Since(start)), slog.String("request_id", id),
				slog.String("remote", r.RemoteAddr))
		}()
		h.ServeHTTP(rec, r)
	})
}

// requestID returns the caller's request ID when it is short and plain,
// and a fresh random one otherwise.
func requestID(given string) string {
	if given != "" && len(given) <= 64 && strings.Trim(given, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.") == "" {
		return given
	}
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// recorder remembers the status and size of a response for the log and
// for the panic handler.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
	wrote  bool
}

func (rec *recorder) WriteHeader(code int) {
	if !rec.wrote {
		rec.status, rec.wrote = code, true
	}
	rec.ResponseWriter.WriteHeader(code)
}

func (rec *recorder) Write(b []byte) (int, error) {
	if !rec.wrote {
		rec.status, rec.wrote = http.StatusOK, true
	}
	n, err := rec.ResponseWriter.Write(b)
	rec.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (rec *recorder) Unwrap() http.ResponseWriter { return rec.ResponseWriter }

// encodeJSON encodes v the project's way: two-space indentation, no HTML
// escaping, a final newline.
func encodeJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("encoding response: %w", err)
	}
	return buf.Bytes(), nil
}

// writeJSON writes v as a JSON response with the given status.
func writeJSON(w http.ResponseWriter, status int, v any) error {
	body, err := encodeJSON(v)
	if err != nil {
		return err
	}
	writeBytes(w, status, "application/json", body)
	return nil
}

// writeBytes writes a complete response. A failed write means the client
// has gone, which the request log shows as a short byte count.
func writeBytes(w http.ResponseWriter, status int, contentType string, body []byte) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// readBody reads the request body, at most s.MaxBody bytes. The body must
// be JSON: a Content-Type, when given, must be application/json or a
// +json type.
func (s *server) readBody(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || (mt != "application/json" && !strings.HasSuffix(mt, "+json")) {
			return nil, newClientError(http.StatusUnsupportedMediaType, inHeader,
				vocab.Invalid("Content-Type", "media-type", ct, "must be application/json"))
		}
	}
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.MaxBody))
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		return nil, newClientError(http.StatusRequestEntityTooLarge, inBody,
			vocab.Invalid("", "size", fmt.Sprintf("more than %d bytes", tooBig.Limit), fmt.Sprintf("is larger than the %d-byte limit", tooBig.Limit)))
	case err != nil:
		return nil, bodyReadError(r, err)
	}
	return data, stillWanted(r)
}

// dateParam returns the date in query parameter name, or today's date in
// s.Zone when the parameter is absent. A parameter that is present but
// empty is an error, not today.
func (s *server) dateParam(r *http.Request, name string) (vocab.Date, error) {
	q := r.URL.Query()
	if !q.Has(name) {
		return vocab.DateIn(s.Now(), s.Zone), nil
	}
	d, err := vocab.ParseDate(name, q.Get(name))
	if err != nil {
		return vocab.Date{}, badRequest(inQuery, err)
	}
	return d, nil
}
