//go:build e2e && profile

package e2e

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/chromedp"
	"github.com/masa-go/masa/wasm/internal/server"
	"github.com/stretchr/testify/require"
)

// TestProfile builds app.wasm with its function names kept, types 100
// budgets while Chrome's sampling profiler runs, and logs where the time
// went: by function, and inclusive for the masa and go-app packages. It
// is the tool behind the re-render figures in BENCHMARKS.md:
//
//	go test -tags 'e2e profile' -run TestProfile -v ./wasm/e2e
func TestProfile(t *testing.T) {
	tc, err := server.FindToolchain(context.Background(), ".")
	require.NoError(t, err)
	root, _ := server.ModuleRoot(".")
	out := t.TempDir() + "/app.wasm"
	cmd := exec.Command(tc.Go, "build", "-trimpath", "-o", out, server.ClientPackage)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	b, err := cmd.CombinedOutput()
	require.NoError(t, err, string(b))
	wasm, _ := os.ReadFile(out)
	js, _ := os.ReadFile(tc.WasmExecPath())
	bd, err := server.NewBundle(wasm, js, tc.Version)
	require.NoError(t, err)
	ts := httptest.NewServer(server.New(bd, server.Options{}))
	defer ts.Close()
	tb := newTab(t, 1280, 900)
	tb.do(t, chromedp.Navigate(ts.URL+"/"))
	tb.ready(t)
	eval[map[string][]float64](t, tb, editScript) // warm up
	_, err = chromedp.Call(tb.ctx, profiler.Enable, struct{}{})
	require.NoError(t, err)
	_, err = chromedp.Call(tb.ctx, profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: 50})
	require.NoError(t, err)
	_, err = chromedp.Call(tb.ctx, profiler.Start, struct{}{})
	require.NoError(t, err)
	res := eval[map[string][]float64](t, tb, editScript)
	t.Logf("dom: %s", stats(res["dom"]))
	r, err := chromedp.Call(tb.ctx, profiler.Stop, struct{}{})
	require.NoError(t, err)
	p := r.Profile
	byID := map[int64]*profiler.ProfileNode{}
	parent := map[int64]int64{}
	for _, n := range p.Nodes {
		byID[n.ID] = n
		for _, c := range n.Children {
			parent[c] = n.ID
		}
	}
	self := map[string]int64{}
	incl := map[string]int64{}
	for i, s := range p.Samples {
		d := p.TimeDeltas[i]
		n := byID[s]
		self[n.CallFrame.FunctionName] += d
		seen := map[string]bool{}
		for id := s; id != 0; id = parent[id] {
			name := byID[id].CallFrame.FunctionName
			if !seen[name] {
				incl[name] += d
				seen[name] = true
			}
			if _, ok := parent[id]; !ok {
				break
			}
		}
	}
	type kv struct {
		k string
		v int64
	}
	top := func(m map[string]int64, n int, filter string) {
		var s []kv
		for k, v := range m {
			if filter == "" || strings.Contains(k, filter) {
				s = append(s, kv{k, v})
			}
		}
		sort.Slice(s, func(i, j int) bool { return s[i].v > s[j].v })
		for i := 0; i < n && i < len(s); i++ {
			t.Logf("%8.1fms %s", float64(s[i].v)/1000, s[i].k)
		}
	}
	t.Log("SELF")
	top(self, 35, "")
	t.Log("INCLUSIVE masa")
	top(incl, 25, "masa")
	t.Log("INCLUSIVE go-app")
	top(incl, 25, "go_app")
	t.Log("INCLUSIVE runtime")
	top(incl, 15, "runtime.")
}
