package registertest

import (
	"slices"
	"testing"
	"time"

	"github.com/masa-go/masa/register"
	"github.com/masa-go/masa/reviews"
	"github.com/masa-go/masa/vocab"
)

// ReportDate is the date of the benchmarks' reports, as in the reviews
// package's: 23 November 2026.
var ReportDate = vocab.Date{Year: 2026, Month: time.November, Day: 23}

// BenchRecord measures recording one event (reading the case, replaying
// it through the rules and storing the entry with its audit record,
// durably) on the store open gives, and reports the 50th and 99th
// percentiles of the latency. Cases are made in batches outside the
// timer.
func BenchRecord(b *testing.B, s register.Store) {
	reg, err := register.New(s, Engine(b))
	if err != nil {
		b.Fatal(err)
	}
	ctx := b.Context()
	var refs []string
	batch := 0
	ev := reviews.Event{Step: "notify-panel", On: vocab.MustDate("2020-11-04"), By: "Director of Children's Services"}
	var lat []time.Duration
	i := 0
	for b.Loop() {
		if i == len(refs) {
			b.StopTimer()
			cases := make([]reviews.Case, 500)
			for k := range cases {
				cases[k] = reviews.Case{Ref: "BENCH-" + itoa(batch) + "-" + itoa(k), Facts: Serious("2020-11-02")}
				refs = append(refs, cases[k].Ref)
			}
			batch++
			if err := reg.Import(ctx, "bench", cases); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
		}
		t0 := time.Now()
		if _, err := reg.Record(ctx, "bench", refs[i], 0, ev); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t0))
		i++
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
}

// LoadCases imports n generated cases (seed 100, as the reviews
// package's BenchmarkOverdue100k) into s and returns them.
func LoadCases(b *testing.B, s register.Store, n int) []reviews.Case {
	reg, err := register.New(s, Engine(b))
	if err != nil {
		b.Fatal(err)
	}
	cases := Generate(100, reg.Engine(), ReportDate, n)
	for lo := 0; lo < n; lo += 20_000 {
		if err := reg.Import(b.Context(), "bench", cases[lo:min(lo+20_000, n)]); err != nil {
			b.Fatal(err)
		}
	}
	return cases
}

// BenchOverdue measures the overdue report over every case in s, read
// from the store, beside the same report over the cases in memory.
func BenchOverdue(b *testing.B, s register.Store, cases []reviews.Case) {
	reg, err := register.New(s, Engine(b))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("memory", func(b *testing.B) {
		var r *reviews.Report
		for b.Loop() {
			if r, err = reg.Engine().Overdue(cases, ReportDate); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(r.Overdue)), "overdue-steps")
	})
	// cold: a new register each time, which reads every case.
	b.Run("store-cold", func(b *testing.B) {
		var r *reviews.Report
		for b.Loop() {
			fresh, err := register.New(s, reg.Engine())
			if err != nil {
				b.Fatal(err)
			}
			if r, err = fresh.Overdue(b.Context(), ReportDate); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(r.Overdue)), "overdue-steps")
	})
	// warm: one register; before each report another writer corrects one
	// case, which the report reads again.
	b.Run("store-warm", func(b *testing.B) {
		writer, err := register.New(s, reg.Engine())
		if err != nil {
			b.Fatal(err)
		}
		if _, err := reg.Overdue(b.Context(), ReportDate); err != nil {
			b.Fatal(err)
		}
		var r *reviews.Report
		i := 0
		for b.Loop() {
			b.StopTimer()
			c := cases[i%len(cases)]
			for len(c.Events) == 0 {
				i++
				c = cases[i%len(cases)]
			}
			stored, err := writer.Case(b.Context(), c.Ref)
			if err != nil {
				b.Fatal(err)
			}
			ev := stored.Trail().Events[0]
			if _, err := writer.Correct(b.Context(), "bench", c.Ref, stored.Version, register.Correction{Corrects: 1, Event: ev, Reason: "benchmark"}); err != nil {
				b.Fatal(err)
			}
			i++
			b.StartTimer()
			if r, err = reg.Overdue(b.Context(), ReportDate); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(r.Overdue)), "overdue-steps")
	})
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var buf [20]byte
	i := len(buf)
	for n > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	return string(buf[i:])
}
