//go:build e2e && exp

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

func TestExperiment(t *testing.T) {
	variants := map[string]string{
		"none":         ``,
		"no-chart":     `.chart{display:none}`,
		"no-explain":   `#explanations,#steps{display:none}`,
		"no-form":      `form.controls{display:none}`,
		"only-table":   `form.controls,.chart,#explanations,#steps,#share,header,footer{display:none}`,
	}
	for _, name := range []string{"none", "no-chart", "no-explain", "no-form", "only-table", "none"} {
		tb := newTab(t, 1280, 900)
		tb.do(t, chromedp.Navigate(baseURL+"/"))
		tb.ready(t)
		tb.do(t, chromedp.Evaluate[chromedp.Void](`(() => { const s = document.createElement('style'); s.textContent = `+"`"+variants[name]+"`"+`; document.head.appendChild(s); })()`))
		eval[map[string][]float64](t, tb, editScript) // warm up
		res := eval[map[string][]float64](t, tb, editScript)
		t.Logf("%-12s dom %s", name, stats(res["dom"]))
	}
}
