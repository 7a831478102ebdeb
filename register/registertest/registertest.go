// Package registertest is the conformance suite every register.Store
// passes: the SQLite and PostgreSQL adapters run the same tests.
package registertest

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/register"
	"github.com/masa-go/masa/reviews"
	"github.com/masa-go/masa/vocab"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Opener opens a store; each call opens the same database again.
type Opener func() (register.Store, error)

// Fresh returns an opener of a new, empty database for one test.
type Fresh func(t *testing.T) Opener

// Engine returns a reviews engine for the Essex partnership.
func Engine(t testing.TB) *reviews.Engine {
	t.Helper()
	e, err := reviews.New(masa.Essex())
	require.NoError(t, err)
	return e
}

// Serious returns the facts of a serious incident: a death, abuse
// suspected, in the area, not looked after, aware on the date given.
func Serious(aware string) reviews.Facts {
	no := false
	return reviews.Facts{Aware: vocab.MustDate(aware), Harm: reviews.HarmDied, AbuseOrNeglect: reviews.AbuseSuspected, Location: reviews.InArea, LookedAfter: &no}
}

// clock is a fixed clock that moves on a second at each reading.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Second)
	return c.t
}

type fixture struct {
	t     *testing.T
	open  Opener
	store register.Store
	reg   *register.Register
	ctx   context.Context
}

func newFixture(t *testing.T, fresh Fresh) *fixture {
	t.Helper()
	open := fresh(t)
	s, err := open()
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	c := &clock{t: time.Date(2020, 11, 2, 9, 0, 0, 0, time.UTC)}
	r, err := register.New(s, Engine(t), register.WithClock(c.now))
	require.NoError(t, err)
	return &fixture{t: t, open: open, store: s, reg: r, ctx: t.Context()}
}

func ev(step, on, by string) reviews.Event {
	return reviews.Event{Step: reviews.StepID(step), On: d(on), By: by}
}

// Run runs the conformance suite against the stores fresh opens.
func Run(t *testing.T, fresh Fresh) {
	t.Run("CreateAndRead", func(t *testing.T) { testCreate(t, newFixture(t, fresh)) })
	t.Run("RecordInOrder", func(t *testing.T) { testRecord(t, newFixture(t, fresh)) })
	t.Run("NamedErrorsWriteNothing", func(t *testing.T) { testErrors(t, newFixture(t, fresh)) })
	t.Run("TwoWritersOneVersion", func(t *testing.T) { testRace(t, newFixture(t, fresh)) })
	t.Run("Corrections", func(t *testing.T) { testCorrections(t, newFixture(t, fresh)) })
	t.Run("ReportsMatchInMemory", func(t *testing.T) { testReports(t, newFixture(t, fresh)) })
	t.Run("ReportsSeeOtherWriters", func(t *testing.T) { testOtherWriters(t, newFixture(t, fresh)) })
	t.Run("Tokens", func(t *testing.T) { testTokens(t, newFixture(t, fresh)) })
	t.Run("Reopen", func(t *testing.T) { testReopen(t, newFixture(t, fresh)) })
}

func testCreate(t *testing.T, f *fixture) {
	facts := Serious("2020-11-02")
	facts.AwareAt = time.Date(2020, 11, 2, 16, 45, 0, 0, time.UTC)
	c, err := f.reg.Create(f.ctx, "business unit", "ESCB-2020-07", facts)
	require.NoError(t, err)
	assert.Equal(t, 0, c.Version)

	got, err := f.reg.Case(f.ctx, "ESCB-2020-07")
	require.NoError(t, err)
	assert.Equal(t, "ESCB-2020-07", got.Ref)
	assert.Equal(t, 0, got.Version)
	assert.Empty(t, got.Entries)
	assert.Equal(t, "business unit", got.CreatedBy)
	assert.True(t, got.Created.Equal(c.Created))
	assert.True(t, got.Facts.AwareAt.Equal(facts.AwareAt))
	got.Facts.AwareAt = facts.AwareAt
	assert.Equal(t, facts, got.Facts)

	// Unknown facts are kept unknown: LookedAfter stays nil.
	facts2 := reviews.Facts{Aware: d("2021-03-01"), Harm: reviews.HarmNotSerious}
	_, err = f.reg.Create(f.ctx, "business unit", "ESCB-2021-01", facts2)
	require.NoError(t, err)
	got, err = f.reg.Case(f.ctx, "ESCB-2021-01")
	require.NoError(t, err)
	assert.Nil(t, got.Facts.LookedAfter)

	audit, err := f.store.Audit(f.ctx, "ESCB-2020-07")
	require.NoError(t, err)
	require.Len(t, audit, 1)
	assert.Equal(t, register.ActionCreate, audit[0].Action)
	assert.Equal(t, "business unit", audit[0].Holder)
}

