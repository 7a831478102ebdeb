package scrutiny_test

import (
	"math/rand/v2"
	"testing"

	"github.com/masa-go/masa/internal/testcheck"

	"github.com/masa-go/masa/scrutiny"
	"github.com/masa-go/masa/vocab"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestGate(t *testing.T) {
	g := scrutiny.NewGate(2020)
	on := vocab.MustDate("2021-09-30")
	err := g.CanPublish(on)
	assert.ErrorIs(t, err, vocab.ErrConflict)
	assert.Equal(t, "publication-gate", vocab.AsProblems(err)[0].Rule)
	assert.False(t, g.Status(on).Open)

	tests := []struct {
		name  string
		r     scrutiny.Review
		field string
		rule  string
	}{
		{"other year's report", scrutiny.Review{ReportYear: 2019, Date: vocab.MustDate("2021-07-01"), Outcome: "Endorsed"}, "reportYear", "same-report"},
		{"during the year", scrutiny.Review{ReportYear: 2020, Date: vocab.MustDate("2021-03-31"), Outcome: "Endorsed"}, "date", "after-report-year"},
		{"no date", scrutiny.Review{ReportYear: 2020, Outcome: "Endorsed"}, "date", "required"},
		{"no outcome", scrutiny.Review{ReportYear: 2020, Date: vocab.MustDate("2021-07-01")}, "outcome", "required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := g.Record(tt.r)
			assert.Equal(t, tt.rule, testcheck.Problems(t, err)[tt.field])
			assert.Empty(t, g.Reviews, "nothing recorded")
		})
	}

	require.NoError(t, g.Record(scrutiny.Review{ReportYear: 2020, Date: vocab.MustDate("2021-07-01"), Outcome: "Endorsed with changes"}))
	assert.NoError(t, g.CanPublish(on))
	assert.ErrorIs(t, g.CanPublish(vocab.MustDate("2021-06-30")), vocab.ErrConflict, "not before the review")
	st := g.Status(on)
	assert.True(t, st.Open)
	require.NotNil(t, st.Review)
	assert.Equal(t, "open: scrutiny reviewed the 2020/21 yearly report on 1 July 2021 (Endorsed with changes)", st.Message)
}

// Whatever order reviews are recorded in, the gate keeps them by date, is
// open on a date exactly when some review is on or before it, and reports
// the latest such review.
func TestGateProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 13))
	end := vocab.FinancialYear(2020).End()
	for c := 0; c < 500; c++ {
		g := scrutiny.NewGate(2020)
		var dates []vocab.Date
		for range r.IntN(5) {
			d := end.AddDays(1 + r.IntN(200))
			dates = append(dates, d)
			require.NoError(t, g.Record(scrutiny.Review{ReportYear: 2020, Date: d, Outcome: "Reviewed"}))
		}
		for i := 1; i < len(g.Reviews); i++ {
			require.False(t, g.Reviews[i].Date.Before(g.Reviews[i-1].Date))
		}
		on := end.AddDays(r.IntN(220))
		var latest vocab.Date
		for _, d := range dates {
			if !d.After(on) && d.After(latest) {
				latest = d
			}
		}
		require.Equal(t, !latest.IsZero(), g.CanPublish(on) == nil)
		rv, ok := g.ReviewedBy(on)
		require.Equal(t, !latest.IsZero(), ok)
		require.Equal(t, latest, rv.Date)
	}
}
