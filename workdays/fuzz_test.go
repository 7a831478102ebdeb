package workdays_test

import (
	"errors"
	"testing"
	"time"

	"github.com/masa-go/masa/vocab"
	"github.com/masa-go/masa/workdays"
)

// FuzzExtend feeds arbitrary bank holiday files to Parse and Extend: every
// rejection is a FieldError or a list of them, and every accepted file
// gives a calendar whose holidays are all on covered weekdays.
func FuzzExtend(f *testing.F) {
	f.Add([]byte(`{"years":[2028],"holidays":[{"date":"2028-01-03","name":"New Year's Day (substitute day)","kind":"substitute"}]}`))
	f.Add([]byte(`{"holidays":[{"date":"2027-06-07","name":"x","kind":"one-off"}],"cancelled":["2027-05-31"]}`))
	f.Add([]byte(`{"holidays":[{"date":"2029-01-01","name":"x"}]}`))
	f.Add([]byte(`{"years":[0,2028,2028],"holidays":[{"date":"2028-01-01"}]}`))
	f.Add([]byte(`{"holidays":[],"cancelled":["2020-05-04","2020-05-08","2020-05-08"]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := workdays.Parse(data)
		if err != nil {
			if len(vocab.AsProblems(err)) == 0 {
				t.Fatalf("parse error is not a FieldError: %T %v", err, err)
			}
			return
		}
		c, err := workdays.EnglandAndWales().Extend(file)
		if err != nil {
			if len(vocab.AsProblems(err)) == 0 || !errors.Is(err, vocab.ErrInvalid) {
				t.Fatalf("extend error is not a list of FieldErrors: %T %v", err, err)
			}
			return
		}
		for _, y := range c.Years() {
			for _, h := range c.Holidays(y) {
				ok, err := c.IsWorkingDay(h.Date)
				if err != nil || ok {
					t.Fatalf("holiday %v: working day %v, error %v", h, ok, err)
				}
			}
		}
	})
}

// FuzzAddWorkingDays checks the counting convention on arbitrary dates and
// counts: no panic, and every answer is a working day the right number of
// working days away.
func FuzzAddWorkingDays(f *testing.F) {
	f.Add(2020, 5, 1, 5)
	f.Add(2022, 9, 16, 1)
	f.Add(2027, 12, 24, 4)
	f.Add(2018, 1, 2, -1)
	f.Add(0, 13, 32, 0)
	f.Fuzz(func(t *testing.T, y, m, day, n int) {
		c := workdays.EnglandAndWales()
		n %= 400
		from := vocab.NewDate(y, time.Month(m), day)
		got, err := c.AddWorkingDays(from, n)
		if err != nil {
			if !errors.Is(err, vocab.ErrInvalid) {
				t.Fatalf("error is not a FieldError: %v", err)
			}
			return
		}
		if n == 0 {
			if got != from {
				t.Fatalf("%v + 0 = %v", from, got)
			}
			return
		}
		ok, err := c.IsWorkingDay(got)
		if err != nil || !ok {
			t.Fatalf("%v %+d = %v: not a working day (%v)", from, n, got, err)
		}
		back, err := c.WorkingDaysBetween(from, got)
		if err != nil || back != n {
			t.Fatalf("%v to %v: %d working days, want %d (%v)", from, got, back, n, err)
		}
	})
}