// lifecycle is the start of the fictional case of the reviews package.
var lifecycle = []reviews.Event{
	ev("child-death-review", "2020-11-03", "Children and Families"),
	ev("notify-panel", "2020-11-05", "Director of Children's Services"),
	ev("inform-partners", "2020-11-05", "Director of Children's Services"),
	ev("rapid-review", "2020-11-20", "safeguarding partners"),
	{Step: "panel-decision", On: d("2020-12-10"), By: "Child Safeguarding Practice Review Panel", Outcome: "no-national-review"},
	{Step: "local-recommendation", On: d("2020-12-17"), By: "sub-committee", Outcome: "recommend-local-review", Criteria: []vocab.ID{"agencies-working-together", "improvements"}},
}

func recordAll(t *testing.T, f *fixture, ref string, evs []reviews.Event) *register.Case {
	t.Helper()
	var c *register.Case
	for i, e := range evs {
		var err error
		c, err = f.reg.Record(f.ctx, "business unit", ref, i, e)
		require.NoError(t, err, "event %d", i)
	}
	return c
}

func testRecord(t *testing.T, f *fixture) {
	_, err := f.reg.Create(f.ctx, "business unit", "R-1", Serious("2020-11-02"))
	require.NoError(t, err)
	c := recordAll(t, f, "R-1", lifecycle)
	assert.Equal(t, len(lifecycle), c.Version)

	got, err := f.reg.Case(f.ctx, "R-1")
	require.NoError(t, err)
	assert.Equal(t, len(lifecycle), got.Version)
	require.Len(t, got.Entries, len(lifecycle))
	for i, e := range got.Entries {
		assert.Equal(t, i+1, e.Seq)
		assert.Equal(t, "business unit", e.Holder)
		assert.False(t, e.At.IsZero())
	}
	assert.Equal(t, lifecycle, got.Trail().Events)

	st, v, err := f.reg.Status(f.ctx, "R-1", d("2020-12-18"))
	require.NoError(t, err)
	assert.Equal(t, len(lifecycle), v)
	assert.Equal(t, []reviews.StepID{"ratify-decision"}, st.Next)

	audit, err := f.store.Audit(f.ctx, "R-1")
	require.NoError(t, err)
	require.Len(t, audit, 1+len(lifecycle))
	for i, a := range audit[1:] {
		assert.Equal(t, register.ActionRecord, a.Action)
		assert.Equal(t, i+1, a.Version)
		assert.Equal(t, string(lifecycle[i].Step), a.Detail)
		assert.Greater(t, a.ID, audit[i].ID)
	}
}

// unchanged checks that case ref is still at version v with v entries,
// and that the audit record has n records about it.
func unchanged(t *testing.T, f *fixture, ref string, v, n int) {
	t.Helper()
	c, err := f.reg.Case(f.ctx, ref)
	require.NoError(t, err)
	assert.Equal(t, v, c.Version)
	assert.Len(t, c.Entries, v)
	audit, err := f.store.Audit(f.ctx, ref)
	require.NoError(t, err)
	assert.Len(t, audit, n)
}

