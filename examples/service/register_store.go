package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/masa-go/masa/board"
	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/register"
	"github.com/masa-go/masa/register/postgres"
	"github.com/masa-go/masa/register/sqlite"
	"github.com/masa-go/masa/reviews"
)

// defaultDB is the register the service keeps when -db is not given: an
// SQLite file in the working directory.
const defaultDB = "sqlite:masa-register.db"

// dbTarget is a parsed -db value.
type dbTarget struct {
	// kind is "sqlite" or "postgres"; where is the file path or URL.
	kind, where string
}

// parseDB reads -db: "sqlite:FILE" or a "postgres://" or "postgresql://"
// URL.
func parseDB(s string) (dbTarget, error) {
	switch {
	case strings.HasPrefix(s, "sqlite:"):
		if p := strings.TrimPrefix(s, "sqlite:"); p != "" {
			return dbTarget{"sqlite", p}, nil
		}
	case strings.HasPrefix(s, "postgres://"), strings.HasPrefix(s, "postgresql://"):
		return dbTarget{"postgres", s}, nil
	}
	return dbTarget{}, errors.New(`-db: give "sqlite:FILE" or a "postgres://…" URL`)
}

// String names the target without a password.
func (t dbTarget) String() string {
	if t.kind == "sqlite" {
		return "sqlite:" + t.where
	}
	return "postgres"
}

// open opens the target's store.
func (t dbTarget) open(ctx context.Context) (register.Store, error) {
	if t.kind == "sqlite" {
		return sqlite.Open(ctx, t.where)
	}
	return postgres.Open(ctx, t.where)
}

// loadBoard reads the board business file at path and binds it to p. With
// no path it is the embedded Essex board when essex is set (the service
// serves the embedded Essex partnership), and none otherwise.
func loadBoard(p *masa.Partnership, path string, essex bool) (*board.Board, error) {
	var b *board.Business
	var err error
	switch {
	case path != "":
		b, err = board.Load(path)
	case essex:
		b, err = board.Parse(board.EssexJSON())
	default:
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return board.Bind(p, b)
}

// registerHandle opens the register the first time an endpoint needs it,
// so that a service that is never asked about the register creates no
// file, and keeps it open until Close.
type registerHandle struct {
	target dbTarget
	engine func() *reviews.Engine
	now    func() time.Time

	mu  sync.Mutex
	reg *register.Register
}

func newRegisterHandle(t dbTarget) *registerHandle { return &registerHandle{target: t} }

// get returns the register, opening it on first use. A failure to open
// is returned each time until an open succeeds.
func (h *registerHandle) get(ctx context.Context) (*register.Register, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.reg != nil {
		return h.reg, nil
	}
	s, err := h.target.open(ctx)
	if err != nil {
		return nil, fmt.Errorf("opening the register (%s): %w", h.target, err)
	}
	reg, err := register.New(s, h.engine(), register.WithClock(h.now))
	if err != nil {
		s.Close()
		return nil, err
	}
	h.reg = reg
	return reg, nil
}

// Close closes the register if it was opened.
func (h *registerHandle) Close() error {
	if h == nil {
		return nil
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.reg == nil {
		return nil
	}
	err := h.reg.Store().Close()
	h.reg = nil
	return err
}
