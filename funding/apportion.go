package funding

import (
	"fmt"
	"math/big"
	"math/bits"
	"strconv"

	"github.com/masa-go/masa/vocab"
	"github.com/shopspring/decimal"
)

// Share is one contributor's claim on a sum being apportioned: its ID,
// which breaks ties, and its weight. Weights are relative: 240205 and 0.5
// are both fine, and only their ratios matter.
type Share struct {
	ID     vocab.ID
	Weight decimal.Decimal
}

// Apportion splits total among shares in proportion to their weights and
// returns the parts in the order of shares. Each part is a whole number of
// r's unit; the units left over after rounding every exact quota down are
// handed out by r's policy (see [LargestRemainder] and [FloorThenFirst]).
// The zero Rounding means whole pounds by the largest remainder method.
//
// The parts always sum exactly to total, no part is negative, a share of
// weight zero gets nothing, each part is within one unit of its exact quota
// total×weight÷(sum of weights), and the result does not depend on the
// order of shares: permuting shares permutes the parts the same way.
// Apportion uses exact integer arithmetic throughout and no package-level
// precision setting.
//
// Apportion reports, as vocab.Problems naming "total" or
// "shares[i].weight" / "shares[i].id" and the value: a total that is zero,
// negative or has more decimal places than the unit allows; no shares; a
// negative weight; weights that are all zero; and an ID used twice (IDs
// must be distinct so that ties are broken the same way whatever the
// input order).
func Apportion(total decimal.Decimal, shares []Share, r Rounding) ([]decimal.Decimal, error) {
	r = r.OrDefault()
	if ps := checkApportion(total, shares, r); len(ps) > 0 {
		return nil, fmt.Errorf("funding: apportion: %w", ps)
	}
	places := r.Unit.Places()
	ids := make([]vocab.ID, len(shares))
	for i, s := range shares {
		ids[i] = s.ID
	}
	out := make([]decimal.Decimal, len(shares))
	if T, w, W, ok := fastInputs(total, shares, places); ok {
		units, _ := hamilton64(T, w, W, ids, r.Policy)
		for i, u := range units {
			out[i] = decimal.New(int64(u), -places)
		}
		return out, nil
	}
	T, w := bigInputs(total, shares, places)
	units, _ := hamiltonBig(T, w, ids, r.Policy)
	for i, u := range units {
		out[i] = decimal.NewFromBigInt(u, -places)
	}
	return out, nil
}

// checkApportion returns the problems with Apportion's arguments.
func checkApportion(total decimal.Decimal, shares []Share, r Rounding) vocab.Problems {
	ps := r.Check("rounding")
	if len(ps) > 0 {
		return ps
	}
	places := r.Unit.Places()
	ts := total.String()
	switch {
	case total.Sign() <= 0:
		ps.Add(vocab.Invalid("total", "positive", ts, "must be more than zero"))
	case !total.Shift(places).IsInteger():
		ps.Add(vocab.Invalid("total", "unit", ts, "has more decimal places than the unit ("+r.Unit.Label()+") allows"))
	case total.NumDigits() > MaxNumberDigits+2 || total.Exponent() > MaxNumberDigits:
		ps.Add(vocab.Invalid("total", "size", ts, "is too large"))
	}
	if len(shares) == 0 {
		ps.Add(vocab.Invalid("shares", "required", "", "is empty; give at least one share"))
		return ps
	}
	positive := false
	seen := make(map[vocab.ID]int, len(shares))
	for i, s := range shares {
		switch sign := s.Weight.Sign(); {
		case sign < 0:
			ps.Add(vocab.Invalid(indexed("shares", i, "weight"), "non-negative", s.Weight.String(), "must not be negative"))
		case sign > 0:
			positive = true
			if s.Weight.NumDigits() > MaxNumberDigits || s.Weight.Exponent() > MaxNumberDigits || s.Weight.Exponent() < -MaxNumberDigits {
				ps.Add(vocab.Invalid(indexed("shares", i, "weight"), "size", s.Weight.String(), "has too many digits (at most "+strconv.Itoa(MaxNumberDigits)+")"))
			}
		}
		if j, dup := seen[s.ID]; dup {
			ps.Add(vocab.Conflict(indexed("shares", i, "id"), "unique", string(s.ID), "repeats the ID of shares["+strconv.Itoa(j)+"]; IDs break ties, so they must be distinct"))
		} else {
			seen[s.ID] = i
		}
	}
	if !positive {
		ps.Add(vocab.Invalid("shares", "weights", "0", "has weights that are all zero, so there is nothing to share by"))
	}
	return ps
}

// indexed returns the path "name[i].field".
func indexed(name string, i int, field string) string {
	p := name + "[" + strconv.Itoa(i) + "]"
	if field != "" {
		p += "." + field
	}
	return p
}

