// Package sqlite keeps a register in an SQLite file, the embedded
// default, through the pure-Go driver modernc.org/sqlite: no C toolchain
// is needed.
//
// The file is in WAL mode with synchronous=FULL, so a write is on disk
// when it is acknowledged. All writes go through one connection, so
// writers in one process queue in Go rather than meet SQLITE_BUSY; other
// processes (a backup, the token command) wait up to ten seconds for
// the lock. Reads use a pool of their own and see one snapshot each.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"

	"github.com/masa-go/masa/register/internal/sqlstore"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

// Store is a register.Store in an SQLite file.
type Store struct {
	*sqlstore.Store
	path string
}

// dialect is SQLite's.
var dialect = sqlstore.Dialect{
	Name:   "sqlite",
	AutoID: "INTEGER PRIMARY KEY AUTOINCREMENT",
}

// dsn returns the driver's data source name for path: WAL, synchronous
// FULL, foreign keys on, a busy timeout, and for the write pool
// transactions that take the write lock when they begin.
func dsn(path string, write bool) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(FULL)")
	q.Add("_pragma", "foreign_keys(ON)")
	if write {
		q.Set("_txlock", "immediate")
	}
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// Open opens the register in the SQLite file at path, creating the file
// and its schema on first open and running any migration not yet run.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("register/sqlite: no file path")
	}
	w, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		return nil, fmt.Errorf("register/sqlite: %w", err)
	}
	w.SetMaxOpenConns(1)
	r, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("register/sqlite: %w", err)
	}
	r.SetMaxOpenConns(4)
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		r.Close()
		return nil, fmt.Errorf("register/sqlite: opening %s: %w", path, err)
	}
	s, err := sqlstore.Open(ctx, w, r, dialect)
	if err != nil {
		w.Close()
		r.Close()
		return nil, err
	}
	var check string
	if err := w.QueryRowContext(ctx, "PRAGMA quick_check").Scan(&check); err != nil || check != "ok" {
		s.Close()
		return nil, fmt.Errorf("register/sqlite: %s fails its integrity check: %v %s", path, err, check)
	}
	return &Store{Store: s, path: path}, nil
}

// Path returns the file the register is kept in.
func (s *Store) Path() string { return s.path }

// Backup writes a consistent copy of the live register to the new file
// dst with VACUUM INTO: a snapshot of one moment, taken while writers go
// on. dst must not exist. The copy is itself a register file: open it, or
// move it into place while the service is stopped, to restore.
func (s *Store) Backup(ctx context.Context, dst string) error {
	if _, err := os.Stat(dst); err == nil {
		return fmt.Errorf("register/sqlite: backup: %s already exists", dst)
	}
	if _, err := s.ReadDB().ExecContext(ctx, "VACUUM INTO ?", dst); err != nil {
		return fmt.Errorf("register/sqlite: backup to %s: %w", dst, err)
	}
	return nil
}
