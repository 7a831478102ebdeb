package annualreport_test

import (
	"testing"

	"github.com/masa-go/masa/annualreport"
	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
)

func BenchmarkAssembleSample(b *testing.B) {
	p := masa.Essex()
	in := sampleInput(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := annualreport.Assemble(p, in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAssembleAndEncode(b *testing.B) {
	p := masa.Essex()
	in := sampleInput(b)
	b.ReportAllocs()
	for b.Loop() {
		r, err := annualreport.Assemble(p, in)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := vocab.EncodeJSON(r); err != nil {
			b.Fatal(err)
		}
	}
}
