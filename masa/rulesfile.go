package masa

import (
	"fmt"
	"io"
	"maps"
	"slices"

	"github.com/masa-go/masa/vocab"
)

// ParseRuleSets decodes and checks a rule-sets file: a JSON list of rule
// sets in the form of the embedded data/rulesets.json (see docs/schemas.md
// for its JSON Schema). A new edition of the statutory guidance is then a
// new file, not a new release: give the sets to
// [Partnership.WithRuleSets], or to a program's -rulesets flag.
//
// Every problem is reported at once, each with its JSON path, such as
// "[2].from": the list must not be empty; each set needs a unique ID, a
// name, a known regime, a start date, and for each role a list of the
// kinds of body that may fill it; and the sets must be in order of their
// start dates.
func ParseRuleSets(data []byte) ([]RuleSet, error) {
	var sets []RuleSet
	if err := vocab.DecodeJSON(data, &sets); err != nil {
		return nil, fmt.Errorf("masa: rule sets: %w", err)
	}
	if err := checkRuleSets(sets); err != nil {
		return nil, fmt.Errorf("masa: rule sets: %w", err)
	}
	return sets, nil
}

// ReadRuleSets reads at most vocab.MaxDocumentBytes from r and parses them
// with [ParseRuleSets].
func ReadRuleSets(r io.Reader) ([]RuleSet, error) { return vocab.ReadWith(r, ParseRuleSets) }

// LoadRuleSets reads and parses the rule-sets file at path with
// [ParseRuleSets].
func LoadRuleSets(path string) ([]RuleSet, error) { return vocab.LoadWith(path, ParseRuleSets) }

func checkRuleSets(sets []RuleSet) error {
	var ps vocab.Problems
	if len(sets) == 0 {
		ps.Add(vocab.Invalid("", "required", "", "lists no rule set; give at least one"))
	}
	seen := map[vocab.ID]int{}
	for i, rs := range sets {
		at := fmt.Sprintf("[%d]", i)
		if err := rs.ID.Check(at + ".id"); err != nil {
			ps = append(ps, vocab.AsProblems(err)...)
		} else if j, dup := seen[rs.ID]; dup {
			ps.Add(vocab.Conflict(at+".id", "unique-id", string(rs.ID), fmt.Sprintf("is also the ID of [%d]", j)))
		} else {
			seen[rs.ID] = i
		}
		if rs.Name == "" {
			ps.Add(vocab.Invalid(at+".name", "required", "", "is empty; name the rule set"))
		}
		if rs.Regime != RegimeLSCB && rs.Regime != RegimeMASA {
			ps.Add(vocab.Invalid(at+".regime", "regime", string(rs.Regime), "must be lscb or masa"))
		}
		switch {
		case rs.From.IsZero():
			ps.Add(vocab.Invalid(at+".from", "required", "", "is missing; give the first day the rule set can apply"))
		case i > 0 && !sets[i-1].From.IsZero() && rs.From.Before(sets[i-1].From):
			ps.Add(vocab.Conflict(at+".from", "in-order", rs.From.String(),
				fmt.Sprintf("is before the start of [%d] (%s); list the rule sets in order of their start dates", i-1, sets[i-1].From)))
		}
		if len(rs.Bodies) == 0 {
			ps.Add(vocab.Invalid(at+".bodies", "required", "", "is empty; say which kinds of body may fill each statutory role"))
		}
		for _, role := range slices.Sorted(maps.Keys(rs.Bodies)) {
			if !role.Valid() {
				ps.Add(vocab.Invalid(at+".bodies."+string(role), "role", string(role), "is not a statutory role"))
			} else if len(rs.Bodies[role]) == 0 {
				ps.Add(vocab.Invalid(at+".bodies."+string(role), "required", "", "lists no kind of body"))
			}
		}
	}
	return ps.Err()
}

// WithRuleSets returns a copy of p that takes its rule sets from sets
// instead of the embedded ones: [RuleSetOn], [View.RuleSet] and every
// package that asks them (validation, the reviews engine, the plan, the
// yearly report) then answer from sets. The sets are checked as
// [ParseRuleSets] checks a file. The copy keeps them through
// [Partnership.On] and [Partnership.AsOf].
func (p *Partnership) WithRuleSets(sets []RuleSet) (*Partnership, error) {
	if err := checkRuleSets(sets); err != nil {
		return nil, fmt.Errorf("masa: rule sets: %w", err)
	}
	q, err := p.clone()
	if err != nil {
		return nil, err
	}
	q.ruleSets = make([]RuleSet, len(sets))
	for i, rs := range sets {
		q.ruleSets[i] = rs.clone()
	}
	return q, nil
}

// RuleSets returns the rule sets p's answers come from, in order of their
// start dates, as copies the caller may change: those given to
// [Partnership.WithRuleSets], or the embedded ones.
func (p *Partnership) RuleSets() []RuleSet {
	if p.ruleSets == nil {
		return RuleSets()
	}
	out := make([]RuleSet, len(p.ruleSets))
	for i, rs := range p.ruleSets {
		out[i] = rs.clone()
	}
	return out
}

// ruleSetsOf returns the rule sets p uses, shared and not to be changed.
func (p *Partnership) ruleSetsOf() []RuleSet {
	if p.ruleSets == nil {
		return embeddedRuleSets()
	}
	return p.ruleSets
}
