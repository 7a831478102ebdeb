package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/masa-go/masa/register/sqlite"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// buildService builds the service binary into dir.
func buildService(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "masa-service")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	require.NoError(t, err, "%s", out)
	return bin
}

// startService starts the binary on a free loopback port and returns its
// base URL, once it listens.
func startService(t *testing.T, bin string, args ...string) (*exec.Cmd, string) {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"-addr", "127.0.0.1:0", "-log-format", "json"}, args...)...)
	stderr, err := cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			var rec struct{ Msg, Addr string }
			if json.Unmarshal(sc.Bytes(), &rec) == nil && rec.Msg == "listening" {
				addr <- rec.Addr
			}
		}
		_, _ = io.Copy(io.Discard, stderr)
	}()
	select {
	case a := <-addr:
		return cmd, "http://" + a
	case <-time.After(30 * time.Second):
		t.Fatal("the service did not start listening")
	}
	return nil, ""
}

// TestRegisterSurvivesSIGKILL kills the service with SIGKILL in the middle
// of a stream of writes. Every write it acknowledged must be in the store
// after the kill, and the store must open cleanly (its integrity check
// passes) and serve again.
func TestRegisterSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the service binary")
	}
	dir := t.TempDir()
	bin := buildService(t, dir)
	db := "sqlite:" + filepath.Join(dir, "register.db")
	out, err := exec.Command(bin, "token", "issue", "-db", db, "-holder", "load test", "-role", "record").Output()
	require.NoError(t, err)
	token := strings.TrimSpace(string(out))

	cmd, base := startService(t, bin, "-db", db)
	client := &http.Client{Timeout: 10 * time.Second}
	post := func(path, body string) (int, error) {
		req, err := http.NewRequestWithContext(context.Background(), "POST", base+path, strings.NewReader(body))
		if err != nil {
			return 0, err
		}
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Content-Type", "application/json")
		resp, err := client.Do(req)
		if err != nil {
			return 0, err
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp.StatusCode, nil
	}

	// Each writer creates cases and records their notification, noting
	// each write the service acknowledged, until the service dies.
	type ack struct {
		ref   string
		event bool
	}
	var mu sync.Mutex
	var acks []ack
	enough := make(chan struct{})
	var once sync.Once
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := 0; i < 2000; i++ {
				ref := fmt.Sprintf("KILL-%d-%d", w, i)
				code, err := post("/v1/register/cases", `{"ref": "`+ref+`", "facts": `+seriousFacts+`}`)
				if err != nil {
					return
				}
				if !assert.Equal(t, http.StatusCreated, code) {
					return
				}
				mu.Lock()
				acks = append(acks, ack{ref, false})
				mu.Unlock()
				code, err = post("/v1/register/cases/"+ref+"/events", `{"expectedVersion": 0, "event": {"step": "notify-panel", "on": "2020-06-03", "by": "DCS"}}`)
				if err != nil {
					return
				}
				if !assert.Equal(t, http.StatusCreated, code) {
					return
				}
				mu.Lock()
				acks = append(acks, ack{ref, true})
				if len(acks) >= 200 {
					once.Do(func() { close(enough) })
				}
				mu.Unlock()
			}
		})
	}
	select {
	case <-enough:
	case <-time.After(2 * time.Minute):
		t.Fatal("too slow to reach 200 acknowledged writes")
	}
	require.NoError(t, cmd.Process.Signal(syscall.SIGKILL))
	_ = cmd.Wait()
	wg.Wait()
	mu.Lock()
	defer mu.Unlock()
	t.Logf("%d writes acknowledged before SIGKILL", len(acks))

	// The store opens cleanly (Open runs PRAGMA quick_check) and holds
	// every acknowledged write.
	s, err := sqlite.Open(t.Context(), filepath.Join(dir, "register.db"))
	require.NoError(t, err)
	for _, a := range acks {
		c, err := s.Case(t.Context(), a.ref)
		require.NoError(t, err, "acknowledged case %s is lost", a.ref)
		if a.event {
			require.GreaterOrEqual(t, c.Version, 1, "acknowledged event of %s is lost", a.ref)
			assert.Equal(t, "notify-panel", string(c.Entries[0].Event.Step))
		}
	}
	require.NoError(t, s.Close())

	// The service starts again on the same file and serves.
	cmd, base = startService(t, bin, "-db", db)
	req, err := http.NewRequest("GET", base+"/v1/register/cases/"+acks[len(acks)-1].ref, nil)
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := client.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	require.NoError(t, cmd.Process.Signal(os.Interrupt))
	require.NoError(t, cmd.Wait())
}
