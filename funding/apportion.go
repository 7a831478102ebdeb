package funding

import (
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"slices"
	"strconv"

	"github.com/masa-go/masa/vocab"
	"github.com/shopspring/decimal"
)

// Share is one contributor's claim on a sum being apportioned: its ID,
// which breaks ties, and its weight. Weights are relative: 240205 and 0.5
// are both fine, and only their ratios matter.
type Share struct {
	// ID names the contributor; it breaks ties between equal remainders.
	ID vocab.ID
	// Weight is the contributor's weight; it must not be negative.
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
	places := r.Unit.Places()
	// The fast path: well-formed input that fits in 64 bits. The total in
	// units must fit an int64 too, because each part is built from one.
	if r.Unit.Valid() && r.Policy.Valid() {
		if T, buf, W, ok := fastInputs(total, shares, places); ok && T > 0 && T <= math.MaxInt64 && W > 0 {
			if ps := duplicateIDs(shareList(shares), "shares", "id"); len(ps) > 0 {
				return nil, fmt.Errorf("funding: apportion: %w", ps)
			}
			units := hamilton64(T, buf, W, shareList(shares), r.Policy)
			out := make([]decimal.Decimal, len(shares))
			for i, u := range units {
				if u == 0 {
					continue // the zero Decimal, without an allocation
				}
				out[i] = decimal.New(int64(u), -places)
			}
			return out, nil
		}
	}
	if ps := checkApportion(total, shares, r); len(ps) > 0 {
		return nil, fmt.Errorf("funding: apportion: %w", ps)
	}
	T, w := bigInputs(total, shares, places)
	ids := make([]vocab.ID, len(shares))
	for i, s := range shares {
		ids[i] = s.ID
	}
	units, _ := hamiltonBig(T, w, ids, r.Policy)
	out := make([]decimal.Decimal, len(shares))
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
	switch {
	case total.Sign() <= 0:
		ps.Add(vocab.Invalid("total", "positive", decText(total), "must be more than zero"))
	case tooBig(total, MaxNumberDigits+2):
		ps.Add(vocab.Invalid("total", "size", decText(total), "is too large"))
	case total.Exponent() < -places && !total.Shift(places).IsInteger():
		ps.Add(vocab.Invalid("total", "unit", decText(total), "has more decimal places than the unit ("+r.Unit.Label()+") allows"))
	}
	if len(shares) == 0 {
		ps.Add(vocab.Invalid("shares", "required", "", "is empty; give at least one share"))
		return ps
	}
	positive := false
	for i, s := range shares {
		switch sign := s.Weight.Sign(); {
		case sign < 0:
			ps.Add(vocab.Invalid(indexed("shares", i, "weight"), "non-negative", decText(s.Weight), "must not be negative"))
		case sign > 0:
			positive = true
			if tooBig(s.Weight, MaxNumberDigits) {
				ps.Add(vocab.Invalid(indexed("shares", i, "weight"), "size", decText(s.Weight), "has too many digits (at most "+strconv.Itoa(MaxNumberDigits)+")"))
			}
		}
	}
	if !positive {
		ps.Add(vocab.Invalid("shares", "weights", "0", "has weights that are all zero, so there is nothing to share by"))
	}
	return append(ps, duplicateIDs(shareList(shares), "shares", "id")...)
}

// tooBig reports whether d has more than digits digits before or after
// the decimal point.
func tooBig(d decimal.Decimal, digits int) bool {
	e := d.Exponent()
	if e > int32(digits) || e < -int32(digits) {
		return true
	}
	n := d.NumDigits()
	return n > digits || n+int(e) > digits
}

// idList gives the ID of the i-th part; it lets the same code serve
// Apportion's shares and ApportionUnits' IDs without copying.
type idList interface {
	id(i int32) vocab.ID
	len() int
}

// shareList is the IDs of Apportion's shares.
type shareList []Share

func (l shareList) id(i int32) vocab.ID { return l[i].ID }
func (l shareList) len() int            { return len(l) }

// idSlice is a plain list of IDs.
type idSlice []vocab.ID

func (l idSlice) id(i int32) vocab.ID { return l[i] }
func (l idSlice) len() int            { return len(l) }

