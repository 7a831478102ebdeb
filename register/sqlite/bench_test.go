package sqlite_test

import (
	"path/filepath"
	"testing"

	"github.com/masa-go/masa/register/registertest"
	"github.com/masa-go/masa/register/sqlite"
)

func openBench(b *testing.B) *sqlite.Store {
	b.Helper()
	s, err := sqlite.Open(b.Context(), filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkRecord is recording one event in an SQLite register file, with
// the fsync of synchronous=FULL, reporting the median and 99th percentile.
func BenchmarkRecord(b *testing.B) { registertest.BenchRecord(b, openBench(b)) }

// BenchmarkOverdue100k is the overdue report over 100,000 generated cases
// read from an SQLite register, beside the same report in memory.
func BenchmarkOverdue100k(b *testing.B) {
	s := openBench(b)
	cases := registertest.LoadCases(b, s, 100_000)
	registertest.BenchOverdue(b, s, cases)
}
