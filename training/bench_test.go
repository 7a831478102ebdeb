package training_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/training"
)

func BenchmarkAnalyse(b *testing.B) {
	p := masa.Essex()
	for _, n := range []int{100, 1000, 10000} {
		fs := randomFindings(rand.New(rand.NewPCG(1, 2)), n)
		b.Run(fmt.Sprintf("findings=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := training.Analyse(p, 2020, fs, training.DefaultScoring()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkRunSample(b *testing.B) {
	p := masa.Essex()
	in := sampleInput(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := training.Run(p, in); err != nil {
			b.Fatal(err)
		}
	}
}
