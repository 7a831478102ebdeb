package vocab_test

import (
	"errors"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/masa-go/masa/vocab"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestIDCheck(t *testing.T) {
	tests := []struct {
		id   string
		want bool
	}{
		{"essex-county-council", true},
		{"nhs-mid-essex-ccg", true},
		{"a", true},
		{"2020", true},
		{"", false},
		{"Essex", false},
		{"-lead", false},
		{"trail-", false},
		{"double--hyphen", false},
		{"under_score", false},
		{"space here", false},
		{"é", false},
		{string(make([]byte, 65)), false},
	}
	for _, tt := range tests {
		err := vocab.ID(tt.id).Check("org")
		assert.Equal(t, tt.want, err == nil, "%q: %v", tt.id, err)
		if err != nil {
			var fe *vocab.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, "org", fe.Field)
			assert.Equal(t, tt.id, fe.Value)
			assert.ErrorIs(t, err, vocab.ErrInvalid)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want vocab.Date
		ok   bool
	}{
		{"2020-06-29", vocab.NewDate(2020, time.June, 29), true},
		{"2024-02-29", vocab.NewDate(2024, time.February, 29), true},
		{"2023-02-29", vocab.Date{}, false},
		{"2020-6-29", vocab.Date{}, false},
		{"29/06/2020", vocab.Date{}, false},
		{"", vocab.Date{}, false},
		{"2020-06-29T00:00:00Z", vocab.Date{}, false},
	}
	for _, tt := range tests {
		got, err := vocab.ParseDate("published", tt.in)
		if !tt.ok {
			require.Error(t, err, tt.in)
			assert.Contains(t, err.Error(), "published")
			assert.Contains(t, err.Error(), tt.in)
			continue
		}
		require.NoError(t, err)
		assert.Equal(t, tt.want, got)
		assert.Equal(t, tt.in, got.String())
	}
}

func TestDateArithmetic(t *testing.T) {
	d := vocab.MustDate
	tests := []struct {
		name string
		got  vocab.Date
		want vocab.Date
	}{
		{"month end clamps", d("2020-08-31").AddMonths(6), d("2021-02-28")},
		{"month end clamps in leap year", d("2023-08-31").AddMonths(6), d("2024-02-29")},
		{"across year", d("2020-11-15").AddMonths(3), d("2021-02-15")},
		{"backwards", d("2020-03-31").AddMonths(-1), d("2020-02-29")},
		{"add days across year", d("2020-12-30").AddDays(3), d("2021-01-02")},
		{"subtract days", d("2021-03-01").AddDays(-1), d("2021-02-28")},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.got, tt.name)
	}
	assert.Equal(t, 3, d("2021-01-02").DaysSince(d("2020-12-30")))
	assert.Equal(t, "29 June 2020", d("2020-06-29").Long())
	assert.Equal(t, time.Monday, d("2020-06-29").Weekday())
	assert.True(t, d("2020-01-01").Before(d("2020-01-02")))
	assert.True(t, d("2021-01-01").After(d("2020-12-31")))
	assert.Equal(t, 0, d("2020-01-01").Compare(d("2020-01-01")))
}

func TestDateIn(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Skip("no zone data on this machine")
	}
	// 23:30 UTC on 30 June is already 1 July in British Summer Time.
	instant := time.Date(2020, time.June, 30, 23, 30, 0, 0, time.UTC)
	assert.Equal(t, vocab.MustDate("2020-07-01"), vocab.DateIn(instant, london))
	assert.Equal(t, vocab.MustDate("2020-06-30"), vocab.DateOf(instant))
}

func TestPeriod(t *testing.T) {
	p := vocab.Period{From: vocab.MustDate("2020-04-01"), To: vocab.MustDate("2021-03-31")}
	assert.True(t, p.Contains(vocab.MustDate("2020-04-01")))
	assert.True(t, p.Contains(vocab.MustDate("2021-03-31")))
	assert.False(t, p.Contains(vocab.MustDate("2021-04-01")))
	open := vocab.Period{From: vocab.MustDate("2022-07-01")}
	assert.True(t, open.Contains(vocab.MustDate("2099-01-01")))
	assert.Equal(t, "1 July 2022 onwards", open.String())
}

