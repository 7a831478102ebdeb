package main

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/masa-go/masa/internal/golden"

	"github.com/masa-go/masa/masa"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testNow is the fixed clock of the tests: the Essex arrangements' 2020-21
// publication date, at noon in London.
var testNow = time.Date(2020, time.June, 29, 11, 0, 0, 0, time.UTC)

// london is the Europe/London zone (embedded by main's time/tzdata import).
var london = func() *time.Location {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		panic(err)
	}
	return loc
}()

// syncBuffer is a log destination safe for concurrent handlers.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// testDeps returns the dependencies of a test server serving Essex, with
// the fixed clock and logs captured in logs.
func testDeps(logs io.Writer) deps {
	if logs == nil {
		logs = io.Discard
	}
	return deps{
		Partnership: masa.Essex(),
		Log:         slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		Now:         func() time.Time { return testNow },
		Zone:        london,
		MaxBody:     defaultMaxBody,
	}
}

// newTestServer returns the service handler over testDeps.
func newTestServer(t testing.TB) http.Handler {
	t.Helper()
	h, err := newServer(testDeps(nil))
	require.NoError(t, err)
	return h
}

// call sends one request to h and returns the recorded response.
func call(h http.Handler, method, target string, body []byte, header ...string) *httptest.ResponseRecorder {
	var r io.Reader
	if body != nil {
		r = bytes.NewReader(body)
	}
	req := httptest.NewRequest(method, target, r)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// readProblem decodes a problem body strictly and checks its envelope.
func readProblem(t testing.TB, rec *httptest.ResponseRecorder) problem {
	t.Helper()
	require.Equal(t, problemJSON, rec.Header().Get("Content-Type"), "body: %s", rec.Body)
	var p problem
	dec := json.NewDecoder(bytes.NewReader(rec.Body.Bytes()))
	dec.DisallowUnknownFields()
	require.NoError(t, dec.Decode(&p), "body: %s", rec.Body)
	assert.Equal(t, rec.Code, p.Status)
	assert.Equal(t, problemType, p.Type)
	assert.Equal(t, http.StatusText(rec.Code), p.Title)
	assert.NotEmpty(t, p.Detail)
	return p
}

// golden compares got with testdata/golden/name, or rewrites the file
// under -update.
func assertGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Assert(t, filepath.Join("testdata", "golden", name), got)
}

// goldenName turns a request into a file name.
func goldenName(method, target string) string {
	r := strings.NewReplacer("/", "_", "?", "_", "=", "-", "&", "_", "{", "", "}", "")
	return strings.ToLower(method) + r.Replace(target) + ".json"
}
