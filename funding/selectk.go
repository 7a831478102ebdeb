package funding

import (
	"math/bits"
	"slices"
)

// order is a strict total order on indices.
type order interface {
	better(a, b int32) bool
}

// selectBest reorders idx so that its first k elements are the k best
// under the strict total order o, and returns them. The choice does
// not depend on the order of idx because o is a total order; the
// algorithm is quickselect with a median-of-three pivot, falling back to
// sorting when partitioning goes badly, so it takes linear time on
// average and n log n at worst.
func selectBest[O order](idx []int32, k int, o O) []int32 {
	if k >= len(idx) {
		return idx
	}
	lo, hi := 0, len(idx) // the k-th best lies in idx[lo:hi]
	budget := 2 * bits.Len(uint(len(idx)))
	for hi-lo > 16 {
		if budget == 0 {
			sortRange(idx[lo:hi], o)
			return idx[:k]
		}
		budget--
		p := partition(idx[lo:hi], o) + lo
		switch {
		case p == k:
			return idx[:k]
		case p < k:
			lo = p + 1
		default:
			hi = p
		}
	}
	sortRange(idx[lo:hi], o)
	return idx[:k]
}

// sortRange sorts s, best first, by insertion; it is used on short
// ranges, and on long ones only when quickselect has gone badly.
func sortRange[O order](s []int32, o O) {
	if len(s) > 32 {
		slices.SortFunc(s, func(a, b int32) int {
			switch {
			case o.better(a, b):
				return -1
			case o.better(b, a):
				return 1
			}
			return 0
		})
		return
	}
	for i := 1; i < len(s); i++ {
		x := s[i]
		j := i
		for ; j > 0 && o.better(x, s[j-1]); j-- {
			s[j] = s[j-1]
		}
		s[j] = x
	}
}

// partition partitions s around a median-of-three pivot: elements better
// than the pivot first, then the pivot, then the rest. It returns the
// pivot's index.
func partition[O order](s []int32, o O) int {
	n := len(s)
	a, b, c := 0, n/2, n-1
	if o.better(s[b], s[a]) {
		a, b = b, a
	}
	if o.better(s[c], s[b]) {
		b, c = c, b
		if o.better(s[b], s[a]) {
			a, b = b, a
		}
	}
	_ = a
	_ = c
	s[b], s[n-1] = s[n-1], s[b]
	pivot := s[n-1]
	store := 0
	for i := 0; i < n-1; i++ {
		if o.better(s[i], pivot) {
			s[i], s[store] = s[store], s[i]
			store++
		}
	}
	s[store], s[n-1] = s[n-1], s[store]
	return store
}
