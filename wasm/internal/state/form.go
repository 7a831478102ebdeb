package state

import (
	"strconv"
	"strings"

	"github.com/masa-go/masa/funding"
	"github.com/masa-go/masa/vocab"
)

// Form is what the user has typed into the scenario form, exactly as
// typed: numbers stay strings until they are parsed, so that a bad value
// can be shown back with its error and the URL can carry it. Empty
// optional fields mean "no change".
type Form struct {
	// Name is the scenario's name.
	Name string `json:"name,omitempty"`
	// Year is the first year of the financial year the scenario is for,
	// such as "2022" for 2022/23; empty means the year after the
	// baseline's.
	Year string `json:"year,omitempty"`
	// Budget is the total budget in pounds. It starts at the baseline
	// total; it is required.
	Budget string `json:"budget"`
	// Uplift is an uplift (or, negative, a cut) in percent applied to the
	// total budget and to fixed amounts and flat rates.
	Uplift string `json:"uplift,omitempty"`
	// ICB applies the 1 July 2022 merger of the clinical commissioning
	// groups into integrated care boards.
	ICB bool `json:"icb,omitempty"`
	// Method is how what remains after fixed amounts and flat rates is
	// shared: baseline shares, stated percentages or weights.
	Method funding.Method `json:"method,omitempty"`
	// Basis says what the weights measure, such as "population".
	Basis string `json:"basis,omitempty"`
	// Lines holds the inputs for each contributor, by organisation ID.
	Lines map[vocab.ID]LineForm `json:"lines,omitempty"`
	// Removed lists the baseline contributors taken out.
	Removed []vocab.ID `json:"removed,omitempty"`
	// Added lists new contributors, each paying a fixed amount.
	Added []Added `json:"added,omitempty"`
	// Unit and Policy choose the rounding.
	Unit   funding.Unit   `json:"unit,omitempty"`
	Policy funding.Policy `json:"policy,omitempty"`
}

// LineForm holds the inputs for one contributor. Rate and Members are
// for a line made of equal contributions from a group's members; they
// start at the baseline's values.
type LineForm struct {
	Fixed   string `json:"fixed,omitempty"`
	Rate    string `json:"rate,omitempty"`
	Members string `json:"members,omitempty"`
	Percent string `json:"percent,omitempty"`
	Weight  string `json:"weight,omitempty"`
	Cap     string `json:"cap,omitempty"`
	Floor   string `json:"floor,omitempty"`
}

// Added is a contributor the user adds, paying a fixed amount.
type Added struct {
	Name   string `json:"name"`
	Amount string `json:"amount"`
}

// Field names one input of the form. Per-contributor fields are written
// "kind:org", such as "fixed:essex-pfcc"; an added contributor's fields
// are "added-name:N" and "added-amount:N" with N counted from 0.
type Field string

// The form's fields that are not per contributor.
const (
	FieldName    Field = "name"
	FieldYear    Field = "year"
	FieldBudget  Field = "budget"
	FieldUplift  Field = "uplift"
	FieldICB     Field = "icb"
	FieldMethod  Field = "method"
	FieldBasis   Field = "basis"
	FieldUnit    Field = "unit"
	FieldPolicy  Field = "policy"
	FieldAdded   Field = "added"
	FieldGeneral Field = ""
)

// The kinds of per-contributor field.
const (
	KindFixed   = "fixed"
	KindRate    = "rate"
	KindMembers = "members"
	KindPercent = "percent"
	KindWeight  = "weight"
	KindCap     = "cap"
	KindFloor   = "floor"
	KindRemove  = "remove"
	KindAddName = "added-name"
	KindAddAmt  = "added-amount"
)

// LineField returns the field of kind for contributor org.
func LineField(kind string, org vocab.ID) Field { return Field(kind + ":" + string(org)) }

// Split returns a field's kind and its contributor or index; for a field
// that is not per contributor, kind is the whole field and key is empty.
func (f Field) Split() (kind, key string) {
	k, v, ok := strings.Cut(string(f), ":")
	if !ok {
		return string(f), ""
	}
	return k, v
}

// ID returns the field as an HTML element ID, such as
// "field-fixed-essex-pfcc".
func (f Field) ID() string {
	return "field-" + strings.ReplaceAll(string(f), ":", "-")
}

// ErrorID returns the ID of the element that holds the field's error
// message, for aria-describedby.
func (f Field) ErrorID() string { return f.ID() + "-error" }

// Line returns the inputs for contributor org.
func (f *Form) Line(org vocab.ID) LineForm { return f.Lines[org] }

// setLine changes the inputs for contributor org, dropping the entry
// when it is empty so the form (and its URL) stays small.
func (f *Form) setLine(org vocab.ID, l LineForm) {
	if l == (LineForm{}) {
		delete(f.Lines, org)
		return
	}
	if f.Lines == nil {
		f.Lines = map[vocab.ID]LineForm{}
	}
	f.Lines[org] = l
}

// IsRemoved reports whether contributor org is removed.
func (f *Form) IsRemoved(org vocab.ID) bool {
	for _, r := range f.Removed {
		if r == org {
			return true
		}
	}
	return false
}

// clone returns a deep copy of f.
func (f Form) clone() Form {
	g := f
	if f.Lines != nil {
		g.Lines = make(map[vocab.ID]LineForm, len(f.Lines))
		for k, v := range f.Lines {
			g.Lines[k] = v
		}
	}
	g.Removed = append([]vocab.ID(nil), f.Removed...)
	g.Added = append([]Added(nil), f.Added...)
	return g
}

// Value returns the text of field fd as the form holds it: "true" or
// "false" for the check boxes, the method, unit or policy for the
// choices, and the typed text otherwise.
func (f *Form) Value(fd Field) string {
	kind, key := fd.Split()
	switch Field(kind) {
	case FieldName:
		return f.Name
	case FieldYear:
		return f.Year
	case FieldBudget:
		return f.Budget
	case FieldUplift:
		return f.Uplift
	case FieldICB:
		return strconv.FormatBool(f.ICB)
	case FieldMethod:
		if f.Method == "" {
			return string(funding.BaselineShares)
		}
		return string(f.Method)
	case FieldBasis:
		return f.Basis
	case FieldUnit:
		return string(f.rounding().Unit)
	case FieldPolicy:
		return string(f.rounding().Policy)
	}
	switch kind {
	case KindRemove:
		return strconv.FormatBool(f.IsRemoved(vocab.ID(key)))
	case KindAddName, KindAddAmt:
		i, err := strconv.Atoi(key)
		if err != nil || i < 0 || i >= len(f.Added) {
			return ""
		}
		if kind == KindAddName {
			return f.Added[i].Name
		}
		return f.Added[i].Amount
	}
	l := f.Line(vocab.ID(key))
	switch kind {
	case KindFixed:
		return l.Fixed
	case KindRate:
		return l.Rate
	case KindMembers:
		return l.Members
	case KindPercent:
		return l.Percent
	case KindWeight:
		return l.Weight
	case KindCap:
		return l.Cap
	case KindFloor:
		return l.Floor
	}
	return ""
}

// rounding returns the form's rounding with the defaults filled in.
func (f *Form) rounding() funding.Rounding {
	return funding.Rounding{Unit: f.Unit, Policy: f.Policy}.OrDefault()
}
