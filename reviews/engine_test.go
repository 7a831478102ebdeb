package reviews_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/reviews"
	"github.com/masa-go/masa/vocab"
	"github.com/masa-go/masa/workdays"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Deadlines of cases around every one-off bank holiday, substitute days,
// weekends and year ends, under the rules in force on each date.
func TestDeadlines(t *testing.T) {
	e := essex(t)
	tests := []struct {
		name     string
		aware    string
		notified string // when set, the notification to the Panel is recorded on this date
		rules    vocab.ID
		notify   string // due date of notify-panel (notify-incident before go-live)
		rapid    string // due date of the rapid review ("" when not yet known)
	}{
		{"VE Day 2020", "2020-05-01", "2020-05-01", "wt-2018", "2020-05-11", "2020-05-26"},
		{"VE Day and the spring bank holiday", "2020-05-04", "2020-05-04", "wt-2018", "2020-05-12", "2020-05-27"},
		{"Christmas 2020, Boxing Day substitute", "2020-12-23", "2020-12-23", "wt-2018", "2021-01-04", "2021-01-18"},
		{"Christmas 2021, both substitutes and New Year 2022", "2021-12-23", "2021-12-23", "wt-2018", "2022-01-04", "2022-01-18"},
		{"spring bank holiday moved and Platinum Jubilee", "2022-05-27", "2022-05-27", "wt-2018", "2022-06-07", "2022-06-21"},
		{"State Funeral of Queen Elizabeth II", "2022-09-16", "2022-09-16", "wt-2018-icb", "2022-09-26", "2022-10-10"},
		{"Christmas 2022 substitute and New Year 2023", "2022-12-23", "2022-12-23", "wt-2018-icb", "2023-01-04", "2023-01-18"},
		{"coronation of King Charles III", "2023-05-05", "2023-05-05", "wt-2018-icb", "2023-05-15", "2023-05-30"},
		{"a Saturday is day 0", "2024-06-08", "2024-06-10", "wt-2018-icb", "2024-06-14", "2024-07-01"},
		{"before Essex adopts Working Together 2023 by the national deadline", "2024-12-20", "2024-12-30", "wt-2018-icb", "2024-12-31", "2025-01-21"},
		{"Working Together 2023 before the notification", "2025-04-17", "", "wt-2023", "2025-04-28", ""},
		{"Working Together 2018 before the notification", "2020-05-01", "", "wt-2018", "2020-05-11", ""},
		{"the day before Working Together 2023", "2023-12-14", "2023-12-14", "wt-2018-icb", "2023-12-21", "2024-01-09"},
		{"before go-live: the Panel is notified, the LSCB decides on a Serious Case Review", "2019-04-18", "", "lscb-transition", "2019-04-29", ""},
		{"before 29 June 2018: Ofsted and the LSCB are notified", "2018-06-28", "", "lscb-2004", "2018-07-05", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &reviews.Case{Ref: "T-1", Facts: serious(tt.aware)}
			on := d(tt.aware)
			if tt.notified != "" {
				require.NoError(t, e.Record(c, reviews.Event{Step: "notify-panel", On: d(tt.notified), By: "local authority"}))
				on = d(tt.notified)
			}
			st, err := e.Status(c, on)
			require.NoError(t, err)
			assert.Equal(t, tt.rules, st.Rules.RuleSet)
			notify := reviews.StepID("notify-panel")
			if tt.rules == "lscb-2004" {
				notify = "notify-incident"
			}
			n, ok := st.Step(notify)
			require.True(t, ok)
			assert.Equal(t, tt.notify, n.Due.String(), "notification due")
			if tt.rules == "lscb-2004" || tt.rules == "lscb-transition" {
				_, ok := st.Step("rapid-review")
				assert.False(t, ok, "no rapid review before go-live")
				return
			}
			r, ok := st.Step("rapid-review")
			require.True(t, ok)
			assert.Equal(t, tt.rapid, r.Due.String(), "rapid review due: %s", r.DueRule)
			if tt.rapid == "" {
				assert.Contains(t, r.DueRule, "notification to the Panel (not yet recorded)")
			}
		})
	}
}

