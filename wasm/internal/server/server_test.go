package server

import (
	"bytes"
	"compress/gzip"
	"context"
	"github.com/masa-go/masa/masa"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/masa-go/masa/internal/golden"
	"github.com/masa-go/masa/wasm/internal/state"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeBundle is a bundle whose "wasm" is a few bytes, so handler tests
// do not need a WebAssembly build.
func fakeBundle(t *testing.T, wasmExec []byte) *Bundle {
	t.Helper()
	b, err := NewBundle([]byte("\x00asm\x01\x00\x00\x00 fake module for tests"), wasmExec, runtime.Version())
	require.NoError(t, err)
	return b
}

// toolchainWasmExec returns the running toolchain's wasm_exec.js.
func toolchainWasmExec(t *testing.T) []byte {
	t.Helper()
	tc, err := FindToolchain(context.Background(), ".")
	require.NoError(t, err)
	b, err := os.ReadFile(tc.WasmExecPath())
	require.NoError(t, err)
	return b
}

func get(t *testing.T, h http.Handler, method, path string, header map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(method, path, nil)
	for k, v := range header {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func TestPrerenderedPage(t *testing.T) {
	s := New(fakeBundle(t, toolchainWasmExec(t)), Options{})
	w := get(t, s, http.MethodGet, "/", nil)
	require.Equal(t, http.StatusOK, w.Code)
	assert.Equal(t, `"`+s.Version()+`"`, w.Header().Get("ETag"))
	assert.Equal(t, "nosniff", w.Header().Get("X-Content-Type-Options"))
	body := w.Body.String()
	for _, want := range []string{
		`<html lang="en-GB">`,
		`<title>Funding scenarios · Essex Safeguarding Children Board · masa</title>`,
		`href="/web/masa.css"`,
		`src="/wasm_exec.js"`,
		`src="/app.js"`,
		`id="app-wasm-loader"`,
		// Bug 1: the year select shows the scenario's year on load, and
		// every option carries its own value.
		`<option selected value="2021/22">2021/22</option>`,
		`<option value="2022/23">2022/23</option>`,
	} {
		assert.Contains(t, body, want)
	}

	// Bug 13: each of the chart's 22 bars (11 contributors, two years)
	// carries its value.
	assert.Equal(t, 22, strings.Count(body, `<span class="bar-value">`))
	assert.Contains(t, body, `<span class="bar-value">£240,205</span>`)

	golden.Assert(t, filepath.Join("testdata", "page.golden.html"), w.Body.Bytes())

	// The same request twice gives the same bytes.
	assert.Equal(t, body, get(t, s, http.MethodGet, "/", nil).Body.String())
}

func TestUnknownPagesAndAPI(t *testing.T) {
	s := New(fakeBundle(t, toolchainWasmExec(t)), Options{})
	for _, path := range []string{"/nope", "/api/plan.pdf", "/api/", "/web/secret.txt", "/web/app.wasm/x"} {
		w := get(t, s, http.MethodGet, path, nil)
		assert.Equal(t, http.StatusNotFound, w.Code, path)
	}
	// Paths with dot segments are redirected to their clean form, never
	// served from the file system.
	w := get(t, s, http.MethodGet, "/web/../go.mod", nil)
	assert.Equal(t, http.StatusTemporaryRedirect, w.Code)
	assert.Equal(t, http.StatusNotFound, get(t, s, http.MethodGet, w.Header().Get("Location"), nil).Code)
}

func TestMethodNotAllowed(t *testing.T) {
	s := New(fakeBundle(t, toolchainWasmExec(t)), Options{})
	for _, m := range []string{http.MethodPost, http.MethodPut, http.MethodDelete} {
		w := get(t, s, m, "/", nil)
		assert.Equal(t, http.StatusMethodNotAllowed, w.Code, m)
		assert.Equal(t, "GET, HEAD", w.Header().Get("Allow"))
	}
}

func TestWasmServedCompressed(t *testing.T) {
	b := fakeBundle(t, toolchainWasmExec(t))
	b.WasmBrotli = []byte("stand-in Brotli stream")
	raw, err := b.Wasm()
	require.NoError(t, err)
	s := New(b, Options{})
	tests := []struct {
		name     string
		accept   string
		encoding string
	}{
		{"brotli first", "gzip, deflate, br", "br"},
		{"gzip", "gzip, deflate", "gzip"},
		{"brotli refused", "br;q=0, gzip", "gzip"},
		{"none", "", ""},
		{"identity", "identity", ""},
		{"both refused", "br;q=0, gzip;q=0", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := get(t, s, http.MethodGet, "/web/app.wasm", map[string]string{"Accept-Encoding": tt.accept})
			require.Equal(t, http.StatusOK, w.Code)
			assert.Equal(t, "application/wasm", w.Header().Get("Content-Type"))
			assert.Contains(t, w.Header().Values("Vary"), "Accept-Encoding")
			assert.Equal(t, tt.encoding, w.Header().Get("Content-Encoding"))
			body := w.Body.Bytes()
			switch tt.encoding {
			case "br":
				assert.Equal(t, b.WasmBrotli, body)
			case "gzip":
				zr, err := gzip.NewReader(bytes.NewReader(body))
				require.NoError(t, err)
				body, err = io.ReadAll(zr)
				require.NoError(t, err)
				assert.Equal(t, raw, body)
			default:
				assert.Equal(t, raw, body)
			}
		})
	}
	// The page tells app.js the uncompressed length for its progress bar.
	js := get(t, s, http.MethodGet, "/app.js", nil).Body.String()
	assert.Contains(t, js, `goappWasmContentLength = "`+strconv.Itoa(len(raw))+`"`)

	head := get(t, s, http.MethodHead, "/web/app.wasm", map[string]string{"Accept-Encoding": "gzip"})
	assert.Equal(t, http.StatusOK, head.Code)
	assert.Empty(t, head.Body.Bytes())
	assert.Equal(t, strconv.Itoa(len(b.WasmGzip)), head.Header().Get("Content-Length"))
}

// A bundle built at start-up has no Brotli form: it is served with gzip
// even to browsers that prefer Brotli.
func TestWasmWithoutBrotli(t *testing.T) {
	s := New(fakeBundle(t, toolchainWasmExec(t)), Options{})
	w := get(t, s, http.MethodGet, "/web/app.wasm", map[string]string{"Accept-Encoding": "br"})
	assert.Equal(t, "", w.Header().Get("Content-Encoding"))
	w = get(t, s, http.MethodGet, "/web/app.wasm", map[string]string{"Accept-Encoding": "br, gzip"})
	assert.Equal(t, "gzip", w.Header().Get("Content-Encoding"))
}

// A pending server answers the page at once and holds app.wasm until
// the client is ready.
func TestPendingServesPageFirst(t *testing.T) {
	s := NewPending(Options{})
	w := get(t, s, http.MethodGet, "/", nil)
	require.Equal(t, http.StatusOK, w.Code)
	assert.Contains(t, w.Body.String(), "becomes interactive")
	pendingVersion := s.Version()

	got := make(chan *httptest.ResponseRecorder)
	go func() {
		got <- get(t, s, http.MethodGet, "/web/app.wasm", map[string]string{"Accept-Encoding": "gzip"})
	}()
	select {
	case <-got:
		t.Fatal("app.wasm was answered before the client was ready")
	case <-time.After(50 * time.Millisecond):
	}
	b := fakeBundle(t, toolchainWasmExec(t))
	s.Ready(b)
	w = <-got
	assert.Equal(t, http.StatusOK, w.Code)
	assert.Equal(t, b.WasmGzip, w.Body.Bytes())
	assert.NotEqual(t, pendingVersion, s.Version(), "the built client is a new version")
	assert.Equal(t, New(b, Options{}).Version(), s.Version(), "and the same as a server started with it")
}

// A request for app.wasm that gives up while the client is building is
// not answered.
func TestPendingRequestCancelled(t *testing.T) {
	s := NewPending(Options{})
	ctx, cancel := context.WithCancel(context.Background())
	r := httptest.NewRequestWithContext(ctx, http.MethodGet, "/web/app.wasm", nil)
	w := httptest.NewRecorder()
	done := make(chan struct{})
	go func() { s.ServeHTTP(w, r); close(done) }()
	cancel()
	<-done
	assert.Empty(t, w.Body.Bytes())
}

func TestDistRoundTrip(t *testing.T) {
	dir := t.TempDir()
	_, err := LoadBundle(os.DirFS(dir))
	require.ErrorIs(t, err, ErrNoClient)

	b := fakeBundle(t, toolchainWasmExec(t))
	require.Error(t, WriteDist(dir, b), "a bundle without Brotli is not written")
	b.WasmBrotli = []byte("brotli")
	require.NoError(t, WriteDist(dir, b))
	got, err := LoadBundle(os.DirFS(dir))
	require.NoError(t, err)
	assert.Equal(t, b, got)

	require.NoError(t, os.Remove(filepath.Join(dir, DistBrotli)))
	_, err = LoadBundle(os.DirFS(dir))
	require.Error(t, err)
	assert.NotErrorIs(t, err, ErrNoClient)
	assert.Contains(t, err.Error(), DistBrotli)

	require.NoError(t, os.WriteFile(filepath.Join(dir, DistManifest), []byte(`{"go":"go1"}`), 0o644))
	_, err = LoadBundle(os.DirFS(dir))
	assert.ErrorContains(t, err, "wasmBytes")
}

func TestVersionIsAContentHash(t *testing.T) {
	js := toolchainWasmExec(t)
	a := New(fakeBundle(t, js), Options{})
	b := New(fakeBundle(t, js), Options{})
	assert.Equal(t, a.Version(), b.Version(), "a restart with the same build keeps its version")
	assert.Len(t, a.Version(), 20)

	other, err := NewBundle([]byte("\x00asm\x01\x00\x00\x00 another module"), js, "")
	require.NoError(t, err)
	assert.NotEqual(t, a.Version(), New(other, Options{}).Version())

	// The service worker carries the version, so an unchanged build is
	// not an update.
	sw := get(t, a, http.MethodGet, "/app-worker.js", nil).Body.String()
	assert.Contains(t, sw, a.Version())
	assert.Equal(t, http.StatusNotModified, get(t, a, http.MethodGet, "/", map[string]string{"If-None-Match": `"` + a.Version() + `"`}).Code)
}

func TestWasmExecMatchesToolchain(t *testing.T) {
	js := toolchainWasmExec(t)
	s := New(fakeBundle(t, js), Options{})
	w := get(t, s, http.MethodGet, "/wasm_exec.js", nil)
	require.Equal(t, http.StatusOK, w.Code)
	assert.Equal(t, string(js), w.Body.String(), "the served wasm_exec.js must be the toolchain's")
	t.Logf("go-app's embedded wasm_exec.js matches %s: %v", runtime.Version(), s.WasmExecMatches())
}

func TestWasmExecOverriddenWhenDifferent(t *testing.T) {
	js := []byte("// a different wasm_exec.js\n")
	s := New(fakeBundle(t, js), Options{})
	assert.False(t, s.WasmExecMatches())
	w := get(t, s, http.MethodGet, "/wasm_exec.js", nil)
	require.Equal(t, http.StatusOK, w.Code)
	assert.Equal(t, string(js), w.Body.String())
	assert.Equal(t, "application/javascript", w.Header().Get("Content-Type"))
}

func TestStaticFiles(t *testing.T) {
	s := New(fakeBundle(t, toolchainWasmExec(t)), Options{})
	for path, size := range map[string]int{"/web/icon-192.png": 192, "/web/icon-512.png": 512} {
		w := get(t, s, http.MethodGet, path, nil)
		require.Equal(t, http.StatusOK, w.Code, path)
		assert.Equal(t, "image/png", w.Header().Get("Content-Type"))
		img, err := png.Decode(w.Body)
		require.NoError(t, err)
		assert.Equal(t, size, img.Bounds().Dx())
	}
	css := get(t, s, http.MethodGet, "/web/masa.css", nil)
	assert.Equal(t, http.StatusOK, css.Code)
	assert.Equal(t, masaCSS, css.Body.Bytes())
	svg := get(t, s, http.MethodGet, "/web/icon.svg", nil)
	assert.Equal(t, "image/svg+xml", svg.Header().Get("Content-Type"))
	manifest := get(t, s, http.MethodGet, "/manifest.webmanifest", nil).Body.String()
	assert.Contains(t, manifest, `"/web/icon-512.png"`)
	assert.NotContains(t, manifest, "https://", "icons are served locally so the app works offline")
	assert.Equal(t, iconPNG(192), iconPNG(192), "icons are deterministic")
}

func TestPlanPDFRoute(t *testing.T) {
	called := false
	pdf := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		called = true
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-"))
	})
	s := New(fakeBundle(t, toolchainWasmExec(t)), Options{PlanPDF: pdf})
	w := get(t, s, http.MethodGet, "/api/plan.pdf?s=x", nil)
	assert.True(t, called)
	assert.Equal(t, "application/pdf", w.Header().Get("Content-Type"))
}

