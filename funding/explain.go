package funding

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/masa-go/masa/vocab"
	"github.com/shopspring/decimal"
)

// This file writes every sentence that explains a scenario's steps. The
// calculation in apply.go records what each change did as a Step; the
// words come from that record here, so changing the wording never touches
// the arithmetic.

// sentence writes the sentence for step s, in the state's year and unit.
func (st *state) sentence(s *Step) string {
	switch s.Kind {
	case SetTotal:
		verb := raiseOrCut(s.From.Decimal(), s.To.Decimal())
		if verb == "Keep" {
			return fmt.Sprintf("Keep the total budget at %s for %s.", st.pounds(s.From.Decimal()), st.year)
		}
		return fmt.Sprintf("%s the total budget from %s to %s for %s.", verb, st.pounds(s.From.Decimal()), st.pounds(s.To.Decimal()), st.year)
	case Uplift:
		if s.Org == "" {
			return st.upliftAllSentence(s)
		}
		return st.upliftOneSentence(s)
	case Fixed:
		return fmt.Sprintf("Fix the contribution of %s at %s.", s.Name, st.pounds(s.To.Decimal()))
	case FlatRate:
		return fmt.Sprintf("Charge %s %s for each of %d members (%s).", s.Name, st.pounds(s.Rate.Decimal()), s.Members, st.pounds(s.To.Decimal()))
	case Shares:
		return "Share what remains after fixed amounts and flat rates " + ruleText(*s.Rule, st.baselineYear, st.names) + "."
	case Cap:
		return fmt.Sprintf("Cap the contribution of %s at %s.", s.Name, st.pounds(s.To.Decimal()))
	case Floor:
		return fmt.Sprintf("Set a floor of %s under the contribution of %s.", st.pounds(s.To.Decimal()), s.Name)
	case Add:
		return fmt.Sprintf("Add %s as a contributor, %s.", s.Name, st.addedHow(s))
	case Remove:
		return fmt.Sprintf("Remove %s as a contributor; what it paid is shared among the others.", s.Name)
	case Remap:
		return st.mappingSentence(s.Mapping)
	}
	return ""
}

// upliftAllSentence explains an uplift of the total budget.
func (st *state) upliftAllSentence(s *Step) string {
	out := fmt.Sprintf("%s the total budget by %s, from %s to %s for %s", upOrDown(s.Percent), percentText(s.Percent), st.pounds(s.From.Decimal()), st.pounds(s.To.Decimal()), st.year)
	if s.Unrounded.IsSet() {
		// Show the exact amount with at least whole pence.
		exact := s.Unrounded.Decimal()
		out += fmt.Sprintf(" (%s before rounding to %s)", pounds(exact, max(2, Num(exact.Truncate(20)).trimmed())), st.rounding.Unit.Label())
	}
	if s.Scaled {
		out += "; fixed amounts and flat rates change by the same percentage, each rounded to " + st.rounding.Unit.Label()
	}
	return out + "."
}

// upliftOneSentence explains an uplift of one contributor's amount.
func (st *state) upliftOneSentence(s *Step) string {
	verb, pct := upOrDown(s.Percent), percentText(s.Percent)
	switch s.FromBasis {
	case FlatRateBasis:
		return fmt.Sprintf("%s the rate charged to %s by %s, from %s to %s for each of %d members (%s).", verb, s.Name, pct, st.pounds(s.From.Decimal()), st.pounds(s.Rate.Decimal()), s.Members, st.pounds(s.To.Decimal()))
	case FixedBasis:
		return fmt.Sprintf("%s the fixed contribution of %s by %s, from %s to %s.", verb, s.Name, pct, st.pounds(s.From.Decimal()), st.pounds(s.To.Decimal()))
	}
	return fmt.Sprintf("%s the contribution of %s by %s, from its %s amount of %s to a fixed %s.", verb, s.Name, pct, st.baselineYear, st.pounds(s.From.Decimal()), st.pounds(s.To.Decimal()))
}

// addedHow says how an added contributor pays.
func (st *state) addedHow(s *Step) string {
	switch s.Basis {
	case FixedBasis:
		return "paying a fixed " + st.pounds(s.To.Decimal())
	case ShareBasis:
		return "paying a share with weight " + s.Weight.String() + " (as if it had paid " + st.pounds(s.Weight.Decimal()) + " in " + st.baselineYear.String() + ")"
	}
	return fmt.Sprintf("paying %s for each of %d members (%s)", st.pounds(s.Rate.Decimal()), s.Members, st.pounds(s.To.Decimal()))
}

// mappingSentence explains what a mapping did, with a note when it took
// effect part-way through the year or after it.
func (st *state) mappingSentence(m *MappingStep) string {
	var parts []string
	for _, sp := range m.Splits {
		to := make([]string, len(sp.Parts))
		for i, p := range sp.Parts {
			to[i] = percentText(p.Percent) + " to " + p.ToName
		}
		parts = append(parts, "split "+sp.FromName+": "+vocab.JoinAnd(to))
	}
	for _, mg := range m.Merges {
		if mg.Replace {
			parts = append(parts, "replace "+mg.FromNames[0]+" by "+mg.IntoName)
		} else {
			parts = append(parts, "merge "+vocab.JoinAnd(mg.FromNames)+" into "+mg.IntoName)
		}
	}
	title := "Apply the mapping"
	if m.Name != "" {
		title += " " + m.Name
	}
	note := ""
	switch {
	case m.On.IsZero():
	case m.On.After(st.year.End()):
		note = fmt.Sprintf(" The mapping takes effect on %s, after %s ends.", m.On.Long(), st.year)
	case m.On.After(st.year.Start()):
		note = fmt.Sprintf(" The mapping took effect on %s, part-way through %s; the whole year is charged to the new contributors.", m.On.Long(), st.year)
	}
	return title + ": " + vocab.JoinAnd(parts) + "." + note
}

// upOrDown is "Raise" for a positive or zero percentage and "Cut" for a
// negative one.
func upOrDown(percent Number) string {
	if percent.Decimal().Sign() < 0 {
		return "Cut"
	}
	return "Raise"
}

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
