// Package sqlstore is the register's store over database/sql, shared by
// the SQLite and PostgreSQL adapters: one schema, one set of versioned
// migrations and one set of queries, with the few differences between
// the two databases held in a Dialect.
package sqlstore

// migration is one step of the schema. Migrations run in order, each in
// its own transaction, and each is recorded in schema_migrations once it
// has run; a store opens only when every migration it knows has run and
// the database has none it does not know.
type migration struct {
	version int
	name    string
	stmts   []string
}

// autoID stands in a migration for the dialect's auto-numbered primary
// key column type.
const autoID = "{{autoid}}"

// migrations is the schema, one version at a time. Never edit a migration
// that has shipped: add the next one.
//
// Dates are integers YYYYMMDD, instants integer microseconds since 1970
// UTC (0 for none), booleans integers 0 or 1, so that both databases hold
// the same values and reading 100,000 cases parses no text.
var migrations = []migration{{
	version: 1,
	name:    "cases, events, audit and tokens",
	stmts: []string{
		`CREATE TABLE cases (
			ref TEXT PRIMARY KEY,
			aware INTEGER NOT NULL,
			aware_at BIGINT NOT NULL DEFAULT 0,
			harm TEXT NOT NULL DEFAULT '',
			abuse_or_neglect TEXT NOT NULL DEFAULT '',
			location TEXT NOT NULL DEFAULT '',
			looked_after INTEGER,
			version INTEGER NOT NULL,
			created_at BIGINT NOT NULL,
			created_by TEXT NOT NULL
		)`,
		`CREATE TABLE events (
			ref TEXT NOT NULL REFERENCES cases (ref),
			seq INTEGER NOT NULL,
			step TEXT NOT NULL DEFAULT '',
			on_day INTEGER NOT NULL DEFAULT 0,
			at BIGINT NOT NULL DEFAULT 0,
			by_whom TEXT NOT NULL DEFAULT '',
			outcome TEXT NOT NULL DEFAULT '',
			criteria TEXT NOT NULL DEFAULT '',
			planned INTEGER NOT NULL DEFAULT 0,
			learning TEXT NOT NULL DEFAULT '',
			corrects INTEGER NOT NULL DEFAULT 0,
			withdrawn INTEGER NOT NULL DEFAULT 0,
			reason TEXT NOT NULL DEFAULT '',
			holder TEXT NOT NULL,
			recorded_at BIGINT NOT NULL,
			PRIMARY KEY (ref, seq)
		)`,
		`CREATE TABLE audit (
			id ` + autoID + `,
			at BIGINT NOT NULL,
			holder TEXT NOT NULL,
			action TEXT NOT NULL,
			ref TEXT NOT NULL DEFAULT '',
			version INTEGER NOT NULL DEFAULT 0,
			detail TEXT NOT NULL DEFAULT ''
		)`,
		`CREATE INDEX audit_ref ON audit (ref, id)`,
		`CREATE TABLE tokens (
			id TEXT PRIMARY KEY,
			hash TEXT NOT NULL UNIQUE,
			holder TEXT NOT NULL,
			role TEXT NOT NULL,
			issued_at BIGINT NOT NULL,
			revoked_at BIGINT NOT NULL DEFAULT 0
		)`,
	},
}, {
	version: 2,
	name:    "a change counter, so that readers fetch only the cases changed since they last read",
	stmts: []string{
		`CREATE TABLE register_state (id INTEGER PRIMARY KEY, changes BIGINT NOT NULL)`,
		`INSERT INTO register_state (id, changes) VALUES (1, 0)`,
		`ALTER TABLE cases ADD COLUMN changed BIGINT NOT NULL DEFAULT 0`,
		`CREATE INDEX cases_changed ON cases (changed)`,
	},
}}
