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

// BestQuality is the Brotli quality go generate uses: the smallest
// output, at minutes of compression for app.wasm.
const BestQuality = brotli.BestCompression

// Generate builds the client from the module containing dir and adds its
// Brotli form at the given quality (0 to 11; BestQuality for what is
// shipped), with a 16 MB window. When previous, a client generated
// earlier, has the same app.wasm and wasm_exec.js, its Brotli form is
// reused, since compressing at the best quality takes minutes.
func Generate(ctx context.Context, dir, cache string, log io.Writer, previous *server.Bundle, quality int) (*server.Bundle, error) {
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
	w := brotli.NewWriterOptions(&br, brotli.WriterOptions{Quality: quality, LGWin: 24})
	if _, err := w.Write(raw); err != nil {
		return nil, fmt.Errorf("brotli: %w", err)
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("brotli: %w", err)
	}
	b.WasmBrotli = br.Bytes()
	fmt.Fprintf(log, "compressed with Brotli (quality %d) in %s\n", quality, time.Since(start).Round(time.Millisecond))
	return b, nil
}
