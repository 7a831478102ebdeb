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
	// Wasm is app.wasm as built.
	Wasm []byte
	// WasmGzip is app.wasm compressed with gzip at the best compression
	// level.
	WasmGzip []byte
	// WasmExecJS is the toolchain's wasm_exec.js.
	WasmExecJS []byte
	// Hash is the hex SHA-256 of app.wasm and wasm_exec.js.
	Hash string
	// Toolchain is the toolchain that built the client.
	Toolchain Toolchain
}

// NewBundle returns a bundle for an already built app.wasm and the
// wasm_exec.js of the toolchain that built it, compressing the module.
func NewBundle(wasm, wasmExecJS []byte, tc Toolchain) (*Bundle, error) {
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
	h := sha256.New()
	h.Write(wasm)
	h.Write(wasmExecJS)
	return &Bundle{
		Wasm:       wasm,
		WasmGzip:   gz.Bytes(),
		WasmExecJS: wasmExecJS,
		Hash:       hex.EncodeToString(h.Sum(nil)),
		Toolchain:  tc,
	}, nil
}

// buildArgs returns the go command's arguments for the client build.
// -s -w drops the symbol table and debug information, and -l turns off
// inlining in every package: in WebAssembly inlined copies cost more
// than the calls they save, and without them app.wasm is about 130 KB
// smaller gzip-compressed (see BENCHMARKS.md), which keeps it inside
// its 2.2 MB budget.
func buildArgs(out string) []string {
	return []string{"build", "-trimpath", "-ldflags=-s -w", "-gcflags=all=-l", "-o", out, ClientPackage}
}

// Build compiles the browser client for GOOS=js GOARCH=wasm with the
// toolchain that compiled the running program, writes app.wasm to the
// cache directory and returns it with its compressed form and the
// toolchain's wasm_exec.js. The go command's own build cache makes a
// rebuild of unchanged sources quick.
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

	logf("building %s with %s (%s) for js/wasm", ClientPackage, tc.Version, tc.Go)
	cmd := exec.CommandContext(ctx, tc.Go, buildArgs(tmpName)...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
	var stderr bytes.Buffer
	cmd.Stdout = &stderr
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("wasm build: go build %s: %w\n%s", ClientPackage, err, stderr.Bytes())
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
	b, err := NewBundle(wasm, wasmExec, tc)
	if err != nil {
		return nil, err
	}
	logf("built %s: %d bytes, %d bytes gzip-compressed", final, len(b.Wasm), len(b.WasmGzip))
	return b, nil
}
