package main

import (
	"context"
	"encoding/json"
	"io"
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
	base, logs, stop := startRun(t, "-data", file, "-log-format", "json", "-log-level", "debug")
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

// TestRunFinishesRequestsInFlight checks the graceful shutdown: a request
// whose body is still arriving when shutdown starts is answered in full.
func TestRunFinishesRequestsInFlight(t *testing.T) {
	base, logs, stop := startRun(t)
	pr, pw := io.Pipe()
	req, err := http.NewRequest("POST", base+"/v1/partnership/validate?on=2020-06-29", pr)
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	type result struct {
		status int
		err    error
	}
	got := make(chan result, 1)
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			got <- result{err: err}
			return
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		got <- result{status: resp.StatusCode}
	}()
	essex := masa.EssexJSON()
	half := len(essex) / 2
	_, err = pw.Write(essex[:half])
	require.NoError(t, err)

	stopped := make(chan error, 1)
	go func() { stopped <- stop() }()
	for !strings.Contains(logs.String(), "shutting down") {
		time.Sleep(time.Millisecond) // wait for shutdown to begin; not a timing assertion
	}
	_, err = pw.Write(essex[half:])
	require.NoError(t, err)
	require.NoError(t, pw.Close())

	r := <-got
	require.NoError(t, r.err)
	assert.Equal(t, http.StatusOK, r.status)
	require.NoError(t, <-stopped)
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