// The 6-month clock for the final report, with the month-end rule.
func TestFinalReportMonthEnd(t *testing.T) {
	e := essex(t)
	tests := []struct{ ratified, due string }{
		{"2020-08-28", "2021-02-28"},
		{"2021-03-31", "2021-09-30"},
		{"2023-08-31", "2024-02-29"},
		{"2021-08-31", "2022-02-28"},
		{"2024-01-15", "2024-07-15"},
	}
	for _, tt := range tests {
		c := localReviewCase(t, e, d(tt.ratified).AddDays(-60), d(tt.ratified))
		st, err := e.Status(c, d(tt.ratified))
		require.NoError(t, err)
		s, ok := st.Step("final-report")
		require.True(t, ok)
		assert.Equal(t, tt.due, s.Due.String(), tt.ratified)
		if d(tt.due).Day != d(tt.ratified).Day {
			assert.Contains(t, s.DueRule, "moves back to its last day", tt.ratified)
		}
	}
}

// localReviewCase returns a case recorded up to the ratification of a
// local review on ratified.
func localReviewCase(t *testing.T, e *reviews.Engine, aware, ratified vocab.Date) *reviews.Case {
	t.Helper()
	c := &reviews.Case{Ref: "LR-1", Facts: serious(aware.String())}
	steps := []reviews.Event{
		{Step: "notify-panel", On: aware.AddDays(1)},
		{Step: "rapid-review", On: aware.AddDays(10)},
		{Step: "panel-decision", On: aware.AddDays(30), Outcome: "no-national-review"},
		{Step: "local-recommendation", On: aware.AddDays(40), Outcome: "recommend-local-review", Criteria: []vocab.ID{"improvements"}},
		{Step: "ratify-decision", On: ratified, Outcome: "local-review"},
	}
	for _, ev := range steps {
		ev.By = "test"
		require.NoError(t, e.Record(c, ev))
	}
	return c
}

// Owners follow the partnership's data on the date asked: the Assistant
// Chief Constable ratifies in Essex, integrated care boards replace the
// clinical commissioning groups from 1 July 2022, and a rotating
// ratification lead area moves with its rotation.
func TestOwnersOnDates(t *testing.T) {
	e := essex(t)
	c := localReviewCase(t, e, d("2022-03-01"), d("2022-05-10"))
	owner := func(e *reviews.Engine, c *reviews.Case, on string, step reviews.StepID) reviews.Owner {
		st, err := e.Status(c, d(on))
		require.NoError(t, err)
		s, ok := st.Step(step)
		require.True(t, ok, step)
		return s.Owner
	}
	r := owner(e, c, "2022-05-01", "ratify-decision")
	assert.Equal(t, "Assistant Chief Constable", r.Post)
	assert.Equal(t, []vocab.ID{"essex-police"}, r.Orgs)
	assert.Equal(t, vocab.ID("cspr-ratification"), r.LeadArea)
	assert.Equal(t, "Assistant Chief Constable, Essex Police", r.String())

	before := owner(e, c, "2022-06-30", "commission-review")
	assert.Contains(t, before.Orgs, vocab.ID("nhs-mid-essex-ccg"))
	after := owner(e, c, "2022-07-01", "commission-review")
	assert.NotContains(t, after.Orgs, vocab.ID("nhs-mid-essex-ccg"))
	assert.Contains(t, after.Orgs, vocab.ID("nhs-mid-and-south-essex-icb"))
	assert.Equal(t, "the safeguarding partners", after.Name)

	sub := owner(e, c, "2022-05-01", "local-recommendation")
	assert.Equal(t, "Child Safeguarding Practice Review sub-committee", sub.Name)

	// Riverside rotates ratification yearly from 1 April 2024: police,
	// then health, then the local authority.
	rv := riverside(t)
	rc := &reviews.Case{Ref: "RV-1", Facts: serious("2024-03-01")}
	for _, ev := range []reviews.Event{
		{Step: "notify-panel", On: d("2024-03-04")},
		{Step: "rapid-review", On: d("2024-03-20")},
		{Step: "panel-decision", On: d("2024-04-10"), Outcome: "no-national-review"},
		{Step: "local-recommendation", On: d("2024-04-20"), Outcome: "recommend-no-review"},
	} {
		ev.By = "test"
		require.NoError(t, rv.Record(rc, ev))
	}
	for on, want := range map[string]vocab.Role{"2024-05-01": vocab.Police, "2025-05-01": vocab.Health, "2026-05-01": vocab.LocalAuthority} {
		o := owner(rv, rc, on, "ratify-decision")
		assert.Equal(t, want, o.Role, on)
	}
	assert.Equal(t, "the lead safeguarding partners", owner(rv, rc, "2024-05-01", "inform-decision").Name)
	// Riverside names no child death review group: the statutory child
	// death review partners own the referral.
	dc := &reviews.Case{Ref: "RV-2", Facts: serious("2024-06-03")}
	assert.Equal(t, "the child death review partners", owner(rv, dc, "2024-06-03", "child-death-review").Name)
}

