// Package wasmgen builds the browser client and compresses it with
// Brotli, for `go generate ./wasm/...` and the end-to-end tests. The
// Brotli encoder stays out of the serve command, which serves the
// compressed bytes as they are.
package wasmgen

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/masa-go/masa/wasm/internal/server"
)

// Generate builds the client from the module containing dir and adds its
// Brotli form (quality 11, a 16 MB window). When previous, a client
// generated earlier, has the same app.wasm and wasm_exec.js, its Brotli
// form is reused, since compressing takes minutes.
func Generate(ctx context.Context, dir, cache string, log io.Writer, previous *server.Bundle) (*server.Bundle, error) {
	b, err := server.Build(ctx, server.BuildOptions{Dir: dir, CacheDir: cache, Log: log})
	if err != nil {
		return nil, err
	}
	if previous != nil && previous.Hash == b.Hash && previous.WasmBrotli != nil {
		b.WasmBrotli = previous.WasmBrotli
		fmt.Fprintln(log, "app.wasm is unchanged: keeping its Brotli form")
		return b, nil
	}
	raw, err := b.Wasm()
	if err != nil {
		return nil, err
	}
	start := time.Now()
	var br bytes.Buffer
	w := brotli.NewWriterOptions(&br, brotli.WriterOptions{Quality: brotli.BestCompression, LGWin: 24})
	if _, err := w.Write(raw); err != nil {
		return nil, fmt.Errorf("brotli: %w", err)
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("brotli: %w", err)
	}
	b.WasmBrotli = br.Bytes()
	fmt.Fprintf(log, "compressed with Brotli in %s\n", time.Since(start).Round(time.Millisecond))
	return b, nil
}
