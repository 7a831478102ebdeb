// Command wasmgen builds the browser client for GOOS=js GOARCH=wasm and
// writes it, compressed with Brotli and with gzip, into a directory for
// the serve command to embed. `go generate ./wasm/...` runs it:
//
//	go generate ./wasm/...      # writes wasm/cmd/serve/dist
//	go build ./wasm/cmd/serve   # one binary with the client inside
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/masa-go/masa/wasm/internal/server"
	"github.com/masa-go/masa/wasm/internal/wasmgen"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "wasmgen:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("wasmgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "dist", "directory to write app.wasm.br, app.wasm.gz, wasm_exec.js and build.json to")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	cache, err := os.MkdirTemp("", "masa-wasmgen-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(cache)
	previous, _ := server.LoadBundle(os.DirFS(*out)) // none, or unreadable: compress afresh
	b, err := wasmgen.Generate(ctx, ".", cache, stdout, previous, wasmgen.BestQuality)
	if err != nil {
		return err
	}
	if err := server.WriteDist(*out, b); err != nil {
		return err
	}
	abs, _ := filepath.Abs(*out)
	fmt.Fprintf(stdout, "wrote %s: app.wasm %d bytes, %d gzip, %d Brotli\n", abs, b.WasmSize, len(b.WasmGzip), len(b.WasmBrotli))
	return nil
}