func TestSeriousCaseReviewBeforeGoLive(t *testing.T) {
	e := essex(t)
	c := &reviews.Case{Ref: "SCR-2019-1", Facts: serious("2019-05-01")}
	require.NoError(t, e.Record(c, reviews.Event{Step: "notify-panel", On: d("2019-05-03"), By: "Essex County Council"}))
	st, err := e.Status(c, d("2019-05-10"))
	require.NoError(t, err)
	assert.Equal(t, "Serious Case Review", st.Rules.ReviewName)
	assert.Equal(t, vocab.ID("lscb-transition-scr"), st.Rules.ID)
	s, ok := st.Step("scr-decision")
	require.True(t, ok)
	assert.Equal(t, "Decide whether to hold a Serious Case Review", s.Name)
	assert.Equal(t, "Local Safeguarding Children Board", s.Owner.Post)
	assert.Equal(t, "Essex Safeguarding Children Board", s.Owner.Name)
	n, _ := st.Step("inform-body")
	assert.Equal(t, "Tell the Local Safeguarding Children Board and the safeguarding partners of the incident", n.Name)

	// The rule set that applies is fixed by the date of becoming aware.
	st, err = e.Status(c, d("2020-06-01"))
	require.NoError(t, err)
	assert.Equal(t, vocab.ID("lscb-transition-scr"), st.Rules.ID)
	rs, rules, err := e.RulesOn(d("2019-09-29"))
	require.NoError(t, err)
	assert.Equal(t, vocab.ID("wt-2018"), rs.ID, "Essex went live on 29 September 2019")
	assert.Equal(t, vocab.ID("wt-2018-ch4"), rules.ID)
}

func TestFactsChooseSteps(t *testing.T) {
	e := essex(t)
	tests := []struct {
		name  string
		facts reviews.Facts
		steps []reviews.StepID
	}{
		{"serious harm, abuse known", reviews.Facts{Aware: d("2021-03-01"), Harm: reviews.HarmSerious, AbuseOrNeglect: reviews.AbuseKnown, Location: reviews.InArea},
			[]reviews.StepID{"notify-panel", "inform-partners", "rapid-review", "panel-decision"}},
		{"death of a looked-after child, abuse suspected", reviews.Facts{Aware: d("2021-03-01"), Harm: reviews.HarmDied, AbuseOrNeglect: reviews.AbuseSuspected, Location: reviews.InArea, LookedAfter: yes()},
			[]reviews.StepID{"notify-panel", "inform-partners", "notify-ofsted-sos", "child-death-review", "rapid-review", "panel-decision"}},
		{"death of a looked-after child, no abuse suspected", reviews.Facts{Aware: d("2021-03-01"), Harm: reviews.HarmDied, AbuseOrNeglect: reviews.AbuseNotSuspected, LookedAfter: yes()},
			[]reviews.StepID{"notify-ofsted-sos", "child-death-review"}},
		{"resident child harmed outside England", reviews.Facts{Aware: d("2021-03-01"), Harm: reviews.HarmSerious, AbuseOrNeglect: reviews.AbuseSuspected, Location: reviews.ResidentOutsideEngland},
			[]reviews.StepID{"notify-panel", "inform-partners", "rapid-review", "panel-decision"}},
		{"harm elsewhere in England: another authority notifies", reviews.Facts{Aware: d("2021-03-01"), Harm: reviews.HarmSerious, AbuseOrNeglect: reviews.AbuseSuspected, Location: reviews.OutsideArea},
			[]reviews.StepID{}},
		{"harm that is not serious", reviews.Facts{Aware: d("2021-03-01"), Harm: reviews.HarmNotSerious},
			[]reviews.StepID{}},
	}
	for _, tt := range tests {
		st, err := e.Status(&reviews.Case{Ref: "F-1", Facts: tt.facts}, d("2021-03-02"))
		require.NoError(t, err, tt.name)
		got := []reviews.StepID{}
		for _, s := range st.Steps {
			got = append(got, s.Step)
		}
		assert.Equal(t, tt.steps, got, tt.name)
		assert.Equal(t, len(tt.steps) > 2, st.SeriousIncident, tt.name)
		if len(tt.steps) == 0 {
			assert.Equal(t, reviews.StageClosed, st.Stage, tt.name)
		}
	}
}

