package workdays_test

import (
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/masa-go/masa/vocab"
	"github.com/masa-go/masa/workdays"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var d = vocab.MustDate

// The bank holidays of England and Wales as the brief lists them, to
// cross-check the embedded table.
var wantHolidays = map[int][]string{
	2018: {"01-01", "03-30", "04-02", "05-07", "05-28", "08-27", "12-25", "12-26"},
	2019: {"01-01", "04-19", "04-22", "05-06", "05-27", "08-26", "12-25", "12-26"},
	2020: {"01-01", "04-10", "04-13", "05-08", "05-25", "08-31", "12-25", "12-28"},
	2021: {"01-01", "04-02", "04-05", "05-03", "05-31", "08-30", "12-27", "12-28"},
	2022: {"01-03", "04-15", "04-18", "05-02", "06-02", "06-03", "08-29", "09-19", "12-26", "12-27"},
	2023: {"01-02", "04-07", "04-10", "05-01", "05-08", "05-29", "08-28", "12-25", "12-26"},
	2024: {"01-01", "03-29", "04-01", "05-06", "05-27", "08-26", "12-25", "12-26"},
	2025: {"01-01", "04-18", "04-21", "05-05", "05-26", "08-25", "12-25", "12-26"},
	2026: {"01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"},
	2027: {"01-01", "03-26", "03-29", "05-03", "05-31", "08-30", "12-27", "12-28"},
}

func TestEnglandAndWalesHolidays(t *testing.T) {
	c := workdays.EnglandAndWales()
	assert.Equal(t, []int{2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027}, c.Years())
	for year, days := range wantHolidays {
		var got []string
		for _, h := range c.Holidays(year) {
			got = append(got, h.Date.String()[5:])
			assert.NotEqual(t, time.Saturday, h.Date.Weekday(), h)
			assert.NotEqual(t, time.Sunday, h.Date.Weekday(), h)
			assert.NotEmpty(t, h.Name)
			if h.Kind == workdays.KindSubstitute {
				assert.Contains(t, h.Name, "substitute", h)
			}
		}
		assert.Equal(t, days, got, "bank holidays of %d", year)
	}
	assert.Nil(t, c.Holidays(2017))
	assert.True(t, c.Covers(2027))
	assert.False(t, c.Covers(2028))
	assert.Len(t, c.Holidays(2028), 8, "2028 is provisional, from the standing pattern")
}

func TestOneOffDays(t *testing.T) {
	c := workdays.EnglandAndWales()
	tests := []struct {
		date string
		kind workdays.Kind
		name string
	}{
		{"2020-05-08", workdays.KindMoved, "VE Day"},
		{"2022-06-02", workdays.KindMoved, "Spring"},
		{"2022-06-03", workdays.KindOneOff, "Platinum Jubilee"},
		{"2022-09-19", workdays.KindOneOff, "State Funeral of Queen Elizabeth II"},
		{"2023-05-08", workdays.KindOneOff, "coronation of King Charles III"},
		{"2020-12-28", workdays.KindSubstitute, "Boxing Day"},
		{"2022-01-03", workdays.KindSubstitute, "New Year"},
		{"2023-01-02", workdays.KindSubstitute, "New Year"},
	}
	for _, tt := range tests {
		h, ok := c.Holiday(d(tt.date))
		require.True(t, ok, tt.date)
		assert.Equal(t, tt.kind, h.Kind, tt.date)
		assert.Contains(t, h.Name, tt.name, tt.date)
	}
	// The regular dates the moved holidays left are working days.
	for _, s := range []string{"2020-05-04", "2022-05-30"} {
		ok, err := c.IsWorkingDay(d(s))
		require.NoError(t, err)
		assert.True(t, ok, s)
	}
}

// Deadlines around every one-off bank holiday, substitute days, weekends
// and year ends. The day of becoming aware is day 0.
func TestAddWorkingDays(t *testing.T) {
	c := workdays.EnglandAndWales()
	tests := []struct {
		name  string
		from  string
		n     int
		want  string
		extra string
	}{
		{"5 days over the VE Day bank holiday", "2020-05-01", 5, "2020-05-11", ""},
		{"next working day after the day before VE Day", "2020-05-07", 1, "2020-05-11", ""},
		{"15 days over VE Day and the spring bank holiday", "2020-05-04", 15, "2020-05-27", ""},
		{"5 days over the moved spring holiday and the jubilee", "2022-05-27", 5, "2022-06-07", ""},
		{"the day before the jubilee weekend", "2022-06-01", 1, "2022-06-06", ""},
		{"the Friday before the State Funeral", "2022-09-16", 1, "2022-09-20", ""},
		{"5 days over the State Funeral", "2022-09-14", 5, "2022-09-22", ""},
		{"the Friday before the coronation", "2023-05-05", 1, "2023-05-09", ""},
		{"5 days over two May 2023 holidays", "2023-04-28", 5, "2023-05-09", ""},
		{"Christmas 2020 with the Boxing Day substitute", "2020-12-23", 5, "2021-01-04", ""},
		{"Christmas 2021, both days substituted", "2021-12-24", 1, "2021-12-29", ""},
		{"into the New Year substitute of 2022", "2021-12-23", 5, "2022-01-04", ""},
		{"Christmas 2022 substitute", "2022-12-23", 2, "2022-12-29", ""},
		{"into the New Year substitute of 2023", "2022-12-30", 1, "2023-01-03", ""},
		{"from a Saturday", "2024-06-08", 1, "2024-06-10", ""},
		{"from a Sunday", "2024-06-09", 5, "2024-06-14", ""},
		{"day 0 is the day itself", "2024-06-08", 0, "2024-06-08", ""},
		{"15 days over Christmas 2019", "2019-12-20", 15, "2020-01-15", ""},
		{"5 days over the August 2020 bank holiday", "2020-08-28", 5, "2020-09-07", ""},
		{"Easter 2026", "2026-04-02", 1, "2026-04-07", ""},
		{"Christmas 2026 substitute", "2026-12-24", 1, "2026-12-29", ""},
		{"last days of the table", "2027-12-24", 3, "2027-12-31", ""},
		{"leap day", "2024-02-28", 1, "2024-02-29", ""},
		{"backwards over the VE Day holiday", "2020-05-11", -1, "2020-05-07", ""},
		{"7 days before, over the New Year substitute", "2023-01-10", -7, "2022-12-29", ""},
		{"into 2028, provisional, over its New Year substitute", "2027-12-24", 4, "2028-01-04", ""},
		{"the issue's deadline into 2028", "2027-12-24", 5, "2028-01-05", ""},
		{"start in a provisional year", "2030-01-02", 1, "2030-01-03", ""},
		{"Christmas 2033, provisional, both days substituted", "2032-12-24", 1, "2032-12-29", ""},
		{"Easter 2038, provisional", "2038-04-22", 1, "2038-04-27", ""},
		{"before the start of the table", "2018-01-02", -1, "", "2017"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := c.AddWorkingDays(d(tt.from), tt.n)
			if tt.want == "" {
				require.Error(t, err)
				assert.ErrorIs(t, err, vocab.ErrNotFound)
				var fe *vocab.FieldError
				require.ErrorAs(t, err, &fe)
				assert.Equal(t, "covered-year", fe.Rule)
				assert.Contains(t, fe.Message, tt.extra)
				assert.Contains(t, fe.Message, "2018 to 2027")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got.String())
			if tt.n != 0 {
				ok, err := c.IsWorkingDay(got)
				require.NoError(t, err)
				assert.True(t, ok, "a deadline falls on a working day")
				back, err := c.WorkingDaysBetween(d(tt.from), got)
				require.NoError(t, err)
				assert.Equal(t, tt.n, back)
			}
		})
	}
}

