package reviews_test

import (
	"errors"
	"testing"

	"github.com/masa-go/masa/reviews"
	"github.com/masa-go/masa/vocab"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCaseRefusesPersonalData: a name, a date of birth and an NHS number
// typed into a case were accepted and printed (issue 13). Each is now a
// named problem that does not repeat the value.
func TestCaseRefusesPersonalData(t *testing.T) {
	e := essex(t)
	tests := []struct {
		name  string
		edit  func(c *reviews.Case)
		field string
	}{
		{"NHS number in by", func(c *reviews.Case) { c.Events[0].By = "GP, NHS 943 476 5919" }, "events[0].by"},
		{"date of birth in by", func(c *reviews.Case) { c.Events[0].By = "Duty manager re child DOB 12/03/2015" }, "events[0].by"},
		{"postcode in a learning theme", func(c *reviews.Case) {
			c.Events[0].Learning = []reviews.Finding{{Theme: "home at CM1 1QH", Severity: 2, Audience: "children"}}
		}, "events[0].learning[0].theme"},
		{"date in the reference", func(c *reviews.Case) { c.Ref = "CASE-2015-03-12" }, "ref"},
		{"NHS number as the reference", func(c *reviews.Case) { c.Ref = "9434765919" }, "ref"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := lifecycle(t)
			tt.edit(c)
			_, err := e.Status(c, d("2021-06-01"))
			require.Error(t, err)
			require.True(t, errors.Is(err, vocab.ErrPersonalData), "%v", err)
			var found *vocab.FieldError
			for _, p := range vocab.AsProblems(err) {
				if p.Rule == "personal-data" {
					found = p
				}
			}
			require.NotNil(t, found, "%v", err)
			assert.Equal(t, tt.field, found.Field)
			assert.Empty(t, found.Value)
			for _, leak := range []string{"943", "5919", "12/03", "1QH", "2015-03-12"} {
				assert.NotContains(t, err.Error(), leak)
			}
		})
	}
}
