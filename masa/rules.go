package masa

import (
	_ "embed"
	"fmt"
	"maps"
	"slices"
	"sync"

	"github.com/masa-go/masa/vocab"
)

// Regime distinguishes the statutory regimes for local safeguarding.
type Regime string

// The regimes.
const (
	// RegimeLSCB is a Local Safeguarding Children Board under sections 13
	// and 14 of the Children Act 2004.
	RegimeLSCB Regime = "lscb"
	// RegimeMASA is multi-agency safeguarding arrangements made by the
	// safeguarding partners under section 16E of the Children Act 2004.
	RegimeMASA Regime = "masa"
)

// Rule is one rule of a rule set, with the citation that justifies it.
// Validation reports a broken rule by its ID.
type Rule struct {
	ID          string         `json:"id"`
	Description string         `json:"description"`
	Citation    vocab.Citation `json:"citation"`
}

// RuleSet is the body of statutory rules in force over a period. Rule sets
// are data (see RuleSets) so a new edition of the guidance is a change of
// data, not of code.
type RuleSet struct {
	ID     vocab.ID `json:"id"`
	Name   string   `json:"name"`
	Regime Regime   `json:"regime"`
	// From is the first day the rule set can apply. For the MASA regime a
	// partnership also needs to have gone live.
	From vocab.Date `json:"from"`
	// Body names the local safeguarding body under the rule set.
	Body string `json:"body"`
	// PartnerTerm is what the rule set calls the statutory partners.
	PartnerTerm string `json:"partnerTerm"`
	// Bodies lists, for each statutory role, the kinds of body that may
	// fill it (see StatutoryPartner.Body).
	Bodies map[vocab.Role][]string `json:"bodies"`
	// LeadPosts lists, for each role, the post the rule set names as the
	// lead for that partner, if it names one.
	LeadPosts map[vocab.Role]string `json:"leadPosts,omitempty"`
	// DelegatedPartners records that lead partners may delegate to named
	// delegated safeguarding partners.
	DelegatedPartners bool `json:"delegatedPartners,omitempty"`
	// RequiresChair records that the rule set expects a partnership chair.
	RequiresChair bool `json:"requiresChair,omitempty"`
	// ReviewName is what a local review of a serious case is called.
	ReviewName string `json:"reviewName"`
	// PublishBy, when set, is the date by which arrangements had to be
	// published, and GoLiveBy the date by which they had to be in place.
	PublishBy vocab.Date `json:"publishBy,omitzero"`
	GoLiveBy  vocab.Date `json:"goLiveBy,omitzero"`
	// Citations are the instruments the rule set rests on.
	Citations []vocab.Citation `json:"citations"`
	// Rules are the individual rules with their citations.
	Rules []Rule `json:"rules"`
}

// Rule returns the rule with the given ID.
func (rs *RuleSet) Rule(id string) (Rule, bool) {
	i := slices.IndexFunc(rs.Rules, func(r Rule) bool { return r.ID == id })
	if i < 0 {
		return Rule{}, false
	}
	return rs.Rules[i], true
}

// Allows reports whether a body of the given kind may fill role.
func (rs *RuleSet) Allows(role vocab.Role, body string) bool {
	return slices.Contains(rs.Bodies[role], body)
}

//go:embed data/rulesets.json
var ruleSetsJSON []byte

// embeddedRuleSets is the embedded data, decoded once. It is never handed
// out: RuleSets returns deep copies.
var embeddedRuleSets = sync.OnceValue(func() []RuleSet {
	var sets []RuleSet
	if err := vocab.DecodeJSON(ruleSetsJSON, &sets); err != nil {
		// The embedded data is checked by the package's tests.
		panic(fmt.Sprintf("masa: embedded rule sets: %v", err))
	}
	return sets
})

// RuleSets returns the rule sets in order of their start dates: the LSCB
// regime, Working Together 2018, the same after integrated care boards
// replaced clinical commissioning groups, and Working Together 2023. Each
// call returns a fresh deep copy that the caller may change.
func RuleSets() []RuleSet {
	src := embeddedRuleSets()
	out := make([]RuleSet, len(src))
	for i, rs := range src {
		out[i] = rs.clone()
	}
	return out
}

// clone returns a deep copy of rs.
func (rs RuleSet) clone() RuleSet {
	c := rs
	c.Bodies = make(map[vocab.Role][]string, len(rs.Bodies))
	for k, v := range rs.Bodies {
		c.Bodies[k] = slices.Clone(v)
	}
	if rs.LeadPosts != nil {
		c.LeadPosts = maps.Clone(rs.LeadPosts)
	}
	c.Citations = slices.Clone(rs.Citations)
	c.Rules = slices.Clone(rs.Rules)
	return c
}

// RuleSetOn returns the rule set in force for p on date d, as a copy the
// caller may change. The rule sets are the embedded ones, or those given
// to [Partnership.WithRuleSets].
//
// Before the partnership's go-live (or, with no go-live recorded, before
// the national go-live deadline) the LSCB rule set applies. From go-live,
// the latest MASA rule set whose From date is on or before d applies.
func RuleSetOn(p *Partnership, d vocab.Date) (RuleSet, error) {
	rs, err := ruleSetOn(p.ruleSetsOf(), p, d)
	if err != nil {
		return RuleSet{}, err
	}
	return rs.clone(), nil
}

func ruleSetOn(sets []RuleSet, p *Partnership, d vocab.Date) (RuleSet, error) {
	var lscb, masa *RuleSet
	for i := range sets {
		rs := &sets[i]
		if rs.From.After(d) {
			continue
		}
		switch rs.Regime {
		case RegimeLSCB:
			lscb = rs
		case RegimeMASA:
			masa = rs
		}
	}
	goLive := p.Arrangements.GoLive
	if goLive.IsZero() && masa != nil {
		goLive = masa.GoLiveBy
	}
	if masa != nil && !d.Before(goLive) {
		return *masa, nil
	}
	if lscb != nil {
		return *lscb, nil
	}
	return RuleSet{}, fmt.Errorf("masa: %w", vocab.NotFound("date", d.String(), "is before any known rule set"))
}