func TestAddWorkingDaysBadDate(t *testing.T) {
	_, err := workdays.EnglandAndWales().AddWorkingDays(vocab.NewDate(2020, 2, 30), 1)
	var fe *vocab.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "date", fe.Rule)
	assert.Equal(t, "2020-02-30", fe.Value)
}

func TestWorkingDaysBetween(t *testing.T) {
	c := workdays.EnglandAndWales()
	tests := []struct {
		from, to string
		want     int
	}{
		{"2020-05-01", "2020-05-11", 5},
		{"2020-05-11", "2020-05-01", -5},
		{"2020-05-01", "2020-05-01", 0},
		{"2020-05-08", "2020-05-09", 0},
		{"2022-12-23", "2023-01-03", 4},
		{"2024-01-01", "2024-12-31", 254},
	}
	for _, tt := range tests {
		got, err := c.WorkingDaysBetween(d(tt.from), d(tt.to))
		require.NoError(t, err)
		assert.Equal(t, tt.want, got, "%s to %s", tt.from, tt.to)
	}
	got, err := c.WorkingDaysBetween(d("2027-12-01"), d("2028-01-05"))
	require.NoError(t, err)
	assert.Equal(t, 22, got, "20 working days left in December 2027, then 4 and 5 January 2028")
	assert.True(t, c.Provisional(d("2027-12-01"), d("2028-01-05")))
	_, err = c.WorkingDaysBetween(d("2017-12-01"), d("2018-01-05"))
	assert.ErrorIs(t, err, vocab.ErrNotFound)
}

