package workdays

import (
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/masa-go/masa/vocab"
)

// Standing is one bank holiday of a standing pattern: a rule that gives
// its date in any year.
//
// Exactly one way of placing the day is used: a fixed Month and Day; the
// Nth Weekday of Month (a negative Nth counts from the end of the month:
// -1 is the last); or, when Month is zero, EasterOffset days from Easter
// Sunday (-2 is Good Friday, 1 is Easter Monday).
type Standing struct {
	Name         string       `json:"name"`
	Month        time.Month   `json:"month,omitempty"`
	Day          int          `json:"day,omitempty"`
	Weekday      time.Weekday `json:"weekday,omitempty"`
	Nth          int          `json:"nth,omitempty"`
	EasterOffset int          `json:"easterOffset,omitempty"`
	// Substitute says that when the day falls on a Saturday or a Sunday,
	// the next weekday that is not already a bank holiday is taken
	// instead, as a substitute day.
	Substitute bool `json:"substitute,omitempty"`
}

// Pattern is a standing pattern of bank holidays, with where it comes from
// and the first year it has been checked against an announced list.
type Pattern struct {
	Name string `json:"name"`
	// From is the first year to which the pattern applies.
	From   int            `json:"from"`
	Source vocab.Citation `json:"source"`
	// Checked says what the pattern was checked against.
	Checked  string     `json:"checked"`
	Holidays []Standing `json:"holidays"`
}

// EnglandAndWalesPattern returns the standing pattern of bank holidays in
// England and Wales: New Year's Day, Good Friday, Easter Monday, the first
// and last Mondays of May, the last Monday of August, Christmas Day and
// Boxing Day, with a substitute weekday for a fixed day that falls on a
// weekend.
//
// Its source is the Banking and Financial Dealings Act 1971: section 1(1)
// and Schedule 1 make the standing days bank holidays, section 1(2) lets a
// proclamation move one of them in a given year and section 1(3) appoint
// another day. The days that are not in the Schedule (New Year's Day, the
// early May bank holiday and the substitute days) are appointed by
// proclamation each year; Good Friday and Christmas Day are common-law
// holidays. The pattern gives the days the announced lists have held in
// every year from 2018 to 2027, which a test checks. It cannot know a
// proclamation not yet made, so a date it gives is provisional.
func EnglandAndWalesPattern() Pattern {
	return Pattern{
		Name: "England and Wales bank holidays",
		From: 2018,
		Source: vocab.Citation{
			Source:  "Banking and Financial Dealings Act 1971",
			Section: "section 1 and Schedule 1, with the days appointed each year by proclamation under section 1(3)",
		},
		Checked: "legislation.gov.uk/ukpga/1971/80 (section 1 read); the pattern matches every announced year from 2018 to 2027",
		Holidays: []Standing{
			{Name: "New Year's Day", Month: time.January, Day: 1, Substitute: true},
			{Name: "Good Friday", EasterOffset: -2},
			{Name: "Easter Monday", EasterOffset: 1},
			{Name: "Early May bank holiday", Month: time.May, Weekday: time.Monday, Nth: 1},
			{Name: "Spring bank holiday", Month: time.May, Weekday: time.Monday, Nth: -1},
			{Name: "Summer bank holiday", Month: time.August, Weekday: time.Monday, Nth: -1},
			{Name: "Christmas Day", Month: time.December, Day: 25, Substitute: true},
			{Name: "Boxing Day", Month: time.December, Day: 26, Substitute: true},
		},
	}
}

