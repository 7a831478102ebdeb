package funding

import (
	"errors"
	"fmt"
	"math/big"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/masa-go/masa/vocab"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func shares(pairs ...string) []Share {
	out := make([]Share, 0, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, Share{ID: vocab.ID(pairs[i]), Weight: d(pairs[i+1])})
	}
	return out
}

func strs(ds []decimal.Decimal) []string {
	out := make([]string, len(ds))
	for i, x := range ds {
		out[i] = x.String()
	}
	return out
}

func TestApportion(t *testing.T) {
	lr := Rounding{Pounds, LargestRemainder}
	tests := []struct {
		name   string
		total  string
		shares []Share
		r      Rounding
		want   []string
	}{
		{"thirds", "100", shares("a", "1", "b", "1", "c", "1"), lr, []string{"34", "33", "33"}},
		{"thirds tie broken by ID not order", "100", shares("c", "1", "b", "1", "a", "1"), lr, []string{"33", "33", "34"}},
		{"largest remainder wins", "10", shares("a", "1", "b", "2", "c", "3"), lr, []string{"2", "3", "5"}},
		{"zero weight gets nothing", "7", shares("a", "0", "b", "1", "c", "1"), lr, []string{"0", "4", "3"}},
		{"exact", "389095", shares("x", "240205", "y", "148890"), lr, []string{"240205", "148890"}},
		{"decimal weights", "100", shares("a", "0.5", "b", "0.25", "c", "0.25"), lr, []string{"50", "25", "25"}},
		{"pence", "100", shares("a", "1", "b", "1", "c", "1"), Rounding{Pence, LargestRemainder}, []string{"33.34", "33.33", "33.33"}},
		{"pence total with pence", "0.05", shares("a", "1", "b", "1"), Rounding{Pence, LargestRemainder}, []string{"0.03", "0.02"}},
		{"zero rounding is pounds, largest remainder", "10", shares("a", "1", "b", "2", "c", "3"), Rounding{}, []string{"2", "3", "5"}},
		// Floor-then-first gives the left-over unit to the first by ID,
		// even though c has the largest remainder.
		{"floor then first", "10", shares("a", "1", "b", "2", "c", "3"), Rounding{Pounds, FloorThenFirst}, []string{"2", "3", "5"}},
		{"floor then first favours early IDs", "11", shares("a", "1", "b", "1", "c", "1.4"), Rounding{Pounds, FloorThenFirst}, []string{"4", "3", "4"}},
		{"largest remainder same input", "11", shares("a", "1", "b", "1", "c", "1.4"), lr, []string{"3", "3", "5"}},
		{"huge total uses the big path", "123456789012345678", shares("a", "1", "b", "2"), Rounding{Pence, LargestRemainder}, []string{"41152263004115226", "82304526008230452"}},
		{"huge weights use the big path", "10", shares("a", "99999999999999999999", "b", "1"), lr, []string{"10", "0"}},
		{"single share", "5", shares("only", "3"), lr, []string{"5"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Apportion(d(tc.total), tc.shares, tc.r)
			require.NoError(t, err)
			if tc.name == "huge total uses the big path" {
				// 123456789012345678 pounds in pence is 1.2e19 pence, more
				// than fits in 64 bits; check only the invariants.
				checkInvariants(t, d(tc.total), tc.shares, got, tc.r)
				return
			}
			assert.Equal(t, tc.want, strs(got))
			checkInvariants(t, d(tc.total), tc.shares, got, tc.r)
		})
	}
}

