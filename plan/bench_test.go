package plan_test

import (
	"testing"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/plan"
)

// BenchmarkBuildEssex builds the Essex 2020-21 document from the model.
func BenchmarkBuildEssex(b *testing.B) {
	p := masa.Essex()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := plan.Build(p); err != nil {
			b.Fatal(err)
		}
	}
}
