package register_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/masa-go/masa/internal/golden"
	"github.com/masa-go/masa/register"
	"github.com/masa-go/masa/register/registertest"
	"github.com/masa-go/masa/register/sqlite"
	"github.com/masa-go/masa/reviews"
	"github.com/masa-go/masa/vocab"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var d = vocab.MustDate

func TestRoleAllows(t *testing.T) {
	tests := []struct {
		have, need register.Role
		want       bool
	}{
		{register.RoleRead, register.RoleRead, true},
		{register.RoleRead, register.RoleRecord, false},
		{register.RoleRead, register.RoleAdmin, false},
		{register.RoleRecord, register.RoleRead, true},
		{register.RoleRecord, register.RoleRecord, true},
		{register.RoleRecord, register.RoleAdmin, false},
		{register.RoleAdmin, register.RoleAdmin, true},
		{register.RoleAdmin, register.RoleRead, true},
		{"owner", register.RoleRead, false},
		{"", "", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.have.Allows(tt.need), "%q allows %q", tt.have, tt.need)
	}
}

func TestTrailAppliesCorrections(t *testing.T) {
	e := func(step, on string) reviews.Event {
		return reviews.Event{Step: reviews.StepID(step), On: d(on), By: "bu"}
	}
	c := register.Case{Ref: "T-1", Entries: []register.Entry{
		{Seq: 1, Event: e("a", "2020-01-01")},
		{Seq: 2, Event: e("b", "2020-01-02")},
		{Seq: 3, Event: e("c", "2020-01-03")},
		{Seq: 4, Corrects: 2, Event: e("b", "2020-01-05"), Reason: "typo"},
		{Seq: 5, Corrects: 2, Event: e("b", "2020-01-06"), Reason: "typo again"},
		{Seq: 6, Corrects: 1, Withdrawn: true, Reason: "wrong case"},
	}}
	assert.Equal(t, []reviews.Event{e("b", "2020-01-06"), e("c", "2020-01-03")}, c.Trail().Events)
	assert.Empty(t, (&register.Case{}).Trail().Events)
}

func TestErrorsMatchVocab(t *testing.T) {
	tests := []struct {
		err, kind error
	}{
		{register.UnknownCase("X"), vocab.ErrNotFound},
		{register.CaseExists("X"), vocab.ErrConflict},
		{register.StaleVersion("X", 1, 2), vocab.ErrConflict},
		{register.UnknownToken("X"), vocab.ErrNotFound},
		{register.ErrRefused, vocab.ErrInvalid},
	}
	for _, tt := range tests {
		assert.ErrorIs(t, tt.err, tt.kind, tt.err.Error())
	}
	assert.NotErrorIs(t, register.StaleVersion("X", 1, 2), vocab.ErrNotFound)
	var fe *vocab.FieldError
	require.ErrorAs(t, register.StaleVersion("X", 1, 2), &fe)
	assert.Equal(t, "expectedVersion", fe.Field)
}

// newRegister opens a register in a new SQLite file with a fixed clock.
func newRegister(t testing.TB) *register.Register {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "r.db"))
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	at := time.Date(2020, 11, 6, 9, 30, 0, 0, time.UTC)
	r, err := register.New(s, registertest.Engine(t), register.WithClock(func() time.Time { return at }))
	require.NoError(t, err)
	return r
}

func TestExportCSV(t *testing.T) {
	r := newRegister(t)
	ctx := t.Context()
	_, err := r.Create(ctx, "business unit", "ESCB-2020-07", registertest.Serious("2020-11-02"))
	require.NoError(t, err)
	_, err = r.Create(ctx, "business unit", "ESCB-2020-08", registertest.Serious("2020-11-04"))
	require.NoError(t, err)
	_, err = r.Record(ctx, "business unit", "ESCB-2020-07", 0, reviews.Event{Step: "notify-panel", On: d("2020-11-03"), By: "=HYPERLINK(\"x\")"})
	require.NoError(t, err)
	_, err = r.Correct(ctx, "manager", "ESCB-2020-07", 1, register.Correction{Corrects: 1, Event: reviews.Event{Step: "notify-panel", On: d("2020-11-04"), By: "DCS"}, Reason: "date"})
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, r.ExportCSV(ctx, &buf))
	golden.Assert(t, "testdata/export.golden.csv", buf.Bytes())
	rows, err := csv.NewReader(bytes.NewReader(buf.Bytes())).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 4)
	assert.Equal(t, register.CSVHeader(), rows[0])
	assert.Equal(t, `'=HYPERLINK("x")`, rows[1][10], "a formula is neutralised")
	assert.Equal(t, "", rows[3][7], "a case with no entries has empty entry columns")
}

func Example() {
	ctx := context.Background()
	dir, _ := filepathTemp()
	defer os.RemoveAll(dir)
	store, err := sqlite.Open(ctx, filepath.Join(dir, "register.db"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer store.Close()
	engine, _ := reviews.New(masaEssex())
	reg, _ := register.New(store, engine)

	no := false
	facts := reviews.Facts{Aware: d("2020-11-02"), Harm: reviews.HarmDied, AbuseOrNeglect: reviews.AbuseSuspected, Location: reviews.InArea, LookedAfter: &no}
	c, _ := reg.Create(ctx, "business unit", "ESCB-2020-07", facts)
	fmt.Println("created at version", c.Version)

	c, _ = reg.Record(ctx, "business unit", "ESCB-2020-07", c.Version, reviews.Event{Step: "notify-panel", On: d("2020-11-05"), By: "DCS"})
	fmt.Println("recorded; version", c.Version)

	_, err = reg.Record(ctx, "someone else", "ESCB-2020-07", 0, reviews.Event{Step: "notify-panel", On: d("2020-11-05"), By: "DCS"})
	fmt.Println(err)

	r, _ := reg.Overdue(ctx, d("2020-12-01"))
	for _, s := range r.Overdue {
		fmt.Println(s.Ref, s.Step, "due", s.Due)
	}
	// Output:
	// created at version 0
	// recorded; version 1
	// register: stale version: expectedVersion: is not the version of case ESCB-2020-07, which is 1: read the case again and decide on what it now says (value "0", rule version)
	// ESCB-2020-07 inform-partners due 2020-11-09
	// ESCB-2020-07 rapid-review due 2020-11-26
}
