package server

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// ModulePath is the import path of the module the client is built from.
const ModulePath = "github.com/masa-go/masa"

// ClientPackage is the import path of the browser client's main package.
const ClientPackage = ModulePath + "/wasm/cmd/app"

// Toolchain is the Go toolchain that builds the browser client: the same
// release as the one that compiled the running server.
type Toolchain struct {
	// Go is the path of the go command.
	Go string
	// GOROOT is the toolchain's root directory.
	GOROOT string
	// Version is the toolchain's version, such as "go1.26.8".
	Version string
}

// WasmExecPath returns the path of the toolchain's own wasm_exec.js, the
// JavaScript support file that must match the toolchain that built the
// WebAssembly module.
func (t Toolchain) WasmExecPath() string {
	return filepath.Join(t.GOROOT, "lib", "wasm", "wasm_exec.js")
}

// FindToolchain finds a go command whose version is the version of the
// Go release that compiled the running program, so that the server and
// the WebAssembly client are built by the same toolchain. It looks at
// $GOROOT/bin/go when GOROOT is set and then at the go command on the
// PATH, running each with dir as its working directory so that a
// toolchain selected by the module's go.mod is honoured.
func FindToolchain(ctx context.Context, dir string) (Toolchain, error) {
	want := runtime.Version()
	var candidates []string
	if root := os.Getenv("GOROOT"); root != "" {
		candidates = append(candidates, filepath.Join(root, "bin", "go"))
	}
	if p, err := exec.LookPath("go"); err == nil {
		candidates = append(candidates, p)
	}
	var seen []string
	for _, goCmd := range candidates {
		cmd := exec.CommandContext(ctx, goCmd, "env", "GOROOT", "GOVERSION")
		cmd.Dir = dir
		out, err := cmd.Output()
		if err != nil {
			seen = append(seen, fmt.Sprintf("%s: %v", goCmd, err))
			continue
		}
		lines := strings.Split(strings.TrimSpace(string(out)), "\n")
		if len(lines) != 2 {
			seen = append(seen, fmt.Sprintf("%s: unexpected go env output %q", goCmd, out))
			continue
		}
		t := Toolchain{Go: goCmd, GOROOT: strings.TrimSpace(lines[0]), Version: strings.TrimSpace(lines[1])}
		if t.Version != want {
			seen = append(seen, fmt.Sprintf("%s is %s", goCmd, t.Version))
			continue
		}
		return t, nil
	}
	if len(seen) == 0 {
		return Toolchain{}, fmt.Errorf("wasm build: no go command found (GOROOT unset and go not on PATH); the server was built with %s", want)
	}
	return Toolchain{}, fmt.Errorf("wasm build: no go command matches the server's toolchain %s (%s); run the server with `go run` from the same toolchain", want, strings.Join(seen, "; "))
}

// ModuleRoot returns the directory of the masa module that contains dir
// or one of its parents.
func ModuleRoot(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("wasm build: %w", err)
	}
	for d := dir; ; d = filepath.Dir(d) {
		if module, err := modulePathOf(filepath.Join(d, "go.mod")); err == nil && module == ModulePath {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("wasm build: %s is not inside the %s module; run the command from the repository or pass its directory", dir, ModulePath)
		}
	}
}

func modulePathOf(goMod string) (string, error) {
	f, err := os.Open(goMod)
	if err != nil {
		return "", err
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(s.Text()), "module "); ok {
			return strings.Trim(strings.TrimSpace(rest), `"`), nil
		}
	}
	return "", errors.New("no module line")
}

// BuildOptions configures Build.
type BuildOptions struct {
	// Dir is a directory inside the masa module. It defaults to the
	// working directory.
	Dir string
	// CacheDir is where app.wasm is written. It defaults to
	// masa/wasm under the user's cache directory.
	CacheDir string
	// Log receives one line per step; nil discards them.
	Log io.Writer
}

// Bundle is a built browser client, ready to serve.
type Bundle struct {
	// WasmGzip is app.wasm compressed with gzip at the best compression
	// level.
	WasmGzip []byte
	// WasmBrotli is app.wasm compressed with Brotli, or nil when the
	// bundle was built at start-up, which compresses with gzip only.
	WasmBrotli []byte
	// WasmSize is the length of app.wasm uncompressed.
	WasmSize int
	// WasmExecJS is the toolchain's wasm_exec.js.
	WasmExecJS []byte
	// Hash is the hex SHA-256 of app.wasm and wasm_exec.js.
	Hash string
	// GoVersion is the version of the toolchain that built the client,
	// such as "go1.26.8".
	GoVersion string
}

// NewBundle returns a bundle for an already built app.wasm and the
// wasm_exec.js of the toolchain that built it, compressing the module
// with gzip. It keeps no copy of the uncompressed module.
func NewBundle(wasm, wasmExecJS []byte, goVersion string) (*Bundle, error) {
	var gz bytes.Buffer
	zw, err := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	if err != nil {
		return nil, fmt.Errorf("wasm build: %w", err)
	}
	if _, err := zw.Write(wasm); err != nil {
		return nil, fmt.Errorf("wasm build: compressing app.wasm: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("wasm build: compressing app.wasm: %w", err)
	}
	return &Bundle{
		WasmGzip:   gz.Bytes(),
		WasmSize:   len(wasm),
		WasmExecJS: wasmExecJS,
		Hash:       bundleHash(wasm, wasmExecJS),
		GoVersion:  goVersion,
	}, nil
}

func bundleHash(wasm, wasmExecJS []byte) string {
	h := sha256.New()
	h.Write(wasm)
	h.Write(wasmExecJS)
	return hex.EncodeToString(h.Sum(nil))
}

// Wasm returns app.wasm uncompressed, decompressing the gzip copy.
func (b *Bundle) Wasm() ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b.WasmGzip))
	if err != nil {
		return nil, fmt.Errorf("app.wasm: %w", err)
	}
	out := make([]byte, 0, b.WasmSize)
	buf := bytes.NewBuffer(out)
	if _, err := io.Copy(buf, zr); err != nil {
		return nil, fmt.Errorf("app.wasm: %w", err)
	}
	return buf.Bytes(), nil
}

