package funding

import (
	"github.com/masa-go/masa/vocab"
	"github.com/shopspring/decimal"
)

// Basis says how a contributor's amount is set.
type Basis string

// The bases.
const (
	// ShareBasis is a share of what remains of the budget after fixed
	// amounts and flat rates, by the scenario's sharing rule.
	ShareBasis Basis = "share"
	// FixedBasis is a fixed amount.
	FixedBasis Basis = "fixed"
	// FlatRateBasis is a rate for each of a group's members.
	FlatRateBasis Basis = "flat-rate"
)

// RoundingNote says what rounding did to one line.
type RoundingNote string

// The rounding notes.
const (
	// NotRounded is a fixed amount or flat rate, which is not rounded.
	NotRounded RoundingNote = "none"
	// Exact is a share whose exact quota was already a whole unit.
	Exact RoundingNote = "exact"
	// RoundedDown is a share whose quota was rounded down.
	RoundedDown RoundingNote = "down"
	// RoundedUp is a share whose quota was rounded down and then given
	// one of the left-over units by the rounding policy.
	RoundedUp RoundingNote = "up"
	// Capped is a share held down to its cap.
	Capped RoundingNote = "cap"
	// Floored is a share raised to its floor.
	Floored RoundingNote = "floor"
)

// Result is a scenario applied to its baseline: every contributor's
// amount for the year, how it was set, and a sentence for each change.
type Result struct {
	// Scenario is the scenario's name.
	Scenario string `json:"scenario"`
	// Year is the financial year of the result.
	Year vocab.FinancialYear `json:"year"`
	// BaselineYear is the year of the baseline table.
	BaselineYear vocab.FinancialYear `json:"baselineYear"`
	// Rounding is the unit and policy used.
	Rounding Rounding `json:"rounding"`
	// Total is the total budget; the lines sum to it exactly.
	Total Number `json:"total"`
	// Fixed is the part of the total taken by fixed amounts and flat
	// rates, and Shared the rest, shared by the sharing rule.
	Fixed  Number `json:"fixed"`
	Shared Number `json:"shared"`
	// Lines lists the contributors: the baseline's order, with a merged
	// or split contributor in the place of its first source and added
	// contributors at the end.
	Lines []ResultLine `json:"lines"`
	// Removed lists the baseline contributors the scenario removed.
	Removed []Removed `json:"removed,omitempty"`
	// Steps has one plain-English sentence for each change, in order.
	Steps []Step `json:"steps"`
}

// ResultLine is one contributor's amount and how it was set.
type ResultLine struct {
	// Org, Name and Role identify the contributor.
	Org  vocab.ID   `json:"org"`
	Name string     `json:"name"`
	Role vocab.Role `json:"role,omitempty"`
	// Amount is what the contributor pays.
	Amount Number `json:"amount"`
	// Basis says how the amount is set.
	Basis Basis `json:"basis"`
	// Members and Rate are set for a flat-rate line.
	Members int    `json:"members,omitempty"`
	Rate    Number `json:"rate,omitzero"`
	// Quota is a share's exact quota before rounding, cut (not rounded)
	// to four decimal places beyond the unit; empty for other bases.
	Quota Number `json:"quota,omitzero"`
	// Rounding says what rounding did.
	Rounding RoundingNote `json:"rounding"`
	// SetBy is the path of the change that set the line's basis, such as
	// "changes[2]", or "baseline".
	SetBy string `json:"setBy"`
	// Baseline is the comparable baseline amount: the contributor's own,
	// or what its sources paid (split by the mapping's percentages), or
	// zero for an added contributor.
	Baseline Number `json:"baseline"`
	// From lists the baseline contributors a merged or split contributor
	// stands for.
	From []vocab.ID `json:"from,omitempty"`
	// Explanation says in a sentence how the amount was reached.
	Explanation string `json:"explanation"`
}

// Removed is a baseline contributor the scenario removed.
type Removed struct {
	// Org and Name identify the contributor.
	Org  vocab.ID `json:"org"`
	Name string   `json:"name"`
	// Baseline is what it paid in the baseline.
	Baseline Number `json:"baseline"`
	// By is the path of the change that removed it.
	By string `json:"by"`
}

// Step is what one change did, as a record, with a plain-English sentence
// written from the record. The record is the calculation's own account:
// the browser app, the PDF or a caller may word it differently from the
// same fields. Which fields are set depends on Kind; amounts are in
// pounds.
type Step struct {
	// Change is the change's path, such as "changes[0]", or "projection"
	// for a projection's yearly uplift.
	Change string `json:"change"`
	// Kind is the change's kind (Uplift for a projection's uplift).
	Kind Kind `json:"kind"`
	// Org and Name are the contributor the change is about, if any.
	Org  vocab.ID `json:"org,omitempty"`
	Name string   `json:"name,omitempty"`
	// Basis is how the contributor pays after the change, and FromBasis
	// how it paid before, where the change sets it.
	Basis     Basis `json:"basis,omitempty"`
	FromBasis Basis `json:"fromBasis,omitempty"`
	// From and To are the amount the change moves: the total budget, a
	// contribution, a flat rate's yearly amount, a cap or a floor. From is
	// unset where there was nothing before.
	From Number `json:"from,omitzero"`
	To   Number `json:"to,omitzero"`
	// Unrounded is an uplift's exact result, when rounding to the unit
	// changed it.
	Unrounded Number `json:"unrounded,omitzero"`
	// Percent is an uplift's percentage, negative for a cut.
	Percent Number `json:"percent,omitzero"`
	// Rate and Members are a flat rate and the number it is charged for.
	Rate    Number `json:"rate,omitzero"`
	Members int    `json:"members,omitempty"`
	// Weight is an added contributor's weight in a share.
	Weight Number `json:"weight,omitzero"`
	// Scaled says that an uplift of the total budget also changed every
	// fixed amount and flat rate by the same percentage.
	Scaled bool `json:"scaled,omitempty"`
	// Rule is the sharing rule a Shares change sets.
	Rule *ShareRule `json:"rule,omitempty"`
	// Mapping is what a Remap change did.
	Mapping *MappingStep `json:"mapping,omitempty"`
	// Sentence says what the change did, with the amounts before and
	// after where it has them.
	Sentence string `json:"sentence"`
}

