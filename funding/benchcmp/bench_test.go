package benchcmp

import (
	"strconv"
	"testing"

	"github.com/Rhymond/go-money"
	"github.com/masa-go/masa/funding"
	"github.com/masa-go/masa/funding/internal/benchdata"
	"github.com/shopspring/decimal"
)

var sizes = []int{11, 1000, 100000}

// BenchmarkAllocate runs the same inputs through funding.Apportion (whole
// pounds, largest remainder, ties by ID, decimals in and out),
// funding.ApportionUnits (the same method on int64 units) and go-money's
// Money.Allocate (int64 units, left-over units to the first parties in
// input order) in one run, so that benchstat can set them side by side.
func BenchmarkAllocate(b *testing.B) {
	for _, n := range sizes {
		total, ids, weights := benchdata.Input(n)
		shares := make([]funding.Share, n)
		ratios := make([]int, n)
		for i := range n {
			shares[i] = funding.Share{ID: ids[i], Weight: decimal.NewFromInt(weights[i])}
			ratios[i] = int(weights[i])
		}
		dtotal := decimal.NewFromInt(total)
		b.Run("lib=funding/n="+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := funding.Apportion(dtotal, shares, funding.DefaultRounding()); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("lib=funding-units/n="+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := funding.ApportionUnits(total, weights, ids, funding.LargestRemainder); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("lib=go-money/n="+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			m := money.New(total, money.GBP)
			for b.Loop() {
				if _, err := m.Allocate(ratios...); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestSameSum checks that both libraries split the inputs completely, so
// that the benchmark compares like with like.
func TestSameSum(t *testing.T) {
	for _, n := range sizes {
		total, ids, weights := benchdata.Input(n)
		shares := make([]funding.Share, n)
		ratios := make([]int, n)
		for i := range n {
			shares[i] = funding.Share{ID: ids[i], Weight: decimal.NewFromInt(weights[i])}
			ratios[i] = int(weights[i])
		}
		parts, err := funding.Apportion(decimal.NewFromInt(total), shares, funding.DefaultRounding())
		if err != nil {
			t.Fatal(err)
		}
		mparts, err := money.New(total, money.GBP).Allocate(ratios...)
		if err != nil {
			t.Fatal(err)
		}
		var a, c int64
		for i := range n {
			a += parts[i].IntPart()
			c += mparts[i].Amount()
		}
		if a != total || c != total {
			t.Fatalf("n=%d: funding sums to %d, go-money to %d, want %d", n, a, c, total)
		}
	}
}
