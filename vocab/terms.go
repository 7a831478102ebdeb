package vocab

// Term pairs a stable ID, used in code and input files, with the wording a
// partnership's file gives it, such as the ID "face-to-face" for
// "face-to-face training". Code compares IDs only; the wording is for
// printing.
type Term[T ~string] struct {
	// ID is the stable identifier.
	ID T `json:"id"`
	// Label is the partnership's wording.
	Label string `json:"label"`
}

// Terms is an ordered list of terms, such as one partnership's delivery
// methods of multi-agency training or aims of independent scrutiny.
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