// Bad input is an error naming the field.
func TestCaseProblems(t *testing.T) {
	e := essex(t)
	ev := func(step, on string, extra ...func(*reviews.Event)) reviews.Event {
		x := reviews.Event{Step: reviews.StepID(step), On: d(on), By: "test"}
		for _, f := range extra {
			f(&x)
		}
		return x
	}
	outcome := func(o string, criteria ...vocab.ID) func(*reviews.Event) {
		return func(x *reviews.Event) { x.Outcome, x.Criteria = o, criteria }
	}
	upToPanel := []reviews.Event{ev("notify-panel", "2021-03-02"), ev("rapid-review", "2021-03-15")}
	tests := []struct {
		name   string
		facts  reviews.Facts
		events []reviews.Event
		field  string
		rule   string
		kind   error
	}{
		{"a decision dated before the notification", serious("2021-03-01"),
			[]reviews.Event{ev("notify-panel", "2021-03-05"), ev("rapid-review", "2021-03-04")},
			"events[1].on", "after-previous", vocab.ErrInvalid},
		{"a step recorded twice", serious("2021-03-01"),
			[]reviews.Event{ev("notify-panel", "2021-03-02"), ev("notify-panel", "2021-03-03")},
			"events[1].step", "once", vocab.ErrConflict},
		{"a national and a local review both chosen", serious("2021-03-01"),
			append(slices.Clone(upToPanel), ev("panel-decision", "2021-04-01", outcome("national-review", "recurrent-themes")),
				ev("local-recommendation", "2021-04-10", outcome("recommend-local-review", "improvements"))),
			"events[3].step", "route", vocab.ErrConflict},
		{"an unknown step", serious("2021-03-01"),
			[]reviews.Event{ev("notify-the-mayor", "2021-03-02")},
			"events[0].step", "exists", vocab.ErrNotFound},
		{"a step out of order", serious("2021-03-01"),
			[]reviews.Event{ev("rapid-review", "2021-03-02")},
			"events[0].step", "order", vocab.ErrConflict},
		{"a decision before the decision it follows", serious("2021-03-01"),
			append(slices.Clone(upToPanel), ev("local-recommendation", "2021-04-10", outcome("recommend-no-review"))),
			"events[2].step", "order", vocab.ErrConflict},
		{"harm unknown", reviews.Facts{Aware: d("2021-03-01")}, nil, "facts.harm", "required", vocab.ErrInvalid},
		{"abuse or neglect unknown", reviews.Facts{Aware: d("2021-03-01"), Harm: reviews.HarmSerious}, nil, "facts.abuseOrNeglect", "required", vocab.ErrInvalid},
		{"location unknown", reviews.Facts{Aware: d("2021-03-01"), Harm: reviews.HarmSerious, AbuseOrNeglect: reviews.AbuseKnown}, nil, "facts.location", "required", vocab.ErrInvalid},
		{"looked after unknown for a death", reviews.Facts{Aware: d("2021-03-01"), Harm: reviews.HarmDied, AbuseOrNeglect: reviews.AbuseKnown, Location: reviews.InArea}, nil, "facts.lookedAfter", "required", vocab.ErrInvalid},
		{"no date of becoming aware", reviews.Facts{Harm: reviews.HarmNotSerious}, nil, "facts.aware", "required", vocab.ErrInvalid},
		{"a bad harm", reviews.Facts{Aware: d("2021-03-01"), Harm: "bruised"}, nil, "facts.harm", "harm", vocab.ErrInvalid},
		{"a decision without its outcome", serious("2021-03-01"),
			append(slices.Clone(upToPanel), ev("panel-decision", "2021-04-01")),
			"events[2].outcome", "required", vocab.ErrInvalid},
		{"an unknown outcome", serious("2021-03-01"),
			append(slices.Clone(upToPanel), ev("panel-decision", "2021-04-01", outcome("maybe"))),
			"events[2].outcome", "outcome", vocab.ErrInvalid},
		{"a review decision without criteria", serious("2021-03-01"),
			append(slices.Clone(upToPanel), ev("panel-decision", "2021-04-01", outcome("national-review"))),
			"events[2].criteria", "required", vocab.ErrInvalid},
		{"a criterion of the wrong list", serious("2021-03-01"),
			append(slices.Clone(upToPanel), ev("panel-decision", "2021-04-01", outcome("national-review", "agencies-working-together"))),
			"events[2].criteria[0]", "exists", vocab.ErrNotFound},
		{"an outcome on a step that is not a decision", serious("2021-03-01"),
			[]reviews.Event{ev("notify-panel", "2021-03-02", outcome("done"))},
			"events[0].outcome", "no-outcome", vocab.ErrInvalid},
		{"a step dated before becoming aware", serious("2021-03-01"),
			[]reviews.Event{ev("notify-panel", "2021-02-27")},
			"events[0].on", "after-aware", vocab.ErrInvalid},
		{"a step that does not apply to the facts", serious("2021-03-01"),
			[]reviews.Event{ev("notify-ofsted-sos", "2021-03-02")},
			"events[0].step", "applies", vocab.ErrConflict},
		{"an instant on another London date", serious("2021-06-01"),
			[]reviews.Event{ev("notify-panel", "2021-06-02", func(x *reviews.Event) { x.At = d("2021-06-02").Time().Add(23*time.Hour + 30*time.Minute) })},
			"events[0].at", "london-date", vocab.ErrConflict},
		{"no one decided", serious("2021-03-01"),
			[]reviews.Event{{Step: "notify-panel", On: d("2021-03-02")}},
			"events[0].by", "required", vocab.ErrInvalid},
		{"learning on a step that records none", serious("2021-03-01"),
			[]reviews.Event{ev("notify-panel", "2021-03-02", func(x *reviews.Event) {
				x.Learning = []reviews.Finding{{Theme: "x", Severity: 1, Audience: vocab.AudienceBoth}}
			})},
			"events[0].learning", "no-learning", vocab.ErrInvalid},
		{"a planned date on a step that plans nothing", serious("2021-03-01"),
			[]reviews.Event{ev("notify-panel", "2021-03-02", func(x *reviews.Event) { x.Planned = d("2021-04-01") })},
			"events[0].planned", "no-planned-date", vocab.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &reviews.Case{Ref: "BAD-1", Facts: tt.facts, Events: tt.events}
			_, err := e.Status(c, d("2021-12-01"))
			require.Error(t, err)
			ps := vocab.AsProblems(err)
			require.NotEmpty(t, ps, err)
			assert.Equal(t, tt.field, ps[0].Field, err)
			assert.Equal(t, tt.rule, ps[0].Rule, err)
			assert.ErrorIs(t, err, tt.kind)
			assert.Contains(t, err.Error(), "BAD-1")
			assert.Equal(t, err.Error(), e.Check(c).Error())
		})
	}
}

