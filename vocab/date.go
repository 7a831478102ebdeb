package vocab

import (
	"encoding/json"
	"fmt"
	"time"
)

// Date is a civil date in the proleptic Gregorian calendar, with no time of
// day and no time zone. The zero Date is "no date". Dates compare with ==
// and order with [Date.Compare], [Date.Before] and [Date.After].
//
// In JSON a Date is a string "YYYY-MM-DD"; the zero Date is "".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// NewDate returns the date y-m-d. It does not normalise: use [ParseDate]
// or [Date.Check] to validate dates from input.
func NewDate(y int, m time.Month, d int) Date { return Date{Year: y, Month: m, Day: d} }

// DateOf returns the civil date of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// DateIn returns the civil date of instant t in loc, for example the date
// in Europe/London of a time stamp recorded in UTC.
func DateIn(t time.Time, loc *time.Location) Date { return DateOf(t.In(loc)) }

// ParseDate parses "YYYY-MM-DD". The error names field and the value.
func ParseDate(field, s string) (Date, error) {
	if len(s) != 10 {
		return Date{}, Invalid(field, "date", s, "is not a date in the form YYYY-MM-DD")
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, Invalid(field, "date", s, "is not a real date in the form YYYY-MM-DD")
	}
	d := DateOf(t)
	if !d.Valid() {
		return Date{}, Invalid(field, "date", s, "is outside the years 0001 to 9999")
	}
	return d, nil
}

// MustDate parses "YYYY-MM-DD" and panics on error. It is meant for
// constants in tests and examples, never for input.
func MustDate(s string) Date {
	d, err := ParseDate("date", s)
	if err != nil {
		panic(err)
	}
	return d
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// Valid reports whether d is a real calendar date between years 1 and 9999.
func (d Date) Valid() bool {
	if d.Year < 1 || d.Year > 9999 || d.Month < 1 || d.Month > 12 || d.Day < 1 {
		return false
	}
	return d.Day <= DaysIn(d.Year, d.Month)
}

// Time returns midnight at the start of d in UTC.
func (d Date) Time() time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
}

// String formats d as "YYYY-MM-DD", or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Long formats d in British style, such as "29 June 2020".
func (d Date) Long() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d %s %d", d.Day, d.Month, d.Year)
}

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return cmpInt(d.Year, e.Year)
	case d.Month != e.Month:
		return cmpInt(int(d.Month), int(e.Month))
	default:
		return cmpInt(d.Day, e.Day)
	}
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// AddDays returns the date n days after d (before d when n is negative).
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }

// AddMonths returns the same day n months later, clamped to the last day of
// the target month when that month is shorter: 31 August plus 6 months is
// 28 February (29 in a leap year), never 3 March.
func (d Date) AddMonths(n int) Date {
	total := d.Year*12 + int(d.Month) - 1 + n
	y, m := total/12, time.Month(total%12+1)
	day := d.Day
	if last := DaysIn(y, m); day > last {
		day = last
	}
	return Date{y, m, day}
}

// DaysSince returns the number of days from e to d (negative when d is
// before e).
//
// It counts calendar days directly (days from a fixed epoch), so it is
// exact for any two dates, not only those within the 292 years that a
// time.Duration can hold.
func (d Date) DaysSince(e Date) int {
	return d.dayNumber() - e.dayNumber()
}

// dayNumber returns the number of days from 1 March of year 0 in the
// proleptic Gregorian calendar to d (the civil-from-days algorithm of
// Howard Hinnant, "chrono-compatible low-level date algorithms"). Month and
// day outside their ranges are normalised as time.Date would.
func (d Date) dayNumber() int {
	y, m, day := d.Year, int(d.Month), d.Day
	if m < 1 || m > 12 {
		// Let time normalise odd months; only reached for invalid dates.
		t := time.Date(y, time.Month(m), 1, 12, 0, 0, 0, time.UTC)
		y, m = t.Year(), int(t.Month())
	}
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe
}

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday { return d.Time().Weekday() }

// Check returns an error naming field when d is set but not a real date.
func (d Date) Check(field string) error {
	if d.IsZero() || d.Valid() {
		return nil
	}
	return Invalid(field, "date", d.String(), "is not a real calendar date")
}

// DaysIn returns the number of days in month m (1 to 12) of year y in the
// proleptic Gregorian calendar.
func DaysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// MarshalJSON encodes d as "YYYY-MM-DD", or "" for the zero Date.
func (d Date) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

// UnmarshalJSON decodes "YYYY-MM-DD" or "".
func (d *Date) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return Invalid("", "date", string(b), "is not a date string in the form YYYY-MM-DD")
	}
	if s == "" {
		*d = Date{}
		return nil
	}
	v, err := ParseDate("", s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// MarshalText encodes d as "YYYY-MM-DD".
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// Period is a span of dates, From and To both included. A zero To means the
// period has no end.
type Period struct {
	From Date `json:"from,omitzero"`
	To   Date `json:"to,omitzero"`
}

// Contains reports whether d falls within p.
func (p Period) Contains(d Date) bool {
	if !p.From.IsZero() && d.Before(p.From) {
		return false
	}
	return p.To.IsZero() || !d.After(p.To)
}

// String formats p as "from–to" or "from onwards".
func (p Period) String() string {
	if p.To.IsZero() {
		return p.From.Long() + " onwards"
	}
	return p.From.Long() + " to " + p.To.Long()
}
