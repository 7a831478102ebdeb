package workdays_test

import (
	"os"
	"testing"
	"time"

	"github.com/masa-go/masa/vocab"
	"github.com/masa-go/masa/workdays"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// announced reads the bank holidays of England and Wales as announced for
// 2018 to 2027, kept in testdata as published.
func announced(t *testing.T) *workdays.Calendar {
	t.Helper()
	data, err := os.ReadFile("testdata/announced-england-and-wales.json")
	require.NoError(t, err)
	f, err := workdays.Parse(data)
	require.NoError(t, err)
	c, err := workdays.New(f)
	require.NoError(t, err)
	return c
}

// Every covered year, computed from the standing pattern with the
// announced changes, is the announced list: dates, names and kinds.
func TestEnglandAndWalesIsTheAnnouncedList(t *testing.T) {
	want := announced(t)
	got := workdays.EnglandAndWales()
	require.Equal(t, want.Years(), got.Years())
	for _, y := range want.Years() {
		assert.Equal(t, want.Holidays(y), got.Holidays(y), "bank holidays of %d", y)
	}
}

// A year with no announced change is exactly what the standing pattern
// gives, with nothing added: the rule alone reproduces a published year.
func TestPatternAloneMatchesPublishedYears(t *testing.T) {
	want := announced(t)
	p := workdays.EnglandAndWalesPattern()
	for _, y := range []int{2018, 2019, 2021, 2024, 2025, 2026, 2027} {
		assert.Equal(t, want.Holidays(y), p.Year(y), "the pattern for %d", y)
	}
	// In the years with announced changes the pattern differs exactly by them.
	assert.NotEqual(t, want.Holidays(2020), p.Year(2020))
	assert.NotEqual(t, want.Holidays(2022), p.Year(2022))
	assert.NotEqual(t, want.Holidays(2023), p.Year(2023))
}

func TestEaster(t *testing.T) {
	tests := map[int]string{
		1818: "1818-03-22", // the earliest possible date
		1943: "1943-04-25", // the latest possible date
		2000: "2000-04-23",
		2019: "2019-04-21",
		2024: "2024-03-31",
		2038: "2038-04-25",
		2285: "2285-03-22",
	}
	for y, want := range tests {
		assert.Equal(t, want, workdays.Easter(y).String(), "Easter %d", y)
	}
	for y := 1583; y <= 9999; y++ {
		e := workdays.Easter(y)
		require.Equal(t, time.Sunday, e.Weekday(), "Easter %d", y)
		require.True(t, !e.Before(vocab.NewDate(y, 3, 22)) && !e.After(vocab.NewDate(y, 4, 25)), "Easter %d is %s", y, e)
	}
}

// Property: in every year the pattern gives, every holiday is on a
// weekday, no two share a day, each standing day yields exactly one
// holiday, and each substitute day follows its weekend.
func TestPatternEveryYear(t *testing.T) {
	p := workdays.EnglandAndWalesPattern()
	for y := 2018; y <= 9999; y++ {
		hs := p.Year(y)
		require.Len(t, hs, 8, "%d", y)
		seen := map[vocab.Date]bool{}
		for _, h := range hs {
			wd := h.Date.Weekday()
			require.False(t, wd == time.Saturday || wd == time.Sunday, "%d: %s on a %s", y, h.Name, wd)
			require.False(t, seen[h.Date], "%d: two holidays on %s", y, h.Date)
			seen[h.Date] = true
		}
	}
}

func TestProvisional(t *testing.T) {
	c := workdays.EnglandAndWales()
	tests := []struct {
		from, to string
		want     bool
	}{
		{"2020-01-01", "2027-12-31", false},
		{"2027-12-31", "2028-01-01", true},
		{"2030-06-01", "2030-06-02", true},
		{"2028-01-04", "2027-12-24", true},
		{"2017-12-29", "2018-01-02", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, c.Provisional(d(tt.from), d(tt.to)), "%s to %s", tt.from, tt.to)
	}
	p, ok := c.Pattern()
	require.True(t, ok)
	assert.Equal(t, 2018, p.From)
	assert.NotEmpty(t, p.Source.Source)

	// A calendar made from a file alone has no pattern and no provisional years.
	plain, err := workdays.New(c.File())
	require.NoError(t, err)
	_, ok = plain.Pattern()
	assert.False(t, ok)
	assert.False(t, plain.Provisional(d("2028-01-01"), d("2028-01-02")))
	_, err = plain.AddWorkingDays(d("2027-12-24"), 5)
	assert.ErrorIs(t, err, vocab.ErrNotFound)
}

// A file with a year's announced bank holidays overrides the pattern for
// that year: the year is covered, no longer provisional.
func TestExtendOverridesProvisionalYear(t *testing.T) {
	f, err := workdays.Parse([]byte(`{"years":[2028],"holidays":[
	  {"date":"2028-01-03","name":"New Year's Day (substitute day)","kind":"substitute"},
	  {"date":"2028-01-04","name":"A day announced later","kind":"one-off"}]}`))
	require.NoError(t, err)
	c, err := workdays.EnglandAndWales().Extend(f)
	require.NoError(t, err)
	assert.True(t, c.Covers(2028))
	from := d("2027-12-24")
	due, err := c.AddWorkingDays(from, 5)
	require.NoError(t, err)
	assert.Equal(t, "2028-01-06", due.String(), "the one-off day of 4 January 2028 counts")
	assert.False(t, c.Provisional(from, due))
	assert.True(t, c.Provisional(from, d("2029-01-01")), "2029 is still provisional")
}

func TestFromPatternProblems(t *testing.T) {
	p := workdays.Pattern{From: 0, Holidays: []workdays.Standing{
		{Month: time.May, Day: 1},
		{Name: "both", Month: time.May, Day: 1, Nth: 1},
		{Name: "neither", Month: time.May},
		{Name: "bad month", Month: 13, Day: 1},
	}}
	_, err := workdays.FromPattern(p, workdays.File{})
	var ps vocab.Problems
	require.ErrorAs(t, err, &ps)
	var fields []string
	for _, fe := range ps {
		fields = append(fields, fe.Field)
	}
	assert.Equal(t, []string{"from", "holidays[0].name", "holidays[1]", "holidays[2]", "holidays[3].month"}, fields)
}
