//go:build e2e

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

func TestSmoke(t *testing.T) {
	tb := newTab(t, 1280, 900)
	tb.do(t, chromedp.Navigate(baseURL+"/"))
	tb.ready(t)
	t.Log(tb.text(t, "#total"))
	tb.screenshot(t, "smoke.png")
}