func TestPublicationNotice(t *testing.T) {
	e := essex(t)
	c := localReviewCase(t, e, d("2021-01-04"), d("2021-03-01"))
	for _, ev := range []reviews.Event{
		{Step: "commission-review", On: d("2021-03-15")},
		{Step: "final-report", On: d("2021-08-20"), Planned: d("2021-09-10")},
		{Step: "send-report", On: d("2021-09-01")},
	} {
		ev.By = "test"
		require.NoError(t, e.Record(c, ev))
	}
	st, err := e.Status(c, d("2021-09-01"))
	require.NoError(t, err)
	send, _ := st.Step("send-report")
	assert.Equal(t, "2021-09-01", send.Due.String(), "7 working days before 10 September")
	// 7 working days after 1 September 2021 is 10 September: publishing
	// on the 9th is too early, and the error says why.
	err = e.Record(c, reviews.Event{Step: "publish", On: d("2021-09-09"), By: "test"})
	var fe *vocab.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "events[8].on", fe.Field)
	assert.Equal(t, "not-before", fe.Rule)
	assert.Contains(t, fe.Message, "10 September 2021")
	assert.Len(t, c.Events, 8, "a rejected event is not recorded")
	require.NoError(t, e.Record(c, reviews.Event{Step: "publish", On: d("2021-09-10"), By: "test"}))
}

func TestStatusDates(t *testing.T) {
	e := essex(t)
	c := &reviews.Case{Ref: "D-1", Facts: serious("2021-03-01")}
	_, err := e.Status(c, d("2021-02-28"))
	var fe *vocab.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "on", fe.Field)
	_, err = e.Status(c, vocab.Date{})
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "on", fe.Field)

	// Deadlines past the announced bank holidays are counted over the
	// standing pattern, and say so.
	late := &reviews.Case{Ref: "D-2", Facts: serious("2027-12-24")}
	st, err := e.Status(late, d("2027-12-24"))
	require.NoError(t, err)
	n, _ := st.Step("notify-panel")
	assert.Equal(t, "2028-01-05", n.Due.String())
	assert.True(t, n.Provisional)
	assert.Contains(t, n.DueRule, "provisional")

	// A calendar extended with the year's announced days is not provisional.
	f, err := workdays.Parse([]byte(`{"years":[2028],"holidays":[
		{"date":"2028-01-03","name":"New Year's Day (substitute day)","kind":"substitute"},
		{"date":"2028-04-14","name":"Good Friday"},{"date":"2028-04-17","name":"Easter Monday"},
		{"date":"2028-05-01","name":"Early May bank holiday"},{"date":"2028-05-29","name":"Spring bank holiday"},
		{"date":"2028-08-28","name":"Summer bank holiday"},{"date":"2028-12-25","name":"Christmas Day"},{"date":"2028-12-26","name":"Boxing Day"}]}`))
	require.NoError(t, err)
	cal, err := workdays.EnglandAndWales().Extend(f)
	require.NoError(t, err)
	e2, err := reviews.New(masa.Essex(), reviews.WithCalendar(cal))
	require.NoError(t, err)
	st, err = e2.Status(late, d("2027-12-24"))
	require.NoError(t, err)
	n, _ = st.Step("notify-panel")
	assert.Equal(t, "2028-01-05", n.Due.String(), "over Christmas and the New Year substitute day of 2028")
	assert.False(t, n.Provisional)
	assert.NotContains(t, n.DueRule, "provisional")
	assert.Same(t, cal, e2.Calendar())
}

