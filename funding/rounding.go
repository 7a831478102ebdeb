package funding

import (
	"github.com/masa-go/masa/vocab"
)

// Unit is the smallest amount a contribution is rounded to.
type Unit string

// The rounding units.
const (
	// Pounds rounds to whole pounds, as in the published Essex table.
	Pounds Unit = "pounds"
	// Pence rounds to whole pence.
	Pence Unit = "pence"
)

// Units lists the units.
func Units() []Unit { return []Unit{Pounds, Pence} }

// Places returns the number of decimal places of a sum in pounds rounded
// to the unit: 0 for Pounds and 2 for Pence.
func (u Unit) Places() int32 {
	if u == Pence {
		return 2
	}
	return 0
}

// Valid reports whether u is a known unit.
func (u Unit) Valid() bool { return u == Pounds || u == Pence }

// Label returns the unit's English name, "whole pounds" or "pence".
func (u Unit) Label() string {
	if u == Pence {
		return "pence"
	}
	return "whole pounds"
}

// Policy names the rule that decides which parts receive the units left
// over after every exact quota is rounded down.
type Policy string

// The rounding policies.
const (
	// LargestRemainder is the largest remainder (Hamilton) method: every
	// part first gets its quota rounded down to the unit; the units left
	// over go one each to the parts with the largest remainders, ties
	// broken by contributor ID in byte order. The result never depends on
	// the order of the input, and each part is within one unit of its
	// exact quota.
	LargestRemainder Policy = "largest-remainder"
	// FloorThenFirst is the rule integer money libraries commonly use:
	// round every quota down, then hand the left-over units one each to the
	// first parts. Here "first" means first by contributor ID, not by input
	// order, and only parts whose quota was not already a whole number of
	// units are eligible, so a zero-weight part never receives a unit and
	// each part stays within one unit of its exact quota. It is offered for
	// comparison: it favours contributors whose IDs sort early.
	FloorThenFirst Policy = "floor-then-first"
)

// Policies lists the policies, the recommended one first.
func Policies() []Policy { return []Policy{LargestRemainder, FloorThenFirst} }

// Valid reports whether p is a known policy.
func (p Policy) Valid() bool { return p == LargestRemainder || p == FloorThenFirst }

// Label returns a short English description of the policy.
func (p Policy) Label() string {
	switch p {
	case LargestRemainder:
		return "largest remainder, ties by contributor ID"
	case FloorThenFirst:
		return "round down, then one unit each to the first contributors by ID"
	}
	return string(p)
}

// Rounding is a unit and a policy. The zero Rounding means whole pounds
// with the largest remainder method: see [Rounding.OrDefault].
type Rounding struct {
	// Unit is what amounts are rounded to.
	Unit Unit `json:"unit"`
	// Policy decides who gets the units left over.
	Policy Policy `json:"policy"`
}

// DefaultRounding returns whole pounds by the largest remainder method, the
// convention of published funding tables. It is a function, not a
// variable, so that no caller can change the default for everyone.
func DefaultRounding() Rounding { return Rounding{Unit: Pounds, Policy: LargestRemainder} }

// OrDefault returns r with an empty unit or policy replaced by the
// default's.
func (r Rounding) OrDefault() Rounding {
	if r.Unit == "" {
		r.Unit = DefaultRounding().Unit
	}
	if r.Policy == "" {
		r.Policy = DefaultRounding().Policy
	}
	return r
}

// Check returns the problems with r, naming fields under prefix (such as
// "rounding"). Empty fields are allowed and mean the default.
func (r Rounding) Check(prefix string) vocab.Problems {
	var ps vocab.Problems
	if r.Unit != "" && !r.Unit.Valid() {
		ps.Add(vocab.Invalid(join(prefix, "unit"), "one-of", string(r.Unit), `is not a rounding unit; use "pounds" or "pence"`))
	}
	if r.Policy != "" && !r.Policy.Valid() {
		ps.Add(vocab.Invalid(join(prefix, "policy"), "one-of", string(r.Policy), `is not a rounding policy; use "largest-remainder" or "floor-then-first"`))
	}
	return ps
}

// join joins JSON path elements with a dot, skipping an empty prefix.
func join(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}