func TestFinancialYear(t *testing.T) {
	y, err := vocab.ParseFinancialYear("year", "2020/21")
	require.NoError(t, err)
	assert.Equal(t, vocab.FinancialYear(2020), y)
	assert.Equal(t, "2020/21", y.String())
	assert.Equal(t, "2020-21", y.Label())
	assert.Equal(t, vocab.MustDate("2020-04-01"), y.Start())
	assert.Equal(t, vocab.MustDate("2021-03-31"), y.End())
	assert.Equal(t, "2099/00", vocab.FinancialYear(2099).String())
	assert.Equal(t, vocab.FinancialYear(2019), vocab.FinancialYearOf(vocab.MustDate("2020-03-31")))
	assert.Equal(t, vocab.FinancialYear(2020), vocab.FinancialYearOf(vocab.MustDate("2020-04-01")))
	for _, bad := range []string{"2020/22", "2020", "20/21", "2020/2a", "+020/21", "2020/-1", ""} {
		_, err := vocab.ParseFinancialYear("year", bad)
		assert.ErrorIs(t, err, vocab.ErrInvalid, bad)
	}
}

func TestParseMoney(t *testing.T) {
	tests := []struct {
		in     string
		places int32
		want   string
		ok     bool
	}{
		{"389095", 0, "389095", true},
		{"1210.50", 2, "1210.5", true},
		{"-42", 0, "-42", true},
		{"0.01", 2, "0.01", true},
		{"1210.5", 0, "", false},
		{"1.234", 2, "", false},
		{"1e100", 2, "", false},
		{"£1,210", 2, "", false},
		{" 12", 2, "", false},
		{"abc", 2, "", false},
		{"", 2, "", false},
		{".5", 2, "", false},
		{"5.", 2, "", false},
		{"1234567890123456789", 0, "", false},
	}
	for _, tt := range tests {
		got, err := vocab.ParseMoney("budget", tt.in, tt.places)
		if !tt.ok {
			var fe *vocab.FieldError
			require.ErrorAs(t, err, &fe, tt.in)
			assert.Equal(t, "budget", fe.Field)
			assert.Equal(t, tt.in, fe.Value)
			continue
		}
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, got.String())
	}
}

func TestFormatPounds(t *testing.T) {
	tests := []struct {
		in     string
		places int32
		want   string
	}{
		{"389095", 0, "£389,095"},
		{"1210", 2, "£1,210.00"},
		{"-1210.5", 2, "-£1,210.50"},
		{"550", 0, "£550"},
		{"0", 0, "£0"},
		{"1000000", 0, "£1,000,000"},
		{"999.995", 2, "£1,000.00"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, vocab.FormatPounds(decimal.RequireFromString(tt.in), tt.places), tt.in)
	}
}

// Property: formatting then stripping the £ and commas gives back the
// amount rounded to the places.
func TestFormatPoundsRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		n := decimal.New(r.Int64N(1e12)-5e11, -2)
		s := vocab.FormatPounds(n, 2)
		clean := ""
		for _, c := range s {
			if c != '£' && c != ',' {
				clean += string(c)
			}
		}
		back, err := vocab.ParseMoney("x", clean, 2)
		require.NoError(t, err, s)
		assert.True(t, back.Equal(n), "%s -> %s", n, s)
	}
}

func TestProblems(t *testing.T) {
	var ps vocab.Problems
	assert.NoError(t, ps.Err())
	ps.Add(vocab.Invalid("a", "required", "", "is required"))
	ps.Add(vocab.NotFound("b", "x", "names nothing"))
	ps.Add(vocab.Conflict("a", "unique-id", "y", "repeats"))
	err := ps.Err()
	require.Error(t, err)
	assert.ErrorIs(t, err, vocab.ErrInvalid)
	assert.ErrorIs(t, err, vocab.ErrNotFound)
	assert.ErrorIs(t, err, vocab.ErrConflict)
	assert.Equal(t, []string{"a", "b"}, ps.Fields())
	assert.Contains(t, err.Error(), "3 problems:")
	assert.Len(t, vocab.AsProblems(err), 3)
	assert.Len(t, vocab.AsProblems(vocab.Invalid("a", "r", "v", "m")), 1)
	assert.Nil(t, vocab.AsProblems(errors.New("plain")))
	one := vocab.Problems{vocab.Invalid("f", "r", "v", "is bad")}
	assert.Equal(t, `f: is bad (value "v", rule r)`, one.Error())
	fe := vocab.Invalid("f", "r", "v", "is bad")
	fe.Citation = vocab.Cite("Children Act 2004", "section 16E")
	assert.Equal(t, `f: is bad (value "v", rule r) [Children Act 2004, section 16E]`, fe.Error())
}