// A partnership's own rules change deadlines without code: here a rapid
// review within 10 working days.
func TestWithRules(t *testing.T) {
	sets := reviews.DefaultRules()
	for i := range sets {
		for j := range sets[i].Steps {
			if sets[i].Steps[j].ID == "rapid-review" {
				sets[i].Steps[j].Due.Alternative.WorkingDays = 10
				sets[i].Steps[j].Due.Alternative.Text = "within 10 working days"
			}
		}
	}
	p := masa.Essex()
	p.Reviews.RapidReviewFrom = "aware"
	e, err := reviews.New(p, reviews.WithRules(sets))
	require.NoError(t, err)
	st, err := e.Status(&reviews.Case{Ref: "W-1", Facts: serious("2020-05-01")}, d("2020-05-01"))
	require.NoError(t, err)
	r, _ := st.Step("rapid-review")
	assert.Equal(t, "2020-05-18", r.Due.String())

	// Without review rules for a masa rule set, its cases are an error.
	e, err = reviews.New(masa.Essex(), reviews.WithRules(sets[2:]))
	require.NoError(t, err)
	_, err = e.Status(&reviews.Case{Ref: "W-2", Facts: serious("2019-05-01")}, d("2019-05-01"))
	assert.ErrorIs(t, err, vocab.ErrNotFound)

	_, err = reviews.New(masa.Essex(), reviews.WithCalendar(nil))
	require.Error(t, err)
	_, err = reviews.New(nil)
	require.Error(t, err)
}

func TestLearning(t *testing.T) {
	e := essex(t)
	got, err := e.Learning(lifecycle(t))
	require.NoError(t, err)
	require.Len(t, got, 2)
	for _, l := range got {
		assert.Equal(t, "ESCB-CSPR-2020-07", l.Ref)
		assert.Equal(t, vocab.SourcePracticeReviews, l.Source)
		assert.Equal(t, "2021-09-14", l.Date.String())
		assert.True(t, l.Audience.Valid())
	}
	assert.Equal(t, "recognising neglect of adolescents", got[1].Theme)
	assert.Equal(t, 3, got[1].Severity)

	none, err := e.Learning(&reviews.Case{Ref: "N-1", Facts: serious("2021-01-04")})
	require.NoError(t, err)
	assert.Empty(t, none)
	_, err = e.Learning(&reviews.Case{Ref: "", Facts: serious("2021-01-04")})
	assert.Error(t, err)
}

func TestOverdueReport(t *testing.T) {
	e := essex(t)
	cases := []reviews.Case{
		{Ref: "A", Facts: serious("2021-03-01")},                 // nothing done: notification and rapid review overdue
		*lifecycle(t),                                            // everything on time
		{Ref: "B", Facts: serious("2021-06-01")},                 // known only after the report date: a problem
		{Ref: "C", Facts: reviews.Facts{Aware: d("2021-03-01")}}, // facts missing
	}
	r, err := e.Overdue(cases, d("2021-04-01"))
	require.Error(t, err)
	ps := vocab.AsProblems(err)
	require.Len(t, ps, 2)
	assert.Equal(t, "cases[2].facts.aware", ps[0].Field)
	assert.Equal(t, "after-on", ps[0].Rule)
	assert.Equal(t, "cases[3].facts.harm", ps[1].Field)
	assert.Equal(t, 4, r.Cases)
	assert.Equal(t, 2, r.Open)
	assert.Equal(t, 2, r.Problems)
	var got []string
	for _, it := range r.Overdue {
		got = append(got, fmt.Sprintf("%s %s %s %d %s", it.Ref, it.Step, it.Due, it.DaysOverdue, it.Owner.Ref))
	}
	assert.Equal(t, []string{
		"A notify-panel 2021-03-08 24 local-authority",
		"A inform-partners 2021-03-08 24 local-authority",
	}, got, "the rapid review counts from the notification, not yet made")
	data, err := vocab.EncodeJSON(r)
	require.NoError(t, err)
	assertGolden(t, "overdue.golden.json", data)

	_, err = e.Overdue(nil, vocab.Date{})
	require.Error(t, err)
}

