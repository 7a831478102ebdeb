package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"

	"github.com/masa-go/masa/wasm/internal/ui"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Options configures New.
type Options struct {
	// PlanPDF, when set, serves GET /api/plan.pdf: the draft plan with
	// the scenario in the request applied. It is nil until a PDF renderer
	// is wired in, and the endpoint answers 404 meanwhile.
	PlanPDF http.Handler
}

// Server serves the browser app: the prerendered page, app.wasm
// compressed with gzip, the toolchain's wasm_exec.js, the stylesheet,
// icons, the service worker and the API endpoints.
type Server struct {
	// Version is the app version go-app's service worker compares to
	// decide whether an update is available: a hash of everything the
	// browser downloads, so that a restart with the same build is not an
	// update.
	Version string
	// WasmExecMatches reports whether the wasm_exec.js go-app embeds is
	// byte-for-byte the toolchain's. When it is not, the server serves
	// the toolchain's copy instead.
	WasmExecMatches bool

	bundle *Bundle
	app    *app.Handler
	mux    *http.ServeMux
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

// New returns a server for the bundle. It registers the app's routes with
// go-app so that pages are prerendered on the server.
func New(b *Bundle, opts Options) *Server {
	ui.Register()
	static := map[string]staticFile{
		stylesPath:  {"text/css; charset=utf-8", masaCSS},
		iconSVGPath: {"image/svg+xml", []byte(iconSVG)},
		icon192Path: {"image/png", iconPNG(192)},
		icon512Path: {"image/png", iconPNG(512)},
	}
	h := sha256.New()
	h.Write([]byte(b.Hash))
	for _, p := range []string{stylesPath, iconSVGPath, icon192Path, icon512Path} {
		h.Write([]byte(p))
		h.Write(static[p].body)
	}
	version := hex.EncodeToString(h.Sum(nil))[:20]

	s := &Server{Version: version, bundle: b}
	s.app = &app.Handler{
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
		Styles:            []string{stylesPath},
		Version:           version,
		WasmContentLength: strconv.Itoa(len(b.Wasm)),
		Resources: &resources{
			version:  version,
			wasm:     b.Wasm,
			wasmGzip: b.WasmGzip,
			static:   static,
		},
	}
	s.WasmExecMatches = bytes.Equal(goAppWasmExec(), b.WasmExecJS)

	s.mux = http.NewServeMux()
	if !s.WasmExecMatches {
		s.mux.HandleFunc("GET "+wasmExecPath, s.serveWasmExec)
	}
	if opts.PlanPDF != nil {
		s.mux.Handle("GET "+planPDFPath, opts.PlanPDF)
	}
	s.mux.HandleFunc("/api/", http.NotFound)
	s.mux.Handle("/", deterministicPages(s.app))
	return s
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
	s.mux.ServeHTTP(w, r)
}

func (s *Server) serveWasmExec(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/javascript")
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("Content-Length", strconv.Itoa(len(s.bundle.WasmExecJS)))
	if r.Method == http.MethodHead {
		return
	}
	w.Write(s.bundle.WasmExecJS)
}

// goAppWasmExec returns the wasm_exec.js that go-app serves.
func goAppWasmExec() []byte {
	rec := httptest.NewRecorder()
	(&app.Handler{Icon: app.Icon{Default: icon192Path, SVG: iconSVGPath}}).
		ServeHTTP(rec, httptest.NewRequest(http.MethodGet, wasmExecPath, nil))
	return rec.Body.Bytes()
}

type staticFile struct {
	contentType string
	body        []byte
}

// resources resolves and serves the files under /web/: app.wasm, gzip
// compressed for clients that accept it, and the in-memory static files.
type resources struct {
	version  string
	wasm     []byte
	wasmGzip []byte
	static   map[string]staticFile
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
		hdr.Set("Content-Type", "application/wasm")
		hdr.Add("Vary", "Accept-Encoding")
		body := res.wasm
		if acceptsGzip(r.Header.Get("Accept-Encoding")) {
			hdr.Set("Content-Encoding", "gzip")
			body = res.wasmGzip
		}
		hdr.Set("Content-Length", strconv.Itoa(len(body)))
		if r.Method != http.MethodHead {
			w.Write(body)
		}
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

// acceptsGzip reports whether an Accept-Encoding header value admits
// gzip: gzip listed with a non-zero quality, or, when gzip is not listed,
// a * coding with a non-zero quality.
func acceptsGzip(header string) bool {
	gzipQ, starQ := -1.0, -1.0
	for part := range strings.SplitSeq(header, ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		coding = strings.ToLower(strings.TrimSpace(coding))
		if coding != "gzip" && coding != "*" {
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
		if coding == "gzip" {
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