// Property: for random dates and counts, the result is a working day, the
// count between them round-trips, and counting back from a working day
// returns to it.
func TestAddWorkingDaysProperties(t *testing.T) {
	c := workdays.EnglandAndWales()
	r := rand.New(rand.NewPCG(4, 2026))
	start := d("2018-03-01")
	for range 20000 {
		from := start.AddDays(r.IntN(3300))
		n := r.IntN(81) - 40
		got, err := c.AddWorkingDays(from, n)
		require.NoError(t, err, "%s %+d", from, n)
		if n == 0 {
			assert.Equal(t, from, got)
			continue
		}
		assert.Equal(t, n > 0, got.After(from), "%s %+d = %s", from, n, got)
		ok, err := c.IsWorkingDay(got)
		require.NoError(t, err)
		require.True(t, ok, "%s %+d = %s is not a working day", from, n, got)
		between, err := c.WorkingDaysBetween(from, got)
		require.NoError(t, err)
		require.Equal(t, n, between, "%s to %s", from, got)
		if fromOK, _ := c.IsWorkingDay(from); fromOK {
			back, err := c.AddWorkingDays(got, -n)
			require.NoError(t, err)
			require.Equal(t, from, back, "%s %+d %+d", from, n, -n)
		}
		// The brute-force definition: n working days strictly after from.
		count := 0
		for x := from.AddDays(1); !x.After(got); x = x.AddDays(1) {
			if w, _ := c.IsWorkingDay(x); w && n > 0 {
				count++
			}
		}
		if n > 0 {
			require.Equal(t, n, count, "%s %+d", from, n)
		}
	}
}

func TestExtend(t *testing.T) {
	base := workdays.EnglandAndWales()
	f := workdays.File{
		Years: []int{2028},
		Holidays: []workdays.Holiday{
			{Date: d("2028-01-03"), Name: "New Year's Day (substitute day)", Kind: workdays.KindSubstitute},
			{Date: d("2028-04-14"), Name: "Good Friday"},
			{Date: d("2027-06-07"), Name: "An imagined one-off holiday", Kind: workdays.KindOneOff},
		},
		Cancelled: []vocab.Date{d("2027-05-31")},
	}
	c, err := base.Extend(f)
	require.NoError(t, err)
	assert.True(t, c.Covers(2028))
	assert.False(t, base.Covers(2028), "the original calendar is unchanged")
	got, err := c.AddWorkingDays(d("2027-12-24"), 4)
	require.NoError(t, err)
	assert.Equal(t, "2028-01-04", got.String())
	_, isHoliday := c.Holiday(d("2027-05-31"))
	assert.False(t, isHoliday)
	_, isHoliday = base.Holiday(d("2027-05-31"))
	assert.True(t, isHoliday)
	got, err = c.AddWorkingDays(d("2027-06-04"), 1)
	require.NoError(t, err)
	assert.Equal(t, "2027-06-08", got.String())

	// New(c.File()) is the same calendar.
	again, err := workdays.New(c.File())
	require.NoError(t, err)
	assert.Equal(t, c.File(), again.File())
}

func TestAdd(t *testing.T) {
	base := workdays.EnglandAndWales()
	c, err := base.Add(workdays.Holiday{Date: d("2027-06-07"), Name: "An imagined one-off holiday", Kind: workdays.KindOneOff})
	require.NoError(t, err)
	got, err := c.AddWorkingDays(d("2027-06-04"), 1)
	require.NoError(t, err)
	assert.Equal(t, "2027-06-08", got.String())
	_, err = base.Add(workdays.Holiday{Date: d("2029-06-04"), Name: "Too far ahead"})
	var fe *vocab.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "holidays[0].date", fe.Field)
}