// MappingStep is what a mapping did: the sources it split between
// several targets, and the whole sources each target replaced or merged.
type MappingStep struct {
	Name   string      `json:"name,omitempty"`
	On     vocab.Date  `json:"on,omitzero"`
	Splits []SplitStep `json:"splits,omitempty"`
	Merges []MergeStep `json:"merges,omitempty"`
}

// SplitStep is a source split between several targets.
type SplitStep struct {
	From     vocab.ID    `json:"from"`
	FromName string      `json:"fromName"`
	Parts    []SplitPart `json:"parts"`
}

// SplitPart is the part of a split source that goes to one target.
type SplitPart struct {
	To      vocab.ID `json:"to"`
	ToName  string   `json:"toName"`
	Percent Number   `json:"percent"`
}

// MergeStep is a target and the sources that moved to it whole: one
// source it replaces (Replace), or several it merges.
type MergeStep struct {
	Into      vocab.ID   `json:"into"`
	IntoName  string     `json:"intoName"`
	From      []vocab.ID `json:"from"`
	FromNames []string   `json:"fromNames"`
	Replace   bool       `json:"replace,omitempty"`
}

// Sentences returns the steps' sentences in order.
func (r *Result) Sentences() []string {
	out := make([]string, len(r.Steps))
	for i, s := range r.Steps {
		out[i] = s.Sentence
	}
	return out
}

// Line returns the line for contributor org.
func (r *Result) Line(org vocab.ID) (ResultLine, bool) {
	for _, l := range r.Lines {
		if l.Org == org {
			return l, true
		}
	}
	return ResultLine{}, false
}

// Comparison sets a result beside its baseline, contributor by
// contributor.
type Comparison struct {
	// Scenario, BaselineYear, Year and Rounding are the result's.
	Scenario     string              `json:"scenario"`
	BaselineYear vocab.FinancialYear `json:"baselineYear"`
	Year         vocab.FinancialYear `json:"year"`
	Rounding     Rounding            `json:"rounding"`
	// Rows follow the result's lines, then the removed contributors.
	Rows []Row `json:"rows"`
	// Total compares the totals.
	Total Row `json:"total"`
}

// Row compares one contributor's baseline and scenario amounts.
type Row struct {
	// Org is empty in the total row.
	Org vocab.ID `json:"org,omitempty"`
	// Name is the contributor's name, or "Total".
	Name string `json:"name"`
	// From lists the baseline contributors a merged or split contributor
	// stands for; Old is what they paid.
	From []vocab.ID `json:"from,omitempty"`
	Old  Number     `json:"old"`
	// New is the scenario's amount.
	New Number `json:"new"`
	// Change is New − Old.
	Change Number `json:"change"`
	// Percent is Change as a percentage of Old, rounded half away from
	// zero to two places; it is not set when Old is zero.
	Percent Number `json:"percent,omitzero"`
}

// Compare compares the result with its baseline: for each contributor the
// old and new amounts, the change and the percentage change, and the same
// for the totals. A merged or split contributor is compared with what its
// sources paid; a removed one appears with a new amount of zero.
func (r *Result) Compare() *Comparison {
	places := r.Rounding.Unit.Places()
	c := &Comparison{Scenario: r.Scenario, BaselineYear: r.BaselineYear, Year: r.Year, Rounding: r.Rounding, Rows: []Row{}}
	oldSum, newSum := decimal.Zero, decimal.Zero
	for _, l := range r.Lines {
		c.Rows = append(c.Rows, row(l.Org, l.Name, l.From, l.Baseline.Decimal(), l.Amount.Decimal(), places))
		oldSum = oldSum.Add(l.Baseline.Decimal())
		newSum = newSum.Add(l.Amount.Decimal())
	}
	for _, x := range r.Removed {
		c.Rows = append(c.Rows, row(x.Org, x.Name, nil, x.Baseline.Decimal(), decimal.Zero, places))
		oldSum = oldSum.Add(x.Baseline.Decimal())
	}
	c.Total = row("", "Total", nil, oldSum, newSum, places)
	return c
}

func row(org vocab.ID, name string, from []vocab.ID, was, now decimal.Decimal, places int32) Row {
	ch := now.Sub(was)
	rw := Row{Org: org, Name: name, From: from, Old: money(was, places), New: money(now, places), Change: money(ch, places)}
	if was.Sign() != 0 {
		rw.Percent = Num(ch.Mul(hundred).DivRound(was, 2).Round(2))
	}
	return rw
}

// money returns d as a Number written with exactly places decimals.
func money(d decimal.Decimal, places int32) Number {
	return Num(d.Round(places))
}