var pow10u64 = func() [20]uint64 {
	var p [20]uint64
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// fastInputs converts the total to units and the weights to integers on a
// common scale, when everything fits in 64 bits. ok is false otherwise.
func fastInputs(total decimal.Decimal, shares []Share, places int32) (T uint64, w []uint64, W uint64, ok bool) {
	T, ok = toUint64(total, places)
	if !ok {
		return 0, nil, 0, false
	}
	minExp := int32(0)
	for _, s := range shares {
		if s.Weight.Sign() != 0 && s.Weight.Exponent() < minExp {
			minExp = s.Weight.Exponent()
		}
	}
	w = make([]uint64, len(shares))
	for i, s := range shares {
		if s.Weight.Sign() == 0 {
			continue
		}
		v, ok := toUint64(s.Weight, -minExp)
		if !ok {
			return 0, nil, 0, false
		}
		w[i] = v
		var carry uint64
		W, carry = bits.Add64(W, v, 0)
		if carry != 0 {
			return 0, nil, 0, false
		}
	}
	return T, w, W, true
}

// toUint64 returns d×10^shift as a uint64 when d is non-negative, the
// result is a whole number and it fits.
func toUint64(d decimal.Decimal, shift int32) (uint64, bool) {
	if d.Sign() < 0 || d.NumDigits() > 18 {
		return 0, false
	}
	c := uint64(d.CoefficientInt64())
	e := d.Exponent() + shift
	switch {
	case e < 0:
		return 0, false
	case e >= int32(len(pow10u64)):
		return 0, c == 0
	}
	hi, lo := bits.Mul64(c, pow10u64[e])
	return lo, hi == 0
}

// bigInputs converts the total to units and the weights to integers on a
// common scale, without size limits.
func bigInputs(total decimal.Decimal, shares []Share, places int32) (*big.Int, []*big.Int) {
	T := total.Shift(places).BigInt()
	minExp := int32(0)
	for _, s := range shares {
		if s.Weight.Sign() != 0 && s.Weight.Exponent() < minExp {
			minExp = s.Weight.Exponent()
		}
	}
	w := make([]*big.Int, len(shares))
	for i, s := range shares {
		w[i] = s.Weight.Shift(-minExp).BigInt()
	}
	return T, w
}

// hamilton64 apportions T units by integer weights w summing to W, with
// ids breaking ties. It returns the parts and which parts received a
// left-over unit.
func hamilton64(T uint64, w []uint64, W uint64, ids []vocab.ID, policy Policy) ([]uint64, []int32) {
	n := len(w)
	units := make([]uint64, n)
	rem := make([]uint64, n)
	var given uint64
	for i, wi := range w {
		if wi == 0 {
			continue
		}
		hi, lo := bits.Mul64(T, wi)
		units[i], rem[i] = bits.Div64(hi, lo, W)
		given += units[i]
	}
	k := int(T - given)
	if k == 0 {
		return units, nil
	}
	cand := make([]int32, 0, n)
	for i, r := range rem {
		if r != 0 {
			cand = append(cand, int32(i))
		}
	}
	var better func(a, b int32) bool
	if policy == FloorThenFirst {
		better = func(a, b int32) bool { return ids[a] < ids[b] }
	} else {
		better = func(a, b int32) bool {
			if rem[a] != rem[b] {
				return rem[a] > rem[b]
			}
			return ids[a] < ids[b]
		}
	}
	top := selectBest(cand, k, better)
	for _, i := range top {
		units[i]++
	}
	return units, top
}

// hamiltonBig is hamilton64 for integers of any size.
func hamiltonBig(T *big.Int, w []*big.Int, ids []vocab.ID, policy Policy) ([]*big.Int, []int32) {
	n := len(w)
	W := new(big.Int)
	for _, wi := range w {
		W.Add(W, wi)
	}
	units := make([]*big.Int, n)
	rem := make([]*big.Int, n)
	given := new(big.Int)
	for i, wi := range w {
		units[i], rem[i] = new(big.Int), new(big.Int)
		if wi.Sign() == 0 {
			continue
		}
		units[i].QuoRem(new(big.Int).Mul(T, wi), W, rem[i])
		given.Add(given, units[i])
	}
	k := int(new(big.Int).Sub(T, given).Int64())
	if k == 0 {
		return units, nil
	}
	cand := make([]int32, 0, n)
	for i, r := range rem {
		if r.Sign() != 0 {
			cand = append(cand, int32(i))
		}
	}
	var better func(a, b int32) bool
	if policy == FloorThenFirst {
		better = func(a, b int32) bool { return ids[a] < ids[b] }
	} else {
		better = func(a, b int32) bool {
			if c := rem[a].Cmp(rem[b]); c != 0 {
				return c > 0
			}
			return ids[a] < ids[b]
		}
	}
	top := selectBest(cand, k, better)
	one := big.NewInt(1)
	for _, i := range top {
		units[i].Add(units[i], one)
	}
	return units, top
}