func testErrors(t *testing.T, f *fixture) {
	_, err := f.reg.Create(f.ctx, "business unit", "E-1", Serious("2020-11-02"))
	require.NoError(t, err)
	recordAll(t, f, "E-1", lifecycle[:2])

	tests := []struct {
		name     string
		do       func() error
		want     error
		kind     error
		field    string
		reason   string
		wantRule string
	}{
		{"unknown case", func() error {
			_, err := f.reg.Record(f.ctx, "bu", "NOPE-1", 0, lifecycle[0])
			return err
		}, register.ErrUnknownCase, vocab.ErrNotFound, "ref", "", "exists"},
		{"stale version", func() error {
			_, err := f.reg.Record(f.ctx, "bu", "E-1", 1, lifecycle[2])
			return err
		}, register.ErrStale, vocab.ErrConflict, "expectedVersion", "", "version"},
		{"version from the future", func() error {
			_, err := f.reg.Record(f.ctx, "bu", "E-1", 9, lifecycle[2])
			return err
		}, register.ErrStale, vocab.ErrConflict, "expectedVersion", "", "version"},
		{"negative version", func() error {
			_, err := f.reg.Record(f.ctx, "bu", "E-1", -1, lifecycle[2])
			return err
		}, register.ErrBadRequest, vocab.ErrInvalid, "expectedVersion", "", "range"},
		{"step recorded twice", func() error {
			_, err := f.reg.Record(f.ctx, "bu", "E-1", 2, lifecycle[1])
			return err
		}, register.ErrRefused, vocab.ErrConflict, "event.step", "", "once"},
		{"step out of order", func() error {
			_, err := f.reg.Record(f.ctx, "bu", "E-1", 2, lifecycle[4])
			return err
		}, register.ErrRefused, vocab.ErrConflict, "event.step", "", "order"},
		{"unknown step", func() error {
			_, err := f.reg.Record(f.ctx, "bu", "E-1", 2, ev("no-such-step", "2020-11-05", "bu"))
			return err
		}, register.ErrRefused, vocab.ErrNotFound, "event.step", "", "exists"},
		{"date before aware", func() error {
			_, err := f.reg.Record(f.ctx, "bu", "E-1", 2, ev("inform-partners", "2020-10-01", "bu"))
			return err
		}, register.ErrRefused, vocab.ErrInvalid, "event.on", "", "after-aware"},
		{"case exists", func() error {
			_, err := f.reg.Create(f.ctx, "bu", "E-1", Serious("2020-11-02"))
			return err
		}, register.ErrCaseExists, vocab.ErrConflict, "ref", "", "unique"},
		{"facts the rules need are unknown", func() error {
			_, err := f.reg.Create(f.ctx, "bu", "E-2", reviews.Facts{Aware: d("2020-11-02")})
			return err
		}, register.ErrRefused, vocab.ErrInvalid, "facts.harm", "", "required"},
		{"bad reference", func() error {
			_, err := f.reg.Create(f.ctx, "bu", "has space", Serious("2020-11-02"))
			return err
		}, register.ErrRefused, vocab.ErrInvalid, "ref", "", "ref"},
		{"correction without a reason", func() error {
			_, err := f.reg.Correct(f.ctx, "bu", "E-1", 2, register.Correction{Corrects: 1, Event: lifecycle[0]})
			return err
		}, register.ErrBadRequest, vocab.ErrInvalid, "reason", "", "required"},
		{"correction of nothing", func() error {
			_, err := f.reg.Correct(f.ctx, "bu", "E-1", 2, register.Correction{Corrects: 7, Event: lifecycle[0], Reason: "typo"})
			return err
		}, register.ErrBadRequest, vocab.ErrNotFound, "corrects", "", "exists"},
		{"correction the rules refuse", func() error {
			_, err := f.reg.Correct(f.ctx, "bu", "E-1", 2, register.Correction{Corrects: 1, Event: ev("child-death-review", "2020-10-01", "bu"), Reason: "wrong date"})
			return err
		}, register.ErrRefused, vocab.ErrInvalid, "events[0].on", "", "after-aware"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.do()
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.want)
			assert.ErrorIs(t, err, tt.kind)
			var fe *vocab.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tt.field, fe.Field)
			assert.Equal(t, tt.wantRule, fe.Rule)
			unchanged(t, f, "E-1", 2, 3)
			_, err = f.reg.Case(f.ctx, "E-2")
			assert.ErrorIs(t, err, register.ErrUnknownCase)
		})
	}
}