func TestApportionErrors(t *testing.T) {
	lr := DefaultRounding()
	tests := []struct {
		name   string
		total  string
		shares []Share
		r      Rounding
		field  string
		value  string
		kind   error
	}{
		{"zero total", "0", shares("a", "1"), lr, "total", "0", vocab.ErrInvalid},
		{"negative total", "-5", shares("a", "1"), lr, "total", "-5", vocab.ErrInvalid},
		{"pence in pounds", "10.5", shares("a", "1"), lr, "total", "10.5", vocab.ErrInvalid},
		{"no shares", "10", nil, lr, "shares", "", vocab.ErrInvalid},
		{"negative weight", "10", shares("a", "1", "b", "-1"), lr, "shares[1].weight", "-1", vocab.ErrInvalid},
		{"all zero", "10", shares("a", "0", "b", "0"), lr, "shares", "0", vocab.ErrInvalid},
		{"duplicate ID", "10", shares("a", "1", "a", "2"), lr, "shares[1].id", "a", vocab.ErrConflict},
		{"bad unit", "10", shares("a", "1"), Rounding{Unit: "guineas"}, "rounding.unit", "guineas", vocab.ErrInvalid},
		{"bad policy", "10", shares("a", "1"), Rounding{Policy: "dhondt"}, "rounding.policy", "dhondt", vocab.ErrInvalid},
		{"absurd weight", "10", []Share{{ID: "a", Weight: decimal.New(1, 1000)}}, lr, "shares[0].weight", "1E1000", vocab.ErrInvalid},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Apportion(d(tc.total), tc.shares, tc.r)
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.kind)
			ps := vocab.AsProblems(err)
			require.NotEmpty(t, ps)
			assert.Equal(t, tc.field, ps[0].Field)
			assert.Equal(t, tc.value, ps[0].Value)
		})
	}
}

// checkInvariants checks every promise Apportion makes about its result.
func checkInvariants(t testing.TB, total decimal.Decimal, sh []Share, got []decimal.Decimal, r Rounding) {
	t.Helper()
	r = r.OrDefault()
	require.Len(t, got, len(sh))
	sum, W := decimal.Zero, new(big.Rat)
	for _, s := range sh {
		W.Add(W, s.Weight.Rat())
	}
	unit := decimal.New(1, -r.Unit.Places()).Rat()
	for i, g := range got {
		sum = sum.Add(g)
		if g.Sign() < 0 {
			t.Fatalf("part %d is negative: %s", i, g)
		}
		if !g.Shift(r.Unit.Places()).IsInteger() {
			t.Fatalf("part %d is not whole units: %s", i, g)
		}
		if sh[i].Weight.Sign() == 0 && g.Sign() != 0 {
			t.Fatalf("zero-weight part %d got %s", i, g)
		}
		quota := new(big.Rat).Mul(total.Rat(), sh[i].Weight.Rat())
		quota.Quo(quota, W)
		diff := new(big.Rat).Sub(g.Rat(), quota)
		if diff.Abs(diff).Cmp(unit) >= 0 {
			t.Fatalf("part %d = %s is a unit or more from its quota %s", i, g, quota.FloatString(6))
		}
	}
	if !sum.Equal(total) {
		t.Fatalf("parts sum to %s, not %s", sum, total)
	}
}

// randomShares returns n shares with distinct IDs and random weights of
// random scales, some zero.
func randomShares(rng *rand.Rand, n int) []Share {
	out := make([]Share, n)
	exp := -int32(rng.IntN(4))
	for i := range out {
		w := decimal.Zero
		if rng.IntN(8) != 0 {
			w = decimal.New(rng.Int64N(1_000_000), exp)
		}
		out[i] = Share{ID: vocab.ID("c-" + strconv.Itoa(rng.IntN(1_000_000)) + "-" + strconv.Itoa(i)), Weight: w}
	}
	if !slices.ContainsFunc(out, func(s Share) bool { return s.Weight.Sign() > 0 }) {
		out[0].Weight = decimal.NewFromInt(1)
	}
	return out
}

func TestApportionProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(2020, 21))
	for iter := range 3000 {
		n := 1 + rng.IntN(40)
		sh := randomShares(rng, n)
		r := Rounding{Units()[rng.IntN(2)], Policies()[rng.IntN(2)]}
		total := decimal.New(1+rng.Int64N(10_000_000), -r.Unit.Places())
		if rng.IntN(4) == 0 {
			total = decimal.NewFromInt(1 + rng.Int64N(int64(n))) // fewer units than shares
		}
		got, err := Apportion(total, sh, r)
		require.NoError(t, err, "case %d", iter)
		checkInvariants(t, total, sh, got, r)

		// Order independence: a permutation permutes the result.
		perm := rng.Perm(n)
		sh2 := make([]Share, n)
		for i, p := range perm {
			sh2[i] = sh[p]
		}
		got2, err := Apportion(total, sh2, r)
		require.NoError(t, err)
		for i, p := range perm {
			require.True(t, got2[i].Equal(got[p]), "case %d: permuted part %d differs", iter, i)
		}

		// The 64-bit path and the big-integer path agree.
		T, w := bigInputs(total, sh, r.Unit.Places())
		ids := make([]vocab.ID, n)
		for i, s := range sh {
			ids[i] = s.ID
		}
		units, _ := hamiltonBig(T, w, ids, r.Policy)
		for i, u := range units {
			require.True(t, decimal.NewFromBigInt(u, -r.Unit.Places()).Equal(got[i]), "case %d: paths differ at %d", iter, i)
		}
	}
}

// TestLargestRemainderIsHamilton checks against a direct implementation
// of the Hamilton method: sort every remainder.
func TestLargestRemainderIsHamilton(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 2022))
	for range 500 {
		n := 1 + rng.IntN(200)
		sh := randomShares(rng, n)
		total := decimal.NewFromInt(1 + rng.Int64N(100_000))
		got, err := Apportion(total, sh, DefaultRounding())
		require.NoError(t, err)

		W := new(big.Rat)
		for _, s := range sh {
			W.Add(W, s.Weight.Rat())
		}
		type q struct {
			i     int
			floor *big.Int
			rem   *big.Rat
		}
		qs := make([]q, n)
		left := total.BigInt()
		for i, s := range sh {
			x := new(big.Rat).Mul(total.Rat(), s.Weight.Rat())
			x.Quo(x, W)
			f := new(big.Int).Quo(x.Num(), x.Denom())
			qs[i] = q{i, f, new(big.Rat).Sub(x, new(big.Rat).SetInt(f))}
			left.Sub(left, f)
		}
		slices.SortFunc(qs, func(a, b q) int {
			if c := b.rem.Cmp(a.rem); c != 0 {
				return c
			}
			if sh[a.i].ID < sh[b.i].ID {
				return -1
			}
			return 1
		})
		for k := range int(left.Int64()) {
			qs[k].floor.Add(qs[k].floor, big.NewInt(1))
		}
		for _, x := range qs {
			require.Equal(t, x.floor.String(), got[x.i].String())
		}
	}
}

func TestSelectBestLarge(t *testing.T) {
	// Many equal keys and sorted input exercise the quickselect fallback.
	for _, n := range []int{17, 100, 5000} {
		for _, k := range []int{0, 1, n / 2, n - 1} {
			idx := make([]int32, n)
			for i := range idx {
				idx[i] = int32(i)
			}
			better := mod7{}
			got := slices.Clone(selectBest(idx, k, better))
			all := make([]int32, n)
			for i := range all {
				all[i] = int32(i)
			}
			sortRange(all, better)
			slices.Sort(got)
			want := slices.Clone(all[:k])
			slices.Sort(want)
			require.Equal(t, want, got, fmt.Sprintf("n=%d k=%d", n, k))
		}
	}
}

