//go:build e2e && measure

package e2e

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
)

// TestMeasure records the figures BENCHMARKS.md reports. It asserts
// nothing about time, so it is a tool, not a check: it builds only with
// the measure tag, and CI leaves it out. Run it with -v and read the log:
//
//	go test -tags 'e2e measure' -run TestMeasure -v ./wasm/e2e
func TestMeasure(t *testing.T) {
	t.Logf("app.wasm: %d bytes, %d bytes gzip-compressed (%.3f MB), %d bytes Brotli (%.3f MB)",
		bundle.WasmSize, len(bundle.WasmGzip), float64(len(bundle.WasmGzip))/1e6, len(bundle.WasmBrotli), float64(len(bundle.WasmBrotli))/1e6)

	// Time from navigation to the allocation table on screen, and to the
	// WebAssembly client taking over, for a first visit (fresh profile,
	// empty caches) and a repeat visit (service worker cache).
	const loads = 20
	var firstTable, firstReady, repeatTable, repeatReady []float64
	for range loads {
		tb := newTab(t, 1280, 900)
		_, err := chromedp.Call(tb.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: markScript})
		require.NoError(t, err)
		for visit := range 2 {
			tb.do(t, chromedp.Navigate(baseURL+"/"))
			tb.ready(t)
			tb.waitFor(t, `window.__marks && window.__marks.ready > 0 && window.__marks.table > 0`)
			m := eval[map[string]float64](t, tb, `window.__marks`)
			if visit == 0 {
				firstTable = append(firstTable, m["table"])
				firstReady = append(firstReady, m["ready"])
			} else {
				repeatTable = append(repeatTable, m["table"])
				repeatReady = append(repeatReady, m["ready"])
			}
		}
	}
	t.Logf("load average before: %s", loadavg())
	t.Logf("first visit, first contentful paint:     %s", stats(firstTable))
	t.Logf("first visit, client running (wasm):      %s", stats(firstReady))
	t.Logf("repeat visit, first contentful paint:    %s", stats(repeatTable))
	t.Logf("repeat visit, client running (wasm):     %s", stats(repeatReady))

	// Re-render per edit: from the input event to the total cell
	// showing the new figure, and to the next animation frame after it,
	// over 100 edits of the budget.
	tb := newTab(t, 1280, 900)
	tb.do(t, chromedp.Navigate(baseURL+"/"))
	tb.ready(t)
	for _, merged := range []bool{false, true} {
		if merged {
			tb.do(t, chromedp.Click(chromedp.CSS(`#field-icb`)))
			tb.waitFor(t, `document.querySelectorAll('#allocation tbody tr').length === 8`)
		}
		res := eval[map[string][]float64](t, tb, editScript)
		label := "baseline form"
		if merged {
			label = "merged form   "
		}
		t.Logf("edit to DOM updated (%s, 100 edits): %s; load average after: %s", label, stats(res["dom"]), loadavg())
		t.Logf("  first ten: %s", firstTen(res["dom"]))
		t.Logf("edit to next frame  (%s, 100 edits): %s", label, stats(res["frame"]))
	}
}

// markScript records, relative to navigation start, Chromium's own first
// contentful paint (a PerformancePaintTiming entry; the prerendered page
// holds the table, so this is the table on screen) and when the client
// marks the page ready.
const markScript = `
window.__marks = {table: 0, ready: 0};
new PerformanceObserver(list => {
  for (const e of list.getEntries()) {
    if (e.name === 'first-contentful-paint' && !window.__marks.table) window.__marks.table = e.startTime;
  }
}).observe({type: 'paint', buffered: true});
const mark = () => {
  if (!window.__marks.ready && document.querySelector('[data-client="ready"] #allocation tfoot')) {
    requestAnimationFrame(() => { window.__marks.ready = window.__marks.ready || performance.now(); });
  }
};
new MutationObserver(mark).observe(document, {childList: true, subtree: true, attributes: true});
document.addEventListener('DOMContentLoaded', mark);
`

// editScript types 100 budgets, one at a time, timing each.
const editScript = `(async () => {
  const input = document.getElementById('field-budget');
  const cell = () => document.querySelector('#total td.new').textContent;
  const dom = [], frame = [];
  for (let i = 0; i < 100; i++) {
    const budget = 400000 + i * 37;
    const want = '£' + budget.toLocaleString('en-GB');
    await new Promise(r => setTimeout(r, 20));
    const t0 = performance.now();
    input.value = String(budget);
    input.dispatchEvent(new Event('input', {bubbles: true}));
    await new Promise(resolve => {
      const check = () => {
        if (cell() === want) { dom.push(performance.now() - t0); requestAnimationFrame(() => { frame.push(performance.now() - t0); resolve(); }); return true; }
        return false;
      };
      if (check()) return;
      const obs = new MutationObserver(() => { if (check()) obs.disconnect(); });
      obs.observe(document.getElementById('allocation'), {childList: true, subtree: true, characterData: true});
    });
  }
  return {dom, frame};
})()`

// stats formats the median, 95th percentile and maximum in milliseconds.
func stats(ms []float64) string {
	if len(ms) == 0 {
		return "no samples"
	}
	s := slices.Clone(ms)
	slices.Sort(s)
	pct := func(p float64) float64 {
		i := int(p*float64(len(s))+0.5) - 1
		return s[max(0, min(i, len(s)-1))]
	}
	return fmt.Sprintf("median %s, p95 %s, max %s (n=%d)", ms2(pct(0.5)), ms2(pct(0.95)), ms2(s[len(s)-1]), len(s))
}

func ms2(v float64) string {
	return (time.Duration(v * float64(time.Millisecond))).Round(100 * time.Microsecond).String()
}

func firstTen(ms []float64) string {
	var out []string
	for _, v := range ms[:min(10, len(ms))] {
		out = append(out, ms2(v))
	}
	return fmt.Sprint(out)
}

// loadavg returns the machine's load averages, to record beside the
// figures.
func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	return strings.TrimSpace(string(b))
}
