package vocab_test

import (
	"testing"

	"github.com/masa-go/masa/vocab"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFinancialYearCheck(t *testing.T) {
	tests := []struct {
		y    vocab.FinancialYear
		rule string
	}{{2020, ""}, {1000, ""}, {9998, ""}, {0, "required"}, {999, "financial-year"}, {9999, "financial-year"}, {-5, "financial-year"}}
	for _, tt := range tests {
		err := tt.y.Check("year")
		if tt.rule == "" {
			assert.NoError(t, err, "%d", int(tt.y))
			continue
		}
		var fe *vocab.FieldError
		require.ErrorAs(t, err, &fe)
		assert.Equal(t, "year", fe.Field)
		assert.Equal(t, tt.rule, fe.Rule)
	}
}

func TestFinancialYearDateProblem(t *testing.T) {
	y := vocab.FinancialYear(2020)
	tests := []struct {
		d    vocab.Date
		rule string
	}{
		{vocab.MustDate("2020-04-01"), ""},
		{vocab.MustDate("2021-03-31"), ""},
		{vocab.MustDate("2020-03-31"), "in-year"},
		{vocab.MustDate("2021-04-01"), "in-year"},
		{vocab.Date{}, "required"},
		{vocab.NewDate(2020, 2, 30), "date"},
	}
	for _, tt := range tests {
		fe := y.DateProblem("findings[0].date", tt.d)
		if tt.rule == "" {
			assert.Nil(t, fe, "%s", tt.d)
			continue
		}
		require.NotNil(t, fe, "%s", tt.d)
		assert.Equal(t, tt.rule, fe.Rule)
		assert.Equal(t, "findings[0].date", fe.Field)
	}
}
