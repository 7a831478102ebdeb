package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSlowBodyIs408 is the regression test for bug 12 of issue 13: a body
// that does not arrive within the read timeout was a 400 whose message
// named the socket addresses.
func TestSlowBodyIs408(t *testing.T) {
	h := newTestServer(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	srv := &http.Server{Handler: h, ReadHeaderTimeout: time.Second, ReadTimeout: 200 * time.Millisecond}
	go func() { _ = srv.Serve(ln) }()
	defer srv.Close()

	conn, err := net.Dial("tcp", ln.Addr().String())
	require.NoError(t, err)
	defer conn.Close()
	_, err = fmt.Fprintf(conn, "POST /v1/funding/apportion HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"name\":")
	require.NoError(t, err)
	// The rest of the body never comes; the server's read deadline ends
	// the wait.
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	assert.Equal(t, http.StatusRequestTimeout, resp.StatusCode, "%s", body)
	assert.NotContains(t, string(body), "127.0.0.1")
	assert.NotContains(t, string(body), "tcp")
	assertDocumented(t, "POST", "/v1/funding/apportion", resp.StatusCode)
}

// TestLimiterAnswers503 fills the limiter and checks that the next
// request is answered at once with 503 and Retry-After.
func TestLimiterAnswers503(t *testing.T) {
	l := newLimiter(1)
	entered, release := make(chan struct{}), make(chan struct{})
	h := l.wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(entered)
		<-release
	}))
	done := make(chan struct{})
	go func() {
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/v1/plan", nil))
		close(done)
	}()
	<-entered
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/v1/plan", nil))
	assert.Equal(t, http.StatusServiceUnavailable, rec.Code)
	assert.Equal(t, "1", rec.Header().Get("Retry-After"))
	readProblem(t, rec)
	close(release)
	<-done
	// The slot is free again.
	rec = httptest.NewRecorder()
	l.wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {})).ServeHTTP(rec, httptest.NewRequest("GET", "/v1/plan", nil))
	assert.Equal(t, http.StatusOK, rec.Code)
	for _, target := range []string{"/v1/plan", "/v1/plan/draft", "/v1/annual-report"} {
		method := "POST"
		assertDocumented(t, method, target, http.StatusServiceUnavailable)
	}
	assertDocumented(t, "GET", "/v1/plan", http.StatusServiceUnavailable)
}

// TestLeftClientStopsWork: a request whose client has gone is not
// served; the log records 499.
func TestLeftClientStopsWork(t *testing.T) {
	var logs syncBuffer
	h, err := newServer(testDeps(&logs))
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req := httptest.NewRequest("POST", "/v1/plan?format=html", strings.NewReader(`{}`)).WithContext(ctx)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	assert.Equal(t, statusClientClosed, rec.Code)
	assert.Contains(t, logs.String(), `"status":499`)
}

// TestShutdownLogsRequestsThatOutliveGrace: a request still running when
// the grace period ends is logged with its method and path.
func TestShutdownLogsRequestsThatOutliveGrace(t *testing.T) {
	started, release := make(chan struct{}), make(chan struct{})
	defer close(release)
	flight := newInflight()
	h := flight.wrap(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		close(started)
		<-release
	}))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	var logs syncBuffer
	log, err := newLogger(&logs, "text", "info")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- serveWithin(ctx, &http.Server{Handler: h, ReadHeaderTimeout: time.Second}, ln, log, nil, flight, 50*time.Millisecond)
	}()
	go func() {
		resp, err := http.Get("http://" + ln.Addr().String() + "/v1/slow")
		if err == nil {
			resp.Body.Close()
		}
	}()
	<-started
	cancel()
	err = <-done
	require.Error(t, err)
	assert.Contains(t, logs.String(), "request outlived the shutdown grace period")
	assert.Contains(t, logs.String(), "path=/v1/slow")
}

