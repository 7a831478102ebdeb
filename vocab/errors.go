package vocab

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors. Every error returned by the masa packages for bad input
// matches ErrInvalid with errors.Is; the others add a more specific reason.
var (
	// ErrInvalid reports input that breaks a rule: a field with a bad
	// value, a missing field, or a combination that is not allowed.
	ErrInvalid = errors.New("invalid input")
	// ErrNotFound reports a reference to something that does not exist,
	// such as an unknown organisation ID or lead area.
	ErrNotFound = errors.New("not found")
	// ErrConflict reports two facts or changes that contradict each other.
	ErrConflict = errors.New("conflict")
)

// FieldError describes one problem with one field of the input.
//
// Field is the path of the field, in the JSON names of the input, such as
// "statutoryPartners[2].role". Rule names the rule that was broken (for
// example "required", "unique" or "health-body"), Value is the offending
// value as text, and Message says what is wrong in a sentence fragment.
// Citation, when set, names the legislation, guidance or source document
// the rule comes from.
type FieldError struct {
	Field    string    `json:"field"`
	Rule     string    `json:"rule"`
	Value    string    `json:"value"`
	Message  string    `json:"message"`
	Citation *Citation `json:"citation,omitempty"`
	// Kind is ErrInvalid, ErrNotFound or ErrConflict; nil means ErrInvalid.
	Kind error `json:"-"`
}

// Error formats the problem as "field: message (value "v")".
func (e *FieldError) Error() string {
	var b strings.Builder
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	b.WriteString(e.Message)
	fmt.Fprintf(&b, " (value %q", e.Value)
	if e.Rule != "" {
		fmt.Fprintf(&b, ", rule %s", e.Rule)
	}
	b.WriteString(")")
	if e.Citation != nil {
		fmt.Fprintf(&b, " [%s]", e.Citation)
	}
	return b.String()
}

// Is reports whether target is ErrInvalid or the error's Kind.
func (e *FieldError) Is(target error) bool {
	if target == ErrInvalid {
		return true
	}
	return e.Kind != nil && target == e.Kind
}

// Invalid returns a FieldError of kind ErrInvalid.
func Invalid(field, rule, value, message string) *FieldError {
	return &FieldError{Field: field, Rule: rule, Value: value, Message: message}
}

// NotFound returns a FieldError of kind ErrNotFound.
func NotFound(field, value, message string) *FieldError {
	return &FieldError{Field: field, Rule: "exists", Value: value, Message: message, Kind: ErrNotFound}
}

// Conflict returns a FieldError of kind ErrConflict.
func Conflict(field, rule, value, message string) *FieldError {
	return &FieldError{Field: field, Rule: rule, Value: value, Message: message, Kind: ErrConflict}
}

// Problems is a list of every problem found in one piece of input. It is
// returned as an error so that callers see all problems at once, not only
// the first. A nil or empty Problems is not an error: use [Problems.Err].
type Problems []*FieldError

// Add appends a problem.
func (p *Problems) Add(e *FieldError) { *p = append(*p, e) }

// Err returns nil when there are no problems and p otherwise.
func (p Problems) Err() error {
	if len(p) == 0 {
		return nil
	}
	return p
}

// Error lists every problem, one per line after a count.
func (p Problems) Error() string {
	switch len(p) {
	case 0:
		return "no problems"
	case 1:
		return p[0].Error()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d problems:", len(p))
	for _, e := range p {
		b.WriteString("\n  ")
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap returns the individual problems, so errors.Is and errors.As see
// each of them.
func (p Problems) Unwrap() []error {
	out := make([]error, len(p))
	for i, e := range p {
		out[i] = e
	}
	return out
}

// Fields returns the distinct field paths that have problems, in order of
// first appearance.
func (p Problems) Fields() []string {
	seen := make(map[string]bool, len(p))
	var out []string
	for _, e := range p {
		if !seen[e.Field] {
			seen[e.Field] = true
			out = append(out, e.Field)
		}
	}
	return out
}

// AsProblems returns the problems in err: the list itself when err is
// Problems, a one-element list when err wraps a single *FieldError, and nil
// otherwise.
func AsProblems(err error) Problems {
	var ps Problems
	if errors.As(err, &ps) {
		return ps
	}
	var fe *FieldError
	if errors.As(err, &fe) {
		return Problems{fe}
	}
	return nil
}
