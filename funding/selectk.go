package funding

import (
	"math/bits"
	"slices"
)

// selectBest reorders idx so that its first k elements are the k best
// under the strict total order better, and returns them. The choice does
// not depend on the order of idx because better is a total order; the
// algorithm is quickselect with a median-of-three pivot, falling back to
// sorting when partitioning goes badly, so it takes linear time on
// average and n log n at worst.
func selectBest(idx []int32, k int, better func(a, b int32) bool) []int32 {
	if k >= len(idx) {
		return idx
	}
	lo, hi := 0, len(idx) // the k-th best lies in idx[lo:hi]
	budget := 2 * bits.Len(uint(len(idx)))
	for hi-lo > 16 {
		if budget == 0 {
			sortRange(idx[lo:hi], better)
			return idx[:k]
		}
		budget--
		p := partition(idx[lo:hi], better) + lo
		switch {
		case p == k:
			return idx[:k]
		case p < k:
			lo = p + 1
		default:
			hi = p
		}
	}
	sortRange(idx[lo:hi], better)
	return idx[:k]
}

func sortRange(s []int32, better func(a, b int32) bool) {
	slices.SortFunc(s, func(a, b int32) int {
		switch {
		case better(a, b):
			return -1
		case better(b, a):
			return 1
		}
		return 0
	})
}

// partition partitions s around a median-of-three pivot: elements better
// than the pivot first, then the pivot, then the rest. It returns the
// pivot's index.
func partition(s []int32, better func(a, b int32) bool) int {
	n := len(s)
	a, b, c := 0, n/2, n-1
	if better(s[b], s[a]) {
		a, b = b, a
	}
	if better(s[c], s[b]) {
		b, c = c, b
		if better(s[b], s[a]) {
			a, b = b, a
		}
	}
	_ = a
	_ = c
	s[b], s[n-1] = s[n-1], s[b]
	pivot := s[n-1]
	store := 0
	for i := 0; i < n-1; i++ {
		if better(s[i], pivot) {
			s[i], s[store] = s[store], s[i]
			store++
		}
	}
	s[store], s[n-1] = s[n-1], s[store]
	return store
}
