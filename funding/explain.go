package funding

import (
	"math/big"
	"strings"

	"github.com/masa-go/masa/vocab"
	"github.com/shopspring/decimal"
)

// pounds formats d as "£389,095" (whole pounds) or "£1,210.50" (pence).
func pounds(d decimal.Decimal, places int32) string { return vocab.FormatPounds(d, places) }

// percentText formats a percentage without its sign, such as "2.5%".
func percentText(n Number) string {
	return strings.TrimPrefix(n.String(), "-") + "%"
}

// raiseOrCut returns the verb for a change from was to now.
func raiseOrCut(was, now decimal.Decimal) string {
	switch was.Cmp(now) {
	case -1:
		return "Raise"
	case 1:
		return "Cut"
	}
	return "Keep"
}

// ratDecimal returns r cut (towards zero) to places decimal places.
func ratDecimal(r *big.Rat, places int32) decimal.Decimal {
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil)
	num := new(big.Int).Mul(r.Num(), scale)
	num.Quo(num, r.Denom())
	return decimal.NewFromBigInt(num, -places)
}

// ruleText describes a share rule as a phrase, such as "in proportion to
// the 2020/21 contributions".
func ruleText(r ShareRule, year vocab.FinancialYear, name func(vocab.ID) string) string {
	switch r.Method {
	case Equal:
		return "in equal shares"
	case Weights:
		if r.Basis != "" {
			return "in proportion to " + r.Basis
		}
		return "in proportion to the stated weights"
	case Percentages:
		parts := make([]string, len(r.Parts))
		for i, p := range r.Parts {
			parts[i] = percentText(p.Percent) + " to " + partLabel(p, name) + " (" + ruleText(p.ShareRule, year, name) + ")"
		}
		return "by stated percentages: " + vocab.JoinAnd(parts)
	}
	return "in proportion to the " + year.String() + " contributions"
}

// partLabel names a part of a percentages rule.
func partLabel(p Part, name func(vocab.ID) string) string {
	if p.Label != "" {
		return p.Label
	}
	if p.Role != "" {
		return p.Role.Label()
	}
	names := make([]string, len(p.Orgs))
	for i, o := range p.Orgs {
		names[i] = name(o)
	}
	return vocab.JoinAnd(names)
}
