package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/masa-go/masa/wasm/internal/ui"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Options configures New.
type Options struct {
	// PlanPDF, when set, serves GET /api/plan.pdf: the draft plan with
	// the scenario in the request applied. It is nil until a PDF renderer
	// is wired in, and the endpoint answers 404 meanwhile.
	PlanPDF http.Handler
	// Partnership is the partnership file the page starts from, passed
	// to the client as it is. Empty means the embedded Essex file.
	Partnership []byte
	// Domain is the public host name the app is served under, such as
	// "masa.example.org", for the page's og:url and og:image. Empty
	// leaves those out.
	Domain string
}

// Server serves the browser app: the prerendered page, app.wasm
// compressed with Brotli or gzip, the toolchain's wasm_exec.js, the
// stylesheet, icons, the service worker and the API endpoints.
//
// A server made by NewPending serves the prerendered page at once and
// holds requests for app.wasm until Ready hands it the built client.
type Server struct {
	opts    Options
	static  map[string]staticFile
	current atomic.Pointer[serving]
	ready   chan struct{}
	once    sync.Once
}

// serving is what the server serves for one bundle (or, before the
// bundle is ready, for none).
type serving struct {
	version         string
	wasmExecMatches bool
	bundle          *Bundle
	mux             *http.ServeMux
}

// Icon paths, served from memory.
const (
	iconSVGPath   = "/web/icon.svg"
	icon192Path   = "/web/icon-192.png"
	icon512Path   = "/web/icon-512.png"
	stylesPath    = "/web/masa.css"
	wasmPath      = "/web/app.wasm"
	wasmExecPath  = "/wasm_exec.js"
	planPDFPath   = "/api/plan.pdf"
	appName       = "masa funding scenarios"
	appShortName  = "masa funding"
	appThemeColor = "#1d4f91"
)

// serviceWorker is the service worker template (see workerTemplate).
var serviceWorker, _ = workerTemplate()

// New returns a server for the bundle. It registers the app's routes with
// go-app so that pages are prerendered on the server.
func New(b *Bundle, opts Options) *Server {
	s := NewPending(opts)
	s.Ready(b)
	return s
}

// NewPending returns a server whose client is still being built: it
// serves the prerendered page, the stylesheet and the icons at once, and
// holds requests for app.wasm until Ready is called.
func NewPending(opts Options) *Server {
	ui.Register()
	s := &Server{
		opts: opts,
		static: map[string]staticFile{
			stylesPath:  {"text/css; charset=utf-8", masaCSS},
			iconSVGPath: {"image/svg+xml", []byte(iconSVG)},
			icon192Path: {"image/png", iconPNG(192)},
			icon512Path: {"image/png", iconPNG(512)},
		},
		ready: make(chan struct{}),
	}
	s.current.Store(s.serve(nil))
	return s
}

// Ready hands the server its built client. Requests for app.wasm that
// were waiting are answered; later calls have no effect.
func (s *Server) Ready(b *Bundle) {
	s.once.Do(func() {
		s.current.Store(s.serve(b))
		close(s.ready)
	})
}

// Version is the app version go-app's service worker compares to decide
// whether an update is available: a hash of everything the browser
// downloads, so that a restart with the same build is not an update.
// Before the client is ready it is a hash of the files served so far
// and of the word "pending".
func (s *Server) Version() string { return s.current.Load().version }

// WasmExecMatches reports whether the wasm_exec.js go-app embeds is
// byte-for-byte the toolchain's. When it is not, the server serves the
// toolchain's copy instead. It is true before the client is ready.
func (s *Server) WasmExecMatches() bool { return s.current.Load().wasmExecMatches }

// serve makes the handlers for bundle b, or for the pending client when
// b is nil.
func (s *Server) serve(b *Bundle) *serving {
	h := sha256.New()
	wasmSize := ""
	if b != nil {
		h.Write([]byte(b.Hash))
		wasmSize = strconv.Itoa(b.WasmSize)
	} else {
		h.Write([]byte("pending"))
	}
	h.Write(s.opts.Partnership)
	for _, p := range []string{stylesPath, iconSVGPath, icon192Path, icon512Path} {
		h.Write([]byte(p))
		h.Write(s.static[p].body)
	}
	version := hex.EncodeToString(h.Sum(nil))[:20]
	sv := &serving{version: version, bundle: b, wasmExecMatches: true}
	env := map[string]string{}
	if len(s.opts.Partnership) > 0 {
		env[ui.PartnershipEnv] = string(s.opts.Partnership)
	}
	handler := &app.Handler{
		Name:            appName,
		ShortName:       appShortName,
		Title:           "Funding scenarios · masa",
		Description:     "Explore next year's partner contributions to the safeguarding partnership budget.",
		Lang:            "en-GB",
		Author:          "masa",
		BackgroundColor: "#ffffff",
		ThemeColor:      appThemeColor,
		LoadingLabel:    "Loading the calculator: {progress}%",
		Icon: app.Icon{
			Default:  icon192Path,
			Large:    icon512Path,
			Maskable: icon192Path,
			SVG:      iconSVGPath,
		},
		Styles: []string{stylesPath},
		// The SVG icon is the page's favicon: cache it for offline use
		// with the rest.
		CacheableResources:    []string{iconSVGPath},
		ServiceWorkerTemplate: serviceWorker,
		Domain:                s.opts.Domain,
		Version:               version,
		Env:                   env,
		WasmContentLength:     wasmSize,
		Resources: &resources{
			server:  s,
			version: version,
			bundle:  b,
			static:  s.static,
		},
	}
	sv.mux = http.NewServeMux()
	if b != nil {
		sv.wasmExecMatches = bytes.Equal(goAppWasmExec(), b.WasmExecJS)
		if !sv.wasmExecMatches {
			sv.mux.HandleFunc("GET "+wasmExecPath, sv.serveWasmExec)
		}
	}
	if s.opts.PlanPDF != nil {
		sv.mux.Handle("GET "+planPDFPath, s.opts.PlanPDF)
	}
	sv.mux.HandleFunc("/api/", http.NotFound)
	sv.mux.Handle("/", deterministicPages(handler, s.opts.Domain == ""))
	return sv
}

