package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzRequest sends arbitrary path values, query strings and bodies to
// every route and checks the service's promise: a 2xx answer or a 4xx
// problem body naming what is wrong, never a 5xx and never a panic.
func FuzzRequest(f *testing.F) {
	f.Add(uint8(0), "", "", []byte(nil))
	// Small seeds: a 1 KB partnership, not the 30 KB Essex file, so that
	// the fuzzer minimises quickly and runs thousands of inputs a second.
	small, err := os.ReadFile("../../masa/testdata/small.json")
	require.NoError(f, err)
	f.Add(uint8(3), "", "on=2024-06-28", small)
	f.Add(uint8(13), "", "format=html", small)
	f.Add(uint8(3), "", "", []byte(`{"id": "x", "name": "X", "organisations": [{"id": "a", "name": "A"}], "colour": 1}`))
	f.Add(uint8(3), "", "", []byte(`{"area": {"population": -1}, "arrangements": {"published": "2020-02-30"}}`))
	f.Add(uint8(5), "", "on=1999-01-01", []byte(nil))
	f.Add(uint8(7), "cspr-ratification", "on=2020-06-29", []byte(nil))
	f.Add(uint8(7), "Bad ID", "on=%zz", []byte(nil))
	icb := icbScenario(f)
	f.Add(uint8(9), "", "", icb)
	f.Add(uint8(9), "", "format=csv", icb)
	f.Add(uint8(10), "", "format=csv", []byte(`{"name": "x", "baseline": {"lines": [{"org": "a", "name": "A", "amount": "10"}]}, "changes": [{"kind": "uplift", "percent": "2.5"}]}`))
	f.Add(uint8(11), "", "years=3&percent=2", icb)
	f.Add(uint8(11), "", "years=31&percent=-100", []byte(`{"name": "x", "baseline": {"lines": []}, "changes": []}`))
	f.Add(uint8(12), "", "format=html", []byte(nil))
	f.Add(uint8(13), "", "format=html", []byte(`{"id": "x", "name": "X", "organisations": [], "texts": {"vision": ""}}`))
	f.Add(uint8(14), "", "on=2021-04-01", caseFile(f, "open"))
	f.Add(uint8(14), "", "on=2019-04-01", caseFile(f, "before-go-live"))
	f.Add(uint8(15), "", "on=2024-06-20&partial=true", overdueBody(f, caseFile(f, "open"), caseFile(f, "wt2023")))
	f.Add(uint8(16), "", "on=2023-01-01", []byte(nil))
	f.Add(uint8(17), "", "format=html&prepared=2021-02-01", icb)
	h, err := newServer(testDeps(nil))
	require.NoError(f, err)
	routes := (&server{}).routes()
	f.Fuzz(func(t *testing.T, which uint8, pathValue, query string, body []byte) {
		rt := routes[int(which)%len(routes)]
		path := strings.ReplaceAll(rt.path, "{id}", url.PathEscape(pathValue))
		req := httptest.NewRequest(rt.method, "/", bytes.NewReader(body))
		req.URL.Path = path
		req.URL.RawQuery = query
		if rt.method == http.MethodPost {
			req.Header.Set("Content-Type", "application/json")
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		require.Less(t, rec.Code, 500, "%s %s?%s: %s", rt.method, path, query, rec.Body)
		switch {
		case rec.Code >= 400:
			readProblem(t, rec)
		case rec.Code >= 300:
			// The mux redirects paths that are not clean, such as "/v1/lead-areas/..".
			assert.NotEmpty(t, rec.Header().Get("Location"))
		case strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json"):
			assert.True(t, json.Valid(rec.Body.Bytes()), "%s", rec.Body)
		}
	})
}

// FuzzHeaders sends arbitrary Accept, Content-Type and X-Request-Id
// headers with a good scenario and checks that the answer is a 2xx or a
// 4xx problem, and that the request ID echoed is always a plain one.
func FuzzHeaders(f *testing.F) {
	f.Add("text/csv", "application/json", "req-1")
	f.Add("application/json;q=0.5, text/csv;q=0.9", "application/json; charset=utf-8", "")
	f.Add("*/*;q=0", "application/vnd.api+json", "a b")
	f.Add("text/*;q=abc, image/png", "text/plain", "<x>")
	f.Add(",,;q=1;;", ";;", "\x00")
	h, err := newServer(testDeps(nil))
	require.NoError(f, err)
	body := icbScenario(f)
	id := regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)
	f.Fuzz(func(t *testing.T, accept, contentType, requestID string) {
		req := httptest.NewRequest("POST", "/v1/funding/compare", bytes.NewReader(body))
		req.Header["Accept"] = []string{accept}
		req.Header["Content-Type"] = []string{contentType}
		req.Header["X-Request-Id"] = []string{requestID}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		require.Less(t, rec.Code, 500, "%q %q: %s", accept, contentType, rec.Body)
		if rec.Code >= 400 {
			readProblem(t, rec)
		}
		assert.Regexp(t, id, rec.Header().Get("X-Request-Id"))
	})
}
