//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"github.com/masa-go/masa/masa"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/masa-go/masa/wasm/internal/server"
	"github.com/masa-go/masa/wasm/internal/wasmgen"
)

// The app is built once and served for every test by an httptest server,
// which listens on 127.0.0.1.
var (
	baseURL string
	bundle  *server.Bundle
	srv     *server.Server
	// brotliQuality is the quality app.wasm was compressed at, unless
	// go generate's best-quality form was reused.
	brotliQuality int
)

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	cache, err := os.MkdirTemp("", "masa-e2e-wasm-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer os.RemoveAll(cache)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	// The client as go generate makes it: Brotli and gzip, reusing the
	// Brotli form go generate left in wasm/cmd/serve/dist when app.wasm
	// is unchanged. Otherwise Brotli runs at quality 5 (seconds, not the
	// minutes of the best quality) unless MASA_E2E_BROTLI_QUALITY says
	// otherwise; TestMeasure logs which.
	previous, _ := server.LoadBundle(os.DirFS(filepath.Join("..", "cmd", "serve", "dist")))
	brotliQuality = 5
	if q, err := strconv.Atoi(os.Getenv("MASA_E2E_BROTLI_QUALITY")); err == nil && q >= 0 && q <= wasmgen.BestQuality {
		brotliQuality = q
	}
	bundle, err = wasmgen.Generate(ctx, ".", cache, os.Stderr, previous, brotliQuality)
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	planPDF, err := server.PlanPDF(masa.Essex())
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	srv = server.New(bundle, server.Options{PlanPDF: planPDF})
	ts := httptest.NewServer(srv)
	defer ts.Close()
	baseURL = ts.URL
	return m.Run()
}

// chromium returns the path of the browser: $CHROMIUM, or chromium or
// chromium-browser on the PATH.
func chromium(t testing.TB) string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("no chromium on the PATH: apt-get install -y chromium, or set CHROMIUM")
	return ""
}

// tab is one browser with a fresh profile, and the console messages and
// uncaught exceptions its page produced.
type tab struct {
	ctx context.Context

	mu       sync.Mutex
	console  []string
	failures []string
}

// newTab starts a headless chromium with a fresh profile and opens a tab.
// At the end of the test it fails the test if the page logged an error,
// a Go panic or an uncaught exception.
func newTab(t testing.TB, width, height int) *tab {
	t.Helper()
	profile := t.TempDir()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium(t)),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(width, height),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	tb := &tab{}
	ctx, cancelTab := chromedp.NewContext(allocCtx, chromedp.WithListener(tb.listen))
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() {
		cancelTimeout()
		cancelTab()
		cancelAlloc()
	})
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	tb.ctx = ctx
	t.Cleanup(func() {
		tb.mu.Lock()
		defer tb.mu.Unlock()
		for _, f := range tb.failures {
			t.Errorf("browser console: %s", f)
		}
	})
	return tb
}

func (tb *tab) listen(ev any) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		var parts []string
		for _, a := range ev.Args {
			if a.Value != nil {
				parts = append(parts, strings.Trim(string(a.Value), `"`))
			} else {
				parts = append(parts, a.Description)
			}
		}
		text := string(ev.Type) + ": " + strings.Join(parts, " ")
		tb.console = append(tb.console, text)
		lower := strings.ToLower(text)
		if ev.Type == runtime.ConsoleAPICalledTypeError ||
			strings.Contains(lower, "panic") || strings.Contains(lower, "fatal error") {
			tb.failures = append(tb.failures, text)
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		text := d.Text
		if d.Exception != nil {
			text += " " + d.Exception.Description
		}
		tb.failures = append(tb.failures, "uncaught exception: "+text)
	}
}

// consoleLines returns the console messages so far.
func (tb *tab) consoleLines() []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return append([]string(nil), tb.console...)
}

// do runs actions, failing the test on error.
func (tb *tab) do(t testing.TB, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(tb.ctx, actions...); err != nil {
		t.Fatalf("browser: %v\nconsole:\n%s", err, strings.Join(tb.consoleLines(), "\n"))
	}
}

// text returns the text of the first element matching a CSS selector.
func (tb *tab) text(t testing.TB, sel string) string {
	t.Helper()
	s, err := chromedp.Run(tb.ctx, chromedp.Text(chromedp.CSS(sel), chromedp.NodeVisible))
	if err != nil {
		t.Fatalf("reading %s: %v", sel, err)
	}
	return strings.TrimSpace(s)
}

// eval evaluates a JavaScript expression and decodes its value.
func eval[T any](t testing.TB, tb *tab, js string) T {
	t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

// screenshot saves a full-page PNG in the test's artifact directory (kept
// with go test -artifacts) and returns its path.
func (tb *tab) screenshot(t *testing.T, name string) string {
	t.Helper()
	buf, err := chromedp.Run(tb.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	path := filepath.Join(t.ArtifactDir(), name)
	if err := os.WriteFile(path, buf, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
	return path
}

// ready waits until the WebAssembly client has mounted the page.
func (tb *tab) ready(t testing.TB) {
	t.Helper()
	tb.do(t, chromedp.WaitVisible(chromedp.CSS(`[data-client="ready"]`)))
}