func TestDisputes(t *testing.T) {
	e := essex(t)
	levels, err := e.Escalation(d("2020-06-29"))
	require.NoError(t, err)
	require.Len(t, levels, 3)
	assert.Equal(t, "SET Child Protection & Safeguarding Procedures", levels[0].Procedures)
	require.NotNil(t, levels[2].Overseer)
	assert.Equal(t, vocab.Health, levels[2].Overseer.Role)
	assert.Equal(t, "Clinical Commissioning Group leads", levels[2].Overseer.Post)
	assert.Len(t, levels[2].Overseer.Orgs, 5)
	later, err := e.Escalation(d("2023-06-01"))
	require.NoError(t, err)
	assert.Len(t, later[2].Overseer.Orgs, 3, "three integrated care boards from 1 July 2022")

	dispute := &reviews.Dispute{Ref: "DR-2020-3", Events: []reviews.DisputeEvent{
		{Action: reviews.DisputeRaised, On: d("2020-07-01"), By: "school designated safeguarding lead"},
		{Action: reviews.DisputeEscalated, On: d("2020-07-10"), By: "head of service"},
		{Action: reviews.DisputeEscalated, On: d("2020-08-03"), By: "director"},
		{Action: reviews.DisputeResolved, On: d("2020-08-20"), By: "the three statutory partners"},
	}}
	tests := []struct {
		on       string
		level    int
		resolved bool
		next     string
	}{
		{"2020-07-02", 1, false, "escalate to level 2, Senior managers"},
		{"2020-07-15", 2, false, "escalate to level 3, Statutory partners"},
		{"2020-08-04", 3, false, "there is no higher level; the way forward is overseen by Clinical Commissioning Group leads"},
		{"2020-09-01", 3, true, "none: resolved on 20 August 2020"},
	}
	for _, tt := range tests {
		st, err := e.Dispute(dispute, d(tt.on))
		require.NoError(t, err, tt.on)
		assert.Equal(t, tt.level, st.Level.Level, tt.on)
		assert.Equal(t, tt.resolved, st.Resolved, tt.on)
		assert.Contains(t, st.Next, tt.next, tt.on)
		assert.Equal(t, tt.level < 3 && !tt.resolved, st.NextLevel != nil, tt.on)
	}

	raised := reviews.DisputeEvent{Action: reviews.DisputeRaised, On: d("2020-07-01"), By: "x"}
	esc := func(on string) reviews.DisputeEvent {
		return reviews.DisputeEvent{Action: reviews.DisputeEscalated, On: d(on), By: "x"}
	}
	bad := []struct {
		events []reviews.DisputeEvent
		field  string
	}{
		{[]reviews.DisputeEvent{esc("2020-07-01")}, "events[0].action"},
		{[]reviews.DisputeEvent{raised, {Action: reviews.DisputeRaised, On: d("2020-07-02"), By: "x"}}, "events[1].action"},
		{[]reviews.DisputeEvent{raised, esc("2020-06-30")}, "events[1].on"},
		{[]reviews.DisputeEvent{raised, esc("2020-07-02"), esc("2020-07-03"), esc("2020-07-04")}, "events[3].action"},
		{[]reviews.DisputeEvent{raised, {Action: reviews.DisputeResolved, On: d("2020-07-02"), By: "x"}, esc("2020-07-03")}, "events[2].action"},
		{[]reviews.DisputeEvent{{Action: "shouted", On: d("2020-07-01"), By: "x"}}, "events[0].action"},
		{[]reviews.DisputeEvent{{Action: reviews.DisputeRaised, On: d("2020-07-01")}}, "events[0].by"},
		{nil, "events"},
	}
	for i, tt := range bad {
		_, err := e.Dispute(&reviews.Dispute{Ref: "DR-1", Events: tt.events}, d("2020-09-01"))
		ps := vocab.AsProblems(err)
		require.NotEmpty(t, ps, "case %d: %v", i, err)
		assert.Equal(t, tt.field, ps[0].Field, "case %d: %v", i, err)
	}
	_, err = e.Dispute(dispute, d("2020-06-01"))
	require.Error(t, err, "before the dispute was raised")
}

