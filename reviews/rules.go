package reviews

import (
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/masa-go/masa/vocab"
)

// StepID identifies a step of the review lifecycle, such as
// "notify-panel" or "rapid-review".
type StepID string

// Stage names a stage of the lifecycle, such as "rapid-review" or
// "local-decision". Stages come from the rules data; StageClosed is the
// stage of a case with nothing left to do.
type Stage string

// StageClosed is the stage of a case whose every applicable step is done.
const StageClosed Stage = "closed"

// OwnerRef names who owns a step, in the rules data. The partnership's
// data says who that is on a date (see Owner).
type OwnerRef string

// The owners a step may name.
const (
	// OwnerLocalAuthority, OwnerPolice and OwnerHealth are the statutory
	// partners in that role.
	OwnerLocalAuthority OwnerRef = "local-authority"
	OwnerPolice         OwnerRef = "police"
	OwnerHealth         OwnerRef = "health"
	// OwnerPartners is the statutory partners together.
	OwnerPartners OwnerRef = "partners"
	// OwnerBody is the local safeguarding body the rule set names, such
	// as a Local Safeguarding Children Board.
	OwnerBody OwnerRef = "body"
	// OwnerReviewsSubCommittee is the sub-committee that recommends
	// reviews (the partnership's reviews.subCommittee).
	OwnerReviewsSubCommittee OwnerRef = "reviews-sub-committee"
	// OwnerRatification is whoever holds the ratification lead area
	// (reviews.ratificationLeadArea) on the date, following any rotation.
	OwnerRatification OwnerRef = "ratification"
	// OwnerNationalPanel is the Child Safeguarding Practice Review Panel.
	OwnerNationalPanel OwnerRef = "national-panel"
	// OwnerChildDeathReview is the joint group that reviews child deaths
	// (reviews.childDeathReview), or, when the partnership names none, the
	// statutory child death review partners: the local authority and the
	// health body.
	OwnerChildDeathReview OwnerRef = "child-death-review"
	// OwnerLocalGroups is the partnership's local practice groups (the
	// Stay Safe Groups in Essex), or the statutory partners when it lists
	// none.
	OwnerLocalGroups OwnerRef = "local-groups"
	// OwnerTraining is the sub-committee that runs the training needs
	// analysis (training.subCommittee).
	OwnerTraining OwnerRef = "training"
	// OwnerDispute is whoever holds the lead area that oversees the top
	// level of dispute resolution. Escalation uses it; steps do not.
	OwnerDispute OwnerRef = "dispute"
)

func (o OwnerRef) valid() bool {
	switch o {
	case OwnerLocalAuthority, OwnerPolice, OwnerHealth, OwnerPartners, OwnerBody, OwnerReviewsSubCommittee,
		OwnerRatification, OwnerNationalPanel, OwnerChildDeathReview, OwnerLocalGroups, OwnerTraining:
		return true
	}
	return false
}

// The facts a step's When condition may name.
const (
	// CondSeriousIncident holds when the incident must be notified to the
	// national Panel: abuse or neglect known or suspected, and the child
	// died or was seriously harmed in the area, or was normally resident
	// in the area and died or was seriously harmed outside England.
	CondSeriousIncident = "serious-incident"
	// CondDeath holds when the child died.
	CondDeath = "death"
	// CondLookedAfterDeath holds when the child who died was looked after,
	// whether or not abuse or neglect is known or suspected.
	CondLookedAfterDeath = "looked-after-death"
	// CondCareLeaverDeath holds when the person who died was a care leaver
	// under 25.
	CondCareLeaverDeath = "care-leaver-death"
)

// SettingRapidReviewFrom names the partnership setting
// (reviews.rapidReviewFrom) that chooses where a rapid review's clock
// counts from: "notification" (the default) or "aware".
const SettingRapidReviewFrom = "rapid-review-from"

// RuleSet is the review lifecycle under one edition of the rules: its
// steps in order, who owns each, their clocks and the criteria for
// decisions. Rule sets are data (see DefaultRules), so a partnership or a
// new edition of the guidance changes them without changing code.
type RuleSet struct {
	ID   vocab.ID `json:"id"`
	Name string   `json:"name"`
	// RuleSets lists the masa rule sets (by ID, see masa.RuleSets) under
	// which these review rules apply. The masa rule set in force on the
	// date the local authority became aware of an incident chooses the
	// review rules for the whole case.
	RuleSets  []vocab.ID       `json:"ruleSets"`
	Citations []vocab.Citation `json:"citations"`
	// Criteria lists the criteria for decisions, by list.
	Criteria []CriteriaList `json:"criteria,omitempty"`
	// Steps lists the lifecycle's steps. A step may depend only on steps
	// listed before it.
	Steps []Step `json:"steps"`
}

