package funding

import (
	"bytes"
	"encoding/json"
	"strconv"

	"github.com/masa-go/masa/vocab"
	"github.com/shopspring/decimal"
)

// Number is an exact decimal number used for sums of money, rates,
// percentages and weights in scenario files. The zero Number is "not
// given", distinct from a given zero: see [Number.IsSet].
//
// In JSON a Number is written as a string of digits with an optional
// leading minus sign and at most one decimal point, such as "389095",
// "1210.50" or "-2.5". A bare JSON number without an exponent (2.5) is read
// the same way, from its exact text. Exponents, thousands separators,
// currency signs, spaces and anything else are rejected, never guessed at.
// A Number keeps the number of decimal places it was written with, so
// "1210.50" encodes back to "1210.50".
type Number struct {
	d   decimal.Decimal
	set bool
}

// MaxNumberDigits bounds the digits accepted in a Number, before and after
// the point together, so that hostile input cannot make arithmetic slow.
const MaxNumberDigits = 30

// Num returns the Number with value d.
func Num(d decimal.Decimal) Number { return Number{d: d, set: true} }

// Int returns the Number with integer value i.
func Int(i int64) Number { return Num(decimal.NewFromInt(i)) }

// ParseNumber parses s as a Number. The error is a *vocab.FieldError of
// kind ErrInvalid naming field and the value.
func ParseNumber(field, s string) (Number, error) {
	if msg := numberProblem(s); msg != "" {
		return Number{}, vocab.Invalid(field, "number", s, msg)
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return Number{}, vocab.Invalid(field, "number", s, "is not a decimal number such as 1210 or 2.5")
	}
	return Num(d), nil
}

// MustNumber parses s and panics on error. It is meant for constants in
// programs and tests, never for input.
func MustNumber(s string) Number {
	n, err := ParseNumber("number", s)
	if err != nil {
		panic(err)
	}
	return n
}

func numberProblem(s string) string {
	if s == "" {
		return "is empty; give a decimal number such as 1210 or 2.5"
	}
	body := s
	if body[0] == '-' {
		body = body[1:]
	}
	digits := 0
	point := false
	for i := 0; i < len(body); i++ {
		c := body[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !point && i > 0 && i < len(body)-1:
			point = true
		default:
			return "is not a decimal number such as 1210 or 2.5 (digits, an optional minus sign and one decimal point only)"
		}
	}
	if digits == 0 {
		return "is not a decimal number such as 1210 or 2.5"
	}
	if digits > MaxNumberDigits {
		return "has more than " + strconv.Itoa(MaxNumberDigits) + " digits"
	}
	return ""
}

// IsSet reports whether the number was given.
func (n Number) IsSet() bool { return n.set }

// IsZero reports whether the number was not given; it lets encoding/json
// omit unset numbers with the omitzero option. A given zero is not
// IsZero.
func (n Number) IsZero() bool { return !n.set }

// Decimal returns the value; an unset Number is zero.
func (n Number) Decimal() decimal.Decimal { return n.d }

// Places returns the number of digits after the decimal point the number
// was written with (0 for "1210", 2 for "1210.50").
func (n Number) Places() int32 {
	if e := n.d.Exponent(); e < 0 {
		return -e
	}
	return 0
}

// String returns the number as written, without exponent, such as
// "1210.50"; an unset Number is "".
func (n Number) String() string {
	if !n.set {
		return ""
	}
	return n.d.StringFixed(n.Places())
}

// MarshalJSON encodes the number as a JSON string, such as "1210.50".
func (n Number) MarshalJSON() ([]byte, error) {
	return strconv.AppendQuote(nil, n.String()), nil
}

// UnmarshalJSON decodes a JSON string or a JSON number without exponent.
// Errors are *vocab.FieldError values naming the offending text.
func (n *Number) UnmarshalJSON(b []byte) error {
	var s string
	switch {
	case len(b) > 0 && b[0] == '"':
		if err := json.Unmarshal(b, &s); err != nil {
			return vocab.Invalid("", "number", string(b), "is not a decimal number string")
		}
	case bytes.Equal(b, []byte("null")):
		return vocab.Invalid("", "number", "null", "must be a decimal number string such as \"1210\", not null")
	default:
		s = string(b)
	}
	v, err := ParseNumber("", s)
	if err != nil {
		return err
	}
	*n = v
	return nil
}

// decText formats d for messages without depending on the decimal
// package's global formatting settings: plain digits, or scientific
// notation for absurdly long numbers.
func decText(d decimal.Decimal) string {
	e := d.Exponent()
	if e > 40 || e < -40 || d.NumDigits() > 60 {
		return d.ScientificNotationString()
	}
	return Num(d).String()
}

// trimmed returns the number of decimal places needed to write the
// number without trailing zeros.
func (n Number) trimmed() int32 {
	p := n.Places()
	str := n.String()
	for p > 0 && str[len(str)-1] == '0' {
		str = str[:len(str)-1]
		p--
	}
	return p
}
