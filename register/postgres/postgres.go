// Package postgres keeps a register in PostgreSQL through
// github.com/jackc/pgx/v5, for a partnership that runs the service on more
// than one instance: the instances share the database, and its row locks
// keep their writes apart.
//
// The schema and its migrations are the same as the SQLite adapter's.
// Migrations run on open under an advisory lock, so instances starting at
// once take turns. Reads run in read-only REPEATABLE READ transactions:
// one snapshot each.
package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/masa-go/masa/register/internal/sqlstore"
)

// Store is a register.Store in PostgreSQL.
type Store struct {
	*sqlstore.Store
}

// migrationLock is the advisory lock key held while migrations run.
const migrationLock = 0x6d617361 // "masa"

// dialect is PostgreSQL's.
var dialect = sqlstore.Dialect{
	Name:           "postgres",
	AutoID:         "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
	Dollar:         true,
	ReadTx:         &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true},
	LockMigrations: fmt.Sprintf("SELECT pg_advisory_xact_lock(%d)", migrationLock),
	Collate:        ` COLLATE "C"`,
}

// Open connects to the database at url, such as
// "postgres://masa@127.0.0.1/masa", and runs any migration not yet run.
func Open(ctx context.Context, url string) (*Store, error) {
	if url == "" {
		return nil, errors.New("register/postgres: no database URL")
	}
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		// pgx's error may quote the URL, password and all.
		return nil, errors.New("register/postgres: the database URL does not parse")
	}
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(16)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("register/postgres: connecting to %s on %s: %w", cfg.Database, cfg.Host, err)
	}
	s, err := sqlstore.Open(ctx, db, db, dialect)
	if err != nil {
		db.Close()
		return nil, err
	}
	return &Store{Store: s}, nil
}
