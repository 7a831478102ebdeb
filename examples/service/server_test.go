package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSuccess checks the answer of every endpoint to a good request
// against its golden file.
func TestSuccess(t *testing.T) {
	h := newTestServer(t)
	essex := masa.EssexJSON()
	tests := []struct {
		method, target string
		body           []byte
	}{
		{"GET", "/healthz", nil},
		{"GET", "/v1/lead-areas", nil},
		{"GET", "/v1/lead-areas?on=2023-04-01", nil},
		{"GET", "/v1/lead-areas/cspr-ratification", nil},
		{"GET", "/v1/lead-areas/dispute-resolution?on=2021-01-04", nil},
		{"POST", "/v1/partnership/validate?on=2020-06-29", essex},
		{"POST", "/v1/partnership/validate", essex},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.target, func(t *testing.T) {
			rec := call(h, tt.method, tt.target, tt.body, "Content-Type", "application/json")
			require.Equal(t, http.StatusOK, rec.Code, "body: %s", rec.Body)
			assertDocumented(t, tt.method, tt.target, rec.Code)
			assert.Equal(t, "application/json", rec.Header().Get("Content-Type"))
			assert.Equal(t, "nosniff", rec.Header().Get("X-Content-Type-Options"))
			assert.NotEmpty(t, rec.Header().Get("X-Request-Id"))
			assert.Equal(t, fmt.Sprint(rec.Body.Len()), rec.Header().Get("Content-Length"))
			assert.True(t, json.Valid(rec.Body.Bytes()))
			assertGolden(t, goldenName(tt.method, tt.target), rec.Body.Bytes())
		})
	}
}

// TestRuleSets checks that the rule set endpoints serve the masa
// package's rule sets: all of them, and the one in force on a date.
func TestRuleSets(t *testing.T) {
	h := newTestServer(t)
	rec := call(h, "GET", "/v1/rulesets", nil)
	require.Equal(t, http.StatusOK, rec.Code)
	want, err := encodeJSON(ruleSetList{RuleSets: masa.RuleSets()})
	require.NoError(t, err)
	assert.Equal(t, string(want), rec.Body.String())

	for _, tt := range []struct{ query, on, id string }{
		{"", "2020-06-29", "wt-2018"}, // today, by the test clock
		{"?on=2018-06-01", "2018-06-01", "lscb-2004"},
		{"?on=2019-06-01", "2019-06-01", "lscb-transition"},
		{"?on=2022-07-01", "2022-07-01", "wt-2018-icb"},
		{"?on=2024-01-01", "2024-01-01", "wt-2018-icb"},
		{"?on=2025-01-01", "2025-01-01", "wt-2023"},
	} {
		rec := call(h, "GET", "/v1/ruleset"+tt.query, nil)
		require.Equal(t, http.StatusOK, rec.Code, "%s", rec.Body)
		rs, err := masa.RuleSetOn(masa.Essex(), vocab.MustDate(tt.on))
		require.NoError(t, err)
		assert.Equal(t, vocab.ID(tt.id), rs.ID)
		v, err := masa.Essex().On(vocab.MustDate(tt.on))
		require.NoError(t, err)
		want, err := encodeJSON(ruleSetAnswer{Partnership: "escb", On: vocab.MustDate(tt.on), Basis: v.Basis, RuleSet: rs})
		require.NoError(t, err)
		assert.Equal(t, string(want), rec.Body.String())
	}
}

// TestPartnershipIsCanonical checks that GET /v1/partnership serves the
// canonical encoding, which decodes back to the same partnership.
func TestPartnershipIsCanonical(t *testing.T) {
	rec := call(newTestServer(t), "GET", "/v1/partnership", nil)
	require.Equal(t, http.StatusOK, rec.Code)
	assert.Equal(t, string(masa.EssexJSON()), rec.Body.String())
	p, err := masa.Parse(rec.Body.Bytes())
	require.NoError(t, err)
	assert.Equal(t, masa.Essex(), p)
}

// TestOpenAPIServed checks that the embedded document is served as is.
func TestOpenAPIServed(t *testing.T) {
	rec := call(newTestServer(t), "GET", "/openapi.json", nil)
	require.Equal(t, http.StatusOK, rec.Code)
	assert.Equal(t, openAPIJSON, rec.Body.Bytes())
}

