package funding

import (
	"fmt"
	"io"

	"github.com/masa-go/masa/vocab"
)

// Scenario is a named what-if: a baseline funding table and an ordered
// list of changes to it, for a financial year. Changes stack in order:
// each one acts on the contributors and rules left by those before it.
// Two changes that set the same thing (the total budget twice, or two
// amounts for one contributor) are reported as a conflict rather than the
// later silently winning.
//
// A Scenario is plain data that encodes to deterministic JSON with
// amounts as decimal strings ([Scenario.MarshalJSON] /
// [EncodeScenario]), and is read back strictly by [ParseScenario], so it
// can be saved to a file or shared in a URL.
type Scenario struct {
	// Name is a short title, such as "ICB merger at £400,000".
	Name string `json:"name"`
	// Year is the financial year the scenario is for. Zero means the
	// baseline's year.
	Year vocab.FinancialYear `json:"year,omitempty"`
	// Rounding is the unit and policy amounts are rounded by. Empty
	// fields mean whole pounds by the largest remainder method.
	Rounding Rounding `json:"rounding"`
	// Baseline is the table the changes start from.
	Baseline Baseline `json:"baseline"`
	// Changes are applied in order.
	Changes []Change `json:"changes"`
}

// Baseline is a published (or agreed) funding table: who paid what in a
// year. By default each contributor's baseline amount is its weight when
// what remains of the budget is shared out, except for lines made of
// equal contributions from a group's members, which keep their flat rate.
type Baseline struct {
	// Partnership names the partnership, for display.
	Partnership string `json:"partnership,omitempty"`
	// Year is the financial year of the table.
	Year vocab.FinancialYear `json:"year"`
	// Lines lists the contributors in the table's order.
	Lines []Line `json:"lines"`
}

// Line is one contributor's line in a baseline table.
type Line struct {
	// Org identifies the contributor; IDs must be distinct.
	Org vocab.ID `json:"org"`
	// Name is the contributor's name as it should be printed.
	Name string `json:"name"`
	// Role is the statutory partner role the contributor pays for, if
	// any; a shares change can split the budget by role.
	Role vocab.Role `json:"role,omitempty"`
	// Amount is the contribution in pounds.
	Amount Number `json:"amount"`
	// Members and Rate describe a line made of equal contributions from a
	// group's members, such as 12 councils at £1,210 each; Amount must
	// then be Members × Rate.
	Members int    `json:"members,omitempty"`
	Rate    Number `json:"rate,omitzero"`
}

// Total returns the sum of the baseline's amounts.
func (b Baseline) Total() Number {
	sum := Int(0).Decimal()
	for _, l := range b.Lines {
		sum = sum.Add(l.Amount.Decimal())
	}
	return Num(sum)
}

// Kind names what a change does.
type Kind string

// The kinds of change. The fields each kind takes are listed with it;
// giving a field that a kind does not use is an error, not ignored.
const (
	// SetTotal sets the total budget: Amount.
	SetTotal Kind = "set-total"
	// Uplift raises (or, with a negative Percent, cuts) by Percent. With
	// no Org it applies to the total budget and to every fixed amount and
	// flat rate set so far, each rounded to the unit. With Org it applies
	// to that contributor alone: its fixed amount or flat rate, or, for a
	// contributor paying a share, its baseline amount, which then becomes
	// its fixed amount.
	Uplift Kind = "uplift"
	// Fixed makes contributor Org pay a fixed Amount, taken from the
	// budget before any sharing.
	Fixed Kind = "fixed"
	// FlatRate makes contributor Org pay Rate for each of Members members;
	// either may be left out to keep the current value.
	FlatRate Kind = "flat-rate"
	// Shares sets how what remains of the budget, after fixed amounts and
	// flat rates, is shared among the other contributors: Method, with
	// Parts for percentages and Weights for weights.
	Shares Kind = "shares"
	// Cap limits contributor Org's share to at most Amount; the excess is
	// shared among the others.
	Cap Kind = "cap"
	// Floor makes contributor Org's share at least Amount; the shortfall
	// is taken from the others.
	Floor Kind = "floor"
	// Remap merges, splits or renames contributors by a mapping: Mapping
	// names a shipped mapping (see [Mappings]), or Map gives one inline.
	Remap Kind = "map"
	// Add adds contributor Org with Name (and optionally Role), paying a
	// fixed Amount, a share with Weight, or Rate for each of Members.
	Add Kind = "add"
	// Remove removes contributor Org; what it paid is shared among the
	// others.
	Remove Kind = "remove"
)

// Kinds lists the kinds of change.
func Kinds() []Kind {
	return []Kind{SetTotal, Uplift, Fixed, FlatRate, Shares, Cap, Floor, Remap, Add, Remove}
}

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool {
	for _, x := range Kinds() {
		if k == x {
			return true
		}
	}
	return false
}

// Method names how what remains of the budget is shared.
type Method string

