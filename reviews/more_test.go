package reviews_test

import (
	"strings"
	"testing"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/reviews"
	"github.com/masa-go/masa/vocab"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A partnership without the data an owner needs gives an error naming
// the partnership's field, not a blank owner.
func TestOwnerNeedsPartnershipData(t *testing.T) {
	p := masa.Essex()
	p.Reviews = nil
	e, err := reviews.New(p)
	require.NoError(t, err)
	assert.Same(t, p, e.Partnership())
	c := localReviewCase(t, essex(t), d("2021-01-04"), d("2021-03-01"))
	_, err = e.Status(c, d("2021-03-02"))
	var fe *vocab.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "reviews.subCommittee", fe.Field)
	assert.ErrorIs(t, err, vocab.ErrNotFound)

	p = masa.Essex()
	p.Reviews.RatificationLeadArea = "no-such-area"
	e, err = reviews.New(p)
	require.NoError(t, err)
	_, err = e.Status(c, d("2021-03-02"))
	assert.ErrorIs(t, err, vocab.ErrNotFound)
	assert.Contains(t, err.Error(), "no-such-area")

	p = masa.Essex()
	p.Escalation = nil
	e, err = reviews.New(p)
	require.NoError(t, err)
	_, err = e.Escalation(d("2021-03-02"))
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "escalation", fe.Field)
	p = masa.Essex()
	p.Escalation[1].Level = 5
	e, _ = reviews.New(p)
	_, err = e.Escalation(d("2021-03-02"))
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "escalation[1].level", fe.Field)
}

// TestBeforeAnyRuleSet checks that a date before every rule set is an
// error naming the caller's field and date, whichever way it is asked.
func TestBeforeAnyRuleSet(t *testing.T) {
	e := essex(t)
	for _, day := range []string{"0001-01-01", "1999-12-31", "2006-03-31"} {
		t.Run(day, func(t *testing.T) {
			var fe *vocab.FieldError
			_, err := e.Escalation(d(day))
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, [2]string{"on", day}, [2]string{fe.Field, fe.Value})
			assert.ErrorIs(t, err, vocab.ErrNotFound)

			_, _, err = e.RulesOn(d(day))
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, [2]string{"date", day}, [2]string{fe.Field, fe.Value})

			c := &reviews.Case{Ref: "EARLY-1", Facts: reviews.Facts{Aware: d(day), Harm: reviews.HarmSerious, AbuseOrNeglect: reviews.AbuseKnown, Location: reviews.InArea}}
			_, err = e.Status(c, d("2021-03-02"))
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, [2]string{"facts.aware", day}, [2]string{fe.Field, fe.Value})
			assert.Contains(t, err.Error(), "EARLY-1")
		})
	}
	_, _, err := e.RulesOn(d("2006-04-01"))
	assert.NoError(t, err, "the first rule set starts on 1 April 2006")
}

func TestStatusOfAndNextSteps(t *testing.T) {
	st, err := reviews.StatusOf(masa.Essex(), lifecycle(t), d("2021-06-30"))
	require.NoError(t, err)
	var names []string
	for _, s := range st.NextSteps() {
		names = append(names, string(s.Step))
	}
	assert.Equal(t, []string{"send-report", "monitor-review", "share-learning", "action-plan"}, names)
	_, err = reviews.StatusOf(nil, lifecycle(t), d("2021-06-30"))
	assert.Error(t, err)
}

func TestDue(t *testing.T) {
	e := essex(t)
	c := lifecycle(t)
	_, _, err := e.Due(c, "no-such-step", d("2021-01-04"))
	assert.ErrorIs(t, err, vocab.ErrNotFound)
	_, ok, err := e.Due(c, "national-review", d("2021-01-04"))
	require.NoError(t, err)
	assert.False(t, ok, "a step that does not apply has no due date")
	_, ok, err = e.Due(c, "panel-decision", d("2021-01-04"))
	require.NoError(t, err)
	assert.False(t, ok, "the Panel's decision has no local deadline")
	_, _, err = e.Due(c, "rapid-review", vocab.Date{})
	assert.Error(t, err)
	_, _, err = e.Due(&reviews.Case{Ref: "x y"}, "rapid-review", d("2021-01-04"))
	assert.Error(t, err)
}

func TestTextLimits(t *testing.T) {
	e := essex(t)
	long := strings.Repeat("a", reviews.MaxTextLength+1)
	tests := []struct {
		ev    reviews.Event
		field string
		rule  string
	}{
		{reviews.Event{Step: "notify-panel", On: d("2021-03-02"), By: long}, "events[0].by", "max-length"},
		{reviews.Event{Step: "notify-panel", On: d("2021-03-02"), By: "\xff\xfe"}, "events[0].by", "utf-8"},
		{reviews.Event{Step: "notify-panel", On: d("2021-03-02"), By: "x", Planned: vocab.NewDate(2021, 2, 30)}, "events[0].planned", "date"},
		{reviews.Event{Step: "notify-panel", On: d("2021-03-02"), By: "x", Learning: []reviews.Finding{{Theme: long, Severity: 1, Audience: "both"}}}, "events[0].learning[0].theme", "max-length"},
		{reviews.Event{Step: "notify-panel", On: d("2021-03-02"), By: "x", Learning: []reviews.Finding{{Theme: "t", Severity: 1, Audience: "parents"}}}, "events[0].learning[0].audience", "audience"},
	}
	for _, tt := range tests {
		err := e.Check(&reviews.Case{Ref: "T-1", Facts: serious("2021-03-01"), Events: []reviews.Event{tt.ev}})
		ps := vocab.AsProblems(err)
		require.NotEmpty(t, ps, tt.field)
		assert.Equal(t, tt.field, ps[0].Field)
		assert.Equal(t, tt.rule, ps[0].Rule)
	}
	many := make([]reviews.Event, reviews.MaxEvents+1)
	err := e.Check(&reviews.Case{Ref: "T-1", Facts: serious("2021-03-01"), Events: many})
	require.Error(t, err)
	assert.Equal(t, "events", vocab.AsProblems(err)[0].Field)
}

// The words of a due rule count correctly: 1st, 2nd, 3rd, 11th, 21st.
func TestDueRuleOrdinals(t *testing.T) {
	sets := reviews.DefaultRules()
	for i := range sets {
		for j := range sets[i].Steps {
			if sets[i].Steps[j].ID == "rapid-review" {
				sets[i].Steps[j].Due.WorkingDays = 21
				sets[i].Steps[j].Due.Alternative.WorkingDays = 21
			}
			if sets[i].Steps[j].ID == "notify-panel" {
				sets[i].Steps[j].Due.WorkingDays = 2
			}
			if sets[i].Steps[j].ID == "inform-partners" {
				sets[i].Steps[j].Due.WorkingDays = 11
			}
		}
	}
	// Counting the rapid review from becoming aware gives its due date
	// before the notification is recorded.
	p := masa.Essex()
	p.Reviews.RapidReviewFrom = "aware"
	e, err := reviews.New(p, reviews.WithRules(sets))
	require.NoError(t, err)
	st, err := e.Status(&reviews.Case{Ref: "O-1", Facts: serious("2021-03-01")}, d("2021-03-01"))
	require.NoError(t, err)
	for id, want := range map[reviews.StepID]string{"notify-panel": "2nd", "inform-partners": "11th", "rapid-review": "21st"} {
		s, _ := st.Step(id)
		assert.Contains(t, s.DueRule, "the "+want+" working day", id)
	}
}