func testRace(t *testing.T, f *fixture) {
	_, err := f.reg.Create(f.ctx, "business unit", "W-1", Serious("2020-11-02"))
	require.NoError(t, err)
	recordAll(t, f, "W-1", lifecycle[:2])
	const writers = 8
	errs := make([]error, writers)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range writers {
		wg.Go(func() {
			<-start
			_, errs[i] = f.reg.Record(f.ctx, "writer", "W-1", 2, lifecycle[2])
		})
	}
	close(start)
	wg.Wait()
	won := 0
	for _, err := range errs {
		if err == nil {
			won++
			continue
		}
		assert.ErrorIs(t, err, register.ErrStale)
		assert.ErrorIs(t, err, vocab.ErrConflict)
	}
	assert.Equal(t, 1, won, "exactly one writer wins: %v", errs)
	unchanged(t, f, "W-1", 3, 4)

	// Two registers over the same database, as two service instances.
	other, err := f.open()
	require.NoError(t, err)
	defer other.Close()
	r2, err := register.New(other, Engine(t))
	require.NoError(t, err)
	_, err1 := f.reg.Record(f.ctx, "one", "W-1", 3, lifecycle[3])
	_, err2 := r2.Record(f.ctx, "two", "W-1", 3, lifecycle[3])
	require.NoError(t, err1)
	assert.ErrorIs(t, err2, register.ErrStale)
}

func testCorrections(t *testing.T, f *fixture) {
	_, err := f.reg.Create(f.ctx, "business unit", "C-1", Serious("2020-11-02"))
	require.NoError(t, err)
	recordAll(t, f, "C-1", lifecycle[:4])

	// The rapid review was on the 19th, not the 20th.
	fixed := lifecycle[3]
	fixed.On = d("2020-11-19")
	c, err := f.reg.Correct(f.ctx, "manager", "C-1", 4, register.Correction{Corrects: 4, Event: fixed, Reason: "date typed wrongly"})
	require.NoError(t, err)
	assert.Equal(t, 5, c.Version)
	got, err := f.reg.Case(f.ctx, "C-1")
	require.NoError(t, err)
	require.Len(t, got.Entries, 5)
	assert.Equal(t, lifecycle[3], got.Entries[3].Event, "the corrected entry is kept as it was")
	assert.Equal(t, 4, got.Entries[4].Corrects)
	assert.Equal(t, "date typed wrongly", got.Entries[4].Reason)
	assert.Equal(t, "manager", got.Entries[4].Holder)
	want := slices.Clone(lifecycle[:4])
	want[3] = fixed
	assert.Equal(t, want, got.Trail().Events)

	// A later step may follow the corrected trail.
	_, err = f.reg.Record(f.ctx, "bu", "C-1", 5, lifecycle[4])
	require.NoError(t, err)

	// Withdrawing the rapid review leaves the panel decision without the
	// step it follows: refused.
	_, err = f.reg.Correct(f.ctx, "bu", "C-1", 6, register.Correction{Corrects: 4, Withdraw: true, Reason: "never happened"})
	assert.ErrorIs(t, err, register.ErrRefused)
	// Correcting a correction is refused: correct the original again.
	_, err = f.reg.Correct(f.ctx, "bu", "C-1", 6, register.Correction{Corrects: 5, Event: fixed, Reason: "again"})
	assert.ErrorIs(t, err, register.ErrBadRequest)
	// Withdrawing the panel decision is fine; the trail loses it.
	c, err = f.reg.Correct(f.ctx, "bu", "C-1", 6, register.Correction{Corrects: 6, Withdraw: true, Reason: "recorded on the wrong case"})
	require.NoError(t, err)
	assert.Equal(t, 7, c.Version)
	got, err = f.reg.Case(f.ctx, "C-1")
	require.NoError(t, err)
	assert.True(t, got.Entries[6].Withdrawn)
	assert.Equal(t, want, got.Trail().Events)

	audit, err := f.store.Audit(f.ctx, "C-1")
	require.NoError(t, err)
	last := audit[len(audit)-1]
	assert.Equal(t, register.ActionCorrect, last.Action)
	assert.Equal(t, "6", last.Detail)
}

