package board

import (
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/masa-go/masa/vocab"
)

// When is the date of a meeting, a milestone or an action, to the
// precision the source gives: a day ("2019-12-10") or only a month
// ("2019-12"), since published key messages name the month of a meeting
// and not its day. The zero When is "no date".
//
// In JSON a When is a string "YYYY-MM-DD" or "YYYY-MM"; the zero When is
// "".
type When struct {
	Year  int
	Month time.Month
	// Day is 0 when only the month is known.
	Day int
}

// On returns the When of a known day.
func On(d vocab.Date) When { return When{Year: d.Year, Month: d.Month, Day: d.Day} }

// InMonth returns the When of a month whose day is not known.
func InMonth(y int, m time.Month) When { return When{Year: y, Month: m} }

// ParseWhen parses "YYYY-MM-DD" or "YYYY-MM". The error names field.
func ParseWhen(field, s string) (When, error) {
	if len(s) == 7 {
		d, err := vocab.ParseDate(field, s+"-01")
		if err != nil {
			return When{}, vocab.Invalid(field, "month", s, "is not a month in the form YYYY-MM or a date in the form YYYY-MM-DD")
		}
		return When{Year: d.Year, Month: d.Month}, nil
	}
	d, err := vocab.ParseDate(field, s)
	if err != nil {
		return When{}, vocab.Invalid(field, "date", s, "is not a date in the form YYYY-MM-DD or a month in the form YYYY-MM")
	}
	return On(d), nil
}

// IsZero reports whether w is the zero When.
func (w When) IsZero() bool { return w == When{} }

// DayKnown reports whether w names a day rather than only a month.
func (w When) DayKnown() bool { return w.Day != 0 }

// First returns the earliest date w can be: the day, or the first of the
// month.
func (w When) First() vocab.Date {
	if w.Day != 0 {
		return vocab.NewDate(w.Year, w.Month, w.Day)
	}
	return vocab.NewDate(w.Year, w.Month, 1)
}

// Last returns the latest date w can be: the day, or the last of the
// month. Something due in a month is due by its last day.
func (w When) Last() vocab.Date {
	if w.Day != 0 {
		return vocab.NewDate(w.Year, w.Month, w.Day)
	}
	return vocab.NewDate(w.Year, w.Month, vocab.DaysIn(w.Year, w.Month))
}

// Period returns the dates w may be, First to Last.
func (w When) Period() vocab.Period { return vocab.Period{From: w.First(), To: w.Last()} }

// Compare orders Whens by year, month and day; a month alone sorts before
// the days of that month.
func (w When) Compare(v When) int {
	switch {
	case w.Year != v.Year:
		return cmp(w.Year, v.Year)
	case w.Month != v.Month:
		return cmp(int(w.Month), int(v.Month))
	}
	return cmp(w.Day, v.Day)
}

func cmp(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// String formats w as "YYYY-MM-DD" or "YYYY-MM", or "" for the zero When.
func (w When) String() string {
	switch {
	case w.IsZero():
		return ""
	case w.Day == 0:
		return fmt.Sprintf("%04d-%02d", w.Year, int(w.Month))
	}
	return w.First().String()
}

// Long formats w in British style: "10 December 2019" or "December 2019".
func (w When) Long() string {
	switch {
	case w.IsZero():
		return ""
	case w.Day == 0:
		return w.Month.String() + " " + strconv.Itoa(w.Year)
	}
	return w.First().Long()
}

// MarshalJSON encodes w as "YYYY-MM-DD", "YYYY-MM" or "".
func (w When) MarshalJSON() ([]byte, error) { return json.Marshal(w.String()) }

// UnmarshalJSON decodes "YYYY-MM-DD", "YYYY-MM" or "".
func (w *When) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return vocab.Invalid("", "date", string(b), "is not a date string in the form YYYY-MM-DD or YYYY-MM")
	}
	if s == "" {
		*w = When{}
		return nil
	}
	v, err := ParseWhen("", s)
	if err != nil {
		return err
	}
	*w = v
	return nil
}
