package main

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/masa-go/masa/masa"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// startRun runs the service in the background on a free loopback port and
// returns its base URL, its logs and a function that stops it and returns
// run's error.
func startRun(t *testing.T, args ...string) (string, *syncBuffer, func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	logs := &syncBuffer{}
	addr := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, append([]string{"-addr", "127.0.0.1:0"}, args...), logs, func(a string) { addr <- a })
	}()
	select {
	case a := <-addr:
		stop := func() error { cancel(); return <-done }
		t.Cleanup(func() { cancel() })
		return "http://" + a, logs, stop
	case err := <-done:
		cancel()
		t.Fatalf("run: %v\n%s", err, logs)
	}
	return "", nil, nil
}

// TestRunServesAndStops starts the real server on a loopback port, serves
// a request, and shuts down cleanly when the context ends.
func TestRunServesAndStops(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "essex.json")
	require.NoError(t, os.WriteFile(file, masa.EssexJSON(), 0o644))
	base, logs, stop := startRun(t, "-partnership", file, "-log-format", "json", "-log-level", "debug")
	assert.True(t, strings.HasPrefix(base, "http://127.0.0.1:"), base)

	resp, err := http.Get(base + "/v1/lead-areas/cspr-ratification?on=2020-06-29")
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode, "%s", body)
	assert.Contains(t, string(body), "Assistant Chief Constable")

	require.NoError(t, stop())
	out := logs.String()
	for _, msg := range []string{`"msg":"listening"`, `"msg":"request"`, `"msg":"shutting down"`, `"msg":"stopped"`} {
		assert.Contains(t, out, msg)
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		assert.True(t, json.Valid([]byte(line)), "log line is not JSON: %s", line)
	}
	_, err = http.Get(base + "/healthz")
	assert.Error(t, err, "the listener is closed after shutdown")
}

// TestServeFinishesRequestsInFlight checks the graceful shutdown: a
// request being handled when shutdown starts is answered in full, and
// serve returns only after it.
func TestServeFinishesRequestsInFlight(t *testing.T) {
	started, release := make(chan struct{}), make(chan struct{})
	h := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		close(started)
		<-release
		_, _ = io.WriteString(w, "finished")
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	var logs syncBuffer
	log, err := newLogger(&logs, "text", "info")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		done <- serve(ctx, &http.Server{Handler: h, ReadHeaderTimeout: time.Second}, ln, log, nil, nil)
	}()

	type result struct {
		body string
		err  error
	}
	got := make(chan result, 1)
	go func() {
		resp, err := http.Get("http://" + ln.Addr().String() + "/")
		if err != nil {
			got <- result{err: err}
			return
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		got <- result{string(b), err}
	}()
	<-started
	cancel()
	for !strings.Contains(logs.String(), "shutting down") {
		time.Sleep(time.Millisecond) // wait for shutdown to begin; not a timing assertion
	}
	select {
	case err := <-done:
		t.Fatalf("serve returned %v with a request in flight", err)
	default:
	}
	close(release)
	r := <-got
	require.NoError(t, r.err)
	assert.Equal(t, "finished", r.body)
	require.NoError(t, <-done)
	assert.Contains(t, logs.String(), "stopped")
}

// TestRunRejectsBadConfiguration checks that run reports bad flags and
// files instead of serving.
func TestRunRejectsBadConfiguration(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"id": "x", "colour": 1}`), 0o644))
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown flag", []string{"-port", "80"}, "flag provided but not defined"},
		{"extra argument", []string{"serve"}, "unexpected arguments"},
		{"log format", []string{"-log-format", "xml"}, "-log-format"},
		{"log level", []string{"-log-level", "loud"}, "-log-level"},
		{"missing data file", []string{"-data", filepath.Join(dir, "none.json")}, "no such file"},
		{"bad data file", []string{"-data", bad}, "colour"},
		{"bad address", []string{"-addr", "127.0.0.1:http-alt-nope"}, "listen"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var logs syncBuffer
			err := run(context.Background(), tt.args, &logs, func(string) { t.Error("served") })
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

// TestIsLoopback checks which listening addresses count as loopback.
func TestIsLoopback(t *testing.T) {
	tests := []struct {
		addr net.Addr
		want bool
	}{
		{&net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080}, true},
		{&net.TCPAddr{IP: net.IPv6loopback, Port: 8080}, true},
		{&net.TCPAddr{IP: net.IPv4zero, Port: 8080}, false},
		{&net.TCPAddr{IP: net.IPv6unspecified, Port: 8080}, false},
		{&net.TCPAddr{IP: net.IPv4(192, 168, 1, 2), Port: 8080}, false},
		{&net.UnixAddr{Name: "/tmp/x", Net: "unix"}, false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, isLoopback(tt.addr), tt.addr.String())
	}
}
