package vocab_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/masa-go/masa/vocab"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPersonalDataProblem(t *testing.T) {
	tests := []struct {
		in   string
		kind string // "" for none
	}{
		// NHS numbers: 943 476 5919 has a valid check digit.
		{"9434765919", "NHS number"},
		{"NHS no 943 476 5919", "NHS number"},
		{"943-476-5919.", "NHS number"},
		{"child 9434765919 seen", "NHS number"},
		{"1234567890 9434765919", "NHS number"},
		{"9434765918", ""},            // wrong check digit
		{"94347659190", ""},           // eleven digits
		{"0345 603 7627", ""},         // a telephone number
		{"Call 0345 603 7627", ""},    // ditto
		{"1234567890", ""},            // check digit would be 10: never valid
		{"2019 2020 2021 budget", ""}, // years
		// Postcodes.
		{"lives at CM1 1QH", "postcode"},
		{"sw1a 2aa", "postcode"},
		{"W1A 0AX", "postcode"},
		{"CM11QH", "postcode"},
		{"EC1A 1BB,", "postcode"},
		{"Section 11 audit", ""},
		{"A1 road", ""},
		{"ESCB-CSPR-2020-07", ""},
		// Dates of birth need a cue in free text.
		{"DOB 12/03/2015", "date of birth"},
		{"d.o.b.: 2015-03-12", "date of birth"},
		{"Date of birth: 12th March 2015", "date of birth"},
		{"born on 3 Mar 15", "date of birth"},
		{"child born March 12, 2015", "date of birth"},
		{"Birthday 1.2.2016", "date of birth"},
		{"Published 29 June 2019", ""},
		{"meeting on 12/03/2021", ""},
		{"Neglect – “early help” £5", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got := vocab.PersonalDataProblem(tt.in)
		if tt.kind == "" {
			assert.Empty(t, got, "%q", tt.in)
			continue
		}
		assert.Contains(t, got, tt.kind, "%q", tt.in)
	}
}

func TestReferenceDataProblem(t *testing.T) {
	for _, ref := range []string{"ESCB-2020-031", "rr-2020-01", "DR-2020-12", "A", "cspr-2020-01"} {
		assert.Empty(t, vocab.ReferenceDataProblem(ref), ref)
	}
	for _, ref := range []string{"X-12/03/2015", "2015-03-12", "smith-12.03.2015", "9434765919", "ab CM1 1QH"} {
		assert.NotEmpty(t, vocab.ReferenceDataProblem(ref), ref)
	}
}

func TestScreenTextNamesButDoesNotEcho(t *testing.T) {
	fe := vocab.ScreenText("events[0].by", "Social worker, NHS 943 476 5919")
	require.NotNil(t, fe)
	assert.Equal(t, "events[0].by", fe.Field)
	assert.Equal(t, "personal-data", fe.Rule)
	assert.Empty(t, fe.Value)
	assert.NotContains(t, fe.Error(), "943")
	assert.True(t, errors.Is(fe, vocab.ErrPersonalData))
	assert.True(t, errors.Is(fe, vocab.ErrInvalid))

	fe = vocab.ScreenText("name", "a\x1b[2Jb")
	require.NotNil(t, fe)
	assert.Equal(t, "text", fe.Rule)
	assert.Nil(t, vocab.ScreenText("name", "Duty manager"))
	assert.Nil(t, vocab.ScreenReference("ref", "ESCB-2020-031"))
	assert.Equal(t, "personal-data", vocab.ScreenReference("ref", "2015-03-12").Rule)
}

// Screening is linear: a megabyte of digits and date-like text allocates
// little.
func TestScreeningIsBounded(t *testing.T) {
	for _, s := range []string{
		strings.Repeat("1", 1<<20),
		strings.Repeat("123 456 ", 1<<17),
		strings.Repeat("born 12/", 1<<17),
		strings.Repeat("CM1 ", 1<<18),
	} {
		allocs := testing.AllocsPerRun(2, func() { vocab.PersonalDataProblem(s) })
		assert.Less(t, allocs, 1000.0)
		bytes := allocBytes(func() { vocab.ReferenceDataProblem(s) })
		assert.Less(t, bytes, uint64(16<<20))
	}
}
