package funding

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A total whose count of units fits a uint64 but not an int64 (£1e17 in
// pence is 1e19 pence) must not overflow: found by FuzzApportion.
func TestApportionTotalBeyondInt64Units(t *testing.T) {
	total := decimal.RequireFromString("100000000000000000")
	tests := []struct {
		policy Policy
		a, b   string
	}{
		// Remainders are 1/3 and 2/3 of a penny: Hamilton gives the
		// leftover penny to b, floor-then-first to the first ID, a.
		{LargestRemainder, "33333333333333333.33", "66666666666666666.67"},
		{FloorThenFirst, "33333333333333333.34", "66666666666666666.66"},
	}
	for _, tt := range tests {
		r := Rounding{Unit: Pence, Policy: tt.policy}
		got, err := Apportion(total, []Share{{ID: "a", Weight: decimal.NewFromInt(1)}, {ID: "b", Weight: decimal.NewFromInt(2)}}, r)
		require.NoError(t, err)
		require.Len(t, got, 2)
		assert.False(t, got[0].IsNegative())
		assert.True(t, got[0].Add(got[1]).Equal(total), "%s + %s", got[0], got[1])
		assert.Equal(t, tt.a, got[0].StringFixed(2), tt.policy)
		assert.Equal(t, tt.b, got[1].StringFixed(2), tt.policy)
	}
}
