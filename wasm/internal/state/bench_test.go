package state

import (
	"strconv"
	"testing"
)

// BenchmarkSet measures one edit of the budget, including the
// recomputation the page does before rendering.
func BenchmarkSet(b *testing.B) {
	m := Essex()
	i := 0
	for b.Loop() {
		i++
		m.Set(FieldBudget, strconv.Itoa(400000+i%1000))
	}
}

// BenchmarkSetMerged is BenchmarkSet with the ICB merger applied and a
// contributor added, the heaviest form the page usually holds.
func BenchmarkSetMerged(b *testing.B) {
	m := Essex()
	m.Set(FieldICB, "true")
	m.AddContributor()
	m.Set("added-name:0", "Fire")
	m.Set("added-amount:0", "5000")
	m.Set(FieldMethod, "percentages")
	i := 0
	for b.Loop() {
		i++
		m.Set(FieldBudget, strconv.Itoa(400000+i%1000))
	}
}

// BenchmarkEncodeDecode measures a round trip of the form through a URL.
func BenchmarkEncodeDecode(b *testing.B) {
	m := Essex()
	m.Set(FieldICB, "true")
	m.Set(FieldMethod, "percentages")
	for b.Loop() {
		if _, err := Decode(Encode(m.Form)); err != nil {
			b.Fatal(err)
		}
	}
}
