package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// The files of a generated client, as `go generate ./wasm/...` writes them
// into wasm/cmd/serve/dist for the serve command to embed.
const (
	DistGzip     = "app.wasm.gz"
	DistBrotli   = "app.wasm.br"
	DistWasmExec = "wasm_exec.js"
	DistManifest = "build.json"
)

// ErrNoClient reports that no generated client is present, as in a fresh
// clone before `go generate ./wasm/...`.
var ErrNoClient = errors.New("no generated client (run go generate ./wasm/...)")

// manifest is build.json: what LoadBundle needs besides the files.
type manifest struct {
	// Go is the toolchain that built app.wasm.
	Go string `json:"go"`
	// WasmBytes is the length of app.wasm uncompressed.
	WasmBytes int `json:"wasmBytes"`
	// SHA256 is the hex SHA-256 of app.wasm and wasm_exec.js.
	SHA256 string `json:"sha256"`
}

// LoadBundle reads a generated client from fsys, the directory WriteDist
// wrote. It answers ErrNoClient when there is no build.json, and an
// error naming the file when the directory is incomplete.
func LoadBundle(fsys fs.FS) (*Bundle, error) {
	data, err := fs.ReadFile(fsys, DistManifest)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, ErrNoClient
	}
	if err != nil {
		return nil, fmt.Errorf("generated client: %w", err)
	}
	var m manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("generated client: %s: %w", DistManifest, err)
	}
	if m.WasmBytes <= 0 || m.SHA256 == "" || m.Go == "" {
		return nil, fmt.Errorf("generated client: %s: go, wasmBytes and sha256 are required", DistManifest)
	}
	b := &Bundle{WasmSize: m.WasmBytes, Hash: m.SHA256, GoVersion: m.Go}
	for _, f := range []struct {
		name string
		dst  *[]byte
	}{{DistGzip, &b.WasmGzip}, {DistBrotli, &b.WasmBrotli}, {DistWasmExec, &b.WasmExecJS}} {
		body, err := fs.ReadFile(fsys, f.name)
		if err != nil {
			return nil, fmt.Errorf("generated client: %w", err)
		}
		if len(body) == 0 {
			return nil, fmt.Errorf("generated client: %s is empty", f.name)
		}
		*f.dst = body
	}
	return b, nil
}

// WriteDist writes b to dir as LoadBundle reads it. The bundle must have
// its Brotli form.
func WriteDist(dir string, b *Bundle) error {
	if b.WasmBrotli == nil {
		return errors.New("generated client: the bundle has no Brotli form")
	}
	m, err := json.MarshalIndent(manifest{Go: b.GoVersion, WasmBytes: b.WasmSize, SHA256: b.Hash}, "", "  ")
	if err != nil {
		return fmt.Errorf("generated client: %w", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("generated client: %w", err)
	}
	// build.json goes last: a directory without it is not a client.
	os.Remove(filepath.Join(dir, DistManifest))
	for _, f := range []struct {
		name string
		body []byte
	}{{DistGzip, b.WasmGzip}, {DistBrotli, b.WasmBrotli}, {DistWasmExec, b.WasmExecJS}, {DistManifest, append(m, '\n')}} {
		if err := os.WriteFile(filepath.Join(dir, f.name), f.body, 0o644); err != nil {
			return fmt.Errorf("generated client: %w", err)
		}
	}
	return nil
}
