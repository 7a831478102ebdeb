package scrutiny_test

import (
	"testing"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/scrutiny"
)

func BenchmarkBuildSample(b *testing.B) {
	p := masa.Essex()
	pl := samplePlan(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := scrutiny.Build(p, pl); err != nil {
			b.Fatal(err)
		}
	}
}