// TestLoad sends a bounded mix of valid and hostile requests from several
// clients at once over 127.0.0.1, and checks that none is answered with a
// 5xx other than the limiter's 503, that nothing panics, and that the heap
// stays within bounds while it runs.
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("load test skipped in -short mode")
	}
	var logs syncBuffer
	d := testDeps(&logs)
	d.MaxExpensive = 2
	h, err := newServer(d)
	require.NoError(t, err)
	ts := httptest.NewServer(h)
	defer ts.Close()

	riverside, err := os.ReadFile("../../masa/testdata/riverside.json")
	require.NoError(t, err)
	type try struct {
		method, target, body string
	}
	tries := []try{
		{"GET", "/v1/partnership", ""},
		{"GET", "/healthz", ""},
		{"POST", "/v1/partnership/validate", string(riverside)},
		{"POST", "/v1/plan?format=html", string(riverside)},
		{"GET", "/v1/plan?format=html", ""},
		{"POST", "/v1/funding/apportion?format=csv", formulaScenario},
		{"POST", "/v1/reviews/overdue?on=2021-04-01", `{"cases":[]}`},
		// Hostile.
		{"POST", "/v1/funding/apportion", `{"events":` + strings.Repeat("[", 10010)},
		{"POST", "/v1/plan", `{}`},
		{"POST", "/v1/plan", strings.Replace(string(riverside), `"Riverside Safeguarding Children Partnership"`, `"`+strings.Repeat("x", 100000)+`"`, 1)},
		{"POST", "/v1/partnership/validate", strings.Replace(string(riverside), `"120000.00"`, `"`+strings.Repeat("7", 500000)+`"`, 1)},
		{"POST", "/v1/funding/apportion", `{"name":"a\u001b[2J"}`},
		{"POST", "/v1/reviews/overdue", `{"cases":[{"ref":"9434765919","facts":{"aware":"9999-12-31"}}]}`},
		{"POST", "/v1/funding/apportion", strings.Repeat("x", 2<<20)},
		{"GET", "/v1/plan?format=docx", ""},
		{"GET", "/v1/nowhere", ""},
	}
	const workers, perWorker = 6, 24
	var (
		mu      sync.Mutex
		counts  = map[int]int{}
		bad     []string
		maxHeap uint64
	)
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		var ms runtime.MemStats
		for {
			select {
			case <-stop:
				return
			default:
			}
			runtime.ReadMemStats(&ms)
			mu.Lock()
			maxHeap = max(maxHeap, ms.HeapInuse)
			mu.Unlock()
			time.Sleep(5 * time.Millisecond) // sampling period, not a timing assertion
		}
	}()
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := range perWorker {
				tr := tries[(w*7+i)%len(tries)]
				var body io.Reader
				if tr.body != "" {
					body = strings.NewReader(tr.body)
				}
				req, err := http.NewRequest(tr.method, ts.URL+tr.target, body)
				if err != nil {
					panic(err)
				}
				if body != nil {
					req.Header.Set("Content-Type", "application/json")
				}
				resp, err := ts.Client().Do(req)
				if err != nil {
					mu.Lock()
					bad = append(bad, tr.target+": "+err.Error())
					mu.Unlock()
					continue
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				mu.Lock()
				counts[resp.StatusCode]++
				if resp.StatusCode >= 500 && !(resp.StatusCode == http.StatusServiceUnavailable && expensiveTarget(tr.method, tr.target)) {
					bad = append(bad, fmt.Sprintf("%s %s: %d", tr.method, tr.target, resp.StatusCode))
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	close(stop)
	<-sampled
	t.Logf("statuses %v, peak heap in use %d MB", counts, maxHeap>>20)
	assert.Empty(t, bad)
	assert.NotContains(t, logs.String(), `"msg":"panic"`)
	assert.Less(t, maxHeap, uint64(512<<20), "peak heap in use")
	assert.Equal(t, workers*perWorker, sum(counts))
}

func expensiveTarget(method, target string) bool {
	path, _, _ := strings.Cut(target, "?")
	return expensive[method+" "+path]
}

func sum(m map[int]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}
