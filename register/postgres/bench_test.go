package postgres_test

import (
	"testing"

	"github.com/masa-go/masa/register/postgres"
	"github.com/masa-go/masa/register/registertest"
)

func openBench(b *testing.B) *postgres.Store {
	b.Helper()
	s, err := postgres.Open(b.Context(), freshSchema(b))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkRecord is recording one event in PostgreSQL (commit waits for
// the WAL flush), reporting the median and 99th percentile.
func BenchmarkRecord(b *testing.B) { registertest.BenchRecord(b, openBench(b)) }

// BenchmarkOverdue100k is the overdue report over 100,000 generated cases
// read from PostgreSQL, beside the same report in memory.
func BenchmarkOverdue100k(b *testing.B) {
	s := openBench(b)
	cases := registertest.LoadCases(b, s, 100_000)
	registertest.BenchOverdue(b, s, cases)
}
