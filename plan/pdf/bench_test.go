package pdf_test

import (
	"io"
	"testing"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/plan"
	"github.com/masa-go/masa/plan/pdf"
)

// BenchmarkEssex renders the full Essex 2020-21 plan from a built
// document.
func BenchmarkEssex(b *testing.B) {
	d, err := plan.Build(masa.Essex())
	if err != nil {
		b.Fatal(err)
	}
	buf, err := pdf.Bytes(d)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := pdf.Render(io.Discard, d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(buf)), "pdf-bytes")
}