func FuzzApportion(f *testing.F) {
	f.Add("389095", "240205 66426 15633 14555 14520 11440 11321 6948 5082 2415 550", false, false)
	f.Add("100", "1 1 1", true, false)
	f.Add("0.07", "0.5 0 2.25", true, true)
	f.Add("10", "0 0", false, false)
	f.Add("-3", "1", false, true)
	f.Fuzz(func(t *testing.T, total, weights string, pence, first bool) {
		tot, err := decimal.NewFromString(total)
		if err != nil || tot.NumDigits() > 40 || tot.Exponent() > 40 || tot.Exponent() < -40 {
			return
		}
		var sh []Share
		for i, w := range splitFields(weights) {
			x, err := decimal.NewFromString(w)
			if err != nil || x.Exponent() > 40 || x.Exponent() < -40 || x.NumDigits() > 40 {
				return
			}
			sh = append(sh, Share{ID: vocab.ID("c" + strconv.Itoa(i%50)), Weight: x})
		}
		r := DefaultRounding()
		if pence {
			r.Unit = Pence
		}
		if first {
			r.Policy = FloorThenFirst
		}
		got, err := Apportion(tot, sh, r)
		if err != nil {
			if !errors.Is(err, vocab.ErrInvalid) || len(vocab.AsProblems(err)) == 0 {
				t.Fatalf("error without problems: %v", err)
			}
			return
		}
		checkInvariants(t, tot, sh, got, r)
	})
}

func splitFields(s string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' {
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
			if len(out) > 200 {
				return out
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	return out
}

// mod7 orders indices by i mod 7, largest first, then by index.
type mod7 struct{}

func (mod7) better(a, b int32) bool {
	if a%7 != b%7 {
		return a%7 > b%7
	}
	return a < b
}

func TestApportionUnits(t *testing.T) {
	got, err := ApportionUnits(100, []int64{1, 1, 1}, []vocab.ID{"c", "b", "a"}, "")
	require.NoError(t, err)
	assert.Equal(t, []int64{33, 33, 34}, got)

	// Weights whose sum overflows 64 bits use big integers.
	huge := []int64{1, 1, 1 << 62, 1 << 62, 1 << 62}
	got, err = ApportionUnits(11, huge, []vocab.ID{"a", "b", "c", "d", "e"}, LargestRemainder)
	require.NoError(t, err)
	assert.Equal(t, []int64{0, 0, 4, 4, 3}, got)
	// Floor-then-first gives the two left-over units to the first IDs
	// whose quotas were cut short, however slightly.
	got, err = ApportionUnits(11, huge, []vocab.ID{"a", "b", "c", "d", "e"}, FloorThenFirst)
	require.NoError(t, err)
	assert.Equal(t, []int64{1, 1, 3, 3, 3}, got)

	for _, tc := range []struct {
		total   int64
		weights []int64
		ids     []vocab.ID
		policy  Policy
		field   string
	}{
		{0, []int64{1}, []vocab.ID{"a"}, "", "total"},
		{1, nil, nil, "", "weights"},
		{1, []int64{1}, nil, "", "ids"},
		{1, []int64{1, -1}, []vocab.ID{"a", "b"}, "", "weights[1]"},
		{1, []int64{0, 0}, []vocab.ID{"a", "b"}, "", "weights"},
		{1, []int64{1, 1}, []vocab.ID{"a", "a"}, "", "ids[1]"},
		{1, []int64{1}, []vocab.ID{"a"}, "odd", "policy"},
	} {
		_, err := ApportionUnits(tc.total, tc.weights, tc.ids, tc.policy)
		require.Error(t, err)
		assert.Equal(t, tc.field, vocab.AsProblems(err)[0].Field)
	}

	// The same answers as Apportion, over many random cases, and many
	// contributors to exercise the hashed duplicate check.
	rng := rand.New(rand.NewPCG(7, 11))
	for range 300 {
		n := 1 + rng.IntN(300)
		sh := randomShares(rng, n)
		weights := make([]int64, n)
		ids := make([]vocab.ID, n)
		for i, s := range sh {
			sh[i].Weight = s.Weight.Truncate(0)
			weights[i], ids[i] = sh[i].Weight.IntPart(), s.ID
		}
		if sh[0].Weight.Sign() == 0 {
			sh[0].Weight, weights[0] = decimal.NewFromInt(1), 1
		}
		total := 1 + rng.Int64N(1_000_000)
		policy := Policies()[rng.IntN(2)]
		a, err := Apportion(decimal.NewFromInt(total), sh, Rounding{Pounds, policy})
		require.NoError(t, err)
		b, err := ApportionUnits(total, weights, ids, policy)
		require.NoError(t, err)
		for i := range a {
			require.Equal(t, a[i].IntPart(), b[i])
		}
	}
	ids := make([]vocab.ID, 100)
	for i := range ids {
		ids[i] = vocab.ID("x" + strconv.Itoa(i%99))
	}
	_, err = ApportionUnits(5, make([]int64, 100), ids, "")
	assert.Equal(t, []string{"weights", "ids[99]"}, vocab.AsProblems(err).Fields())
}

func FuzzApportionUnits(f *testing.F) {
	f.Add(int64(389095), "240205 66426 15633 14555 14520 11440 11321 6948 5082 2415 550", false)
	f.Add(int64(11), "1 1 4611686018427387904 4611686018427387904 4611686018427387904", true)
	f.Add(int64(0), "1", false)
	f.Add(int64(7), "0 -1 3", true)
	f.Fuzz(func(t *testing.T, total int64, weights string, first bool) {
		var w []int64
		var ids []vocab.ID
		for i, s := range splitFields(weights) {
			x, err := strconv.ParseInt(s, 10, 64)
			if err != nil {
				return
			}
			w = append(w, x)
			ids = append(ids, vocab.ID("c"+strconv.Itoa(i%40)))
		}
		policy := LargestRemainder
		if first {
			policy = FloorThenFirst
		}
		got, err := ApportionUnits(total, w, ids, policy)
		if err != nil {
			if len(vocab.AsProblems(err)) == 0 {
				t.Fatalf("error without problems: %v", err)
			}
			return
		}
		sh := make([]Share, len(w))
		for i := range w {
			sh[i] = Share{ID: ids[i], Weight: decimal.NewFromInt(w[i])}
		}
		parts := make([]decimal.Decimal, len(got))
		for i, g := range got {
			parts[i] = decimal.NewFromInt(g)
		}
		checkInvariants(t, decimal.NewFromInt(total), sh, parts, Rounding{Pounds, policy})
	})
}

func TestKthLargest(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 8))
	for range 2000 {
		n := 1 + rng.IntN(300)
		distinct := 1 + rng.IntN(n)
		a := make([]uint64, n)
		for i := range a {
			a[i] = uint64(rng.IntN(distinct))
		}
		k := 1 + rng.IntN(n)
		sorted := slices.Clone(a)
		slices.Sort(sorted)
		want := sorted[n-k]
		require.Equal(t, want, kthLargest(a, k))
	}
}

