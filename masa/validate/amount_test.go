package validate_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/masa/validate"
	"github.com/masa-go/masa/vocab"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFundingAmountsAreWholePenceAndBounded is the regression test for
// bug 6 of issue 13: "1e400" and amounts with three decimal places were
// accepted, so lines printed in pennies that did not add up.
func TestFundingAmountsAreWholePenceAndBounded(t *testing.T) {
	riverside, err := os.ReadFile("../testdata/riverside.json")
	require.NoError(t, err)
	tests := []struct {
		amount, rule, field string
	}{
		{`"120000.00"`, "", ""},
		{`"120000.000"`, "", ""},
		{`120000`, "", ""},
		{`"120000.005"`, "amount", "funding.lines[0].amount"},
		{`"0.001"`, "amount", "funding.lines[0].amount"},
		{`"1e400"`, "amount", "funding.lines[0].amount"},
		{`"1e10000"`, "amount", "funding.lines[0].amount"},
		{`"-1e10000"`, "amount", "funding.lines[0].amount"},
		{`"1e-10000"`, "amount", "funding.lines[0].amount"},
		{`"1e999999999"`, "json", "funding.lines[0].amount"},
		{`"1e-999999999"`, "json", "funding.lines[0].amount"},
		{`"` + strings.Repeat("9", 29) + `"`, "amount", "funding.lines[0].amount"},
		{`"-5.00"`, "funding-line", "funding.lines[0].amount"},
	}
	for _, tt := range tests {
		t.Run(tt.amount, func(t *testing.T) {
			data := bytes.Replace(riverside, []byte(`"amount": "120000.00"`), []byte(`"amount": `+tt.amount), 1)
			require.True(t, tt.amount == `"120000.00"` || !bytes.Equal(riverside, data))
			p, err := masa.Parse(data)
			if tt.rule == "json" {
				var fe *vocab.FieldError
				require.ErrorAs(t, err, &fe)
				assert.Equal(t, tt.field, fe.Field)
				return
			}
			require.NoError(t, err)
			_, err = validate.Partnership(p, p.Arrangements.Published)
			if tt.rule == "" {
				require.NoError(t, err)
				return
			}
			ps := vocab.AsProblems(err)
			require.NotEmpty(t, ps, "%v", err)
			assert.Equal(t, tt.field, ps[0].Field)
			assert.Equal(t, tt.rule, ps[0].Rule)
			assert.Less(t, len(err.Error()), 1000)
		})
	}
}

// TestHugeNumbersAreRefusedBeforeDecoding: a million-digit amount took
// seven seconds to parse; the decoder refuses numbers of more than
// vocab.MaxNumberChars characters first.
func TestHugeNumbersAreRefusedBeforeDecoding(t *testing.T) {
	riverside, err := os.ReadFile("../testdata/riverside.json")
	require.NoError(t, err)
	for _, amount := range []string{`"` + strings.Repeat("7", 1<<20) + `"`, strings.Repeat("7", 1<<20)} {
		data := bytes.Replace(riverside, []byte(`"amount": "120000.00"`), []byte(`"amount": `+amount), 1)
		_, err := masa.Parse(data)
		var fe *vocab.FieldError
		require.ErrorAs(t, err, &fe)
		assert.Equal(t, "funding.lines[0].amount", fe.Field)
		assert.Equal(t, "number", fe.Rule)
	}
}

// TestPartnershipRefusesPersonalData: every string of a partnership is
// screened, except its own published contact block.
func TestPartnershipRefusesPersonalData(t *testing.T) {
	p := masa.Essex()
	p.Organisations[1].Name = "Child seen by GP, DOB 12/03/2015"
	p.Texts = map[string]string{"vision": "Contact the family at CM1 1QH"}
	_, err := validate.Partnership(p, published)
	ps := vocab.AsProblems(err)
	var fields []string
	for _, fe := range ps {
		if fe.Rule == "personal-data" {
			fields = append(fields, fe.Field)
			assert.Empty(t, fe.Value)
		}
	}
	assert.Equal(t, []string{"organisations[1].name", "texts.vision"}, fields)
	assert.NotContains(t, err.Error(), "12/03/2015")
	assert.NotContains(t, err.Error(), "1QH")
	// The published contact address has a postcode by right.
	_, err = validate.Partnership(masa.Essex(), published)
	require.NoError(t, err)
}