// The sharing methods.
const (
	// BaselineShares shares in proportion to the baseline year's
	// amounts (merged, split and added contributors included). It is the
	// default.
	BaselineShares Method = "baseline"
	// Percentages gives each of Parts its stated percentage; the
	// percentages must sum to 100. Each part is then shared among its
	// contributors by the part's own method.
	Percentages Method = "percentages"
	// Weights shares in proportion to a stated weight per contributor,
	// such as population or child population.
	Weights Method = "weights"
	// Equal shares equally.
	Equal Method = "equal"
)

// Methods lists the sharing methods.
func Methods() []Method { return []Method{BaselineShares, Percentages, Weights, Equal} }

// Valid reports whether m is a known method.
func (m Method) Valid() bool {
	return m == BaselineShares || m == Percentages || m == Weights || m == Equal
}

// ShareRule says how a sum is shared among contributors. It appears in a
// Shares change and, nested, in each of a Percentages rule's parts.
type ShareRule struct {
	// Method is the sharing method; empty means BaselineShares.
	Method Method `json:"method,omitempty"`
	// Parts are the Percentages method's parts.
	Parts []Part `json:"parts,omitempty"`
	// Weights are the Weights method's weights, one per contributor.
	Weights []Weight `json:"weights,omitempty"`
	// Basis says what the weights measure, such as "child population",
	// for the explanation.
	Basis string `json:"basis,omitempty"`
}

// Part is one part of a Percentages rule: a set of contributors, chosen
// by Role or listed in Orgs, and its percentage. Its nested ShareRule says
// how the part is shared among those contributors.
type Part struct {
	// Label names the part in explanations; it defaults to the role's
	// label or the listed names.
	Label string `json:"label,omitempty"`
	// Role selects the contributors paying for a statutory partner role.
	Role vocab.Role `json:"role,omitempty"`
	// Orgs lists the contributors instead.
	Orgs []vocab.ID `json:"orgs,omitempty"`
	// Percent is the part's percentage of what is shared.
	Percent Number `json:"percent"`
	ShareRule
}

// Weight is one contributor's weight in a Weights rule.
type Weight struct {
	// Org is the contributor.
	Org vocab.ID `json:"org"`
	// Weight is its weight, not negative.
	Weight Number `json:"weight"`
}

// Change is one change in a scenario. Kind says which fields apply; see
// the Kind constants.
type Change struct {
	// Kind says what the change does and which fields it uses.
	Kind Kind `json:"kind"`
	// Org is the contributor the change is about.
	Org vocab.ID `json:"org,omitempty"`
	// Name and Role describe a contributor being added.
	Name string     `json:"name,omitempty"`
	Role vocab.Role `json:"role,omitempty"`
	// Amount is a sum in pounds: a total, fixed amount, cap or floor.
	Amount Number `json:"amount,omitzero"`
	// Percent is an uplift, negative for a cut.
	Percent Number `json:"percent,omitzero"`
	// Rate and Members describe a flat rate per member.
	Rate    Number `json:"rate,omitzero"`
	Members *int   `json:"members,omitempty"`
	// Weight is an added contributor's weight when it pays a share.
	Weight Number `json:"weight,omitzero"`
	ShareRule
	// Mapping is the ID of a shipped mapping, for a Remap change.
	Mapping vocab.ID `json:"mapping,omitempty"`
	// Map is an inline mapping, for a Remap change.
	Map *Mapping `json:"map,omitempty"`
	// Note is free text kept with the change.
	Note string `json:"note,omitempty"`
}

// ParseScenario reads a scenario from JSON strictly: unknown fields,
// values of the wrong type, numbers that are not plain decimals and
// trailing data are errors naming the JSON path, such as
// "changes[2].percent". It then checks the scenario's form (see
// [Scenario.Check]) and returns every problem found as vocab.Problems.
// The size of the document is limited to vocab.MaxDocumentBytes.
func ParseScenario(data []byte) (*Scenario, error) {
	var s Scenario
	if err := vocab.DecodeJSON(data, &s); err != nil {
		return nil, fmt.Errorf("funding: scenario: %w", err)
	}
	if err := s.Check(); err != nil {
		return nil, fmt.Errorf("funding: scenario: %w", err)
	}
	return &s, nil
}

// ReadScenario reads at most vocab.MaxDocumentBytes from r and parses
// them with [ParseScenario].
func ReadScenario(r io.Reader) (*Scenario, error) { return vocab.ReadWith(r, ParseScenario) }

// LoadScenario reads and parses the scenario file at path.
func LoadScenario(path string) (*Scenario, error) { return vocab.LoadWith(path, ParseScenario) }

// EncodeScenario encodes s as indented JSON with a final newline (see
// vocab.EncodeJSON). The bytes depend only on s.
func EncodeScenario(s *Scenario) ([]byte, error) { return vocab.EncodeJSON(s) }

// EncodeJSON encodes v (a Scenario, Result, Comparison or Projection) with
// vocab.EncodeJSON: indented by two spaces, without HTML escaping, with a
// final newline, amounts as decimal strings.
//
// Deprecated: use vocab.EncodeJSON, the one encoder of every masa package;
// EncodeJSON will be removed in the next release.
func EncodeJSON(v any) ([]byte, error) {
	b, err := vocab.EncodeJSON(v)
	if err != nil {
		return nil, fmt.Errorf("funding: encoding JSON: %w", err)
	}
	return b, nil
}
