package workdays_test

import (
	"testing"

	"github.com/masa-go/masa/vocab"
	"github.com/masa-go/masa/workdays"
)

// BenchmarkAddWorkingDays is one statutory deadline: 15 working days from
// a date, over the VE Day and spring bank holidays of 2020.
func BenchmarkAddWorkingDays(b *testing.B) {
	c := workdays.EnglandAndWales()
	from := vocab.MustDate("2020-05-04")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.AddWorkingDays(from, 15); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWorkingDaysBetween counts the working days of a whole year.
func BenchmarkWorkingDaysBetween(b *testing.B) {
	c := workdays.EnglandAndWales()
	from, to := vocab.MustDate("2024-01-01"), vocab.MustDate("2024-12-31")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.WorkingDaysBetween(from, to); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAddWorkingDaysProvisional is the same deadline in a year past
// the announced lists, counted over the standing pattern's days.
func BenchmarkAddWorkingDaysProvisional(b *testing.B) {
	c := workdays.EnglandAndWales()
	from := vocab.MustDate("2030-05-03")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.AddWorkingDays(from, 15); err != nil {
			b.Fatal(err)
		}
	}
}