func TestExtendProblems(t *testing.T) {
	base := workdays.EnglandAndWales()
	tests := []struct {
		name  string
		json  string
		field string
		rule  string
		kind  error
	}{
		{"year already covered", `{"years":[2020],"holidays":[]}`, "years[0]", "unique", vocab.ErrConflict},
		{"year out of range", `{"years":[0],"holidays":[]}`, "years[0]", "year", vocab.ErrInvalid},
		{"uncovered year", `{"holidays":[{"date":"2029-01-01","name":"New Year's Day"}]}`, "holidays[0].date", "covered-year", vocab.ErrInvalid},
		{"weekend", `{"years":[2028],"holidays":[{"date":"2028-01-01","name":"New Year's Day"}]}`, "holidays[0].date", "weekday", vocab.ErrInvalid},
		{"no name", `{"years":[2028],"holidays":[{"date":"2028-01-03","name":""}]}`, "holidays[0].name", "required", vocab.ErrInvalid},
		{"no date", `{"years":[2028],"holidays":[{"name":"x"}]}`, "holidays[0].date", "required", vocab.ErrInvalid},
		{"bad kind", `{"years":[2028],"holidays":[{"date":"2028-01-03","name":"x","kind":"extra"}]}`, "holidays[0].kind", "kind", vocab.ErrInvalid},
		{"already a holiday", `{"holidays":[{"date":"2020-05-08","name":"VE Day"}]}`, "holidays[0].date", "unique", vocab.ErrConflict},
		{"twice in the file", `{"years":[2028],"holidays":[{"date":"2028-01-03","name":"a"},{"date":"2028-01-03","name":"b"}]}`, "holidays[1].date", "unique", vocab.ErrConflict},
		{"cancel a working day", `{"holidays":[],"cancelled":["2020-05-04"]}`, "cancelled[0]", "exists", vocab.ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := workdays.Parse([]byte(tt.json))
			require.NoError(t, err)
			_, err = base.Extend(f)
			require.Error(t, err)
			ps := vocab.AsProblems(err)
			require.NotEmpty(t, ps)
			assert.Equal(t, tt.field, ps[0].Field)
			assert.Equal(t, tt.rule, ps[0].Rule)
			assert.ErrorIs(t, err, tt.kind)
		})
	}
}

func TestParseNamesTheField(t *testing.T) {
	_, err := workdays.Parse([]byte(`{"holidays":[{"date":"2028-13-01","name":"x"}]}`))
	var fe *vocab.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "holidays[0].date", fe.Field)
	_, err = workdays.Parse([]byte(`{"holidays":[],"colour":1}`))
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "unknown-field", fe.Rule)
}

func TestExtendFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "extra.json")
	require.NoError(t, os.WriteFile(path, []byte(`{"years":[2028],"holidays":[{"date":"2028-01-03","name":"New Year's Day (substitute day)","kind":"substitute"}]}`), 0o644))
	c, err := workdays.EnglandAndWales().ExtendFile(path)
	require.NoError(t, err)
	assert.True(t, c.Covers(2028))

	require.NoError(t, os.WriteFile(path, []byte(`{"holidays":[{"date":"2029-01-01","name":"x"}]}`), 0o644))
	_, err = workdays.EnglandAndWales().ExtendFile(path)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "extra.json")
	assert.Contains(t, err.Error(), "holidays[0].date")

	_, err = workdays.EnglandAndWales().ExtendFile(filepath.Join(dir, "missing.json"))
	require.Error(t, err)
}

func TestEmbeddedJSONRoundTrip(t *testing.T) {
	f, err := workdays.Parse(workdays.EnglandAndWalesJSON())
	require.NoError(t, err)
	assert.Equal(t, workdays.EnglandAndWales().File(), f)
}

