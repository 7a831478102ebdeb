// Command serve builds the funding scenarios browser app for WebAssembly
// with the Go toolchain that runs it, then serves it on 127.0.0.1.
//
//	go run ./wasm/cmd/serve            # http://127.0.0.1:7070/
//	go run ./wasm/cmd/serve -addr 127.0.0.1:0
//
// The build goes to a cache directory (-cache, by default masa/wasm under
// the user's cache directory); nothing is installed or copied by hand.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
	_ "time/tzdata" // Europe/London must not depend on the machine's zone files.

	"github.com/masa-go/masa/wasm/internal/server"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "serve:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:7070", "address to listen on (keep it on 127.0.0.1)")
	dir := fs.String("dir", ".", "a directory inside the masa module")
	cache := fs.String("cache", "", "directory for the built app.wasm (default: masa/wasm in the user cache directory)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}

	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()

	// Take the address first, so that a busy port fails before the build.
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	defer ln.Close()
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok && !tcp.IP.IsLoopback() {
		fmt.Fprintf(stderr, "warning: %s is reachable from other machines\n", ln.Addr())
	}

	start := time.Now()
	bundle, err := server.Build(ctx, server.BuildOptions{Dir: *dir, CacheDir: *cache, Log: stdout})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "built in %s\n", time.Since(start).Round(time.Millisecond))

	srv := server.New(bundle, server.Options{PlanPDF: server.PlanPDF()})
	if !srv.WasmExecMatches {
		fmt.Fprintf(stdout, "go-app's wasm_exec.js differs from %s: serving the toolchain's copy\n", bundle.Toolchain.WasmExecPath())
	}

	hs := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          log.New(stderr, "serve: ", 0),
	}
	fmt.Fprintf(stdout, "masa funding scenarios (version %s): http://%s/\n", srv.Version, ln.Addr())

	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdown); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
