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

// stepRule returns the rule data of step id in the review rules for a case
// the local authority became aware of on aware.
func stepRule(t *testing.T, e *reviews.Engine, aware string, id reviews.StepID) (masa.RuleSet, reviews.Step) {
	t.Helper()
	ms, rs, err := e.RulesOn(d(aware))
	require.NoError(t, err)
	for _, s := range rs.Steps {
		if s.ID == id {
			return ms, s
		}
	}
	t.Fatalf("%s: no step %s in %s", aware, id, rs.ID)
	return ms, reviews.Step{}
}

// Issue 12, fix 1: the duty to notify the Panel is the Act's (s16C(1));
// the 5 working days are the guidance's. Each is cited for what it says.
func TestNotifyPanelCitesActAndGuidance(t *testing.T) {
	e := essex(t)
	for _, tt := range []struct{ aware, ruleSet, guidance string }{
		{"2019-01-15", "lscb-transition", "Working Together to Safeguard Children 2018, chapter 4, notifying incidents"},
		{"2020-06-29", "wt-2018", "Working Together to Safeguard Children 2018, chapter 4, notifying incidents"},
		{"2025-06-01", "wt-2023", "Working Together to Safeguard Children 2023, chapter 5, notifying incidents"},
	} {
		t.Run(tt.aware, func(t *testing.T) {
			ms, s := stepRule(t, e, tt.aware, "notify-panel")
			assert.Equal(t, vocab.ID(tt.ruleSet), ms.ID)
			assert.Equal(t, "Children Act 2004, section 16C(1)", s.Citation.String())
			assert.Equal(t, vocab.ProvenanceLaw, s.Provenance.Class)
			require.NotNil(t, s.Due)
			assert.Equal(t, 5, s.Due.WorkingDays)
			require.NotNil(t, s.Due.Citation, "the deadline cites its own source")
			assert.Equal(t, tt.guidance, s.Due.Citation.String())
			assert.Equal(t, vocab.ProvenanceGuidance, s.Due.Provenance.Class)
			assert.True(t, s.Due.Provenance.Verified())
		})
	}
}

// Issue 12, fix 2: notifying the Secretary of State and Ofsted of a
// looked-after child's death has no statutory deadline after 29 June
// 2018; a partnership may add its own, marked as local procedure.
func TestLookedAfterDeathHasNoStatutoryDeadline(t *testing.T) {
	lac := func(aware string) reviews.Facts {
		f := serious(aware)
		f.LookedAfter = yes()
		return f
	}
	withLocal := masa.Essex()
	withLocal.Reviews.LocalDeadlines = []masa.LocalDeadline{{Step: "notify-ofsted-sos", WorkingDays: 5,
		Source: vocab.Citation{Source: "a partnership's own procedure", Section: "notifications"}}}
	local, err := reviews.New(withLocal)
	require.NoError(t, err)
	for _, tt := range []struct {
		aware     string
		e         *reviews.Engine
		due       string
		localRule bool
	}{
		{"2018-06-28", essex(t), "2018-07-05", false}, // Working Together 2015 set 5 working days
		{"2019-01-15", essex(t), "", false},
		{"2020-06-29", essex(t), "", false},
		{"2025-06-01", essex(t), "", false},
		{"2019-01-15", local, "2019-01-22", true},
		{"2020-06-29", local, "2020-07-06", true},
		{"2025-06-02", local, "2025-06-09", true},
		{"2018-06-28", local, "2018-07-05", false}, // the edition's own deadline stays
	} {
		t.Run(tt.aware, func(t *testing.T) {
			st, err := tt.e.Status(&reviews.Case{Ref: "LAC-1", Facts: lac(tt.aware)}, d(tt.aware))
			require.NoError(t, err)
			s, ok := st.Step("notify-ofsted-sos")
			require.True(t, ok)
			assert.Equal(t, tt.due, s.Due.String())
			assert.Equal(t, tt.localRule, strings.Contains(s.DueRule, "local procedure"), s.DueRule)
		})
	}
	// A local deadline on a step that has no step without a deadline
	// anywhere is refused, naming the field.
	bad := masa.Essex()
	bad.Reviews.LocalDeadlines = []masa.LocalDeadline{{Step: "notify-panel", WorkingDays: 3}}
	_, err = reviews.New(bad)
	var fe *vocab.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "reviews.localDeadlines[0].step", fe.Field)
}