// want describes one expected field problem.
type want struct{ in, field, rule string }

// TestClientMistakes checks that each kind of bad request gets the right
// 4xx status and a problem body naming the field.
func TestClientMistakes(t *testing.T) {
	h := newTestServer(t)
	essex := masa.EssexJSON()
	withField := func(field string) []byte {
		return bytes.Replace(essex, []byte(`"name": "Essex Safeguarding Children Board"`), []byte(`"name": "Essex Safeguarding Children Board", `+field), 1)
	}
	ccgAfterICBs := essex // the Essex health partners are CCGs, which cannot be partners from 1 July 2022
	tests := []struct {
		name           string
		method, target string
		body           []byte
		header         []string
		status         int
		want           []want
	}{
		{name: "bad date", method: "GET", target: "/v1/ruleset?on=2020-02-30", status: 400, want: []want{{inQuery, "on", "date"}}},
		{name: "empty date", method: "GET", target: "/v1/ruleset?on=", status: 400, want: []want{{inQuery, "on", "date"}}},
		{name: "date before any rule set", method: "GET", target: "/v1/ruleset?on=1999-01-01", status: 404, want: []want{{inQuery, "on", "exists"}}},
		{name: "unknown parameter", method: "GET", target: "/v1/ruleset?date=2020-01-01", status: 400, want: []want{{inQuery, "date", "unknown-parameter"}}},
		{name: "parameter on an endpoint without any", method: "GET", target: "/v1/rulesets?on=2020-01-01", status: 400, want: []want{{inQuery, "on", "unknown-parameter"}}},
		{name: "repeated parameter", method: "GET", target: "/v1/lead-areas?on=2020-01-01&on=2021-01-01", status: 400, want: []want{{inQuery, "on", "repeated-parameter"}}},
		{name: "malformed query", method: "GET", target: "/v1/lead-areas?on=%zz", status: 400, want: []want{{inQuery, "", "query-syntax"}}},
		{name: "bad date for lead areas", method: "GET", target: "/v1/lead-areas?on=29/06/2020", status: 400, want: []want{{inQuery, "on", "date"}}},
		{name: "unknown lead area", method: "GET", target: "/v1/lead-areas/chairing", status: 404, want: []want{{inPath, "id", "exists"}}},
		{name: "malformed lead area ID", method: "GET", target: "/v1/lead-areas/Vice_Chair", status: 400, want: []want{{inPath, "id", "id"}}},
		{name: "bad date for one lead area", method: "GET", target: "/v1/lead-areas/vice-chair?on=2020-6-1", status: 400, want: []want{{inQuery, "on", "date"}}},
		{name: "empty body", method: "POST", target: "/v1/partnership/validate", body: []byte{}, status: 400, want: []want{{inBody, "", "json"}}},
		{name: "malformed JSON", method: "POST", target: "/v1/partnership/validate", body: []byte(`{"id": "escb",`), status: 400, want: []want{{inBody, "", "json"}}},
		{name: "unknown field", method: "POST", target: "/v1/partnership/validate", body: withField(`"colour": "blue"`), status: 400, want: []want{{inBody, "colour", "unknown-field"}}},
		{name: "wrong type", method: "POST", target: "/v1/partnership/validate", body: bytes.Replace(essex, []byte(`"population": 1470000`), []byte(`"population": "many"`), 1), status: 400, want: []want{{inBody, "area.population", "type"}}},
		{name: "trailing data", method: "POST", target: "/v1/partnership/validate", body: append(bytes.Clone(essex), "{}"...), status: 400, want: []want{{inBody, "", "json"}}},
		{name: "not JSON content type", method: "POST", target: "/v1/partnership/validate", body: essex, header: []string{"Content-Type", "text/plain"}, status: 415, want: []want{{inHeader, "Content-Type", "media-type"}}},
		{name: "malformed content type", method: "POST", target: "/v1/partnership/validate", body: essex, header: []string{"Content-Type", "json;;"}, status: 415, want: []want{{inHeader, "Content-Type", "media-type"}}},
		{name: "rules broken on the date", method: "POST", target: "/v1/partnership/validate?on=2022-07-01&asPublished=true", body: ccgAfterICBs, status: 422, want: []want{{inBody, "statutoryPartners[2].body", "health-body"}}},
		{name: "validate date before any rule set", method: "POST", target: "/v1/partnership/validate?on=1990-01-01", body: essex, status: 404, want: []want{{inQuery, "on", "exists"}}},
		{name: "bad date and bad choice at once", method: "GET", target: "/v1/lead-areas?on=soon&asPublished=maybe", status: 400, want: []want{{inQuery, "on", "date"}, {inQuery, "asPublished", "boolean"}}},
		{name: "escalation bad choice", method: "GET", target: "/v1/reviews/escalation?asPublished=yes", status: 400, want: []want{{inQuery, "asPublished", "boolean"}}},
		{name: "validate bad date", method: "POST", target: "/v1/partnership/validate?on=soon", body: essex, status: 400, want: []want{{inQuery, "on", "date"}}},
		{name: "no such path", method: "GET", target: "/v1/nothing", status: 404},
		{name: "no such method", method: "DELETE", target: "/v1/partnership", status: 405},
		{name: "GET on a POST endpoint", method: "GET", target: "/v1/partnership/validate", status: 405},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := call(h, tt.method, tt.target, tt.body, tt.header...)
			require.Equal(t, tt.status, rec.Code, "body: %s", rec.Body)
			assertDocumented(t, tt.method, tt.target, rec.Code)
			p := readProblem(t, rec)
			path, _, _ := strings.Cut(tt.target, "?")
			assert.Equal(t, path, p.Instance)
			for _, w := range tt.want {
				assert.True(t, hasProblem(p, w), "want %+v in %s", w, rec.Body)
			}
			if len(tt.want) > 0 {
				for _, fp := range p.Problems {
					assert.NotEmpty(t, fp.Message)
				}
			}
		})
	}
}