// Year returns the bank holidays that the pattern gives for year y, in
// date order, with their substitute days. Substitute days are placed in
// date order of the days they stand for, each on the first weekday after
// it that is not already a bank holiday: when Christmas Day is a Sunday,
// Boxing Day is the Monday and Christmas Day's substitute the Tuesday.
// Year returns nil for a year outside 1 to 9999.
func (p Pattern) Year(y int) []Holiday {
	if y < 1 || y > 9999 {
		return nil
	}
	type placed struct {
		z int
		s Standing
	}
	days := make([]placed, 0, len(p.Holidays))
	for _, s := range p.Holidays {
		if d, ok := s.on(y); ok {
			days = append(days, placed{dayNumber(d), s})
		}
	}
	slices.SortStableFunc(days, func(a, b placed) int { return a.z - b.z })

	taken := make(map[int]bool, len(days))
	for _, d := range days {
		if !isWeekend(d.z) {
			taken[d.z] = true
		}
	}
	out := make([]Holiday, 0, len(days))
	for _, d := range days {
		switch {
		case !isWeekend(d.z):
			out = append(out, Holiday{Date: dateOf(d.z), Name: d.s.Name})
		case d.s.Substitute:
			z := d.z + 1
			for isWeekend(z) || taken[z] {
				z++
			}
			taken[z] = true
			out = append(out, Holiday{Date: dateOf(z), Name: d.s.Name + " (substitute day)", Kind: KindSubstitute})
		}
	}
	slices.SortFunc(out, func(a, b Holiday) int { return a.Date.Compare(b.Date) })
	return out
}

// on returns the date of s in year y.
func (s Standing) on(y int) (vocab.Date, bool) {
	switch {
	case s.Month == 0:
		return Easter(y).AddDays(s.EasterOffset), true
	case s.Nth > 0:
		first := vocab.NewDate(y, s.Month, 1)
		shift := (int(s.Weekday) - int(weekdayOf(dayNumber(first))) + 7) % 7
		d := first.AddDays(shift + 7*(s.Nth-1))
		return d, d.Month == s.Month
	case s.Nth < 0:
		last := vocab.NewDate(y, s.Month, vocab.DaysIn(y, s.Month))
		shift := (int(weekdayOf(dayNumber(last))) - int(s.Weekday) + 7) % 7
		d := last.AddDays(-shift - 7*(-s.Nth-1))
		return d, d.Month == s.Month
	default:
		d := vocab.NewDate(y, s.Month, s.Day)
		return d, d.Valid()
	}
}

// Easter returns the date of Easter Sunday in year y of the Gregorian
// calendar, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
func Easter(y int) vocab.Date {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return vocab.NewDate(y, time.Month(month), day)
}

// check reports every problem with p as vocab.Problems.
func (p Pattern) check() error {
	var ps vocab.Problems
	if p.From < 1 || p.From > 9999 {
		ps.Add(vocab.Invalid("from", "year", strconv.Itoa(p.From), "is not a year between 1 and 9999"))
	}
	for i, s := range p.Holidays {
		field := fmt.Sprintf("holidays[%d]", i)
		switch {
		case s.Name == "":
			ps.Add(vocab.Invalid(field+".name", "required", "", "is required"))
		case s.Month == 0 && (s.Day != 0 || s.Nth != 0):
			ps.Add(vocab.Invalid(field+".month", "required", "", "is required with a day or an nth weekday"))
		case s.Month < 0 || s.Month > 12:
			ps.Add(vocab.Invalid(field+".month", "month", strconv.Itoa(int(s.Month)), "is not a month from 1 to 12"))
		case s.Month != 0 && (s.Day == 0) == (s.Nth == 0):
			ps.Add(vocab.Invalid(field, "placement", "", "needs either a day of the month or an nth weekday, not both"))
		case s.Month != 0 && s.EasterOffset != 0:
			ps.Add(vocab.Invalid(field+".easterOffset", "placement", strconv.Itoa(s.EasterOffset), "cannot go with a month"))
		case s.Day < 0 || s.Day > 31:
			ps.Add(vocab.Invalid(field+".day", "day", strconv.Itoa(s.Day), "is not a day from 1 to 31"))
		case s.Nth < -5 || s.Nth > 5:
			ps.Add(vocab.Invalid(field+".nth", "nth", strconv.Itoa(s.Nth), "is not from -5 to 5"))
		case s.Weekday < time.Sunday || s.Weekday > time.Saturday:
			ps.Add(vocab.Invalid(field+".weekday", "weekday", strconv.Itoa(int(s.Weekday)), "is not a weekday from 0 (Sunday) to 6"))
		case s.EasterOffset < -100 || s.EasterOffset > 100:
			ps.Add(vocab.Invalid(field+".easterOffset", "range", strconv.Itoa(s.EasterOffset), "is more than 100 days from Easter"))
		}
	}
	if err := ps.Err(); err != nil {
		return fmt.Errorf("workdays: pattern: %w", err)
	}
	return nil
}