// Property: the day-number arithmetic behind the calendar agrees with
// the time package, checked through Holiday lookups and weekdays.
func TestWeekdaysAgreeWithTime(t *testing.T) {
	c := workdays.EnglandAndWales()
	for x := d("2018-01-01"); x.Year < 2028; x = x.AddDays(1) {
		ok, err := c.IsWorkingDay(x)
		require.NoError(t, err)
		_, hol := c.Holiday(x)
		w := x.Weekday()
		assert.Equal(t, !hol && w != time.Saturday && w != time.Sunday, ok, x.String())
	}
}

// British Summer Time starts at 01:00 UTC on the last Sunday of March and
// ends at 01:00 UTC on the last Sunday of October.
func TestDateInLondon(t *testing.T) {
	lastSunday := func(y int, m time.Month) time.Time {
		t := time.Date(y, m+1, 0, 1, 0, 0, 0, time.UTC)
		for t.Weekday() != time.Sunday {
			t = t.AddDate(0, 0, -1)
		}
		return t
	}
	for y := 2018; y <= 2027; y++ {
		start, end := lastSunday(y, time.March), lastSunday(y, time.October)
		// 23:30 UTC the evening before the change is the same date in
		// London in winter, and the next date in summer.
		before := start.Add(-90 * time.Minute)
		assert.Equal(t, vocab.DateOf(before), workdays.DateInLondon(before), "%d before BST", y)
		summer := time.Date(y, time.June, 30, 23, 30, 0, 0, time.UTC)
		assert.Equal(t, vocab.NewDate(y, time.July, 1), workdays.DateInLondon(summer), "%d in BST", y)
		_, off := start.In(workdays.London()).Zone()
		assert.Equal(t, 3600, off, "%d: BST from %s", y, start)
		_, off = start.Add(-time.Second).In(workdays.London()).Zone()
		assert.Equal(t, 0, off, "%d: GMT until %s", y, start)
		_, off = end.Add(-time.Second).In(workdays.London()).Zone()
		assert.Equal(t, 3600, off, "%d: BST until %s", y, end)
		_, off = end.In(workdays.London()).Zone()
		assert.Equal(t, 0, off, "%d: GMT from %s", y, end)
	}
	// The machine's zone does not matter.
	tokyo := time.FixedZone("JST", 9*3600)
	instant := time.Date(2020, time.July, 1, 7, 0, 0, 0, tokyo) // 30 June 23:00 BST
	assert.Equal(t, d("2020-06-30"), workdays.DateInLondon(instant))
}

func TestKindValid(t *testing.T) {
	for _, k := range []workdays.Kind{workdays.KindRegular, workdays.KindSubstitute, workdays.KindMoved, workdays.KindOneOff} {
		assert.True(t, k.Valid(), k)
	}
	assert.False(t, workdays.Kind("extra").Valid())
}

func TestReadLimit(t *testing.T) {
	_, err := workdays.Read(strings.NewReader(""))
	require.Error(t, err)
	_, err = workdays.Read(errReader{})
	require.Error(t, err)
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("broken") }

// A calendar may cover years with a gap between them; counting across the
// gap is an error naming the missing year.
func TestCalendarWithAGap(t *testing.T) {
	c, err := workdays.New(workdays.File{Years: []int{2026, 2028}, Holidays: []workdays.Holiday{
		{Date: d("2026-12-25"), Name: "Christmas Day"},
		{Date: d("2028-01-03"), Name: "New Year's Day (substitute day)", Kind: workdays.KindSubstitute},
	}})
	require.NoError(t, err)
	assert.Equal(t, []int{2026, 2028}, c.Years())
	n, err := c.WorkingDaysBetween(d("2026-12-01"), d("2026-12-31"))
	require.NoError(t, err)
	assert.Equal(t, 21, n, "23 weekdays, less day 0 and Christmas Day")
	_, err = c.WorkingDaysBetween(d("2026-12-01"), d("2028-01-05"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "2027-01-01")
	assert.Contains(t, err.Error(), "some of the years 2026 to 2028")
	_, err = c.AddWorkingDays(d("2026-12-31"), 1)
	assert.ErrorIs(t, err, vocab.ErrNotFound)
	got, err := c.AddWorkingDays(d("2027-12-31"), 1)
	assert.Error(t, err, "day 0 in an uncovered year")
	assert.True(t, got.IsZero())
	got, err = c.AddWorkingDays(d("2028-01-01"), 1)
	require.NoError(t, err)
	assert.Equal(t, "2028-01-04", got.String())
}
