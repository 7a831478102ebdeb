package plan_test

import (
	"testing"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/plan"
	"github.com/masa-go/masa/vocab"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestValidate(t *testing.T) {
	require.NoError(t, plan.Validate(masa.Essex()))

	ps := vocab.AsProblems(plan.Validate(&masa.Partnership{}))
	require.NotEmpty(t, ps)
	assert.Equal(t, "arrangements.published", ps[0].Field)

	p := masa.Essex()
	p.Funding.Lines[1].Amount = p.Funding.Lines[1].Amount.Neg()
	ps = vocab.AsProblems(plan.Validate(p))
	require.NotEmpty(t, ps)
	assert.Equal(t, "funding.lines[1].amount", ps[0].Field)

	assert.Error(t, plan.Validate(nil))
}