// duplicateIDs reports every ID that repeats an earlier one, naming the
// field "name[i].sub" (or "name[i]" when sub is empty).
func duplicateIDs[L idList](l L, name, sub string) vocab.Problems {
	var ps vocab.Problems
	first := make(map[vocab.ID]int32, l.len())
	for i := range int32(l.len()) {
		id := l.id(i)
		if j, dup := first[id]; dup {
			ps.Add(vocab.Conflict(indexed(name, int(i), sub), "unique", string(id), "repeats the ID of "+indexed(name, int(j), "")+"; IDs break ties, so they must be distinct"))
			continue
		}
		first[id] = i
	}
	return ps
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
// common scale, when everything is non-negative and fits in 64 bits. It
// returns the weights in the first third of buf, leaving the rest for
// hamilton64. ok is false otherwise.
func fastInputs(total decimal.Decimal, shares []Share, places int32) (T uint64, buf []uint64, W uint64, ok bool) {
	n := len(shares)
	if n == 0 || n > math.MaxInt32-1 {
		return 0, nil, 0, false
	}
	T, ok = toUint64(total, places)
	if !ok {
		return 0, nil, 0, false
	}
	minExp := int32(0)
	for _, s := range shares {
		if e := s.Weight.Exponent(); e < minExp && s.Weight.Sign() != 0 {
			minExp = e
		}
	}
	buf = make([]uint64, 3*n)
	for i, s := range shares {
		if s.Weight.Sign() == 0 {
			continue
		}
		v, ok := toUint64(s.Weight, -minExp)
		if !ok {
			return 0, nil, 0, false
		}
		buf[i] = v
		var carry uint64
		W, carry = bits.Add64(W, v, 0)
		if carry != 0 {
			return 0, nil, 0, false
		}
	}
	return T, buf, W, true
}

// toUint64 returns d×10^shift as a uint64 when d is non-negative, the
// result is a whole number and it fits.
func toUint64(d decimal.Decimal, shift int32) (uint64, bool) {
	if d.Sign() < 0 {
		return 0, false
	}
	if d.NumDigits() > 18 {
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

// hamilton64 apportions T units by the integer weights in the first third
// of buf, summing to W, with the IDs breaking ties, and returns the parts.
func hamilton64[L idList](T uint64, buf []uint64, W uint64, ids L, policy Policy) []uint64 {
	n := ids.len()
	w, units, rem := buf[:n:n], buf[n:2*n:2*n], buf[2*n:]
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
		return units
	}
	if policy == FloorThenFirst {
		cand := make([]int32, 0, n)
		for i, r := range rem {
			if r != 0 {
				cand = append(cand, int32(i))
			}
		}
		for _, i := range selectBest(cand, k, byID[L]{ids}) {
			units[i]++
		}
		return units
	}
	// Largest remainders: find the k-th largest remainder t by selecting
	// on the bare numbers (w's space is free now), give a unit to every
	// part whose remainder is above t, and break the tie among those at t
	// by ID.
	scratch := w[:0]
	for _, r := range rem {
		if r != 0 {
			scratch = append(scratch, r)
		}
	}
	t := kthLargest(scratch, k)
	var ties []int32
	for i, r := range rem {
		switch {
		case r > t:
			units[i]++
			k--
		case r == t:
			ties = append(ties, int32(i))
		}
	}
	for _, i := range selectBest(ties, k, byID[L]{ids}) {
		units[i]++
	}
	return units
}

// kthLargest returns the k-th largest of a (1 ≤ k ≤ len(a)), reordering
// a. It is quickselect with a median-of-three pivot, falling back to
// sorting when partitioning goes badly.
func kthLargest(a []uint64, k int) uint64 {
	lo, hi, want := 0, len(a), k-1 // a[want] after a descending sort
	for budget := 2 * bits.Len(uint(len(a))); hi-lo > 16 && budget > 0; budget-- {
		m := lo + (hi-lo)/2
		x, y, z := a[lo], a[m], a[hi-1]
		pivot := max(min(x, y), min(max(x, y), z))
		// Three-way partition: above pivot, equal, below.
		i, lt, gt := lo, lo, hi
		for i < gt {
			switch v := a[i]; {
			case v > pivot:
				a[i], a[lt] = a[lt], a[i]
				lt++
				i++
			case v < pivot:
				gt--
				a[i], a[gt] = a[gt], a[i]
			default:
				i++
			}
		}
		switch {
		case want < lt:
			hi = lt
		case want >= gt:
			lo = gt
		default:
			return pivot
		}
	}
	part := a[lo:hi]
	slices.Sort(part)
	return part[len(part)-1-(want-lo)]
}

// byID orders parts by ID.
type byID[L idList] struct{ ids L }

func (o byID[L]) better(a, b int32) bool { return o.ids.id(a) < o.ids.id(b) }

// byRemainderBig is byRemainder64 for big remainders.
type byRemainderBig struct {
	rem []*big.Int
	ids idSlice
}

func (o byRemainderBig) better(a, b int32) bool {
	if c := o.rem[a].Cmp(o.rem[b]); c != 0 {
		return c > 0
	}
	return o.ids[a] < o.ids[b]
}

// hamiltonBig is hamilton64 for integers of any size.
func hamiltonBig(T *big.Int, w []*big.Int, ids idSlice, policy Policy) ([]*big.Int, []int32) {
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
	var top []int32
	if policy == FloorThenFirst {
		top = selectBest(cand, k, byID[idSlice]{ids})
	} else {
		top = selectBest(cand, k, byRemainderBig{rem, ids})
	}
	one := big.NewInt(1)
	for _, i := range top {
		units[i].Add(units[i], one)
	}
	return units, top
}

// indexed returns the path "name[i].field", or "name[i]" when field is
// empty.
func indexed(name string, i int, field string) string {
	p := name + "[" + strconv.Itoa(i) + "]"
	if field != "" {
		p += "." + field
	}
	return p
}
