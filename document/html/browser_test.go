package html_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/masa-go/masa/annualreport"
	"github.com/masa-go/masa/board"
	"github.com/masa-go/masa/document"
	"github.com/masa-go/masa/document/html"
	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/plan"
	"github.com/masa-go/masa/vocab"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The browser tests load the published HTML documents in headless
// Chromium. They need two things, which CI (.ci/run) installs:
//
//   - chromium on the PATH, or its path in $CHROMIUM;
//   - axe-core's axe.min.js (npm install axe-core), its path in
//     $MASA_AXE_JS.
//
// Without them the tests skip and say why. With $MASA_SCREENSHOTS set to a
// directory, each document is also saved there as a PNG at phone and
// desktop widths, for a person to look at.

// browserDocuments are the HTML documents the tests check: the Essex
// plan, the yearly report as a draft with parts missing and as ready, and
// the board's key messages digest of 2018/19 with its action log.
func browserDocuments(t *testing.T) map[string]*document.Document {
	t.Helper()
	p, err := plan.Build(masa.Essex())
	require.NoError(t, err)
	data, err := os.ReadFile("../../examples/annualreport/testdata/sample-2020-21.json")
	require.NoError(t, err)
	report := func(ready bool) *document.Document {
		in, err := annualreport.Parse(data)
		require.NoError(t, err)
		if !ready {
			in.Effectiveness, in.ReviewActions = nil, nil
		}
		r, err := annualreport.Assemble(masa.Essex(), in)
		require.NoError(t, err)
		if ready {
			require.NoError(t, r.MarkReady(vocab.MustDate("2021-07-20")))
		}
		return annualreport.Publish(r, vocab.MustDate("2021-06-30"))
	}
	b, err := board.Parse(board.EssexJSON())
	require.NoError(t, err)
	bd, err := board.Bind(masa.Essex(), b)
	require.NoError(t, err)
	year := vocab.FinancialYear(2018).Period()
	log, err := bd.Actions(nil, vocab.MustDate("2019-04-15"))
	require.NoError(t, err)
	structure, err := bd.On(vocab.MustDate("2019-04-15"))
	require.NoError(t, err)
	digest := board.Publish(bd.Digest(year), log, structure, vocab.MustDate("2019-04-15"))
	return map[string]*document.Document{"plan": p, "report-draft": report(false), "report-ready": report(true), "board-digest": digest}
}

func chromiumPath(t *testing.T) string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no chromium on the PATH (apt-get install -y chromium, or set CHROMIUM): browser checks skipped")
	return ""
}

// browse starts a headless Chromium showing a w×h viewport.
func browse(t *testing.T, w, h int64, mobile bool) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath(t)),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(alloc)
	ctx, cancelTimeout := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancelTab(); cancelAlloc() })
	emulate := []chromedp.EmulateViewportOption{}
	if mobile {
		emulate = append(emulate, chromedp.EmulateMobile)
	}
	_, err := chromedp.Run(ctx, chromedp.EmulateViewport(w, h, emulate...))
	require.NoError(t, err)
	return ctx
}

// serve serves each document's HTML at /<name>.html.
func serve(t *testing.T, docs map[string]*document.Document) string {
	t.Helper()
	pages := map[string][]byte{}
	for name, d := range docs {
		b, err := html.Bytes(d)
		require.NoError(t, err)
		pages["/"+name+".html"] = b
	}
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write(b)
	}))
	t.Cleanup(ts.Close)
	return ts.URL
}

// violation is one rule axe-core found broken.
type violation struct {
	ID    string `json:"id"`
	Help  string `json:"help"`
	Nodes []struct {
		Target []any `json:"target"`
	} `json:"nodes"`
}

// TestAxeReportsNoViolations runs axe-core's default rules (WCAG 2 A and
// AA and best practices) on every document at phone and desktop widths.
func TestAxeReportsNoViolations(t *testing.T) {
	axePath := os.Getenv("MASA_AXE_JS")
	if axePath == "" {
		t.Skip("MASA_AXE_JS is not set (npm install axe-core; MASA_AXE_JS=node_modules/axe-core/axe.min.js): axe-core checks skipped")
	}
	axe, err := os.ReadFile(axePath)
	require.NoError(t, err)
	docs := browserDocuments(t)
	base := serve(t, docs)
	for _, width := range []int64{390, 1280} {
		ctx := browse(t, width, 844, width < 500)
		for name := range docs {
			t.Run(fmt.Sprintf("%s at %d px", name, width), func(t *testing.T) {
				_, err := chromedp.Run(ctx, chromedp.Navigate(base+"/"+name+".html"))
				require.NoError(t, err)
				_, err = chromedp.Run(ctx, chromedp.Evaluate[any](string(axe)+";0"))
				require.NoError(t, err)
				violations, err := chromedp.Run(ctx, chromedp.Evaluate[[]violation](`axe.run(document).then(r => r.violations)`, chromedp.EvalAwaitPromise))
				require.NoError(t, err)
				for _, v := range violations {
					t.Errorf("axe %s: %s (%d nodes, first %v)", v.ID, v.Help, len(v.Nodes), v.Nodes[0].Target)
				}
			})
		}
	}
}

// TestFitsAPhone checks that nothing is wider than a 390 px phone, so no
// column of a table is cut off, and that the bars of every chart start
// from one line.
func TestFitsAPhone(t *testing.T) {
	docs := browserDocuments(t)
	base := serve(t, docs)
	shots := os.Getenv("MASA_SCREENSHOTS")
	for _, width := range []int64{390, 1280} {
		ctx := browse(t, width, 844, width < 500)
		for name := range docs {
			t.Run(fmt.Sprintf("%s at %d px", name, width), func(t *testing.T) {
				_, err := chromedp.Run(ctx, chromedp.Navigate(base+"/"+name+".html"))
				require.NoError(t, err)
				scrollW, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`document.documentElement.scrollWidth`))
				require.NoError(t, err)
				// A phone browser widens its viewport to show content that
				// overflows, so the window's own width is the measure.
				innerW := float64(width)
				overflowing, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](fmt.Sprintf(`[...document.querySelectorAll('table, figure, th, td')].filter(e => e.getBoundingClientRect().right > %d.5).map(e => e.tagName + ' ' + (e.id || e.textContent.slice(0, 40)))`, width)))
				require.NoError(t, err)
				barStarts, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`[...document.querySelectorAll('.chart .track')].map(e => Math.round(e.getBoundingClientRect().left * 10) / 10)`))
				require.NoError(t, err)
				assert.LessOrEqual(t, scrollW, innerW, "the page is wider than the %d px window", width)
				assert.Empty(t, overflowing, "cut off at the right edge")
				for i := 1; i < len(barStarts); i++ {
					assert.InDelta(t, barStarts[0], barStarts[i], 0.5, "bar %d does not start from the common line", i)
				}
				if shots != "" {
					png, err := chromedp.Run(ctx, chromedp.FullScreenshot(80))
					require.NoError(t, err)
					file := filepath.Join(shots, fmt.Sprintf("%s-%d.jpg", strings.ReplaceAll(name, " ", "-"), width))
					require.NoError(t, os.WriteFile(file, png, 0o644))
				}
			})
		}
	}
}
