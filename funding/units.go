package funding

import (
	"fmt"
	"math/big"
	"math/bits"
	"strconv"

	"github.com/masa-go/masa/vocab"
)

// ApportionUnits is [Apportion] for callers that keep money as whole
// numbers of units (pence, or pounds): it splits total units among
// integer weights, with ids[i] naming the contributor of weights[i] and
// breaking ties, and returns the parts in the same order. It makes the
// same promises as Apportion (the parts sum to total, none is negative, a
// zero weight gets nothing, each part is within one unit of its quota,
// the input order does not matter) and uses the same method, policy by
// policy; the empty policy means LargestRemainder. It avoids Apportion's
// decimal values, which cost two small heap objects per part.
//
// ApportionUnits reports, as vocab.Problems naming "total",
// "weights[i]" or "ids[i]": a total that is not above zero, no weights,
// a different number of IDs and weights, a negative weight, weights that
// are all zero, a repeated ID and an unknown policy.
func ApportionUnits(total int64, weights []int64, ids []vocab.ID, policy Policy) ([]int64, error) {
	if policy == "" {
		policy = LargestRemainder
	}
	var ps vocab.Problems
	if !policy.Valid() {
		ps = append(ps, Rounding{Policy: policy}.Check("")...)
	}
	if total <= 0 {
		ps.Add(vocab.Invalid("total", "positive", strconv.FormatInt(total, 10), "must be more than zero"))
	}
	switch {
	case len(weights) == 0:
		ps.Add(vocab.Invalid("weights", "required", "", "is empty; give at least one weight"))
	case len(ids) != len(weights):
		ps.Add(vocab.Invalid("ids", "same-length", strconv.Itoa(len(ids)), "has "+strconv.Itoa(len(ids))+" IDs for "+strconv.Itoa(len(weights))+" weights"))
	}
	if len(ps) > 0 {
		return nil, fmt.Errorf("funding: apportion units: %w", ps)
	}
	n := len(weights)
	buf := make([]uint64, 3*n)
	var W uint64
	overflow := false
	for i, w := range weights {
		if w < 0 {
			ps.Add(vocab.Invalid(indexed("weights", i, ""), "non-negative", strconv.FormatInt(w, 10), "must not be negative"))
			continue
		}
		buf[i] = uint64(w)
		var carry uint64
		W, carry = bits.Add64(W, uint64(w), 0)
		overflow = overflow || carry != 0
	}
	if len(ps) == 0 && W == 0 && !overflow {
		ps.Add(vocab.Invalid("weights", "weights", "0", "has weights that are all zero, so there is nothing to share by"))
	}
	ps = append(ps, duplicateIDs(idSlice(ids), "ids", "")...)
	if len(ps) > 0 {
		return nil, fmt.Errorf("funding: apportion units: %w", ps)
	}
	out := make([]int64, n)
	if !overflow {
		for i, u := range hamilton64(uint64(total), buf, W, idSlice(ids), policy) {
			out[i] = int64(u)
		}
		return out, nil
	}
	w := make([]*big.Int, n)
	for i, x := range weights {
		w[i] = big.NewInt(x)
	}
	units, _ := hamiltonBig(big.NewInt(total), w, ids, policy)
	for i, u := range units {
		out[i] = u.Int64()
	}
	return out, nil
}