// CriteriaList is a named list of criteria, such as the national review
// criteria of regulation 3.
type CriteriaList struct {
	ID    vocab.ID    `json:"id"`
	Name  string      `json:"name"`
	Items []Criterion `json:"items"`
	// Provenance says what the criteria rest on and the source they were
	// checked against.
	Provenance vocab.Provenance `json:"provenance"`
}

// Criterion is one criterion a decision may rest on.
type Criterion struct {
	ID       vocab.ID       `json:"id"`
	Text     string         `json:"text"`
	Citation vocab.Citation `json:"citation"`
}

// Step is one step of the lifecycle.
//
// Name may contain {review}, {partners} and {body}, replaced by the masa
// rule set's ReviewName, PartnerTerm and Body, and a citation's source
// may be {arrangements}, the partnership's published arrangements.
type Step struct {
	ID          StepID   `json:"id"`
	Name        string   `json:"name"`
	Stage       Stage    `json:"stage"`
	Description string   `json:"description,omitempty"`
	Owner       OwnerRef `json:"owner"`
	// When lists conditions that must all hold for the step to apply: a
	// fact (CondSeriousIncident, CondDeath, CondLookedAfterDeath) or
	// "step=outcome", an earlier decision's outcome.
	When []string `json:"when,omitempty"`
	// After lists the earlier steps that must be recorded first.
	After []StepID `json:"after,omitempty"`
	// Due is the deadline, if the step has one.
	Due *Clock `json:"due,omitempty"`
	// NotBefore is the earliest date the step may be done, if any.
	NotBefore *Clock `json:"notBefore,omitempty"`
	// Auto marks a step that completes by itself on its due date, such as
	// keeping a report available for a year.
	Auto bool `json:"auto,omitempty"`
	// Parallel marks a step that runs alongside the lifecycle without
	// setting the case's stage, such as child death review.
	Parallel bool `json:"parallel,omitempty"`
	// Outcomes lists the outcomes of a decision step; a recorded decision
	// must give one.
	Outcomes []Outcome `json:"outcomes,omitempty"`
	// Criteria is the ID of the criteria list for outcomes that need
	// criteria.
	Criteria vocab.ID `json:"criteria,omitempty"`
	// Planned marks a step whose record may carry a planned date for a
	// later step, such as the publication date with the final report.
	Planned bool `json:"planned,omitempty"`
	// Learning marks a step whose record carries the learning findings.
	Learning bool `json:"learning,omitempty"`
	// Optional marks a step the guidance asks for without making it
	// mandatory, such as notifying the death of a care leaver.
	Optional bool           `json:"optional,omitempty"`
	Citation vocab.Citation `json:"citation"`
	// Provenance says what the step rests on: its class and the public
	// source it was checked against, or why it was not verified.
	Provenance vocab.Provenance `json:"provenance"`
}

// Outcome is one possible outcome of a decision step.
type Outcome struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// NeedsCriteria says that a decision with this outcome must name at
	// least one criterion from the step's criteria list.
	NeedsCriteria bool `json:"needsCriteria,omitempty"`
}

// Clock is a deadline or an earliest date, counted from an anchor.
//
// From is "aware" (the date the local authority became aware of the
// incident), the ID of an earlier step (the date it was recorded), or
// "step.planned" (the planned date recorded with that step). Exactly one
// of WorkingDays, Days and Months is non-zero; a negative count goes
// backwards from the anchor. Working days follow the workdays convention:
// the anchor is day 0. Months add calendar months and, when the day does
// not exist in the target month, take its last day: 31 August plus 6
// months is 28 February (29 in a leap year).
type Clock struct {
	From        string `json:"from"`
	WorkingDays int    `json:"workingDays,omitempty"`
	Days        int    `json:"days,omitempty"`
	Months      int    `json:"months,omitempty"`
	// Text says the rule in words, such as "within 5 working days of
	// becoming aware of the incident".
	Text string `json:"text"`
	// Citation and Provenance, when set, are the deadline's own source,
	// where it differs from the step's: the duty to notify the Panel is
	// in the Act, the 5 working days in the guidance.
	Citation   *vocab.Citation   `json:"citation,omitempty"`
	Provenance *vocab.Provenance `json:"provenance,omitempty"`
	// Setting, when set, names a partnership setting that may replace
	// this clock with Alternative (see SettingRapidReviewFrom).
	Setting     string `json:"setting,omitempty"`
	Alternative *Clock `json:"alternative,omitempty"`
}