func hasProblem(p problem, w want) bool {
	for _, fp := range p.Problems {
		if fp.In == w.in && fp.Field == w.field && fp.Rule == w.rule {
			return true
		}
	}
	return false
}

// TestValidationProblemsCarryCitations checks that a 422 from validation
// names each rule's source.
func TestValidationProblemsCarryCitations(t *testing.T) {
	rec := call(newTestServer(t), "POST", "/v1/partnership/validate?on=2024-01-01&asPublished=true", masa.EssexJSON())
	require.Equal(t, http.StatusUnprocessableEntity, rec.Code)
	p := readProblem(t, rec)
	require.NotEmpty(t, p.Problems)
	for _, fp := range p.Problems {
		assert.Equal(t, inBody, fp.In)
		assert.NotNil(t, fp.Citation, "%+v", fp)
	}
	first := p.Problems[0]
	assert.Equal(t, []string{"statutoryPartners[2].body", "health-body", "ccg"}, []string{first.Field, first.Rule, first.Value},
		"the first problem is the first CCG partner")
}

// TestMethodNotAllowedAllow checks the Allow header of a 405.
func TestMethodNotAllowedAllow(t *testing.T) {
	h := newTestServer(t)
	rec := call(h, "PUT", "/v1/lead-areas/vice-chair", nil)
	require.Equal(t, http.StatusMethodNotAllowed, rec.Code)
	assert.Equal(t, "GET, HEAD", rec.Header().Get("Allow"))
	rec = call(h, "GET", "/v1/partnership/validate", nil)
	assert.Equal(t, "POST", rec.Header().Get("Allow"))
}

// TestHead checks that GET endpoints answer HEAD with headers only.
func TestHead(t *testing.T) {
	rec := call(newTestServer(t), "HEAD", "/healthz", nil)
	assert.Equal(t, http.StatusOK, rec.Code)
}

// TestBodyTooLarge checks the request size limit.
func TestBodyTooLarge(t *testing.T) {
	d := testDeps(nil)
	d.MaxBody = 1000
	h, err := newServer(d)
	require.NoError(t, err)
	rec := call(h, "POST", "/v1/partnership/validate", masa.EssexJSON())
	require.Equal(t, http.StatusRequestEntityTooLarge, rec.Code)
	p := readProblem(t, rec)
	assert.True(t, hasProblem(p, want{inBody, "", "size"}), "%s", rec.Body)
}