func testReports(t *testing.T, f *fixture) {
	e := f.reg.Engine()
	on := d("2026-11-23")
	cases := Generate(7, e, on, 300)
	require.NoError(t, f.reg.Import(f.ctx, "import", cases))

	// Importing any of them again refuses the whole batch.
	err := f.reg.Import(f.ctx, "import", []reviews.Case{{Ref: "NEW-1", Facts: Serious("2020-01-01")}, cases[5]})
	assert.ErrorIs(t, err, register.ErrCaseExists)
	_, err = f.reg.Case(f.ctx, "NEW-1")
	assert.ErrorIs(t, err, register.ErrUnknownCase)

	want, err := e.Overdue(cases, on)
	require.NoError(t, err)
	got, err := f.reg.Overdue(f.ctx, on)
	require.NoError(t, err)
	// The store gives cases in reference order; the report sorts by due
	// date and reference, so it is the same.
	assert.Equal(t, want, got)

	trails, err := f.reg.Trails(f.ctx)
	require.NoError(t, err)
	require.Len(t, trails, len(cases))
	assert.True(t, slices.IsSortedFunc(trails, func(a, b reviews.Case) int { return compareBytes(a.Ref, b.Ref) }))
	byRef := map[string]reviews.Case{}
	for _, c := range cases {
		byRef[c.Ref] = c
	}
	for _, tr := range trails {
		w := byRef[tr.Ref]
		if len(w.Events) == 0 {
			w.Events = []reviews.Event{}
		}
		assert.Equal(t, w, tr)
	}

	agenda, err := f.reg.DueWithin(f.ctx, on, 10)
	require.NoError(t, err)
	assert.Equal(t, 300, agenda.Cases)
	until, err := e.Calendar().AddWorkingDays(on, 10)
	require.NoError(t, err)
	overdue := 0
	for _, s := range agenda.Steps {
		assert.False(t, s.Due.After(until), s)
		if s.Overdue {
			overdue++
		}
	}
	assert.Equal(t, len(want.Overdue), overdue, "every overdue step is on the agenda")
	all, err := f.reg.Open(f.ctx, on)
	require.NoError(t, err)
	assert.GreaterOrEqual(t, len(all.Steps), len(agenda.Steps))
}

// testOtherWriters checks that a register's reports see what another
// register over the same database wrote since its last report.
func testOtherWriters(t *testing.T, f *fixture) {
	other, err := f.open()
	require.NoError(t, err)
	defer other.Close()
	r2, err := register.New(other, Engine(t))
	require.NoError(t, err)
	on := d("2020-12-01")

	rep, err := f.reg.Overdue(f.ctx, on)
	require.NoError(t, err)
	assert.Equal(t, 0, rep.Cases)
	_, err = r2.Create(f.ctx, "two", "X-2", Serious("2020-11-02"))
	require.NoError(t, err)
	_, err = f.reg.Create(f.ctx, "one", "X-1", Serious("2020-11-02"))
	require.NoError(t, err)
	rep, err = f.reg.Overdue(f.ctx, on)
	require.NoError(t, err)
	assert.Equal(t, 2, rep.Cases)
	before := len(rep.Overdue)

	// The other register records the notification: it is no longer
	// overdue, as this register sees it too. (The rapid review's clock,
	// counted from the notification by default, has run out by then.)
	_, err = r2.Record(f.ctx, "two", "X-2", 0, ev("notify-panel", "2020-11-04", "DCS"))
	require.NoError(t, err)
	rep, err = f.reg.Overdue(f.ctx, on)
	require.NoError(t, err)
	assert.Len(t, rep.Overdue, before)
	for _, it := range rep.Overdue {
		assert.False(t, it.Ref == "X-2" && it.Step == "notify-panel", "the recorded notification is not overdue")
	}
	trails, err := f.reg.Trails(f.ctx)
	require.NoError(t, err)
	require.Len(t, trails, 2)
	assert.Equal(t, "X-1", trails[0].Ref)
	assert.Len(t, trails[1].Events, 1)

	// A write that fails changes nothing a reader sees.
	_, err = r2.Record(f.ctx, "two", "X-2", 0, ev("inform-partners", "2020-11-04", "DCS"))
	require.ErrorIs(t, err, register.ErrStale)
	again, err := f.reg.Trails(f.ctx)
	require.NoError(t, err)
	assert.Equal(t, trails, again)
}