//go:embed data/rules.json
var rulesJSON []byte

// MaxSteps is the most steps a rule set may have.
const MaxSteps = 32

// DefaultRules returns the built-in review rules: Serious Case Reviews
// under the Local Safeguarding Children Boards, Working Together 2018 and
// Working Together 2023. Each call returns a fresh copy that the caller
// may change and pass to WithRules.
func DefaultRules() []RuleSet {
	sets, err := ParseRules(rulesJSON)
	if err != nil {
		// The embedded rules are checked by the package's tests.
		panic(fmt.Sprintf("reviews: embedded rules: %v", err))
	}
	return sets
}

// DefaultRulesJSON returns the embedded rules file behind DefaultRules, a
// model for a partnership's own rules.
func DefaultRulesJSON() []byte { return slices.Clone(rulesJSON) }

// DecodeRules is the former name of [ParseRules].
//
// Deprecated: use ParseRules; DecodeRules will be removed in the next release.
func DecodeRules(data []byte) ([]RuleSet, error) { return ParseRules(data) }

// ReadRules reads at most vocab.MaxDocumentBytes from r and parses them
// with [ParseRules].
func ReadRules(r io.Reader) ([]RuleSet, error) { return vocab.ReadWith(r, ParseRules) }

// LoadRules reads and parses the rules file at path.
func LoadRules(path string) ([]RuleSet, error) { return vocab.LoadWith(path, ParseRules) }

// ParseRules decodes and checks a list of rule sets in JSON. Errors name
// the JSON path of the problem, such as "[1].steps[4].after[0]".
func ParseRules(data []byte) ([]RuleSet, error) {
	var sets []RuleSet
	if err := vocab.DecodeJSON(data, &sets); err != nil {
		return nil, fmt.Errorf("reviews: rules: %w", err)
	}
	if _, err := compileAll(sets); err != nil {
		return nil, err
	}
	return sets, nil
}

var defaultCompiled = sync.OnceValue(func() []*compiled {
	c, err := compileAll(DefaultRules())
	if err != nil {
		panic(fmt.Sprintf("reviews: embedded rules: %v", err))
	}
	return c
})

// compiled is a rule set checked and indexed for evaluation.
type compiled struct {
	set      RuleSet
	steps    []cstep
	index    map[StepID]int
	criteria map[vocab.ID]*CriteriaList
}

type cstep struct {
	*Step
	facts     uint8       // facts that must hold
	outcomes  []condition // earlier outcomes that must have been chosen
	after     []int
	due       *cclock
	notBefore *cclock
}

// condition requires that step chose outcome.
type condition struct{ step, outcome int }

// cclock is a compiled Clock.
type cclock struct {
	*Clock
	anchor  int // step index, or -1 for the date of becoming aware
	planned bool
}

// Fact bits.
const (
	factSerious uint8 = 1 << iota
	factDeath
	factLookedAfterDeath
	factCareLeaverDeath
)

var factBits = map[string]uint8{
	CondSeriousIncident:  factSerious,
	CondDeath:            factDeath,
	CondLookedAfterDeath: factLookedAfterDeath,
	CondCareLeaverDeath:  factCareLeaverDeath,
}

// compileAll checks every rule set and that no masa rule set is claimed
// twice.
func compileAll(sets []RuleSet) ([]*compiled, error) {
	var ps vocab.Problems
	out := make([]*compiled, 0, len(sets))
	claimed := map[vocab.ID]string{}
	ids := map[vocab.ID]int{}
	for i := range sets {
		prefix := "[" + strconv.Itoa(i) + "]"
		if j, dup := ids[sets[i].ID]; dup {
			ps.Add(vocab.Conflict(prefix+".id", "unique", string(sets[i].ID), fmt.Sprintf("repeats [%d].id", j)))
		}
		ids[sets[i].ID] = i
		for k, rs := range sets[i].RuleSets {
			field := fmt.Sprintf("%s.ruleSets[%d]", prefix, k)
			if other, dup := claimed[rs]; dup {
				ps.Add(vocab.Conflict(field, "unique", string(rs), "already has review rules at "+other))
			}
			claimed[rs] = field
		}
		c, problems := compile(prefix, &sets[i])
		ps = append(ps, problems...)
		out = append(out, c)
	}
	if err := ps.Err(); err != nil {
		return nil, fmt.Errorf("reviews: rules: %w", err)
	}
	return out, nil
}