// Issue 12, fix 3: from 29 June 2018 serious incidents go to the national
// Panel even where new arrangements are not yet live; until go-live the
// LSCB still decides on a Serious Case Review.
func TestTransitionalPeriod(t *testing.T) {
	e := essex(t)
	for _, tt := range []struct {
		aware, rules, review, decider string
		steps                         []reviews.StepID
	}{
		{"2018-06-28", "lscb-scr", "Serious Case Review", "scr-decision", []reviews.StepID{"notify-incident"}},
		{"2018-06-29", "lscb-transition-scr", "Serious Case Review", "scr-decision", []reviews.StepID{"notify-panel", "inform-body"}},
		{"2019-01-15", "lscb-transition-scr", "Serious Case Review", "scr-decision", []reviews.StepID{"notify-panel", "inform-body"}},
		{"2019-09-28", "lscb-transition-scr", "Serious Case Review", "scr-decision", []reviews.StepID{"notify-panel", "inform-body"}},
		{"2019-09-29", "wt-2018-ch4", "Child Safeguarding Practice Review", "ratify-decision", []reviews.StepID{"notify-panel", "inform-partners"}},
	} {
		t.Run(tt.aware, func(t *testing.T) {
			st, err := e.Status(&reviews.Case{Ref: "T-1", Facts: serious(tt.aware)}, d(tt.aware))
			require.NoError(t, err)
			assert.Equal(t, vocab.ID(tt.rules), st.Rules.ID)
			assert.Equal(t, tt.review, st.Rules.ReviewName)
			assert.True(t, st.SeriousIncident)
			var open []reviews.StepID
			for _, s := range st.Steps {
				if s.State == reviews.StateOpen && s.Stage == "notification" {
					open = append(open, s.Step)
				}
				if tt.aware != "2018-06-28" {
					assert.NotContains(t, s.Name, "Ofsted and the Local Safeguarding Children Board",
						"%s: a serious incident from 29 June 2018 is not notified to Ofsted and the LSCB", s.Step)
				}
			}
			assert.Equal(t, tt.steps, open)
			_, rs, err := e.RulesOn(d(tt.aware))
			require.NoError(t, err)
			assert.True(t, slicesHas(rs.Steps, reviews.StepID(tt.decider)))
		})
	}
	// Before go-live the Serious Case Review decision is the LSCB's.
	c := &reviews.Case{Ref: "T-2", Facts: serious("2019-01-15")}
	require.NoError(t, e.Record(c, reviews.Event{Step: "notify-panel", On: d("2019-01-17"), By: "local authority"}))
	st, err := e.Status(c, d("2019-01-17"))
	require.NoError(t, err)
	s, ok := st.Step("scr-decision")
	require.True(t, ok)
	assert.Equal(t, reviews.StateOpen, s.State)
	assert.Equal(t, "Local Safeguarding Children Board", s.Owner.Post)
}

func slicesHas(steps []reviews.Step, id reviews.StepID) bool {
	for _, s := range steps {
		if s.ID == id {
			return true
		}
	}
	return false
}

// Issue 12, fix 5: the Panel's power to arrange a national review is
// section 16B(1)(b) of the Children Act 2004.
func TestNationalReviewPower(t *testing.T) {
	e := essex(t)
	for _, aware := range []string{"2020-06-29", "2023-12-15", "2025-06-01"} {
		_, s := stepRule(t, e, aware, "national-review")
		assert.Equal(t, "Children Act 2004, section 16B(1)(b)", s.Citation.String(), aware)
		assert.Equal(t, []vocab.ID{"leg-ca2004-s16b"}, s.Provenance.Checked, aware)
	}
}

// SI 2018/789 regulation 14: the partners monitor a local review's time
// and quality while it runs; WT2023's care-leaver death notification is
// asked for but not mandatory.
func TestMonitoringAndCareLeaverSteps(t *testing.T) {
	e := essex(t)
	for _, aware := range []string{"2020-06-29", "2025-06-01"} {
		_, s := stepRule(t, e, aware, "monitor-review")
		assert.Equal(t, "Child Safeguarding Practice Review and Relevant Agency (England) Regulations 2018, regulation 14", s.Citation.String())
		assert.True(t, s.Parallel, "monitoring runs beside the review")
	}
	_, rs, err := e.RulesOn(d("2020-06-29"))
	require.NoError(t, err)
	assert.False(t, slicesHas(rs.Steps, "notify-care-leaver-death"), "not before Working Together 2023")

	f := reviews.Facts{Aware: d("2025-06-02"), Harm: reviews.HarmDied, AbuseOrNeglect: reviews.AbuseNotSuspected, LookedAfter: no(), CareLeaver: true}
	st, err := e.Status(&reviews.Case{Ref: "CL-1", Facts: f}, d("2025-06-30"))
	require.NoError(t, err)
	s, ok := st.Step("notify-care-leaver-death")
	require.True(t, ok)
	assert.True(t, s.Optional)
	assert.True(t, s.Due.IsZero(), "no deadline")
	assert.False(t, st.Overdue)
	assert.False(t, st.SeriousIncident, "a care leaver's death needs no rapid review of itself")
}

// The rapid review's start point is a partnership setting: by default the
// notification to the Panel, or the day the local authority became aware.
func TestRapidReviewStartSetting(t *testing.T) {
	aware := masa.Essex()
	aware.Reviews.RapidReviewFrom = "aware"
	ea, err := reviews.New(aware)
	require.NoError(t, err)
	for _, tt := range []struct {
		name string
		e    *reviews.Engine
		want string
	}{
		{"default: from the notification, not yet made", essex(t), ""},
		{"from becoming aware", ea, "2025-06-20"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			st, err := tt.e.Status(&reviews.Case{Ref: "R-1", Facts: serious("2025-05-30")}, d("2025-05-30"))
			require.NoError(t, err)
			s, _ := st.Step("rapid-review")
			assert.Equal(t, tt.want, s.Due.String(), s.DueRule)
		})
	}
}

// Every step and criteria list of the default rules carries a provenance.
func TestEveryStepHasProvenance(t *testing.T) {
	for _, rs := range reviews.DefaultRules() {
		for _, s := range rs.Steps {
			require.NoError(t, s.Provenance.Problems(string(rs.ID)+"/"+string(s.ID)).Err())
			if s.Due != nil && s.Due.Provenance != nil {
				require.NoError(t, s.Due.Provenance.Problems(string(rs.ID)+"/"+string(s.ID)+".due").Err())
			}
		}
		for _, cl := range rs.Criteria {
			require.NoError(t, cl.Provenance.Problems(string(rs.ID)+"/"+string(cl.ID)).Err())
		}
	}
}