// buildArgs returns the go command's arguments for the client build.
// -s -w drops the symbol table and debug information; -v names each
// package as it is compiled, which is how Build reports progress.
// Inlining stays on: served with Brotli the module is within its budget
// without turning it off (see BENCHMARKS.md).
func buildArgs(out string) []string {
	return []string{"build", "-v", "-trimpath", "-ldflags=-s -w", "-o", out, ClientPackage}
}

// Build compiles the browser client for GOOS=js GOARCH=wasm with the
// toolchain that compiled the running program, writes app.wasm to the
// cache directory and returns it with its compressed form and the
// toolchain's wasm_exec.js. It writes a line to opts.Log for each
// package compiled, counted against the client's dependencies, and one
// every 15 seconds while the linker runs. The go command's own build
// cache makes a rebuild of unchanged sources quick.
func Build(ctx context.Context, opts BuildOptions) (*Bundle, error) {
	logf := func(format string, args ...any) {
		if opts.Log != nil {
			fmt.Fprintf(opts.Log, format+"\n", args...)
		}
	}
	dir := opts.Dir
	if dir == "" {
		dir = "."
	}
	root, err := ModuleRoot(dir)
	if err != nil {
		return nil, err
	}
	tc, err := FindToolchain(ctx, root)
	if err != nil {
		return nil, err
	}
	cache := opts.CacheDir
	if cache == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return nil, fmt.Errorf("wasm build: no cache directory (set -cache): %w", err)
		}
		cache = filepath.Join(base, "masa", "wasm")
	}
	if err := os.MkdirAll(cache, 0o755); err != nil {
		return nil, fmt.Errorf("wasm build: %w", err)
	}
	tmp, err := os.CreateTemp(cache, "app-*.wasm")
	if err != nil {
		return nil, fmt.Errorf("wasm build: %w", err)
	}
	tmpName := tmp.Name()
	tmp.Close()
	defer os.Remove(tmpName)

	env := append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
	total := countDeps(ctx, tc, root, env)
	start := time.Now()
	logf("building %s with %s (%s) for js/wasm: %d packages", ClientPackage, tc.Version, tc.Go, total)
	cmd := exec.CommandContext(ctx, tc.Go, buildArgs(tmpName)...)
	cmd.Dir = root
	cmd.Env = env
	var errs bytes.Buffer
	cmd.Stdout = &errs
	pipe, err := cmd.StderrPipe()
	if err != nil {
		return nil, fmt.Errorf("wasm build: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("wasm build: go build %s: %w", ClientPackage, err)
	}
	lines := make(chan string)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(pipe)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	tick := time.NewTicker(15 * time.Second)
	defer tick.Stop()
	done := 0
	for running := true; running; {
		select {
		case line, ok := <-lines:
			if !ok {
				running = false
				break
			}
			if !isImportPath(line) {
				errs.WriteString(line + "\n")
				continue
			}
			done++
			logf("  [%d/%d] %s (%s)", done, total, line, time.Since(start).Round(time.Second))
		case <-tick.C:
			logf("  still building: %d/%d packages compiled, %s so far (linking comes last)", done, total, time.Since(start).Round(time.Second))
		}
	}
	if err := cmd.Wait(); err != nil {
		return nil, fmt.Errorf("wasm build: go build %s: %w\n%s", ClientPackage, err, errs.Bytes())
	}
	wasm, err := os.ReadFile(tmpName)
	if err != nil {
		return nil, fmt.Errorf("wasm build: %w", err)
	}
	final := filepath.Join(cache, "app.wasm")
	if err := os.Rename(tmpName, final); err != nil {
		return nil, fmt.Errorf("wasm build: %w", err)
	}
	wasmExec, err := os.ReadFile(tc.WasmExecPath())
	if err != nil {
		return nil, fmt.Errorf("wasm build: reading the toolchain's wasm_exec.js: %w", err)
	}
	b, err := NewBundle(wasm, wasmExec, tc.Version)
	if err != nil {
		return nil, err
	}
	logf("built %s in %s: %d bytes, %d bytes gzip-compressed", final, time.Since(start).Round(time.Second), b.WasmSize, len(b.WasmGzip))
	return b, nil
}

// countDeps returns the number of packages the client depends on, for
// the progress count, or 0 when the go command cannot list them.
func countDeps(ctx context.Context, tc Toolchain, root string, env []string) int {
	cmd := exec.CommandContext(ctx, tc.Go, "list", "-deps", ClientPackage)
	cmd.Dir = root
	cmd.Env = env
	out, err := cmd.Output()
	if err != nil {
		return 0
	}
	return bytes.Count(out, []byte("\n"))
}

// isImportPath reports whether a line of go build -v output names a
// package, as opposed to a compiler message.
func isImportPath(line string) bool {
	if line == "" || strings.ContainsAny(line, " \t:") {
		return false
	}
	return true
}
