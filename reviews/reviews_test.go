package reviews_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/reviews"
	"github.com/masa-go/masa/vocab"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDefaultRules(t *testing.T) {
	sets := reviews.DefaultRules()
	require.Len(t, sets, 4)
	claimed := map[vocab.ID]vocab.ID{}
	for _, rs := range sets {
		for _, id := range rs.RuleSets {
			claimed[id] = rs.ID
		}
		assert.NotEmpty(t, rs.Citations, rs.ID)
		for _, s := range rs.Steps {
			assert.NotEmpty(t, s.Citation.Source, "%s %s", rs.ID, s.ID)
			if s.Due != nil {
				assert.NotEmpty(t, s.Due.Text, "%s %s", rs.ID, s.ID)
			}
		}
	}
	// Every masa rule set has review rules.
	for _, rs := range masa.RuleSets() {
		assert.Contains(t, claimed, rs.ID, "masa rule set %s has no review rules", rs.ID)
	}
	// The rapid review clock: by default from the notification to the
	// Panel under both editions.
	rapid := func(set vocab.ID) *reviews.Clock {
		for _, rs := range sets {
			if rs.ID != set {
				continue
			}
			for _, s := range rs.Steps {
				if s.ID == "rapid-review" {
					return s.Due
				}
			}
		}
		return nil
	}
	require.NotNil(t, rapid("wt-2018-ch4"))
	assert.Equal(t, "notify-panel", rapid("wt-2018-ch4").From)
	assert.Equal(t, "notify-panel", rapid("wt-2023-ch5").From, "by default from the notification")
	assert.Equal(t, "aware", rapid("wt-2023-ch5").Alternative.From, "or, as a partnership setting, from becoming aware")
	assert.Equal(t, 15, rapid("wt-2023-ch5").WorkingDays)

	again, err := reviews.ParseRules(reviews.DefaultRulesJSON())
	require.NoError(t, err)
	assert.Equal(t, sets, again)
}

func TestDecodeRulesProblems(t *testing.T) {
	base := `[{"id":"x","name":"x","ruleSets":["wt-2018"],"citations":[],"steps":[%s]}]`
	step := func(extra string) string {
		return `{"id":"a","name":"A","stage":"s","owner":"partners","citation":{"source":"c"},"provenance":{"class":"local-procedure","notVerified":"test"}` + extra + `}`
	}
	tests := []struct {
		name, steps, field, rule string
	}{
		{"unknown owner", `{"id":"a","name":"A","stage":"s","owner":"mayor","citation":{"source":"c"},"provenance":{"class":"local-procedure","notVerified":"test"}}`, "[0].steps[0].owner", "owner"},
		{"no citation", `{"id":"a","name":"A","stage":"s","owner":"partners","citation":{"source":""},"provenance":{"class":"local-procedure","notVerified":"test"}}`, "[0].steps[0].citation.source", "required"},
		{"after a later step", step(`,"after":["b"]`), "[0].steps[0].after[0]", "exists"},
		{"bad condition", step(`,"when":["raining"]`), "[0].steps[0].when[0]", "condition"},
		{"two clock units", step(`,"due":{"from":"aware","workingDays":5,"days":3,"text":"t"}`), "[0].steps[0].due", "clock"},
		{"unknown anchor", step(`,"due":{"from":"b","days":3,"text":"t"}`), "[0].steps[0].due.from", "exists"},
		{"auto without due", step(`,"auto":true`), "[0].steps[0].auto", "auto-needs-due"},
		{"criteria list missing", step(`,"outcomes":[{"id":"yes","name":"yes","needsCriteria":true}]`), "[0].steps[0].criteria", "exists"},
		{"duplicate step", step("") + "," + step(""), "[0].steps[1].id", "unique"},
		{"planned anchor on a step without plans", step("") + `,{"id":"b","name":"B","stage":"s","owner":"partners","citation":{"source":"c"},"provenance":{"class":"local-procedure","notVerified":"test"},"due":{"from":"a.planned","days":-7,"text":"t"}}`, "[0].steps[1].due.from", "planned"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := reviews.ParseRules([]byte(fmt.Sprintf(base, tt.steps)))
			require.Error(t, err)
			ps := vocab.AsProblems(err)
			require.NotEmpty(t, ps, err)
			assert.Equal(t, tt.field, ps[0].Field, err)
			assert.Equal(t, tt.rule, ps[0].Rule, err)
		})
	}
	// Two review rule sets may not claim the same masa rule set.
	sets := reviews.DefaultRules()
	sets[3].RuleSets = append(sets[3].RuleSets, "wt-2018")
	_, err := reviews.New(masa.Essex(), reviews.WithRules(sets))
	var fe *vocab.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "[3].ruleSets[1]", fe.Field)
}

// The lifecycle of the fictional case, as it stands on each date of its
// audit trail and on dates between, is kept as golden JSON.
func TestLifecycleGolden(t *testing.T) {
	e := essex(t)
	c := lifecycle(t)
	dates := []string{"2020-11-02", "2020-11-10", "2020-11-24", "2021-01-04", "2021-06-30", "2021-07-20", "2022-08-01"}
	for _, ev := range c.Events {
		dates = append(dates, ev.On.String())
	}
	slices.Sort(dates)
	var out []*reviews.Status
	for _, s := range slices.Compact(dates) {
		st, err := e.Status(c, d(s))
		require.NoError(t, err, s)
		out = append(out, st)
	}
	data, err := vocab.EncodeJSON(out)
	require.NoError(t, err)
	assertGolden(t, "lifecycle.golden.json", data)

	// Spot checks on the story the golden file tells.
	final, err := e.Status(c, d("2022-08-01"))
	require.NoError(t, err)
	assert.Equal(t, reviews.StageClosed, final.Stage)
	assert.False(t, final.Overdue)
	keep, ok := final.Step("keep-available")
	require.True(t, ok)
	assert.Equal(t, reviews.StateDone, keep.State)
	assert.Equal(t, "2022-07-28", keep.Done.On.String())

	mid, err := e.Status(c, d("2021-07-20"))
	require.NoError(t, err)
	assert.Equal(t, reviews.Stage("publication"), mid.Stage)
	assert.False(t, mid.Overdue)
	assert.Equal(t, []reviews.StepID{"monitor-review", "publish", "share-learning", "action-plan"}, mid.Next)
}

func TestLifecycleDeadlines(t *testing.T) {
	e := essex(t)
	c := lifecycle(t)
	st, err := e.Status(c, d("2022-08-01"))
	require.NoError(t, err)
	want := map[reviews.StepID]string{
		"notify-panel":    "2020-11-09",
		"inform-partners": "2020-11-09",
		"rapid-review":    "2020-11-26", // 15 working days from the notification on 5 November 2020
		"final-report":    "2021-06-30", // 31 December 2020 + 6 months, clamped to the end of June
		"send-report":     "2021-07-19", // 7 working days before publication on 28 July 2021
		"keep-available":  "2022-07-28",
	}
	for id, due := range want {
		s, ok := st.Step(id)
		require.True(t, ok, id)
		assert.Equal(t, due, s.Due.String(), id)
		assert.False(t, s.Done.Late, id)
	}
	pub, _ := st.Step("publish")
	assert.Equal(t, "2021-07-27", pub.NotBefore.String())
	final, _ := st.Step("final-report")
	assert.Contains(t, final.DueRule, "31 December 2020 plus 6 months is 30 June 2021, as June has no 31st")
}