// compile checks one rule set and indexes it.
func compile(prefix string, rs *RuleSet) (*compiled, vocab.Problems) {
	var ps vocab.Problems
	add := func(e *vocab.FieldError) { ps.Add(e) }
	if fe := rs.ID.Problem(prefix + ".id"); fe != nil {
		add(fe)
	}
	if strings.TrimSpace(rs.Name) == "" {
		add(vocab.Invalid(prefix+".name", "required", rs.Name, "is required"))
	}
	if len(rs.RuleSets) == 0 {
		add(vocab.Invalid(prefix+".ruleSets", "required", "", "must name at least one masa rule set"))
	}
	for k, id := range rs.RuleSets {
		if fe := id.Problem(fmt.Sprintf("%s.ruleSets[%d]", prefix, k)); fe != nil {
			add(fe)
		}
	}
	c := &compiled{set: *rs, index: map[StepID]int{}, criteria: map[vocab.ID]*CriteriaList{}}
	for i := range rs.Criteria {
		cl := &rs.Criteria[i]
		field := fmt.Sprintf("%s.criteria[%d]", prefix, i)
		if _, dup := c.criteria[cl.ID]; dup {
			add(vocab.Conflict(field+".id", "unique", string(cl.ID), "repeats an earlier criteria list"))
		}
		c.criteria[cl.ID] = cl
		if len(cl.Items) == 0 {
			add(vocab.Invalid(field+".items", "required", "", "must list at least one criterion"))
		}
		seen := map[vocab.ID]bool{}
		for k, it := range cl.Items {
			f := fmt.Sprintf("%s.items[%d]", field, k)
			if fe := it.ID.Problem(f + ".id"); fe != nil {
				add(fe)
			}
			if seen[it.ID] {
				add(vocab.Conflict(f+".id", "unique", string(it.ID), "repeats an earlier criterion"))
			}
			seen[it.ID] = true
			if it.Text == "" || it.Citation.Source == "" {
				add(vocab.Invalid(f, "required", string(it.ID), "needs a text and a citation"))
			}
		}
		ps = append(ps, cl.Provenance.Problems(field+".provenance")...)
	}
	if len(rs.Steps) == 0 {
		add(vocab.Invalid(prefix+".steps", "required", "", "must list at least one step"))
	}
	if len(rs.Steps) > MaxSteps {
		add(vocab.Invalid(prefix+".steps", "max-steps", strconv.Itoa(len(rs.Steps)), "has more than "+strconv.Itoa(MaxSteps)+" steps"))
		return c, ps
	}
	c.steps = make([]cstep, len(rs.Steps))
	for i := range rs.Steps {
		s := &rs.Steps[i]
		field := fmt.Sprintf("%s.steps[%d]", prefix, i)
		cs := cstep{Step: s}
		if fe := vocab.ID(s.ID).Problem(field + ".id"); fe != nil {
			add(fe)
		} else if _, dup := c.index[s.ID]; dup {
			add(vocab.Conflict(field+".id", "unique", string(s.ID), "repeats an earlier step"))
		}
		if strings.TrimSpace(s.Name) == "" {
			add(vocab.Invalid(field+".name", "required", "", "is required"))
		}
		if fe := vocab.ID(s.Stage).Problem(field + ".stage"); fe != nil {
			add(fe)
		}
		if !s.Owner.valid() {
			add(vocab.Invalid(field+".owner", "owner", string(s.Owner), "is not a known owner (local-authority, police, health, partners, body, reviews-sub-committee, ratification, national-panel, child-death-review, local-groups or training)"))
		}
		if s.Citation.Source == "" {
			add(vocab.Invalid(field+".citation.source", "required", "", "is required: every step cites its source"))
		}
		ps = append(ps, s.Provenance.Problems(field+".provenance")...)
		for k, w := range s.When {
			f := fmt.Sprintf("%s.when[%d]", field, k)
			if bit, ok := factBits[w]; ok {
				cs.facts |= bit
				continue
			}
			stepID, outcome, ok := strings.Cut(w, "=")
			j, known := c.index[StepID(stepID)]
			if !ok || !known {
				add(vocab.Invalid(f, "condition", w, "is neither a fact (serious-incident, death, looked-after-death, care-leaver-death) nor \"step=outcome\" for an earlier step"))
				continue
			}
			o := slices.IndexFunc(rs.Steps[j].Outcomes, func(x Outcome) bool { return x.ID == outcome })
			if o < 0 {
				add(vocab.NotFound(f, w, "names an outcome that step "+stepID+" does not have"))
				continue
			}
			cs.outcomes = append(cs.outcomes, condition{step: j, outcome: o})
		}
		for k, a := range s.After {
			j, ok := c.index[a]
			if !ok {
				add(vocab.NotFound(fmt.Sprintf("%s.after[%d]", field, k), string(a), "is not a step listed before this one"))
				continue
			}
			cs.after = append(cs.after, j)
		}
		cs.due = compileClock(c, rs, field+".due", s.Due, &ps)
		cs.notBefore = compileClock(c, rs, field+".notBefore", s.NotBefore, &ps)
		if s.Auto && s.Due == nil {
			add(vocab.Invalid(field+".auto", "auto-needs-due", "true", "needs a due clock: an automatic step completes on its due date"))
		}
		if s.Auto && len(s.Outcomes) > 0 {
			add(vocab.Invalid(field+".auto", "auto-decision", "true", "cannot be a decision: an automatic step has no outcome"))
		}
		needs := false
		seen := map[string]bool{}
		for k, o := range s.Outcomes {
			f := fmt.Sprintf("%s.outcomes[%d]", field, k)
			if fe := vocab.ID(o.ID).Problem(f + ".id"); fe != nil {
				add(fe)
			}
			if seen[o.ID] {
				add(vocab.Conflict(f+".id", "unique", o.ID, "repeats an earlier outcome"))
			}
			seen[o.ID] = true
			needs = needs || o.NeedsCriteria
		}
		switch {
		case needs && c.criteria[s.Criteria] == nil:
			add(vocab.NotFound(field+".criteria", string(s.Criteria), "must name a criteria list of this rule set, as an outcome needs criteria"))
		case !needs && s.Criteria != "":
			add(vocab.Invalid(field+".criteria", "unused", string(s.Criteria), "is set, but no outcome needs criteria"))
		}
		if s.ID != "" {
			c.index[s.ID] = i
		}
		c.steps[i] = cs
	}
	return c, ps
}

