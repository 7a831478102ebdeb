package vocab

import (
	"fmt"
	"strings"
)

// Term pairs a stable ID, used in code and input files, with the wording a
// partnership's published plan uses for it, such as the ID "face-to-face"
// for "face-to-face training".
type Term[T ~string] struct {
	// ID is the stable identifier.
	ID T
	// Label is the partnership's wording.
	Label string
}

// Terms is a fixed, ordered list of terms, such as the delivery methods of
// multi-agency training or the aims of independent scrutiny.
type Terms[T ~string] []Term[T]

// IDs returns the terms' IDs in order.
func (ts Terms[T]) IDs() []T {
	out := make([]T, len(ts))
	for i, t := range ts {
		out[i] = t.ID
	}
	return out
}

// Has reports whether id is one of the terms.
func (ts Terms[T]) Has(id T) bool {
	for _, t := range ts {
		if t.ID == id {
			return true
		}
	}
	return false
}

// Label returns the wording for id, or id itself when it is not a term.
func (ts Terms[T]) Label(id T) string {
	for _, t := range ts {
		if t.ID == id {
			return t.Label
		}
	}
	return string(id)
}

// Resolve maps wording taken from a partnership model, listed at field,
// back to IDs. Each entry must be exactly the Label of a term; every entry
// that is not is reported as a problem naming its index, such as
// "scrutiny.aims[2]". An empty list stands for every term.
func (ts Terms[T]) Resolve(field string, wording []string) (map[T]bool, Problems) {
	out := make(map[T]bool, len(ts))
	if len(wording) == 0 {
		for _, t := range ts {
			out[t.ID] = true
		}
		return out, nil
	}
	var ps Problems
	for i, w := range wording {
		found := false
		for _, t := range ts {
			if t.Label == w {
				out[t.ID], found = true, true
			}
		}
		if !found {
			names := make([]string, len(ts))
			for j, t := range ts {
				names[j] = fmt.Sprintf("%q", t.Label)
			}
			ps.Add(Invalid(fmt.Sprintf("%s[%d]", field, i), "known-term", w, "is not known wording; use one of "+strings.Join(names, ", ")))
		}
	}
	return out, ps
}

// InOrder returns the IDs of ts that are set in chosen, in the order of ts.
func (ts Terms[T]) InOrder(chosen map[T]bool) []T {
	var out []T
	for _, t := range ts {
		if chosen[t.ID] {
			out = append(out, t.ID)
		}
	}
	return out
}
