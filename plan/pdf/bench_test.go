package pdf_test

import (
	"io"
	"strconv"
	"strings"
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

// BenchmarkLongName renders the Essex plan under a partnership name of n
// characters, which the footer of every page must shorten to fit (bug 1
// of issue 13: shortening once dropped one character at a time and
// re-measured, so an 8,000-character name took seconds).
func BenchmarkLongName(b *testing.B) {
	for _, n := range []int{1000, 8000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			p := masa.Essex()
			p.Name = strings.Repeat("x", n)
			d, err := plan.Build(p)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if err := pdf.Render(io.Discard, d); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