func TestAccepts(t *testing.T) {
	tests := []struct {
		header string
		want   bool
	}{
		{"", false},
		{"gzip", true},
		{"GZIP", true},
		{"deflate, gzip;q=1.0, *;q=0.5", true},
		{"gzip;q=0", false},
		{"gzip; q=0.001", true},
		{"*", true},
		{"br", false},
		{"gzip;q=nonsense", false},
		{"br, gzip;q=0, *", false},
		{"x-gzip", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, accepts(tt.header, "gzip"), "%q", tt.header)
	}
	assert.True(t, accepts("gzip, deflate, br, zstd", "br"))
	assert.False(t, accepts("gzip, br;q=0", "br"))
	assert.False(t, accepts("gzip", "br"))
}

func FuzzAcceptsGzip(f *testing.F) {
	for _, s := range []string{"", "gzip", "gzip;q=0", "*;q=0.5, br", ";;,,=", "gzip;q=1e400"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, header string) {
		got := accepts(header, "gzip")
		if !strings.Contains(strings.ToLower(header), "gzip") && !strings.Contains(header, "*") && got {
			t.Fatalf("accepts(%q, gzip) = true without gzip or *", header)
		}
	})
}

func TestModuleRoot(t *testing.T) {
	root, err := ModuleRoot(".")
	require.NoError(t, err)
	_, err = os.Stat(filepath.Join(root, "wasm", "internal", "server", "build.go"))
	assert.NoError(t, err)

	_, err = ModuleRoot(t.TempDir())
	assert.ErrorContains(t, err, "not inside the github.com/masa-go/masa module")
}