// TestManyTies checks equal weights, where every remainder ties and IDs
// decide, for sizes that use quickselect.
func TestManyTies(t *testing.T) {
	for _, n := range []int{17, 100, 1001, 5000} {
		sh := make([]Share, n)
		weights := make([]int64, n)
		ids := make([]vocab.ID, n)
		for i := range sh {
			ids[i] = vocab.ID("c" + strconv.Itoa(n-i))
			sh[i] = Share{ID: ids[i], Weight: decimal.NewFromInt(7)}
			weights[i] = 7
		}
		total := int64(3*n + n/2)
		got, err := Apportion(decimal.NewFromInt(total), sh, DefaultRounding())
		require.NoError(t, err)
		checkInvariants(t, decimal.NewFromInt(total), sh, got, DefaultRounding())
		sorted := slices.Clone(ids)
		slices.Sort(sorted)
		lucky := map[vocab.ID]bool{}
		for _, id := range sorted[:n/2] {
			lucky[id] = true
		}
		for i, g := range got {
			want := int64(3)
			if lucky[ids[i]] {
				want = 4
			}
			require.Equal(t, want, g.IntPart(), "n=%d id=%s", n, ids[i])
		}
		units, err := ApportionUnits(total, weights, ids, LargestRemainder)
		require.NoError(t, err)
		for i := range units {
			require.Equal(t, got[i].IntPart(), units[i])
		}
	}
}