// ServeHTTP serves the app.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Referrer-Policy", "no-referrer")
	hdr.Set("X-Frame-Options", "DENY")
	switch r.Method {
	case http.MethodGet, http.MethodHead:
	default:
		hdr.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	s.current.Load().mux.ServeHTTP(w, r)
}

func (sv *serving) serveWasmExec(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/javascript")
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("Content-Length", strconv.Itoa(len(sv.bundle.WasmExecJS)))
	if r.Method == http.MethodHead {
		return
	}
	w.Write(sv.bundle.WasmExecJS)
}

// goAppWasmExec returns the wasm_exec.js that go-app serves.
func goAppWasmExec() []byte {
	var rec memoryResponse
	req, _ := http.NewRequest(http.MethodGet, wasmExecPath, nil)
	(&app.Handler{Icon: app.Icon{Default: icon192Path, SVG: iconSVGPath}}).ServeHTTP(&rec, req)
	return rec.body.Bytes()
}

// memoryResponse is a response written to memory.
type memoryResponse struct {
	header http.Header
	body   bytes.Buffer
}

func (m *memoryResponse) Header() http.Header {
	if m.header == nil {
		m.header = http.Header{}
	}
	return m.header
}
func (m *memoryResponse) Write(b []byte) (int, error) { return m.body.Write(b) }
func (m *memoryResponse) WriteHeader(int)             {}

type staticFile struct {
	contentType string
	body        []byte
}

// resources resolves and serves the files under /web/: app.wasm,
// Brotli- or gzip-compressed for clients that accept it, and the
// in-memory static files.
type resources struct {
	server  *Server
	version string
	bundle  *Bundle
	static  map[string]staticFile
}

// Resolve maps a /web/ path to the URL it is served from, which is the
// path itself: everything is served by this server.
func (res *resources) Resolve(location string) string {
	if location == "" || location == "/" {
		return "/"
	}
	if strings.HasPrefix(location, "http://") || strings.HasPrefix(location, "https://") {
		return location
	}
	if location != "web" && location != "/web" && !strings.HasPrefix(location, "web/") && !strings.HasPrefix(location, "/web/") {
		return location
	}
	return "/" + strings.Trim(location, "/")
}

func (res *resources) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	path := strings.TrimPrefix(r.URL.Path, "/"+res.version)
	hdr := w.Header()
	if path == wasmPath {
		b := res.bundle
		if b == nil {
			// The client is still being built: wait for it, then serve
			// the newest bundle. The build takes minutes, so this one
			// response is exempt from the server's write timeout (an
			// error means the writer has no deadline to lift).
			_ = http.NewResponseController(w).SetWriteDeadline(time.Time{})
			select {
			case <-res.server.ready:
			case <-r.Context().Done():
				return
			}
			b = res.server.current.Load().bundle
		}
		serveWasm(w, r, b)
		return
	}
	f, ok := res.static[path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	hdr.Set("Content-Type", f.contentType)
	hdr.Set("Content-Length", strconv.Itoa(len(f.body)))
	if r.Method != http.MethodHead {
		w.Write(f.body)
	}
}

// serveWasm serves app.wasm from b: Brotli-compressed to clients that
// accept it, else gzip-compressed, else decompressed.
func serveWasm(w http.ResponseWriter, r *http.Request, b *Bundle) {
	hdr := w.Header()
	hdr.Set("Content-Type", "application/wasm")
	hdr.Add("Vary", "Accept-Encoding")
	accept := r.Header.Get("Accept-Encoding")
	var body []byte
	switch {
	case b.WasmBrotli != nil && accepts(accept, "br"):
		hdr.Set("Content-Encoding", "br")
		body = b.WasmBrotli
	case accepts(accept, "gzip"):
		hdr.Set("Content-Encoding", "gzip")
		body = b.WasmGzip
	default:
		raw, err := b.Wasm()
		if err != nil {
			http.Error(w, "app.wasm could not be read", http.StatusInternalServerError)
			return
		}
		body = raw
	}
	hdr.Set("Content-Length", strconv.Itoa(len(body)))
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// accepts reports whether an Accept-Encoding header value admits the
// content coding (such as "gzip" or "br"): the coding listed with a
// non-zero quality, or, when it is not listed, a * coding with a
// non-zero quality.
func accepts(header, want string) bool {
	gzipQ, starQ := -1.0, -1.0
	for part := range strings.SplitSeq(header, ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		coding = strings.ToLower(strings.TrimSpace(coding))
		if coding != want && coding != "*" {
			continue
		}
		q := 1.0
		for p := range strings.SplitSeq(params, ";") {
			k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
			if strings.EqualFold(strings.TrimSpace(k), "q") {
				f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
				if err != nil || f < 0 || f > 1 {
					f = 0
				}
				q = f
			}
		}
		if coding == want {
			gzipQ = max(gzipQ, q)
		} else {
			starQ = max(starQ, q)
		}
	}
	if gzipQ >= 0 {
		return gzipQ > 0
	}
	return starQ > 0
}
