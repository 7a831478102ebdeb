package reviews_test

import (
	"testing"

	"github.com/masa-go/masa/reviews"
	"github.com/masa-go/masa/vocab"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestOverdueChecksFutureCaseInFull is the regression test for bug 4 of
// issue 13: a case aware on 9999-12-31 with an unknown harm and a bogus
// step was skipped as "not yet" with no problems at all.
func TestOverdueChecksFutureCaseInFull(t *testing.T) {
	e := essex(t)
	bad := reviews.Case{
		Ref:    "F-1",
		Facts:  reviews.Facts{Aware: d("9999-12-31"), Harm: "unknown-harm"},
		Events: []reviews.Event{{Step: "no-such-step", On: d("9999-12-31"), By: "Duty manager"}},
	}
	r, err := e.Overdue([]reviews.Case{bad}, d("2021-04-01"))
	require.Error(t, err)
	require.NotNil(t, r)
	assert.Equal(t, 1, r.Problems)
	ps := vocab.AsProblems(err)
	var rules []string
	for _, p := range ps {
		rules = append(rules, p.Field+" "+p.Rule)
	}
	assert.Contains(t, rules, "cases[0].facts.aware after-on")
	assert.Greater(t, len(ps), 1, "the case's other problems are reported too: %v", rules)

	// A future date alone is a named problem, not a silent skip.
	ok := reviews.Case{Ref: "F-2", Facts: serious("2021-06-01")}
	r, err = e.Overdue([]reviews.Case{ok}, d("2021-04-01"))
	require.Error(t, err)
	assert.Equal(t, 1, r.Problems)
	assert.Equal(t, "cases[0].facts.aware", vocab.AsProblems(err)[0].Field)
	assert.NotContains(t, err.Error(), "F-2", "the reference is not echoed in the message")
}
