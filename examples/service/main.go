package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
	_ "time/tzdata" // Europe/London must not depend on the machine's zone files.

	"github.com/masa-go/masa/internal/cli"
	"github.com/masa-go/masa/masa"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stderr, nil)
	stop()
	switch {
	case errors.Is(err, flag.ErrHelp):
	case err != nil:
		fmt.Fprintln(os.Stderr, "service:", err)
		os.Exit(1)
	}
}

// Server timeouts: long enough for the slowest endpoint (rendering the
// plan) on a busy machine, short enough that idle or stalled clients do
// not hold connections.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 30 * time.Second
	writeTimeout      = 60 * time.Second
	idleTimeout       = 120 * time.Second
	shutdownGrace     = 10 * time.Second
)

// run parses args, serves until ctx is done and then shuts down
// gracefully, letting requests in flight finish. Logs go to logOut. When
// ready is not nil it is called with the listening address once the
// service accepts connections.
func run(ctx context.Context, args []string, logOut io.Writer, ready func(addr string)) error {
	if isRegisterCommand(args) {
		return registerCommand(ctx, args, os.Stdout, logOut)
	}
	fs := flag.NewFlagSet("service", flag.ContinueOnError)
	cli.Usage(fs, logOut, "go run ./examples/service [-partnership FILE] [-addr HOST:PORT] [-max-body BYTES] [-log-format text|json] [-log-level LEVEL]",
		"Serves the JSON-over-HTTP API for one partnership until SIGINT or SIGTERM;\nGET /openapi.json describes every endpoint.",
		"go run ./examples/service -partnership examples/masa/testdata/mine.json -addr 127.0.0.1:9000")
	addr := fs.String("addr", "127.0.0.1:8080", "`host:port` to listen on")
	data := fs.String("partnership", "", "partnership JSON `FILE` to serve (default: the embedded Essex 2020-21 arrangements)")
	fs.StringVar(data, "data", "", "former name of -partnership")
	ruleSets := fs.String("rulesets", "", "rule-sets JSON `FILE` to use instead of the embedded rule sets")
	maxBody := fs.Int64("max-body", defaultMaxBody, "largest request body accepted, in `bytes`")
	boardFile := fs.String("board", "", "board business `file` whose meetings and actions join the register's calendar feed (default: the embedded Essex board when -data is not given)")
	db := fs.String("db", defaultDB, "the case register: `sqlite:FILE` or a postgres:// URL (opened on first use)")
	logFormat := fs.String("log-format", "text", "log format: text or json")
	logLevel := fs.String("log-level", "info", "least severe log `level`: debug, info, warn or error")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	log, err := newLogger(logOut, *logFormat, *logLevel)
	if err != nil {
		return err
	}
	p := masa.Essex()
	if *data != "" {
		if p, err = masa.Load(*data); err != nil {
			return err
		}
	}
	if *ruleSets != "" {
		sets, err := masa.LoadRuleSets(*ruleSets)
		if err != nil {
			return err
		}
		if p, err = p.WithRuleSets(sets); err != nil {
			return err
		}
	}
	zone, err := time.LoadLocation("Europe/London")
	if err != nil {
		return err
	}
	target, err := parseDB(*db)
	if err != nil {
		return err
	}
	bd, err := loadBoard(p, *boardFile, *data == "")
	if err != nil {
		return err
	}
	reg := newRegisterHandle(target)
	defer reg.Close()
	h, err := newServer(deps{Partnership: p, Log: log, Now: time.Now, Zone: zone, MaxBody: *maxBody, Register: reg, Board: bd})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	flight := newInflight()
	srv := &http.Server{
		Handler:           flight.wrap(h),
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	log.Info("listening", "addr", ln.Addr().String(), "partnership", string(p.ID))
	if !isLoopback(ln.Addr()) {
		log.Warn("listening beyond loopback: the service has no authentication, so put it behind a proxy that has", "addr", ln.Addr().String())
	}
	return serve(ctx, srv, ln, log, ready, flight)
}

// serve runs srv on ln until ctx is done, then shuts it down gracefully:
// it stops accepting connections and waits up to shutdownGrace for the
// requests in flight to finish. Requests still running then are logged,
// one record each, from flight (when not nil), and their connections
// closed.
func serve(ctx context.Context, srv *http.Server, ln net.Listener, log *slog.Logger, ready func(addr string), flight *inflight) error {
	return serveWithin(ctx, srv, ln, log, ready, flight, shutdownGrace)
}

func serveWithin(ctx context.Context, srv *http.Server, ln net.Listener, log *slog.Logger, ready func(addr string), flight *inflight, grace time.Duration) error {
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	if ready != nil {
		ready(ln.Addr().String())
	}
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down", "grace", grace)
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		if flight != nil {
			flight.logLeft(context.Background(), log, grace)
		}
		_ = srv.Close()
		<-served
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	log.Info("stopped")
	return nil
}

// isLoopback reports whether addr is a loopback address, reachable only
// from this machine.
func isLoopback(addr net.Addr) bool {
	tcp, ok := addr.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}

// newLogger returns a slog logger writing to w in the given format, at
// the given level and above.
func newLogger(w io.Writer, format, level string) (*slog.Logger, error) {
	var lv slog.Level
	if err := lv.UnmarshalText([]byte(level)); err != nil {
		return nil, fmt.Errorf("-log-level: %w", err)
	}
	opts := &slog.HandlerOptions{Level: lv}
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	}
	return nil, fmt.Errorf("-log-format: %q is not text or json", format)
}