func compareBytes(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func testTokens(t *testing.T, f *fixture) {
	secret, tok, err := f.reg.IssueToken(f.ctx, "cli", "ESCB business unit", register.RoleRecord)
	require.NoError(t, err)
	assert.NotContains(t, tok.Hash, secret)
	assert.Equal(t, register.HashSecret(secret), tok.Hash)

	got, err := f.reg.Authenticate(f.ctx, secret, register.RoleRead)
	require.NoError(t, err)
	assert.Equal(t, "ESCB business unit", got.Holder)
	_, err = f.reg.Authenticate(f.ctx, secret, register.RoleRecord)
	require.NoError(t, err)
	_, err = f.reg.Authenticate(f.ctx, secret, register.RoleAdmin)
	assert.ErrorIs(t, err, register.ErrForbidden)
	_, err = f.reg.Authenticate(f.ctx, secret+"x", register.RoleRead)
	assert.ErrorIs(t, err, register.ErrUnauthenticated)
	_, err = f.reg.Authenticate(f.ctx, "", register.RoleRead)
	assert.ErrorIs(t, err, register.ErrUnauthenticated)

	toks, err := f.store.Tokens(f.ctx)
	require.NoError(t, err)
	require.Len(t, toks, 1)
	assert.Equal(t, tok.ID, toks[0].ID)
	assert.Equal(t, tok.Hash, toks[0].Hash)

	require.NoError(t, f.reg.RevokeToken(f.ctx, "cli", tok.ID))
	_, err = f.reg.Authenticate(f.ctx, secret, register.RoleRead)
	assert.ErrorIs(t, err, register.ErrUnauthenticated)
	// Revoking twice keeps the first time; an unknown ID is named.
	toks, err = f.store.Tokens(f.ctx)
	require.NoError(t, err)
	first := toks[0].Revoked
	require.NoError(t, f.reg.RevokeToken(f.ctx, "cli", tok.ID))
	toks, err = f.store.Tokens(f.ctx)
	require.NoError(t, err)
	assert.True(t, first.Equal(toks[0].Revoked))
	err = f.reg.RevokeToken(f.ctx, "cli", "nope")
	assert.ErrorIs(t, err, register.ErrUnknownToken)

	_, _, err = f.reg.IssueToken(f.ctx, "cli", "", "owner")
	assert.ErrorIs(t, err, register.ErrBadRequest)
	assert.Len(t, vocab.AsProblems(err), 2)

	audit, err := f.store.Audit(f.ctx, "")
	require.NoError(t, err)
	var actions []register.Action
	for _, a := range audit {
		actions = append(actions, a.Action)
		assert.Equal(t, "cli", a.Holder)
	}
	assert.Equal(t, []register.Action{register.ActionIssueToken, register.ActionRevokeToken}, actions)
}

func testReopen(t *testing.T, f *fixture) {
	_, err := f.reg.Create(f.ctx, "business unit", "O-1", Serious("2020-11-02"))
	require.NoError(t, err)
	recordAll(t, f, "O-1", lifecycle)
	require.NoError(t, f.store.Close())
	s, err := f.open()
	require.NoError(t, err)
	defer s.Close()
	c, err := s.Case(f.ctx, "O-1")
	require.NoError(t, err)
	assert.Equal(t, len(lifecycle), c.Version)
	assert.Equal(t, lifecycle, c.Trail().Events)
}
