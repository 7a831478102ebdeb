package html_test

import (
	"io"
	"testing"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/plan"
	planhtml "github.com/masa-go/masa/plan/html"
)

// BenchmarkEssex renders the full Essex 2020-21 plan as HTML from a built
// document.
func BenchmarkEssex(b *testing.B) {
	d, err := plan.Build(masa.Essex())
	if err != nil {
		b.Fatal(err)
	}
	out, err := planhtml.Bytes(d)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := planhtml.Render(io.Discard, d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(out)), "html-bytes")
}