func TestFindToolchain(t *testing.T) {
	tc, err := FindToolchain(context.Background(), ".")
	require.NoError(t, err)
	assert.Equal(t, runtime.Version(), tc.Version)
	_, err = os.Stat(tc.WasmExecPath())
	assert.NoError(t, err)

	t.Setenv("PATH", t.TempDir())
	t.Setenv("GOROOT", "")
	_, err = FindToolchain(context.Background(), ".")
	assert.ErrorContains(t, err, "no go command found")
}

// TestClientDependencies checks that the browser build leaves out the
// validator, the PDF library and the server code.
func TestClientDependencies(t *testing.T) {
	tc, err := FindToolchain(context.Background(), ".")
	require.NoError(t, err)
	root, err := ModuleRoot(".")
	require.NoError(t, err)
	cmd := exec.Command(tc.Go, "list", "-deps", ClientPackage)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	require.NoError(t, err)
	deps := strings.Fields(string(out))
	require.Contains(t, deps, "github.com/maxence-charriere/go-app/v10/pkg/app")
	for _, banned := range []string{
		"github.com/go-playground/validator/v10",
		"github.com/jung-kurt/gofpdf",
		"github.com/masa-go/masa/masa/validate",
		"github.com/masa-go/masa/wasm/internal/server",
		"github.com/masa-go/masa/plan",
		"github.com/masa-go/masa/plan/pdf",
		"net/http/httptest",
		"os/exec",
	} {
		assert.False(t, slices.Contains(deps, banned), "the browser build must not import %s", banned)
	}
}

