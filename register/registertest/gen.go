package registertest

import (
	"github.com/masa-go/masa/internal/casegen"
	"github.com/masa-go/masa/reviews"
	"github.com/masa-go/masa/vocab"
)

// Generate returns n random cases that follow the default rules, as a
// partnership would record them: aware between 1 March 2018 and 30
// October 2026, most steps on time, some late, some abandoned part way,
// none after end. The same seed gives the same cases. It is the
// generator of the reviews package's benchmarks (internal/casegen), so
// that a report over the store can be compared with the in-memory one.
func Generate(seed uint64, e *reviews.Engine, end vocab.Date, n int) []reviews.Case {
	return casegen.New(seed, e, end).Cases(n)
}

var d = vocab.MustDate
