package reviews_test

import (
	"testing"

	"github.com/masa-go/masa/reviews"
)

// BenchmarkDeadline is one deadline computation: the rapid review's due
// date for a case notified to the Panel, 15 working days over the VE Day
// and spring bank holidays of 2020, with the case checked first.
func BenchmarkDeadline(b *testing.B) {
	e := essex(b)
	c := &reviews.Case{Ref: "B-1", Facts: serious("2020-05-04"), Events: []reviews.Event{
		{Step: "notify-panel", On: d("2020-05-06"), By: "local authority"},
	}}
	on := d("2020-05-07")
	if due, ok, err := e.Due(c, "rapid-review", on); err != nil || !ok || due != d("2020-05-27") {
		b.Fatal(due, ok, err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := e.Due(c, "rapid-review", on); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStatusNewCase is the full status of a case the local
// authority has just become aware of: every step, owner and rule in words.
func BenchmarkStatusNewCase(b *testing.B) {
	e := essex(b)
	c := &reviews.Case{Ref: "B-1", Facts: serious("2020-05-04")}
	on := d("2020-05-05")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.Status(c, on); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStatusFullCase is the status of the fictional case at the end
// of its lifecycle: 15 recorded steps replayed and checked.
func BenchmarkStatusFullCase(b *testing.B) {
	e := essex(b)
	c := lifecycle(b)
	on := d("2022-08-01")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.Status(c, on); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOverdue100k is the overdue report over 100,000 generated cases
// (aware between March 2018 and October 2026, at every stage of the
// lifecycle) on 23 November 2026.
func BenchmarkOverdue100k(b *testing.B) {
	e := essex(b)
	cases := newGen(100, e, reportDate).Cases(100_000)
	var r *reviews.Report
	b.ReportAllocs()
	for b.Loop() {
		var err error
		if r, err = e.Overdue(cases, reportDate); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(r.Overdue)), "overdue-steps")
	b.ReportMetric(float64(r.Open), "open-cases")
}

// BenchmarkOverdue300 is the overdue report at a partnership's own size: a
// few hundred cases, the reviews of about three years.
func BenchmarkOverdue300(b *testing.B) {
	e := essex(b)
	cases := newGen(300, e, reportDate).Cases(300)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.Overdue(cases, reportDate); err != nil {
			b.Fatal(err)
		}
	}
}