func TestPlanPDF(t *testing.T) {
	ph, err := PlanPDF(masa.Essex())
	require.NoError(t, err)
	h := ph.(planPDF)
	h.now = func() time.Time { return time.Date(2021, 2, 1, 12, 0, 0, 0, time.UTC) }
	s := New(fakeBundle(t, toolchainWasmExec(t)), Options{PlanPDF: h})

	m := essexModel()
	m.Set(state.FieldBudget, "400000")
	m.Set(state.FieldICB, "true")
	w := get(t, s, http.MethodGet, "/api/plan.pdf?"+state.ShareQuery(m.Form), nil)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	assert.Equal(t, "application/pdf", w.Header().Get("Content-Type"))
	assert.Equal(t, `attachment; filename="draft-plan-2021-22.pdf"`, w.Header().Get("Content-Disposition"))
	assert.True(t, bytes.HasPrefix(w.Body.Bytes(), []byte("%PDF-")))
	again := get(t, s, http.MethodGet, "/api/plan.pdf?"+state.ShareQuery(m.Form), nil)
	assert.Equal(t, w.Body.Bytes(), again.Body.Bytes(), "the same scenario and date give the same PDF")

	m.Set(state.FieldYear, "2023")
	later := get(t, s, http.MethodGet, "/api/plan.pdf?"+state.ShareQuery(m.Form), nil)
	require.Equal(t, http.StatusOK, later.Code, later.Body.String())
	assert.Equal(t, `attachment; filename="draft-plan-2023-24.pdf"`, later.Header().Get("Content-Disposition"))

	base := get(t, s, http.MethodGet, "/api/plan.pdf", nil)
	assert.Equal(t, http.StatusOK, base.Code, "no scenario drafts the unchanged baseline")

	tests := []struct {
		name, query string
		status      int
		want        string
	}{
		{"not base64", "s=1.!!!", http.StatusBadRequest, "could not be read"},
		{"bad version", "s=9.e30", http.StatusBadRequest, "version"},
		{"letters in the budget", state.ShareQuery(state.Form{Budget: "12a"}), http.StatusUnprocessableEntity, `budget: "12a" is not a decimal number`},
		{"too long", "s=" + strings.Repeat("a", 3*state.MaxShareLength), http.StatusRequestURITooLong, "too long"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := get(t, s, http.MethodGet, "/api/plan.pdf?"+tt.query, nil)
			require.Equal(t, "text/plain; charset=utf-8", w.Header().Get("Content-Type"))
			assert.Equal(t, tt.status, w.Code)
			assert.Contains(t, w.Body.String(), tt.want)
		})
	}
}