// TestRecover checks that a panicking handler is logged and answered 500,
// and that http.ErrAbortHandler still aborts.
func TestRecover(t *testing.T) {
	var logs syncBuffer
	s := &server{deps: testDeps(&logs)}
	h := s.middleware(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("a bug") }))
	rec := call(h, "GET", "/v1/partnership", nil)
	require.Equal(t, http.StatusInternalServerError, rec.Code)
	p := readProblem(t, rec)
	assert.Empty(t, p.Problems)
	assert.NotContains(t, rec.Body.String(), "a bug", "the panic value is not shown to the client")
	assert.Contains(t, logs.String(), `"panic":"a bug"`)
	assert.Contains(t, logs.String(), `"stack":`)
	assert.Contains(t, logs.String(), `"status":500`)

	abort := s.middleware(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic(http.ErrAbortHandler) }))
	assert.PanicsWithValue(t, http.ErrAbortHandler, func() { call(abort, "GET", "/", nil) })

	// A panic after the response has started cannot change the status.
	late := s.middleware(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusOK)
		panic("late")
	}))
	rec = call(late, "GET", "/", nil)
	assert.Equal(t, http.StatusOK, rec.Code)
	assert.Empty(t, rec.Body.String())
}

// TestInternalError checks that a handler error that is not a client
// mistake is logged and answered 500 without details.
func TestInternalError(t *testing.T) {
	var logs syncBuffer
	s := &server{deps: testDeps(&logs)}
	h := s.middleware(s.endpoint(route{method: "GET", path: "/x", handle: func(http.ResponseWriter, *http.Request) error {
		return errors.New("disk on fire")
	}}))
	rec := call(h, "GET", "/x", nil)
	require.Equal(t, http.StatusInternalServerError, rec.Code)
	readProblem(t, rec)
	assert.NotContains(t, rec.Body.String(), "disk on fire")
	assert.Contains(t, logs.String(), "disk on fire")
}

// TestRequestID checks that a caller's plain request ID is echoed and any
// other is replaced.
func TestRequestID(t *testing.T) {
	h := newTestServer(t)
	tests := []struct {
		given string
		kept  bool
	}{
		{"abc-123_x.y", true},
		{"", false},
		{"has space", false},
		{"<script>", false},
		{strings.Repeat("a", 65), false},
	}
	for _, tt := range tests {
		rec := call(h, "GET", "/healthz", nil, "X-Request-Id", tt.given)
		got := rec.Header().Get("X-Request-Id")
		if tt.kept {
			assert.Equal(t, tt.given, got)
		} else {
			assert.Regexp(t, `^[0-9a-f]{16}$`, got)
		}
	}
}

// TestRequestLog checks the structured log record of a request.
func TestRequestLog(t *testing.T) {
	var logs syncBuffer
	h, err := newServer(testDeps(&logs))
	require.NoError(t, err)
	call(h, "GET", "/v1/lead-areas/nope", nil, "X-Request-Id", "req-1")
	var rec map[string]any
	require.NoError(t, json.Unmarshal([]byte(strings.TrimSpace(logs.String())), &rec))
	assert.Equal(t, "request", rec["msg"])
	assert.Equal(t, "GET", rec["method"])
	assert.Equal(t, "/v1/lead-areas/nope", rec["path"])
	assert.EqualValues(t, 404, rec["status"])
	assert.Equal(t, "req-1", rec["request_id"])
	assert.Contains(t, rec, "duration")
}

// TestNewServerNeedsPartnership checks the one hard dependency.
func TestNewServerNeedsPartnership(t *testing.T) {
	_, err := newServer(deps{})
	assert.Error(t, err)
	h, err := newServer(deps{Partnership: masa.Essex()})
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, call(h, "GET", "/v1/ruleset", nil).Code)
}

