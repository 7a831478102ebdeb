package funding

import (
	"strconv"
	"testing"

	"github.com/masa-go/masa/funding/internal/benchdata"
	"github.com/masa-go/masa/vocab"
	"github.com/shopspring/decimal"
)

// benchInput returns the shared benchmark input for n contributors as a
// total and shares.
func benchInput(n int) (decimal.Decimal, []Share) {
	total, ids, weights := benchdata.Input(n)
	sh := make([]Share, n)
	for i := range sh {
		sh[i] = Share{ID: ids[i], Weight: decimal.NewFromInt(weights[i])}
	}
	return decimal.NewFromInt(total), sh
}

func BenchmarkApportion(b *testing.B) {
	for _, n := range []int{11, 1000, 100000} {
		total, sh := benchInput(n)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Apportion(total, sh, DefaultRounding()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkApportionUnits(b *testing.B) {
	for _, n := range []int{11, 1000, 100000} {
		total, ids, weights := benchdata.Input(n)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ApportionUnits(total, weights, ids, LargestRemainder); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkApplyEssex(b *testing.B) {
	s := EssexScenario()
	s.Changes = []Change{
		{Kind: SetTotal, Amount: MustNumber("400000")},
		{Kind: Remap, Mapping: MappingID(vocab.MustDate("2022-07-01"))},
		{Kind: Cap, Org: "essex-county-council", Amount: MustNumber("240000")},
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Apply(s); err != nil {
			b.Fatal(err)
		}
	}
}