func TestDecodeCase(t *testing.T) {
	tests := []struct {
		json, field, rule string
	}{
		{`{"ref":"A-1","facts":{"aware":"2021-02-30"},"events":[]}`, "facts.aware", "date"},
		{`{"ref":"A 1","facts":{"aware":"2021-02-01"},"events":[]}`, "ref", "ref"},
		{`{"ref":"A-1","facts":{"aware":"2021-02-01","location":"mars"},"events":[]}`, "facts.location", "location"},
		{`{"ref":"A-1","facts":{"aware":"2021-02-01"},"events":[{"step":"notify-panel","on":"2021-02-02","by":"x","learning":[{"theme":"t","severity":9,"audience":"both"}]}]}`, "events[0].learning[0].severity", "range"},
		{`{"ref":"A-1","facts":{"aware":"2021-02-01"},"events":[{"step":"","on":"2021-02-02","by":"x"}]}`, "events[0].step", "required"},
		{`{"ref":"A-1","facts":{"aware":"2021-02-01"},"events":[{"step":"x","by":"x"}]}`, "events[0].on", "required"},
		{`{"ref":"A-1","facts":{"aware":"2021-02-01","awareAt":"2021-02-01T23:30:00-05:00"},"events":[]}`, "facts.awareAt", "london-date"},
	}
	for _, tt := range tests {
		_, err := reviews.ParseCase([]byte(tt.json))
		ps := vocab.AsProblems(err)
		require.NotEmpty(t, ps, tt.json)
		assert.Equal(t, tt.field, ps[0].Field, tt.json)
		assert.Equal(t, tt.rule, ps[0].Rule, tt.json)
	}
	// British Summer Time: 23:30 UTC on 30 June is 1 July in London.
	c, err := reviews.ParseCase([]byte(`{"ref":"A-1","facts":{"aware":"2021-07-01","awareAt":"2021-06-30T23:30:00Z"},"events":[]}`))
	require.NoError(t, err)
	assert.Equal(t, "2021-07-01", c.Facts.Aware.String())

	_, err = reviews.LoadCase("testdata/missing.json")
	assert.Error(t, err)
	_, err = reviews.ReadCase(strings.NewReader("{"))
	assert.Error(t, err)
}

// The types hold no personal data: a case file with a name, a date of
// birth, an address or an NHS number does not load.
func TestNoPersonalDataFields(t *testing.T) {
	for _, field := range []string{"name", "dateOfBirth", "dob", "address", "postcode", "nhsNumber"} {
		for _, where := range []string{`{"ref":"P-1","%s":"x","facts":{"aware":"2021-01-04"},"events":[]}`, `{"ref":"P-1","facts":{"aware":"2021-01-04","%s":"x"},"events":[]}`} {
			_, err := reviews.ParseCase([]byte(fmt.Sprintf(where, field)))
			var fe *vocab.FieldError
			require.True(t, errors.As(err, &fe), field)
			assert.Equal(t, "unknown-field", fe.Rule, field)
		}
	}
}

// An owner reports the period it holds for: the safeguarding partners
// include the five CCGs until the day before the ICBs took over on 1 July
// 2022, and the three ICBs from that day; the local authority holds from
// go-live, with no end.
func TestOwnerPeriods(t *testing.T) {
	e := essex(t)
	tests := []struct {
		aware    string
		ref      reviews.OwnerRef
		from, to string
		orgs     int
	}{
		{"2022-06-29", reviews.OwnerPartners, "2019-09-29", "2022-06-30", 7},
		{"2022-07-01", reviews.OwnerPartners, "2022-07-01", "", 5},
		{"2021-03-01", reviews.OwnerLocalAuthority, "2019-09-29", "", 1},
	}
	for _, tt := range tests {
		c := &reviews.Case{Ref: "P-1", Facts: serious(tt.aware)}
		st, err := e.Status(c, d(tt.aware))
		require.NoError(t, err)
		found := false
		for _, s := range st.Steps {
			if s.Owner.Ref != tt.ref {
				continue
			}
			found = true
			assert.Equal(t, tt.from, s.Owner.Period.From.String(), "%s on %s", tt.ref, tt.aware)
			if tt.to == "" {
				assert.True(t, s.Owner.Period.To.IsZero(), "%s on %s has no end", tt.ref, tt.aware)
			} else {
				assert.Equal(t, tt.to, s.Owner.Period.To.String(), "%s on %s", tt.ref, tt.aware)
			}
			assert.Len(t, s.Owner.Orgs, tt.orgs)
		}
		assert.True(t, found, "a step owned by %s on %s", tt.ref, tt.aware)
	}
}
