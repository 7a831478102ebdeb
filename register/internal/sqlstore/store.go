package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/masa-go/masa/register"
	"github.com/masa-go/masa/reviews"
	"github.com/masa-go/masa/vocab"
)

// Dialect holds what differs between the databases.
type Dialect struct {
	// Name names the database in errors, such as "sqlite".
	Name string
	// AutoID is the column type of an auto-numbered primary key.
	AutoID string
	// Dollar says that placeholders are $1, $2, … instead of ?.
	Dollar bool
	// ReadTx are the options of a read transaction: one consistent
	// snapshot.
	ReadTx *sql.TxOptions
	// LockMigrations, when set, is run first in each migration
	// transaction so that two processes starting at once take turns.
	LockMigrations string
	// Collate follows ORDER BY ref, so that both databases order
	// references by their bytes.
	Collate string
}

// Store is a register.Store over database/sql.
type Store struct {
	w, r *sql.DB
	d    Dialect
	q    queries
}

var _ register.Store = (*Store)(nil)

// Open returns a store over w (for writes) and r (for reads), which may be
// the same pool, after running every migration not yet run.
func Open(ctx context.Context, w, r *sql.DB, d Dialect) (*Store, error) {
	s := &Store{w: w, r: r, d: d}
	s.q = s.prepareText()
	if err := s.migrate(ctx); err != nil {
		return nil, fmt.Errorf("register/%s: %w", d.Name, err)
	}
	return s, nil
}

// ReadDB returns the store's read pool.
func (s *Store) ReadDB() *sql.DB { return s.r }

// DB returns the store's write pool.
func (s *Store) DB() *sql.DB { return s.w }

// Close closes both pools.
func (s *Store) Close() error {
	err := s.w.Close()
	if s.r != s.w {
		err = errors.Join(err, s.r.Close())
	}
	return err
}