type sample struct {
	Name  string              `json:"name"`
	Year  vocab.FinancialYear `json:"year"`
	Dates []vocab.Date        `json:"dates"`
	Lines []struct {
		Count int `json:"count"`
	} `json:"lines"`
}

func TestDecodeJSONNamesTheField(t *testing.T) {
	tests := []struct {
		in, field, rule, value string
	}{
		{`{"dates":["2020-01-01","2020-13-01"]}`, "dates[1]", "date", "2020-13-01"},
		{`{"year":"2020/22"}`, "year", "financial-year", "2020/22"},
		{`{"lines":[{"count":1},{"count":"x"}]}`, "lines[1].count", "type", "x"},
		{`{"lines":[{"count":1.5}]}`, "lines[0].count", "type", "1.5"},
		{`{"name":true}`, "name", "type", "true"},
		{`{"lines":[{"count":1},{"colour":2}]}`, "lines[1].colour", "unknown-field", "colour"},
		{`{"name":"a"} {}`, "", "json", "offset 13"},
		{`{"name":`, "name", "json", "end of input"},
		{``, "", "json", ""},
		{`[1]`, "", "type", "array"},
		{`{"lines":{"count":1}}`, "lines", "type", "object"},
	}
	for _, tt := range tests {
		var s sample
		err := vocab.DecodeJSON([]byte(tt.in), &s)
		var fe *vocab.FieldError
		require.ErrorAs(t, err, &fe, tt.in)
		assert.Equal(t, tt.field, fe.Field, tt.in)
		assert.Equal(t, tt.rule, fe.Rule, tt.in)
		assert.Equal(t, tt.value, fe.Value, tt.in)
	}
	var s sample
	require.NoError(t, vocab.DecodeJSON([]byte(`{"name":"ok","year":"2020/21","dates":["2020-06-29"],"lines":[{"count":2}]}`), &s))
	assert.Equal(t, vocab.FinancialYear(2020), s.Year)
}

func TestDecodeJSONSizeLimit(t *testing.T) {
	big := make([]byte, vocab.MaxDocumentBytes+1)
	var s sample
	err := vocab.DecodeJSON(big, &s)
	var fe *vocab.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "size", fe.Rule)
}

func FuzzDecodeJSON(f *testing.F) {
	f.Add([]byte(`{"name":"a","year":"2020/21","dates":["2020-06-29"],"lines":[{"count":1}]}`))
	f.Add([]byte(`{"dates":["2020-13-01"]}`))
	f.Add([]byte(`{"lines":[{"x":1}]}`))
	f.Add([]byte(`[`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var s sample
		err := vocab.DecodeJSON(data, &s)
		if err != nil {
			var fe *vocab.FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("error is not a FieldError: %T %v", err, err)
			}
		}
	})
}

func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"389095", "1210.50", "-1", "1e9", "£5", "0.001", ""} {
		f.Add(s, int32(2))
	}
	f.Fuzz(func(t *testing.T, s string, places int32) {
		places &= 7
		d, err := vocab.ParseMoney("amount", s, places)
		if err != nil {
			return
		}
		if d.Exponent() < -places {
			t.Fatalf("%q parsed with more than %d places: %s", s, places, d)
		}
		if _, err := vocab.ParseMoney("amount", d.StringFixed(places), places); err != nil {
			t.Fatalf("re-parse of %s: %v", d.StringFixed(places), err)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2020-06-29", "2024-02-29", "2023-02-29", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := vocab.ParseDate("date", s)
		if err != nil {
			return
		}
		if !d.Valid() || d.String() != s {
			t.Fatalf("%q parsed to %v", s, d)
		}
	})
}

func TestDaysIn(t *testing.T) {
	for y := 1900; y <= 2100; y++ {
		for m := time.January; m <= time.December; m++ {
			want := time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
			assert.Equal(t, want, vocab.DaysIn(y, m), "%d-%02d", y, m)
		}
	}
}

func TestJoinAnd(t *testing.T) {
	tests := []struct {
		items []string
		want  string
	}{
		{nil, ""},
		{[]string{"Essex Police"}, "Essex Police"},
		{[]string{"Essex County Council", "Essex Police"}, "Essex County Council and Essex Police"},
		{[]string{"a", "b", "c"}, "a, b and c"},
		{[]string{"a", "", "c", "d"}, "a, , c and d"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, vocab.JoinAnd(tt.items), "%q", tt.items)
	}
}
