// Command serve serves the funding scenarios browser app on 127.0.0.1.
//
//	go generate ./wasm/...             # builds the client into wasm/cmd/serve/dist
//	go build ./wasm/cmd/serve          # one binary with the client embedded
//	./serve                            # http://127.0.0.1:7070/
//	go run ./wasm/cmd/serve            # from a clone: works with or without go generate
//
// A binary built after go generate holds the client (app.wasm compressed
// with Brotli and gzip) and needs no source tree and no Go toolchain.
// Without a generated client, as in a fresh clone, the command starts
// serving the page at once and builds the client from the source tree
// with the Go toolchain that runs it, printing its progress; the page
// becomes interactive when the build is done. That build goes to a cache
// directory (-cache, by default masa/wasm under the user's cache
// directory).
package main

import (
	"context"
	"embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
	_ "time/tzdata" // Europe/London must not depend on the machine's zone files.

	"github.com/masa-go/masa/internal/cli"
	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/wasm/internal/server"
)

//go:generate go run ../../internal/cmd/wasmgen -out dist

// dist is the generated client, if go generate has run; otherwise it
// holds only its README.
//
//go:embed dist
var dist embed.FS

func main() {
	client, err := fs.Sub(dist, "dist")
	if err == nil {
		err = run(context.Background(), client, os.Args[1:], os.Stdout, os.Stderr)
	}
	switch {
	case errors.Is(err, flag.ErrHelp):
	case err != nil:
		fmt.Fprintln(os.Stderr, "serve:", err)
		os.Exit(1)
	}
}

// run serves the app. client is the generated client's directory.
func run(ctx context.Context, client fs.FS, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	cli.Usage(fs, stderr, "go run ./wasm/cmd/serve [-partnership FILE] [-addr HOST:PORT] [-dir DIR] [-cache DIR]",
		"Serves the browser app for funding what-ifs, with a draft plan, for one\npartnership; the client is built at start-up when go generate has not run.",
		"go run ./wasm/cmd/serve -partnership masa/testdata/riverside.json")
	addr := fs.String("addr", "127.0.0.1:7070", "address to listen on (keep it on 127.0.0.1)")
	dir := fs.String("dir", ".", "a directory inside the masa module, for building the client when none is embedded")
	cache := fs.String("cache", "", "directory for the client built at start-up (default: masa/wasm in the user cache directory)")
	domain := fs.String("domain", "", "public host name the app is served under, for the page's og:url and og:image (default: left out)")
	partnershipFile := fs.String("partnership", "", "partnership `FILE` (JSON) whose funding table, successions and draft plan the app shows (default: the embedded Essex 2020-21 file)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}

	p := masa.Essex()
	if *partnershipFile != "" {
		loaded, err := masa.Load(*partnershipFile)
		if err != nil {
			return err
		}
		p = loaded
	}
	planPDF, err := server.PlanPDF(p) // also checks that p has a funding table
	if err != nil {
		return fmt.Errorf("%s: %w", partnershipName(*partnershipFile), err)
	}
	partnershipJSON, err := masa.Encode(p)
	if err != nil {
		return err
	}

	bundle, err := server.LoadBundle(client)
	if err != nil && !errors.Is(err, server.ErrNoClient) {
		return err
	}
	if bundle == nil {
		// Fail before listening when the client cannot be built here.
		if _, err := server.ModuleRoot(*dir); err != nil {
			return fmt.Errorf("no client is embedded in this binary (build it after go generate ./wasm/...), and it cannot be built here: %w", err)
		}
	}

	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	defer ln.Close()
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok && !tcp.IP.IsLoopback() {
		fmt.Fprintf(stderr, "warning: %s is reachable from other machines\n", ln.Addr())
	}

	opts := server.Options{PlanPDF: planPDF, Partnership: partnershipJSON, Domain: *domain}
	errc := make(chan error, 2)
	var srv *server.Server
	if bundle != nil {
		srv = server.New(bundle, opts)
		fmt.Fprintf(stdout, "serving the embedded client (built by %s, app.wasm %d bytes, %d Brotli, %d gzip)\n",
			bundle.GoVersion, bundle.WasmSize, len(bundle.WasmBrotli), len(bundle.WasmGzip))
	} else {
		srv = server.NewPending(opts)
		fmt.Fprintln(stdout, "no client is embedded (go generate ./wasm/... makes one): building it from the source tree now;")
		fmt.Fprintln(stdout, "the page is served meanwhile and becomes interactive when the build is done")
		go func() {
			start := time.Now()
			b, err := server.Build(ctx, server.BuildOptions{Dir: *dir, CacheDir: *cache, Log: stdout})
			if err != nil {
				errc <- err
				return
			}
			srv.Ready(b)
			fmt.Fprintf(stdout, "client ready after %s: open pages become interactive now\n", time.Since(start).Round(time.Second))
		}()
	}

	hs := &http.Server{
		Handler: srv,
		// Every timeout, not only the header's (issue 13, bug 13): a
		// client that stalls while sending or reading cannot hold a
		// connection.
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          log.New(stderr, "serve: ", 0),
	}
	fmt.Fprintf(stdout, "masa funding scenarios for %s: http://%s/\n", p.Name, ln.Addr())

	go func() { errc <- hs.Serve(ln) }()
	var runErr error
	select {
	case runErr = <-errc:
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdown); err != nil && runErr == nil {
		return err
	}
	if runErr != nil && !errors.Is(runErr, http.ErrServerClosed) {
		return runErr
	}
	return nil
}

func partnershipName(file string) string {
	if file == "" {
		return "the embedded partnership file"
	}
	return file
}