// TestDeterministic checks that the same request gives the same bytes.
func TestDeterministic(t *testing.T) {
	h := newTestServer(t)
	for _, target := range []string{"/v1/lead-areas", "/v1/ruleset?on=2023-12-15", "/v1/partnership", "/v1/lead-areas/x"} {
		a := call(h, "GET", target, nil).Body.String()
		b := call(newTestServer(t), "GET", target, nil).Body.String()
		assert.Equal(t, a, b, target)
	}
}

// TestRuleSetProperty checks, over many random dates, that the rule set
// endpoint agrees with masa.RuleSetOn and never fails on the server side.
func TestRuleSetProperty(t *testing.T) {
	h := newTestServer(t)
	p := masa.Essex()
	rng := rand.New(rand.NewPCG(8, 2026))
	for range 500 {
		d := vocab.NewDate(1990+rng.IntN(50), 1, 1).AddDays(rng.IntN(366))
		rec := call(h, "GET", "/v1/ruleset?on="+d.String(), nil)
		want, err := masa.RuleSetOn(p, d)
		if err != nil {
			require.Equal(t, http.StatusNotFound, rec.Code, d)
			continue
		}
		require.Equal(t, http.StatusOK, rec.Code, d)
		var got ruleSetAnswer
		require.NoError(t, vocab.DecodeJSON(rec.Body.Bytes(), &got))
		assert.Equal(t, want.ID, got.RuleSet.ID, d)
		assert.Equal(t, d, got.On)
	}
}

// TestLeadAreasProperty checks, over many random dates, that the list of
// holders agrees with the library's view of the partnership on the date
// (masa.Partnership.On) for a partnership with an annual rotation.
func TestLeadAreasProperty(t *testing.T) {
	d := testDeps(nil)
	p := d.Partnership
	p.LeadAreas[1].Rotation = masa.Rotation{Policy: masa.RotationAnnual, Order: vocab.Roles(), Start: vocab.MustDate("2020-04-01")}
	p.LeadAreas[0].Rotation = masa.Rotation{Policy: masa.RotationAnnual, Order: vocab.Roles(), Start: vocab.MustDate("2021-09-01")}
	h, err := newServer(d)
	require.NoError(t, err)
	rng := rand.New(rand.NewPCG(4, 2026))
	for range 300 {
		on := vocab.NewDate(2018+rng.IntN(10), 1, 1).AddDays(rng.IntN(366))
		rec := call(h, "GET", "/v1/lead-areas?on="+on.String(), nil)
		require.Equal(t, http.StatusOK, rec.Code, on)
		var got holdingsAnswer
		require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &got))
		require.Len(t, got.LeadAreas, len(p.LeadAreas))
		v, err := p.On(on)
		require.NoError(t, err)
		assert.Equal(t, v.Basis, got.Basis)
		for i, la := range p.LeadAreas {
			want, err := v.LeadHolder(la.ID)
			assert.Equal(t, want.Role, got.LeadAreas[i].Role, "%s on %s", la.ID, on)
			assert.Equal(t, want.Period, got.LeadAreas[i].Period)
			assert.Equal(t, err != nil, got.LeadAreas[i].Conflict != nil, "%s on %s: %v", la.ID, on, err)
		}
	}
}

// TestRandomQueriesNeverFail checks that random query strings on every GET
// route give 200 or a 4xx problem, never a 5xx.
func TestRandomQueriesNeverFail(t *testing.T) {
	h := newTestServer(t)
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"on", "=", "&", "2020-06-29", "%", "zz", "x", "%20", "2020-13-40", ";", "+", "on=", "9999-12-31", "0000-01-01"}
	targets := []string{"/v1/ruleset", "/v1/lead-areas", "/v1/lead-areas/vice-chair", "/v1/rulesets", "/healthz"}
	for range 1000 {
		var q strings.Builder
		for range rng.IntN(6) {
			q.WriteString(pieces[rng.IntN(len(pieces))])
		}
		target := targets[rng.IntN(len(targets))] + "?" + q.String()
		req := httptest.NewRequest("GET", "/", nil)
		req.URL.RawQuery = q.String()
		req.URL.Path = strings.Split(target, "?")[0]
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		require.Less(t, rec.Code, 500, target)
		if rec.Code >= 400 {
			readProblem(t, rec)
		}
	}
}
