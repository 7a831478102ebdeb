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

// Rule is one rule of a rule set, with the citation that justifies it and
// its provenance: the class of authority it rests on and the public source
// it was checked against, or why it was not verified. Validation reports a
// broken rule by its ID.
type Rule struct {
	ID string `json:"id"`
	// Description is the rule's plain statement.
	Description string           `json:"description"`
	Citation    vocab.Citation   `json:"citation"`
	Provenance  vocab.Provenance `json:"provenance"`
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
	// AdoptBy, when set, marks an edition with an implementation period:
	// it applies to a partnership from the date the partnership adopted
	// it (Arrangements.Adoptions, keyed by the rule set's ID), and by
	// default from AdoptBy, the national deadline. Until then the edition
	// before it applies. AdoptByNote says how sure that date is.
	AdoptBy     vocab.Date `json:"adoptBy,omitzero"`
	AdoptByNote string     `json:"adoptByNote,omitempty"`
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
	for i := range c.Rules {
		c.Rules[i].Provenance.Checked = slices.Clone(c.Rules[i].Provenance.Checked)
	}
	return c
}

// RuleSetOn returns the rule set in force for p on date d, as a copy the
// caller may change. The rule sets are the embedded ones, or those given
// to [Partnership.WithRuleSets].
//
// Before the partnership's go-live (or, with no go-live recorded, before
// the national go-live deadline) the latest LSCB rule set applies: from 29
// June 2018 that is the transitional one, under which the Local
// Safeguarding Children Board still decides Serious Case Reviews while
// serious incidents go to the national Panel. From go-live, the latest
// MASA rule set that has started applies, except that an edition with an
// implementation period (AdoptBy) applies only from the partnership's
// adoption date, by default the national deadline.
func RuleSetOn(p *Partnership, d vocab.Date) (RuleSet, error) {
	rs, err := ruleSetOn(p.ruleSetsOf(), p, d)
	if err != nil {
		return RuleSet{}, err
	}
	return rs.clone(), nil
}

// RuleSetChanges returns, in order, the dates on which RuleSetOn's answer
// for p may change: each rule set's start, the go-live date and each
// adoption date in force for p.
func RuleSetChanges(p *Partnership) []vocab.Date {
	sets := p.ruleSetsOf()
	var out []vocab.Date
	for i := range sets {
		out = append(out, sets[i].From)
		if sets[i].Regime == RegimeMASA {
			out = append(out, applicableFrom(&sets[i], p, goLiveOf(sets, p)))
		}
	}
	slices.SortFunc(out, vocab.Date.Compare)
	return slices.Compact(out)
}

// goLiveOf returns the date p's MASA arrangements replaced its LSCB: its
// recorded go-live, or the national deadline.
func goLiveOf(sets []RuleSet, p *Partnership) vocab.Date {
	if !p.Arrangements.GoLive.IsZero() {
		return p.Arrangements.GoLive
	}
	for i := range sets {
		if sets[i].Regime == RegimeMASA && !sets[i].GoLiveBy.IsZero() {
			return sets[i].GoLiveBy
		}
	}
	return vocab.Date{}
}

// applicableFrom returns the first day the MASA rule set rs applies to p:
// the latest of its start, p's go-live and, for an edition with an
// implementation period, p's adoption date (by default the deadline).
func applicableFrom(rs *RuleSet, p *Partnership, goLive vocab.Date) vocab.Date {
	from := rs.From
	if goLive.After(from) {
		from = goLive
	}
	if !rs.AdoptBy.IsZero() {
		adopted, ok := p.Arrangements.Adoptions[rs.ID]
		if !ok || adopted.IsZero() {
			adopted = rs.AdoptBy
		}
		if adopted.After(from) {
			from = adopted
		}
	}
	return from
}

func ruleSetOn(sets []RuleSet, p *Partnership, d vocab.Date) (RuleSet, error) {
	goLive := goLiveOf(sets, p)
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
			if !applicableFrom(rs, p, goLive).After(d) {
				masa = rs
			}
		}
	}
	if masa != nil {
		return *masa, nil
	}
	if lscb != nil {
		return *lscb, nil
	}
	return RuleSet{}, fmt.Errorf("masa: %w", vocab.NotFound("date", d.String(), "is before any known rule set"))
}
