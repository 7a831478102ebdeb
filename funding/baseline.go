package funding

import (
	"fmt"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
)

// BaselineOf returns the baseline table of a partnership's published
// funding table: one line per contributor in the table's order, named by
// the line's published label or else the organisation's name. A
// contributor's role is the statutory partner role it holds, and for a
// police and crime commissioner (organisation kind "commissioner"), which
// holds the police budget, the police role. A line with members and a
// rate keeps them.
func BaselineOf(p *masa.Partnership) (Baseline, error) {
	if p == nil || p.Funding == nil {
		return Baseline{}, fmt.Errorf("funding: baseline: %w", vocab.NotFound("funding", "", "the partnership has no funding table"))
	}
	orgs := map[vocab.ID]masa.Organisation{}
	for _, o := range p.Organisations {
		orgs[o.ID] = o
	}
	roles := map[vocab.ID]vocab.Role{}
	for _, sp := range p.StatutoryPartners {
		roles[sp.Org] = sp.Role
	}
	name := p.ShortName
	if name == "" {
		name = p.Name
	}
	b := Baseline{Partnership: name, Year: p.Funding.Year, Lines: make([]Line, 0, len(p.Funding.Lines))}
	for _, fl := range p.Funding.Lines {
		l := Line{Org: fl.Org, Name: fl.Label, Role: roles[fl.Org], Amount: Num(fl.Amount), Members: fl.Members}
		if l.Name == "" {
			l.Name = orgs[fl.Org].Name
		}
		if l.Name == "" {
			l.Name = string(fl.Org)
		}
		if l.Role == "" && orgs[fl.Org].Kind == "commissioner" {
			l.Role = vocab.Police
		}
		if fl.Members > 0 {
			l.Rate = Num(fl.Rate)
		}
		b.Lines = append(b.Lines, l)
	}
	return b, nil
}

// BaselineScenario returns the scenario with no changes for a
// partnership's published table: applying it re-apportions the published
// total by the published shares and gives back the table exactly. It
// rounds to whole pounds, or to pence when any published amount or rate
// has pence.
func BaselineScenario(p *masa.Partnership) (*Scenario, error) {
	b, err := BaselineOf(p)
	if err != nil {
		return nil, err
	}
	rounding := DefaultRounding()
	for _, l := range b.Lines {
		if !l.Amount.Decimal().IsInteger() || !l.Rate.Decimal().IsInteger() {
			// A table published in pence is apportioned in pence.
			rounding.Unit = Pence
			break
		}
	}
	s := &Scenario{
		Name:     fmt.Sprintf("%s %s baseline", b.Partnership, b.Year),
		Year:     b.Year,
		Rounding: rounding,
		Baseline: b,
		Changes:  []Change{},
	}
	if err := s.Check(); err != nil {
		return nil, fmt.Errorf("funding: baseline: %w", err)
	}
	return s, nil
}

// EssexBaseline returns the Essex 2020/21 published table as a baseline:
// 11 contributors, £389,095 in total.
func EssexBaseline() Baseline {
	b, err := BaselineOf(masa.Essex())
	if err != nil {
		// The embedded data has a funding table; the tests check it.
		panic(err)
	}
	return b
}

// EssexScenario returns the Essex 2020/21 baseline scenario (see
// [BaselineScenario]).
func EssexScenario() *Scenario {
	s, err := BaselineScenario(masa.Essex())
	if err != nil {
		// The embedded data is checked by the tests.
		panic(err)
	}
	return s
}
