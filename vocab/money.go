package vocab

import (
	"strings"

	"github.com/shopspring/decimal"
)

// MaxMoneyDigits bounds the number of digits accepted in a sum of money,
// so that hostile input such as "1e100000" cannot make arithmetic slow.
// 18 digits before the point is far beyond any public budget.
const MaxMoneyDigits = 18

// ParseMoney parses a sum in pounds written as plain decimal digits with an
// optional sign and at most places digits after the point, such as
// "389095", "1210.50" or "-42". Thousands separators, currency signs,
// exponents and surrounding spaces are rejected rather than guessed at. The
// error names field and the value.
func ParseMoney(field, s string, places int32) (decimal.Decimal, error) {
	bad := func(msg string) (decimal.Decimal, error) {
		return decimal.Decimal{}, Invalid(field, "money", s, msg)
	}
	if s == "" {
		return bad("is empty; give an amount in pounds such as 1210 or 1210.50")
	}
	body := s
	if body[0] == '-' || body[0] == '+' {
		body = body[1:]
	}
	intPart, frac, hasPoint := strings.Cut(body, ".")
	if intPart == "" || (hasPoint && frac == "") {
		return bad("is not an amount in pounds such as 1210 or 1210.50")
	}
	for _, part := range []string{intPart, frac} {
		for i := 0; i < len(part); i++ {
			if part[i] < '0' || part[i] > '9' {
				return bad("is not an amount in pounds such as 1210 or 1210.50 (digits and one decimal point only)")
			}
		}
	}
	if len(strings.TrimLeft(intPart, "0")) > MaxMoneyDigits {
		return bad("is too large (more than 18 digits before the decimal point)")
	}
	if int32(len(frac)) > places {
		if places == 0 {
			return bad("has pence, but amounts here are whole pounds")
		}
		return bad("has more decimal places than the unit allows (at most " + decimal.NewFromInt32(places).String() + ")")
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return bad("is not an amount in pounds")
	}
	return d, nil
}

// FormatPounds formats d as pounds with a £ sign and thousands separators,
// with exactly places decimal places: FormatPounds(389095, 0) is
// "£389,095" and FormatPounds(-1210.5, 2) is "-£1,210.50". The value is
// rounded half away from zero to places first.
func FormatPounds(d decimal.Decimal, places int32) string {
	s := d.Round(places).StringFixed(places)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	b.WriteString("£")
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}
