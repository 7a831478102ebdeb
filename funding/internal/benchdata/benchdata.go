// Package benchdata generates the inputs of the funding benchmarks, shared
// by the package's own benchmarks and the side-by-side comparison in the
// nested module funding/benchcmp, so that both measure the same work.
package benchdata

import (
	"strconv"

	"github.com/masa-go/masa/vocab"
)

// Essex is the Essex 2020/21 published amounts, in pounds, in table
// order.
var Essex = []int64{240205, 66426, 15633, 14555, 14520, 11440, 11321, 6948, 5082, 2415, 550}

// Input returns n contributor IDs and integer weights and a total in
// whole units to split among them. For n = 11 the weights are the Essex
// amounts and the total £400,000; otherwise the weights come from a fixed
// xorshift sequence between 1 and 100,000 and the total is £400,000 for
// every 11 contributors, so that there are remainders to hand out.
func Input(n int) (total int64, ids []vocab.ID, weights []int64) {
	ids = make([]vocab.ID, n)
	weights = make([]int64, n)
	x := uint64(88172645463325252)
	for i := range n {
		ids[i] = vocab.ID("contributor-" + strconv.Itoa(i))
		if n == len(Essex) {
			weights[i] = Essex[i]
			continue
		}
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		weights[i] = int64(1 + x%100_000)
	}
	return 400_000 * int64(max(1, n/11)), ids, weights
}
