package funding_test

import (
	"testing"

	"github.com/masa-go/masa/funding"
	"github.com/masa-go/masa/masa"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBaselineScenarioInPence(t *testing.T) {
	p, err := masa.Load("../masa/testdata/riverside.json")
	require.NoError(t, err)
	s, err := funding.BaselineScenario(p)
	require.NoError(t, err)
	assert.Equal(t, funding.Pence, s.Rounding.Unit)
	r, err := funding.Apply(s)
	require.NoError(t, err)
	require.Len(t, r.Lines, len(p.Funding.Lines))
	for i, l := range r.Lines {
		assert.True(t, l.Amount.Decimal().Equal(p.Funding.Lines[i].Amount), "%s: %s", l.Org, l.Amount)
	}

	essex, err := funding.BaselineScenario(masa.Essex())
	require.NoError(t, err)
	assert.Equal(t, funding.Pounds, essex.Rounding.Unit, "the Essex table is in whole pounds")
}