func compileClock(c *compiled, rs *RuleSet, field string, k *Clock, ps *vocab.Problems) *cclock {
	if k == nil {
		return nil
	}
	cc := &cclock{Clock: k, anchor: -1}
	units := 0
	for _, n := range []int{k.WorkingDays, k.Days, k.Months} {
		if n != 0 {
			units++
		}
	}
	if units != 1 {
		ps.Add(vocab.Invalid(field, "clock", k.From, "needs exactly one of workingDays, days and months, not zero"))
	}
	if max(abs(k.WorkingDays), abs(k.Days)) > 1000 || abs(k.Months) > 120 {
		ps.Add(vocab.Invalid(field, "clock", k.From, "counts too far (at most 1000 days or 120 months)"))
	}
	if k.Text == "" {
		ps.Add(vocab.Invalid(field+".text", "required", "", "is required: say the rule in words"))
	}
	if k.Citation != nil && k.Provenance == nil {
		ps.Add(vocab.Invalid(field+".provenance", "required", "", "is required when the clock has its own citation"))
	}
	if k.Provenance != nil {
		*ps = append(*ps, k.Provenance.Problems(field+".provenance")...)
	}
	switch {
	case k.Setting == "" && k.Alternative != nil:
		ps.Add(vocab.Invalid(field+".alternative", "setting", "", "needs a setting that chooses it"))
	case k.Setting != "" && k.Setting != SettingRapidReviewFrom:
		ps.Add(vocab.Invalid(field+".setting", "setting", k.Setting, "is not a known setting ("+SettingRapidReviewFrom+")"))
	case k.Setting != "" && k.Alternative == nil:
		ps.Add(vocab.Invalid(field+".alternative", "required", "", "is required with a setting"))
	case k.Alternative != nil:
		if k.Alternative.Setting != "" || k.Alternative.Alternative != nil {
			ps.Add(vocab.Invalid(field+".alternative", "setting", k.Alternative.Setting, "cannot itself have a setting"))
		}
		compileClock(c, rs, field+".alternative", k.Alternative, ps)
	}
	if k.From == "aware" {
		return cc
	}
	from, planned := strings.CutSuffix(k.From, ".planned")
	j, ok := c.index[StepID(from)]
	switch {
	case !ok:
		ps.Add(vocab.NotFound(field+".from", k.From, `is neither "aware" nor a step listed before this one`))
	case planned && !rs.Steps[j].Planned:
		ps.Add(vocab.Invalid(field+".from", "planned", k.From, "names the planned date of a step that does not record one"))
	}
	cc.anchor, cc.planned = j, planned
	return cc
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// step returns the index of id, or -1. A scan of a few dozen short IDs
// is quicker than hashing.
func (c *compiled) step(id StepID) int {
	for i := range c.steps {
		if c.steps[i].ID == id {
			return i
		}
	}
	return -1
}
