package docscheck

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// root is the repository root, seen from this package's directory.
const root = "../.."

// command is one documented command.
type command struct {
	where string   // file:line
	pkg   string   // such as "./examples/masa"
	args  []string // the arguments after the package
	out   string   // the file named after ">", if any
}

// documented returns the "go run ./..." commands of the ```sh blocks of
// README.md and docs/*.md, with comments and continuation lines handled.
func documented(t *testing.T) []command {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	require.NoError(t, err)
	files = append([]string{filepath.Join(root, "README.md")}, files...)
	var out []command
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		inShell := false
		var pending string
		sc := bufio.NewScanner(bytes.NewReader(data))
		for n := 1; sc.Scan(); n++ {
			line := sc.Text()
			trimmed := strings.TrimSpace(line)
			if strings.HasPrefix(trimmed, "```") {
				inShell = trimmed == "```sh" || trimmed == "```bash" || trimmed == "```shell"
				continue
			}
			if !inShell {
				continue
			}
			if cut, ok := strings.CutSuffix(trimmed, "\\"); ok {
				pending += cut + " "
				continue
			}
			line, pending = pending+trimmed, ""
			if i := strings.Index(line, " #"); i >= 0 {
				line = line[:i]
			}
			fields := strings.Fields(line)
			if len(fields) < 3 || fields[0] != "go" || fields[1] != "run" || !strings.HasPrefix(fields[2], "./") {
				continue
			}
			c := command{where: fmt.Sprintf("%s:%d", strings.TrimPrefix(f, root+"/"), n), pkg: fields[2]}
			rest := fields[3:]
			for i := 0; i < len(rest); i++ {
				if rest[i] == ">" && i+1 < len(rest) {
					c.out = rest[i+1]
					i++
					continue
				}
				c.args = append(c.args, rest[i])
			}
			out = append(out, c)
		}
	}
	return out
}

// workdir returns a directory that looks like a fresh clone (each of the
// repository's top-level entries linked into it) so that files the
// commands write stay out of the repository.
func workdir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir(root)
	require.NoError(t, err)
	abs, err := filepath.Abs(root)
	require.NoError(t, err)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		require.NoError(t, os.Symlink(filepath.Join(abs, e.Name()), filepath.Join(dir, e.Name())))
	}
	return dir
}

// TestDocumentedCommandsRun builds each documented program once and runs
// every documented command with it. A program that reports on its input
// may exit 0 or 1 (1 says the input has problems, or a step is overdue:
// an answer, not a failure); 2 or more, or any other failure, means the
// command as written does not work. The two servers are not left to serve
// forever: the service must start and say it is listening within its
// timeout, and the browser app's server is asked for -h after the
// documented flags, which checks them without building the client.
func TestDocumentedCommandsRun(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs every documented program; not in -short")
	}
	cmds := documented(t)
	require.NotEmpty(t, cmds)
	dir := workdir(t)
	bin := t.TempDir()
	built := map[string]string{}
	for _, c := range cmds {
		if _, ok := built[c.pkg]; ok {
			continue
		}
		exe := filepath.Join(bin, strings.ReplaceAll(strings.Trim(c.pkg, "./"), "/", "-"))
		build := exec.Command("go", "build", "-o", exe, c.pkg)
		build.Dir = root
		out, err := build.CombinedOutput()
		require.NoError(t, err, "go build %s (documented at %s): %s", c.pkg, c.where, out)
		built[c.pkg] = exe
	}
	for _, c := range cmds {
		t.Run(c.where, func(t *testing.T) {
			switch c.pkg {
			case "./examples/service":
				runServer(t, dir, built[c.pkg], c)
			case "./wasm/cmd/serve":
				runOnce(t, dir, built[c.pkg], command{where: c.where, pkg: c.pkg, args: append(c.args, "-h")}, 0)
			default:
				runOnce(t, dir, built[c.pkg], c, 1)
			}
		})
	}
}

func runOnce(t *testing.T, dir, exe string, c command, maxStatus int) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, exe, c.args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if c.out != "" {
		f, err := os.Create(filepath.Join(dir, c.out))
		require.NoError(t, err)
		defer f.Close()
		cmd.Stdout = f
	}
	err := cmd.Run()
	status := cmd.ProcessState.ExitCode()
	require.True(t, err == nil || status >= 1 && status <= maxStatus,
		"go run %s %s: %v (exit %d)\n%s", c.pkg, strings.Join(c.args, " "), err, status, stderr.String())
	if c.out == "" && status == 0 && !strings.Contains(strings.Join(c.args, " "), "-o ") && !contains(c.args, "-h") {
		assert.NotEmpty(t, stdout.String(), "go run %s %s printed nothing", c.pkg, strings.Join(c.args, " "))
	}
}

func contains(args []string, s string) bool {
	for _, a := range args {
		if a == s {
			return true
		}
	}
	return false
}

// runServer starts the service with the documented flags on a free port
// and checks that it says it is listening, then stops it as SIGINT would.
func runServer(t *testing.T, dir, exe string, c command) {
	args := []string{}
	for i := 0; i < len(c.args); i++ {
		if c.args[i] == "-addr" {
			i++ // the documented port may be taken here; any free one will do
			continue
		}
		args = append(args, c.args[i])
	}
	args = append(args, "-addr", "127.0.0.1:0")
	cmd := exec.Command(exe, args...)
	cmd.Dir = dir
	var logs syncBuffer
	cmd.Stderr = &logs
	require.NoError(t, cmd.Start())
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	deadline := time.After(30 * time.Second)
	for !strings.Contains(logs.String(), "listening") {
		select {
		case err := <-done:
			t.Fatalf("go run %s %s stopped before listening: %v\n%s", c.pkg, strings.Join(c.args, " "), err, logs.String())
		case <-deadline:
			_ = cmd.Process.Kill()
			t.Fatalf("go run %s %s did not start listening\n%s", c.pkg, strings.Join(c.args, " "), logs.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	require.NoError(t, cmd.Process.Signal(syscall.SIGINT))
	select {
	case err := <-done:
		assert.NoError(t, err, "%s", logs.String())
	case <-time.After(15 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatalf("the service did not stop on SIGINT")
	}
}