// essexModel returns the model for the Essex 2020/21 partnership file,
// the tests' sample data.
func essexModel() *state.Model {
	pt, err := state.PartnershipOf(masa.Essex())
	if err != nil {
		panic(err)
	}
	return state.NewModelFor(pt)
}

// The page, its title, the succession check box and the draft plan come
// from the partnership file the server is given.
func TestAnyPartnership(t *testing.T) {
	p, err := masa.Load(filepath.Join("..", "..", "..", "masa", "testdata", "riverside.json"))
	require.NoError(t, err)
	data, err := masa.Encode(p)
	require.NoError(t, err)
	pdfHandler, err := PlanPDF(p)
	require.NoError(t, err)
	s := New(fakeBundle(t, toolchainWasmExec(t)), Options{PlanPDF: pdfHandler, Partnership: data})

	page := get(t, s, http.MethodGet, "/", nil).Body.String()
	assert.Contains(t, page, p.Name)
	assert.NotContains(t, page, "Essex")
	assert.NotContains(t, page, `id="field-icb"`, "riverside records no succession")

	w := get(t, s, http.MethodGet, "/api/plan.pdf", nil)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	assert.True(t, bytes.HasPrefix(w.Body.Bytes(), []byte("%PDF-")))

	// The Essex server is a different version: the page differs.
	assert.NotEqual(t, New(fakeBundle(t, toolchainWasmExec(t)), Options{}).Version(), s.Version())

	// A partnership without a funding table cannot be served.
	p.Funding = nil
	_, err = PlanPDF(p)
	assert.ErrorContains(t, err, "funding")
}

// Bug 2: the service worker answers a page load it cannot fetch, such as
// a shared link reloaded with the server stopped, from the cached page.
// Bug 13: icon.svg is cached too, and og:url and og:image are left out
// without a domain and name it with one.
func TestOfflineWorkerAndOpenGraph(t *testing.T) {
	_, ok := workerTemplate()
	require.True(t, ok, "go-app's service worker no longer has the fetch function this replaces")
	s := New(fakeBundle(t, toolchainWasmExec(t)), Options{})
	sw := get(t, s, http.MethodGet, "/app-worker.js", nil).Body.String()
	assert.Contains(t, sw, `ignoreSearch: true`)
	assert.Contains(t, sw, `request.mode !== "navigate"`)
	assert.Contains(t, sw, `"/web/icon.svg"`)

	page := get(t, s, http.MethodGet, "/", nil).Body.String()
	assert.NotContains(t, page, `og:url`)
	assert.NotContains(t, page, `og:image`)
	assert.Contains(t, page, `og:title`)

	d := New(fakeBundle(t, toolchainWasmExec(t)), Options{Domain: "masa.example.org"})
	page = get(t, d, http.MethodGet, "/", nil).Body.String()
	assert.Contains(t, page, `<meta content="https://masa.example.org" property="og:url">`)
}