// rebind turns ? placeholders into $n for dialects that need it. The
// queries hold no ? anywhere else.
func (s *Store) rebind(q string) string {
	if !s.d.Dollar {
		return q
	}
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

type queries struct {
	tick, changes, changedCases, changedEvents,
	bump, version, insertCase, insertEvent, insertAudit, caseRow, caseEvents,
	allCases, allEvents, audit, putToken, tokenByHash, revoke, tokenExists, tokens string
}

const caseCols = "ref, aware, aware_at, harm, abuse_or_neglect, location, looked_after, version, created_at, created_by"
const eventCols = "ref, seq, step, on_day, at, by_whom, outcome, criteria, planned, learning, corrects, withdrawn, reason, holder, recorded_at"

func (s *Store) prepareText() queries {
	order := " ORDER BY ref" + s.d.Collate
	return queries{
		tick:          "UPDATE register_state SET changes = changes + 1 WHERE id = 1 RETURNING changes",
		changes:       "SELECT changes FROM register_state WHERE id = 1",
		changedCases:  s.rebind("SELECT " + caseCols + " FROM cases WHERE changed > ?" + order),
		changedEvents: s.rebind("SELECT " + eventCols + " FROM events WHERE ref IN (SELECT ref FROM cases WHERE changed > ?)" + order + ", seq"),
		bump:          s.rebind("UPDATE cases SET version = ?, changed = ? WHERE ref = ? AND version = ?"),
		version:       s.rebind("SELECT version FROM cases WHERE ref = ?"),
		insertCase:    s.rebind("INSERT INTO cases (" + caseCols + ", changed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (ref) DO NOTHING"),
		insertEvent:   s.rebind("INSERT INTO events (" + eventCols + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
		insertAudit:   s.rebind("INSERT INTO audit (at, holder, action, ref, version, detail) VALUES (?, ?, ?, ?, ?, ?)"),
		caseRow:       s.rebind("SELECT " + caseCols + " FROM cases WHERE ref = ?"),
		caseEvents:    s.rebind("SELECT " + eventCols + " FROM events WHERE ref = ? ORDER BY seq"),
		allCases:      "SELECT " + caseCols + " FROM cases" + order,
		allEvents:     "SELECT " + eventCols + " FROM events" + order + ", seq",
		audit:         s.rebind("SELECT id, at, holder, action, ref, version, detail FROM audit WHERE ? = '' OR ref = ? ORDER BY id"),
		putToken:      s.rebind("INSERT INTO tokens (id, hash, holder, role, issued_at, revoked_at) VALUES (?, ?, ?, ?, ?, 0)"),
		tokenByHash:   s.rebind("SELECT id, hash, holder, role, issued_at, revoked_at FROM tokens WHERE hash = ?"),
		revoke:        s.rebind("UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at = 0"),
		tokenExists:   s.rebind("SELECT count(*) FROM tokens WHERE id = ?"),
		tokens:        "SELECT id, hash, holder, role, issued_at, revoked_at FROM tokens ORDER BY issued_at, id",
	}
}

// migrate runs every migration not yet run, each in its own transaction.
func (s *Store) migrate(ctx context.Context) error {
	if err := s.inMigrationTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`)
		return err
	}); err != nil {
		return fmt.Errorf("creating schema_migrations: %w", err)
	}
	for _, m := range migrations {
		if err := s.runMigration(ctx, m); err != nil {
			return fmt.Errorf("migration %d (%s): %w", m.version, m.name, err)
		}
	}
	var newest int
	if err := s.w.QueryRowContext(ctx, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations").Scan(&newest); err != nil {
		return err
	}
	if known := migrations[len(migrations)-1].version; newest > known {
		return fmt.Errorf("the database is at schema version %d, newer than this program's %d: use a newer program", newest, known)
	}
	return nil
}

// inMigrationTx runs fn in a write transaction that holds the dialect's
// migration lock.
func (s *Store) inMigrationTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	if s.d.LockMigrations != "" {
		if _, err := tx.ExecContext(ctx, s.d.LockMigrations); err != nil {
			return err
		}
	}
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

func (s *Store) runMigration(ctx context.Context, m migration) error {
	return s.inMigrationTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, s.rebind("SELECT count(*) FROM schema_migrations WHERE version = ?"), m.version).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return nil
		}
		for _, st := range m.stmts {
			if _, err := tx.ExecContext(ctx, strings.ReplaceAll(st, autoID, s.d.AutoID)); err != nil {
				return err
			}
		}
		_, err := tx.ExecContext(ctx, s.rebind("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"),
			m.version, m.name, time.Now().UnixMicro())
		return err
	})
}

// SchemaVersion returns the newest migration run.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := s.r.QueryRowContext(ctx, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations").Scan(&v)
	return v, err
}

// tick counts one more change to the register and returns the count. In
// PostgreSQL it also takes the counter's row lock until commit, so changes
// commit in the order of their counts.
func (s *Store) tick(ctx context.Context, tx *sql.Tx) (int64, error) {
	var n int64
	err := tx.QueryRowContext(ctx, s.q.tick).Scan(&n)
	return n, err
}

func (s *Store) audit(ctx context.Context, tx *sql.Tx, a register.AuditRecord) error {
	_, err := tx.ExecContext(ctx, s.q.insertAudit, micros(a.At), a.Holder, string(a.Action), a.Ref, a.Version, a.Detail)
	return err
}

// Create stores a new case.
func (s *Store) Create(ctx context.Context, c *register.Case, a register.AuditRecord) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		n, err := s.tick(ctx, tx)
		if err != nil {
			return err
		}
		if err := s.insertCase(ctx, txExec{tx, s.q.insertCase}, c, n); err != nil {
			return err
		}
		return s.audit(ctx, tx, a)
	})
}

// Import stores whole cases in one transaction.
func (s *Store) Import(ctx context.Context, cs []*register.Case, a register.AuditRecord) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		n, err := s.tick(ctx, tx)
		if err != nil {
			return err
		}
		insCase, err := tx.PrepareContext(ctx, s.q.insertCase)
		if err != nil {
			return err
		}
		defer insCase.Close()
		insEvent, err := tx.PrepareContext(ctx, s.q.insertEvent)
		if err != nil {
			return err
		}
		defer insEvent.Close()
		insAudit, err := tx.PrepareContext(ctx, s.q.insertAudit)
		if err != nil {
			return err
		}
		defer insAudit.Close()
		for _, c := range cs {
			if err := s.insertCase(ctx, insCase, c, n); err != nil {
				return err
			}
			for _, e := range c.Entries {
				if err := s.insertEvent(ctx, insEvent, c.Ref, e); err != nil {
					return err
				}
			}
			if _, err := insAudit.ExecContext(ctx, micros(a.At), a.Holder, string(a.Action), c.Ref, c.Version, "import"); err != nil {
				return err
			}
		}
		return nil
	})
}

type execer interface {
	ExecContext(ctx context.Context, args ...any) (sql.Result, error)
}

type txExec struct {
	tx *sql.Tx
	q  string
}

func (t txExec) ExecContext(ctx context.Context, args ...any) (sql.Result, error) {
	return t.tx.ExecContext(ctx, t.q, args...)
}

func (s *Store) insertCase(ctx context.Context, ex execer, c *register.Case, changed int64) error {
	f := c.Facts
	var looked any
	if f.LookedAfter != nil {
		looked = boolInt(*f.LookedAfter)
	}
	res, err := ex.ExecContext(ctx, c.Ref, dayInt(f.Aware), micros(f.AwareAt), string(f.Harm),
		string(f.AbuseOrNeglect), string(f.Location), looked, c.Version, micros(c.Created), c.CreatedBy, changed)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return register.CaseExists(c.Ref)
	}
	return nil
}

func (s *Store) insertEvent(ctx context.Context, ex execer, ref string, e register.Entry) error {
	ev := e.Event
	learning := ""
	if len(ev.Learning) > 0 {
		b, err := json.Marshal(ev.Learning)
		if err != nil {
			return err
		}
		learning = string(b)
	}
	_, err := ex.ExecContext(ctx, ref, e.Seq, string(ev.Step), dayInt(ev.On), micros(ev.At), ev.By, ev.Outcome,
		joinIDs(ev.Criteria), dayInt(ev.Planned), learning, e.Corrects, boolInt(e.Withdrawn), e.Reason, e.Holder, micros(e.At))
	return err
}

// Append stores e as entry expected+1 of case ref.
func (s *Store) Append(ctx context.Context, ref string, expected int, e register.Entry, a register.AuditRecord) error {
	if e.Seq != expected+1 {
		return fmt.Errorf("register/%s: entry seq %d does not follow version %d", s.d.Name, e.Seq, expected)
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		n, err := s.tick(ctx, tx)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, s.q.bump, expected+1, n, ref, expected)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			var v int
			switch err := tx.QueryRowContext(ctx, s.q.version, ref).Scan(&v); {
			case errors.Is(err, sql.ErrNoRows):
				return register.UnknownCase(ref)
			case err != nil:
				return err
			}
			return register.StaleVersion(ref, expected, v)
		}
		if err := s.insertEvent(ctx, txExec{tx, s.q.insertEvent}, ref, e); err != nil {
			return err
		}
		return s.audit(ctx, tx, a)
	})
}

// write runs fn in a write transaction and commits it.
func (s *Store) write(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("register/%s: %w", s.d.Name, err)
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	if err := fn(tx); err != nil {
		if isNamed(err) {
			return err
		}
		return fmt.Errorf("register/%s: %w", s.d.Name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("register/%s: commit: %w", s.d.Name, err)
	}
	return nil
}

func isNamed(err error) bool {
	for _, k := range []error{register.ErrUnknownCase, register.ErrCaseExists, register.ErrStale, register.ErrUnknownToken} {
		if errors.Is(err, k) {
			return true
		}
	}
	return false
}

// read runs fn in a read transaction: one snapshot.
func (s *Store) read(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.r.BeginTx(ctx, s.d.ReadTx)
	if err != nil {
		return fmt.Errorf("register/%s: %w", s.d.Name, err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only
	if err := fn(tx); err != nil {
		if isNamed(err) {
			return err
		}
		return fmt.Errorf("register/%s: %w", s.d.Name, err)
	}
	return tx.Commit()
}

type scanner interface{ Scan(...any) error }

func scanCase(row scanner) (*register.Case, error) {
	c := &register.Case{Entries: []register.Entry{}}
	var aware, awareAt, created int64
	var harm, abuse, loc string
	var looked sql.NullInt64
	if err := row.Scan(&c.Ref, &aware, &awareAt, &harm, &abuse, &loc, &looked, &c.Version, &created, &c.CreatedBy); err != nil {
		return nil, err
	}
	c.Facts = reviews.Facts{Aware: intDay(aware), AwareAt: fromMicros(awareAt), Harm: reviews.Harm(harm),
		AbuseOrNeglect: reviews.Suspicion(abuse), Location: reviews.Location(loc)}
	if looked.Valid {
		b := looked.Int64 != 0
		c.Facts.LookedAfter = &b
	}
	c.Created = fromMicros(created)
	return c, nil
}

func scanEvent(row scanner) (string, register.Entry, error) {
	var ref, step, criteria, learning string
	var on, at, planned, withdrawn, recorded int64
	var e register.Entry
	if err := row.Scan(&ref, &e.Seq, &step, &on, &at, &e.Event.By, &e.Event.Outcome, &criteria, &planned, &learning,
		&e.Corrects, &withdrawn, &e.Reason, &e.Holder, &recorded); err != nil {
		return "", e, err
	}
	e.Event.Step = reviews.StepID(step)
	e.Event.On, e.Event.At, e.Event.Planned = intDay(on), fromMicros(at), intDay(planned)
	e.Event.Criteria = splitIDs(criteria)
	if learning != "" {
		if err := json.Unmarshal([]byte(learning), &e.Event.Learning); err != nil {
			return "", e, fmt.Errorf("case %s entry %d: learning: %w", ref, e.Seq, err)
		}
	}
	e.Withdrawn = withdrawn != 0
	e.At = fromMicros(recorded)
	return ref, e, nil
}

// Case returns case ref with its entries.
func (s *Store) Case(ctx context.Context, ref string) (*register.Case, error) {
	var c *register.Case
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		c, err = scanCase(tx.QueryRowContext(ctx, s.q.caseRow, ref))
		if errors.Is(err, sql.ErrNoRows) {
			return register.UnknownCase(ref)
		}
		if err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, s.q.caseEvents, ref)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			_, e, err := scanEvent(rows)
			if err != nil {
				return err
			}
			c.Entries = append(c.Entries, e)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// Cases calls yield with every case in reference order, from one
// snapshot. It reads the cases first, then walks the events in reference
// order beside them: one result set at a time, as PostgreSQL's protocol
// needs.
func (s *Store) Cases(ctx context.Context, yield func(*register.Case) error) error {
	_, err := s.Changes(ctx, 0, yield)
	return err
}

// Changes calls yield with every case changed after change number since
// (every case, for 0), in reference order, and returns the number of the
// latest change, all from one snapshot.
func (s *Store) Changes(ctx context.Context, since int64, yield func(*register.Case) error) (int64, error) {
	var now int64
	err := s.read(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, s.q.changes).Scan(&now); err != nil {
			return err
		}
		if since > 0 && now == since {
			return nil
		}
		qc, qe, args := s.q.allCases, s.q.allEvents, []any(nil)
		if since > 0 {
			qc, qe, args = s.q.changedCases, s.q.changedEvents, []any{since}
		}
		crows, err := tx.QueryContext(ctx, qc, args...)
		if err != nil {
			return err
		}
		var cases []*register.Case
		for crows.Next() {
			c, err := scanCase(crows)
			if err != nil {
				crows.Close()
				return err
			}
			cases = append(cases, c)
		}
		if err := errors.Join(crows.Err(), crows.Close()); err != nil {
			return err
		}
		erows, err := tx.QueryContext(ctx, qe, args...)
		if err != nil {
			return err
		}
		defer erows.Close()
		i := 0
		for erows.Next() {
			ref, e, err := scanEvent(erows)
			if err != nil {
				return err
			}
			for i < len(cases) && cases[i].Ref != ref {
				if err := yield(cases[i]); err != nil {
					return err
				}
				cases[i] = nil
				i++
			}
			if i == len(cases) {
				return fmt.Errorf("event %s/%d has no case in reference order", ref, e.Seq)
			}
			cases[i].Entries = append(cases[i].Entries, e)
		}
		if err := erows.Err(); err != nil {
			return err
		}
		for ; i < len(cases); i++ {
			if err := yield(cases[i]); err != nil {
				return err
			}
		}
		return nil
	})
	return now, err
}

// Audit returns the audit records about ref, or all of them.
func (s *Store) Audit(ctx context.Context, ref string) ([]register.AuditRecord, error) {
	out := []register.AuditRecord{}
	err := s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, s.q.audit, ref, ref)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var a register.AuditRecord
			var at int64
			var action string
			if err := rows.Scan(&a.ID, &at, &a.Holder, &action, &a.Ref, &a.Version, &a.Detail); err != nil {
				return err
			}
			a.At, a.Action = fromMicros(at), register.Action(action)
			out = append(out, a)
		}
		return rows.Err()
	})
	return out, err
}

// PutToken stores a new token.
func (s *Store) PutToken(ctx context.Context, t register.Token, a register.AuditRecord) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q.putToken, t.ID, t.Hash, t.Holder, string(t.Role), micros(t.Issued)); err != nil {
			return err
		}
		return s.audit(ctx, tx, a)
	})
}

func scanToken(row scanner) (register.Token, error) {
	var t register.Token
	var role string
	var issued, revoked int64
	if err := row.Scan(&t.ID, &t.Hash, &t.Holder, &role, &issued, &revoked); err != nil {
		return t, err
	}
	t.Role, t.Issued, t.Revoked = register.Role(role), fromMicros(issued), fromMicros(revoked)
	return t, nil
}

// TokenByHash returns the token whose secret hashes to h.
func (s *Store) TokenByHash(ctx context.Context, h string) (register.Token, error) {
	t, err := scanToken(s.r.QueryRowContext(ctx, s.q.tokenByHash, h))
	if errors.Is(err, sql.ErrNoRows) {
		return t, register.UnknownToken("")
	}
	if err != nil {
		return t, fmt.Errorf("register/%s: %w", s.d.Name, err)
	}
	return t, nil
}

// RevokeToken marks token id revoked.
func (s *Store) RevokeToken(ctx context.Context, id string, at time.Time, a register.AuditRecord) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q.revoke, micros(at), id)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			var k int
			if err := tx.QueryRowContext(ctx, s.q.tokenExists, id).Scan(&k); err != nil {
				return err
			}
			if k == 0 {
				return register.UnknownToken(id)
			}
			return nil // already revoked: the first time stands
		}
		return s.audit(ctx, tx, a)
	})
}

// Tokens returns every token in order of issue.
func (s *Store) Tokens(ctx context.Context) ([]register.Token, error) {
	out := []register.Token{}
	rows, err := s.r.QueryContext(ctx, s.q.tokens)
	if err != nil {
		return nil, fmt.Errorf("register/%s: %w", s.d.Name, err)
	}
	defer rows.Close()
	for rows.Next() {
		t, err := scanToken(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

func dayInt(d vocab.Date) int64 {
	return int64(d.Year)*10000 + int64(d.Month)*100 + int64(d.Day)
}

func intDay(n int64) vocab.Date {
	if n == 0 {
		return vocab.Date{}
	}
	return vocab.Date{Year: int(n / 10000), Month: time.Month(n / 100 % 100), Day: int(n % 100)}
}

func micros(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMicro()
}

func fromMicros(n int64) time.Time {
	if n == 0 {
		return time.Time{}
	}
	return time.UnixMicro(n).UTC()
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func joinIDs(ids []vocab.ID) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = string(id)
	}
	return strings.Join(s, ";")
}

func splitIDs(s string) []vocab.ID {
	if s == "" {
		return nil
	}
	parts := strings.Split(s, ";")
	out := make([]vocab.ID, len(parts))
	for i, p := range parts {
		out[i] = vocab.ID(p)
	}
	return out
}
