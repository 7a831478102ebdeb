package state

import (
	"slices"
	"strconv"
	"strings"

	"github.com/masa-go/masa/funding"
	"github.com/masa-go/masa/vocab"
	"github.com/shopspring/decimal"
)

// MaxAdded is the most contributors the form lets a user add.
const MaxAdded = 20

// Contributor is a line the form shows inputs for: a baseline contributor
// still in the scenario, an integrated care board after the merger, or an
// added contributor.
type Contributor struct {
	Org  vocab.ID
	Name string
	// Basis is how the line is paid before the form's amounts apply:
	// a share, a flat rate per member, or (for an added contributor) a
	// fixed amount.
	Basis funding.Basis
	// Members and Rate are the current flat rate, for a group line.
	Members int
	Rate    funding.Number
	// Added is the index in Form.Added of an added contributor, or -1.
	Added int
}

// Model is the whole state of the scenario page: the form as typed, its
// problems, and the last result computed from a form without problems.
// It is plain data: the page renders it, and edits go through its
// methods, which call the funding package to do the sums.
type Model struct {
	// Baseline is the table scenarios start from.
	Baseline funding.Baseline
	// Succession is the reorganisation the form's succession check box
	// applies, read from the partnership file; nil when it records none.
	Succession *funding.Mapping
	// Form is the form as typed.
	Form Form
	// Problems lists what is wrong with the form, field by field.
	Problems []Problem
	// Contributors are the lines the per-contributor inputs apply to.
	Contributors []Contributor
	// Removable lists the contributors that can be taken out or put
	// back: the baseline's, or after the merger the integrated care
	// boards in place of the groups they replaced.
	Removable []Contributor

	// Result and Comparison are the last valid result and its comparison
	// with the baseline; Scenario is the scenario that gave them and
	// ResultForm the form it was built from.
	Result     *funding.Result
	Comparison *funding.Comparison
	Scenario   *funding.Scenario
	ResultForm Form
	// Stale reports that the form has problems, so Result is from an
	// earlier form.
	Stale bool
	// Notice is a message about the page as a whole, such as a shared
	// link that could not be read.
	Notice string
	// Loads counts the times the form was replaced as a whole (Load,
	// Reset, a shared link), which a page showing typed values needs to
	// know to show the new ones.
	Loads int

	cache *structureCache
	// lastEdited is the field Set last changed.
	lastEdited Field
	// settled is the result last settled on (see Settle).
	settled *settledResult
}

// NewForm returns the form for an unchanged baseline: the baseline total
// as the budget, and each group line's rate and members.
func NewForm(base funding.Baseline) Form {
	f := Form{Budget: base.Total().String()}
	for _, l := range base.Lines {
		if !l.Amount.Decimal().IsInteger() || !l.Rate.Decimal().IsInteger() {
			// A table published in pence is apportioned in pence, as
			// funding.BaselineScenario does.
			f.Unit = funding.Pence
		}
		if l.Members > 0 {
			f.setLine(l.Org, LineForm{Rate: l.Rate.String(), Members: strconv.Itoa(l.Members)})
		}
	}
	return f
}

// NewModel returns the model for the baseline with an unchanged form and
// no succession to apply.
func NewModel(base funding.Baseline) *Model {
	return NewModelFor(Partnership{Baseline: base})
}

// NewModelFor returns the model for a partnership's table with an
// unchanged form.
func NewModelFor(pt Partnership) *Model {
	m := &Model{Baseline: pt.Baseline, Succession: pt.Succession}
	m.Load(NewForm(pt.Baseline))
	return m
}

// Load replaces the form and recomputes.
func (m *Model) Load(f Form) {
	m.Loads++
	m.Form = f.clone()
	m.settled = nil
	m.Recompute()
	m.Settle()
}

// Reset goes back to the unchanged baseline.
func (m *Model) Reset() {
	m.Notice = ""
	m.Load(NewForm(m.Baseline))
}

// Set changes one field to the value typed and recomputes. Check boxes
// take "true" or "false". A choice the page does not offer (an unknown
// sharing method, rounding unit or policy) and an unknown field leave the
// form as it is.
func (m *Model) Set(f Field, value string) {
	if f != m.lastEdited {
		// The previous field has been left: its result is settled.
		m.Settle()
	}
	m.lastEdited = f
	kind, key := f.Split()
	form := &m.Form
	switch Field(kind) {
	case FieldName:
		form.Name = value
	case FieldYear:
		if value != "" && !m.offersYear(value) {
			return
		}
		form.Year = normaliseYear(value)
	case FieldBudget:
		form.Budget = value
	case FieldUplift:
		form.Uplift = value
	case FieldICB:
		on := value == "true"
		if on != form.ICB && m.Succession != nil {
			m.carryShares(on)
		}
		form.ICB = on
		// Removals of contributors the merger replaces (or, undoing it,
		// of the boards) no longer apply.
		m.Removable = m.removable()
		form.Removed = m.keepRemovable(form.Removed)
	case FieldMethod:
		switch method := funding.Method(value); method {
		case "", funding.BaselineShares, funding.Percentages, funding.Weights:
			form.Method = method
		default:
			return // not one of the choices the page offers
		}
		if form.Method == funding.Percentages {
			m.prefillPercentages()
		}
	case FieldBasis:
		form.Basis = value
	case FieldUnit:
		if u := funding.Unit(value); u != "" && !u.Valid() {
			return
		}
		form.Unit = funding.Unit(value)
	case FieldPolicy:
		if p := funding.Policy(value); p != "" && !p.Valid() {
			return
		}
		form.Policy = funding.Policy(value)
	default:
		m.setKeyed(kind, key, value)
	}
	m.Recompute()
}

func (m *Model) setKeyed(kind, key, value string) {
	form := &m.Form
	org := vocab.ID(key)
	switch kind {
	case KindRemove:
		removed := form.IsRemoved(org)
		switch {
		case value == "true" && !removed:
			form.Removed = append(form.Removed, org)
			// Keep the baseline's order so the URL does not depend on
			// the order of clicks.
			form.Removed = m.baselineOrder(form.Removed)
		case value != "true" && removed:
			out := form.Removed[:0]
			for _, r := range form.Removed {
				if r != org {
					out = append(out, r)
				}
			}
			form.Removed = out
		}
	case KindAddName, KindAddAmt:
		i, err := strconv.Atoi(key)
		if err != nil || i < 0 || i >= len(form.Added) {
			return
		}
		if kind == KindAddName {
			form.Added[i].Name = value
		} else {
			form.Added[i].Amount = value
		}
	default:
		l := form.Line(org)
		switch kind {
		case KindFixed:
			l.Fixed = value
		case KindRate:
			l.Rate = value
		case KindMembers:
			l.Members = value
		case KindPercent:
			l.Percent = value
		case KindWeight:
			l.Weight = value
		case KindCap:
			l.Cap = value
		case KindFloor:
			l.Floor = value
		default:
			return
		}
		form.setLine(org, l)
	}
}

// baselineOrder returns the IDs in ids that can be removed, in the order
// of Removable.
func (m *Model) baselineOrder(ids []vocab.ID) []vocab.ID {
	var out []vocab.ID
	for _, c := range m.Removable {
		for _, id := range ids {
			if id == c.Org {
				out = append(out, id)
				break
			}
		}
	}
	return out
}

// keepRemovable drops removals of contributors that are no longer there
// to remove, such as a clinical commissioning group once the merger is
// applied.
func (m *Model) keepRemovable(ids []vocab.ID) []vocab.ID {
	if len(ids) == 0 {
		return nil
	}
	return m.baselineOrder(ids)
}

// AddContributor adds an empty row for a new contributor.
func (m *Model) AddContributor() {
	if len(m.Form.Added) >= MaxAdded {
		return
	}
	m.Form.Added = append(m.Form.Added, Added{})
	m.Recompute()
}

// DropAdded removes the i-th added contributor.
func (m *Model) DropAdded(i int) {
	if i < 0 || i >= len(m.Form.Added) {
		return
	}
	m.Form.Added = append(m.Form.Added[:i:i], m.Form.Added[i+1:]...)
	m.Recompute()
}

// prefillPercentages fills empty percentage fields with each sharing
// contributor's part of the shared sum in the current result, to two
// decimal places and summing to exactly 100 (funding.Apportion does the
// split), so that switching to stated percentages starts from today's
// shares.
func (m *Model) prefillPercentages() {
	if m.Result == nil {
		return
	}
	var shares []funding.Share
	for _, l := range m.Result.Lines {
		if l.Basis != funding.ShareBasis {
			continue
		}
		if strings.TrimSpace(m.Form.Line(l.Org).Percent) != "" {
			return // the user has percentages already
		}
		shares = append(shares, funding.Share{ID: l.Org, Weight: l.Amount.Decimal()})
	}
	if len(shares) == 0 {
		return
	}
	parts, err := funding.Apportion(decimal.NewFromInt(100), shares, funding.Rounding{Unit: funding.Pence, Policy: funding.LargestRemainder})
	if err != nil {
		return
	}
	for i, s := range shares {
		l := m.Form.Line(s.ID)
		l.Percent = parts[i].StringFixed(2)
		m.Form.setLine(s.ID, l)
	}
}

// carryShares moves typed percentages and weights across the succession
// as it is applied (on) or undone: applying it, each successor gets the
// sum of what its predecessors had; undoing it, the successors' entries
// go and stated percentages start again from the baseline shares. Without
// this, ticking the succession after typing percentages would leave the
// successors' inputs empty and in error.
func (m *Model) carryShares(on bool) {
	form := &m.Form
	if form.Method != funding.Percentages && form.Method != funding.Weights {
		return
	}
	if !on {
		for _, mv := range m.Succession.Moves {
			l := form.Line(mv.To)
			l.Percent, l.Weight = "", ""
			form.setLine(mv.To, l)
		}
		if form.Method == funding.Percentages {
			for org := range form.Lines {
				l := form.Line(org)
				l.Percent = ""
				form.setLine(org, l)
			}
			method := form.Method
			form.Method = funding.BaselineShares
			form.ICB = false
			m.Recompute()
			form.Method = method
			m.prefillPercentages()
		}
		return
	}
	type sums struct{ percent, weight decimal.Decimal }
	to := map[vocab.ID]*sums{}
	var order []vocab.ID
	for _, mv := range m.Succession.Moves {
		part := decimal.NewFromInt(1)
		if mv.Percent.IsSet() {
			part = mv.Percent.Decimal().Div(decimal.NewFromInt(100))
		}
		src := form.Line(mv.From)
		if to[mv.To] == nil {
			to[mv.To] = &sums{}
			order = append(order, mv.To)
		}
		if p, err := decimal.NewFromString(strings.TrimSpace(normaliseNumber(src.Percent))); err == nil {
			to[mv.To].percent = to[mv.To].percent.Add(p.Mul(part))
		}
		if w, err := decimal.NewFromString(strings.TrimSpace(normaliseNumber(src.Weight))); err == nil {
			to[mv.To].weight = to[mv.To].weight.Add(w.Mul(part))
		}
	}
	for _, mv := range m.Succession.Moves {
		l := form.Line(mv.From)
		l.Percent, l.Weight = "", ""
		form.setLine(mv.From, l)
	}
	for _, org := range order {
		l := form.Line(org)
		if form.Method == funding.Percentages {
			l.Percent = to[org].percent.String()
		} else if !to[org].weight.IsZero() {
			l.Weight = to[org].weight.String()
		}
		form.setLine(org, l)
	}
}

// Recompute rebuilds the scenario from the form and applies it. When the
// form has problems, they are listed and the last valid result stays.
func (m *Model) Recompute() {
	m.Problems = nil
	m.structure()

	full := buildScenario(m.Baseline, m.Succession, m.Form, m.Contributors, false)
	m.Problems = append(m.Problems, full.problems...)
	if len(m.Problems) == 0 {
		res, err := funding.Apply(full.scenario)
		if err != nil {
			m.addApplyProblems(full, err)
		} else {
			m.Result = res
			m.Comparison = res.Compare()
			m.Scenario = full.scenario
			m.ResultForm = m.Form.clone()
		}
	}
	m.Problems = dedupe(m.Problems)
	m.Stale = len(m.Problems) > 0
	if m.Stale && m.settled != nil {
		// Show the result the user last paused on, not the one from a
		// keystroke ago: typing -500 must not leave a -50% table on
		// screen beside the error (bug 6).
		m.Result, m.Comparison, m.Scenario, m.ResultForm = m.settled.result, m.settled.comparison, m.settled.scenario, m.settled.form
	}
}

// settledResult is a result the user paused on.
type settledResult struct {
	result     *funding.Result
	comparison *funding.Comparison
	scenario   *funding.Scenario
	form       Form
}

// Settle records the current result, if the form has no problems, as
// the one to show while a later form has problems. The page calls it
// when typing pauses or a field is left; Load and Reset call it too.
func (m *Model) Settle() {
	if m.Stale || m.Result == nil {
		return
	}
	m.settled = &settledResult{m.Result, m.Comparison, m.Scenario, m.ResultForm}
}

// structureCache holds what the part of the form that decides who
// contributes (the merger, removals and additions) last gave, so that
// edits to amounts do not recompute it.
type structureCache struct {
	key          string
	removable    []Contributor
	contributors []Contributor
	problems     []Problem
}

// structureKey identifies the part of the form that decides who
// contributes. Each string is quoted, so different forms give different
// keys.
func structureKey(f Form) string {
	var b strings.Builder
	b.WriteString(strconv.FormatBool(f.ICB))
	for _, r := range f.Removed {
		b.WriteString(" r")
		b.WriteString(strconv.Quote(string(r)))
	}
	for _, a := range f.Added {
		b.WriteString(" a")
		b.WriteString(strconv.Quote(a.Name))
		b.WriteString(strconv.Quote(a.Amount))
	}
	return b.String()
}

// structure sets Removable and Contributors, and the problems of the
// changes that decide who contributes.
func (m *Model) structure() {
	key := structureKey(m.Form)
	if c := m.cache; c != nil && c.key == key {
		m.Removable, m.Contributors = c.removable, c.contributors
		m.Problems = append(m.Problems, c.problems...)
		return
	}
	var probs []Problem
	m.Removable = m.removable()

	// When the changes have problems of their own, the list falls back to
	// fewer of them, never to an earlier state, so the page depends on
	// the form alone.
	structure := buildScenario(m.Baseline, m.Succession, m.Form, nil, true)
	m.Contributors = nil
	if len(structure.problems) == 0 {
		if res, err := funding.Apply(structure.scenario); err == nil {
			m.Contributors = m.contributorsOf(res)
		} else {
			probs = m.applyProblems(structure, err)
		}
	}
	if m.Contributors == nil {
		fallback := m.Form.clone()
		fallback.Added = nil
		if res, err := funding.Apply(buildScenario(m.Baseline, m.Succession, fallback, nil, true).scenario); err == nil {
			m.Contributors = m.contributorsOf(res)
		} else {
			m.Contributors = m.Removable
		}
	}
	m.cache = &structureCache{key: key, removable: m.Removable, contributors: m.Contributors, problems: probs}
	m.Problems = append(m.Problems, probs...)
}

// addApplyProblems adds the errors funding.Apply reports as problems on
// the fields the changes came from.
func (m *Model) addApplyProblems(b *scenarioBuild, err error) {
	m.Problems = append(m.Problems, m.applyProblems(b, err)...)
}

// speakOfChanges rewrites the changes' JSON paths inside one of
// funding's messages, such as "changes[3]" or "changes[3].amount", as
// "change 4".
func speakOfChanges(msg string) string {
	var b strings.Builder
	for {
		i := strings.Index(msg, "changes[")
		if i < 0 {
			b.WriteString(msg)
			return b.String()
		}
		b.WriteString(msg[:i])
		rest := msg[i+len("changes["):]
		j := strings.IndexByte(rest, ']')
		n, err := strconv.Atoi(rest[:max(j, 0)])
		if j <= 0 || err != nil {
			b.WriteString("changes[")
			msg = rest
			continue
		}
		b.WriteString("change " + strconv.Itoa(n+1))
		rest = rest[j+1:]
		// Drop the field path that follows, such as ".amount" or
		// ".parts[2].percent".
		for len(rest) > 1 && rest[0] == '.' && rest[1] >= 'a' && rest[1] <= 'z' {
			k := 1
			for k < len(rest) && (rest[k] >= 'a' && rest[k] <= 'z' || rest[k] >= 'A' && rest[k] <= 'Z' || rest[k] == '[' || rest[k] == ']' || rest[k] >= '0' && rest[k] <= '9') {
				k++
			}
			rest = rest[k:]
		}
		msg = rest
	}
}

// applyProblems turns the errors funding.Apply reports into problems on
// the fields the changes came from, in the form's words: the value is
// the one typed in that field, a change is "change 4" rather than its
// JSON path, and a problem that two fields cause together goes to the
// one just edited.
func (m *Model) applyProblems(b *scenarioBuild, err error) []Problem {
	ps := vocab.AsProblems(err)
	if len(ps) == 0 {
		return []Problem{{Field: FieldGeneral, Message: err.Error()}}
	}
	out := make([]Problem, len(ps))
	for i, p := range ps {
		f := b.fieldOf(p.Field)
		msg := p.Message
		switch p.Rule {
		case "budget":
			// The fixed amounts and flat rates exceed the budget: the
			// amount or rate just typed is the cause, when it is one.
			if k, _ := m.lastEdited.Split(); m.lastEdited != "" && m.Form.Value(m.lastEdited) != "" &&
				(k == KindFixed || k == KindRate || k == KindMembers || k == KindAddAmt) {
				f = m.lastEdited
				if _, sum, ok := strings.Cut(msg, "add up to "); ok {
					msg = "makes the fixed amounts and flat rates add up to " + sum + ", more than the total budget"
				}
			}
		case "floors":
			msg = "makes " + msg
		case "one-change":
			msg = "cannot be used with a changed total budget: change the total budget or give an uplift, not both"
		case "cap-above-floor":
			// A cap below its floor: the one just typed is at fault.
			k, key := m.lastEdited.Split()
			if _, fkey := f.Split(); (k == KindCap || k == KindFloor) && key == fkey {
				f = m.lastEdited
			}
		}
		msg = speakOfChanges(msg)
		value := p.Value
		if k, _ := f.Split(); f != FieldGeneral && k != KindRemove && f != FieldICB && f != FieldMethod {
			value = m.Form.Value(f) // as typed, not as funding formats it
		}
		out[i] = Problem{Field: f, Value: value, Message: msg}
	}
	return out
}

func dedupe(ps []Problem) []Problem {
	seen := map[Problem]bool{}
	out := ps[:0]
	for _, p := range ps {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// removable returns the contributors that can be removed: the
// baseline's, with the merger applied when the form asks for it.
func (m *Model) removable() []Contributor {
	if m.Form.ICB {
		merged := buildScenario(m.Baseline, m.Succession, Form{ICB: true}, nil, true)
		if res, err := funding.Apply(merged.scenario); err == nil {
			return m.contributorsOf(res)
		}
	}
	return m.contributorsOfBaseline()
}

func (m *Model) contributorsOf(res *funding.Result) []Contributor {
	out := make([]Contributor, 0, len(res.Lines))
	for _, l := range res.Lines {
		c := Contributor{Org: l.Org, Name: l.Name, Basis: l.Basis, Members: l.Members, Rate: l.Rate, Added: -1}
		for i, a := range m.Form.Added {
			if Slug(strings.TrimSpace(a.Name)) == l.Org {
				c.Added = i
			}
		}
		out = append(out, c)
	}
	return out
}

func (m *Model) contributorsOfBaseline() []Contributor {
	out := make([]Contributor, 0, len(m.Baseline.Lines))
	for _, l := range m.Baseline.Lines {
		basis := funding.ShareBasis
		if l.Members > 0 {
			basis = funding.FlatRateBasis
		}
		out = append(out, Contributor{Org: l.Org, Name: l.Name, Basis: basis, Members: l.Members, Rate: l.Rate, Added: -1})
	}
	return out
}

// ProblemsFor returns the problems with field f.
func (m *Model) ProblemsFor(f Field) []Problem {
	var out []Problem
	for _, p := range m.Problems {
		if p.Field == f {
			out = append(out, p)
		}
	}
	return out
}

// GeneralProblems returns the problems that belong to no single field
// the page shows: those on FieldGeneral and those on fields of
// contributors no longer shown.
func (m *Model) GeneralProblems() []Problem {
	shown := map[Field]bool{}
	for _, f := range m.ShownFields() {
		shown[f] = true
	}
	var out []Problem
	for _, p := range m.Problems {
		if !shown[p.Field] {
			out = append(out, p)
		}
	}
	return out
}

// ShownFields lists the fields the page shows for the current form, in
// page order.
func (m *Model) ShownFields() []Field {
	fs := []Field{FieldName, FieldBudget, FieldUplift, FieldICB, FieldMethod}
	if m.Form.Method == funding.Weights {
		fs = append(fs, FieldBasis)
	}
	for _, c := range m.Contributors {
		if c.Added >= 0 {
			continue
		}
		if c.Basis == funding.FlatRateBasis {
			fs = append(fs, LineField(KindRate, c.Org), LineField(KindMembers, c.Org))
		}
		fs = append(fs, LineField(KindFixed, c.Org))
		if m.SharesInput(c) {
			switch m.Form.Method {
			case funding.Percentages:
				fs = append(fs, LineField(KindPercent, c.Org))
			case funding.Weights:
				fs = append(fs, LineField(KindWeight, c.Org))
			}
		}
		fs = append(fs, LineField(KindCap, c.Org), LineField(KindFloor, c.Org))
	}
	for _, l := range m.Removable {
		fs = append(fs, LineField(KindRemove, l.Org))
	}
	for i := range m.Form.Added {
		fs = append(fs, Field(KindAddName+":"+strconv.Itoa(i)), Field(KindAddAmt+":"+strconv.Itoa(i)))
	}
	return append(fs, FieldUnit, FieldPolicy, FieldYear)
}

// YearsAhead is how many financial years after the baseline's a scenario
// may be for.
const YearsAhead = 5

// Years lists the financial years a scenario may be for: the years after
// the baseline's, the next one first.
func (m *Model) Years() []vocab.FinancialYear {
	out := make([]vocab.FinancialYear, YearsAhead)
	for i := range out {
		out[i] = m.Baseline.Year + vocab.FinancialYear(i+1)
	}
	return out
}

// offersYear reports whether v names one of Years, such as "2022/23"
// (or "2022").
func (m *Model) offersYear(v string) bool {
	y, ok := parseYear(v)
	return ok && slices.Contains(m.Years(), y)
}

// Year returns the financial year the form is for, as "2022/23": the
// year chosen, or the year after the baseline's.
func (m *Model) Year() string {
	if m.Form.Year != "" {
		return m.Form.Year
	}
	return m.Baseline.Year.Next().String()
}

// SharesInput reports whether contributor c takes a percentage or weight
// input: it pays a share and has no fixed amount typed.
func (m *Model) SharesInput(c Contributor) bool {
	return c.Basis == funding.ShareBasis && strings.TrimSpace(m.Form.Line(c.Org).Fixed) == ""
}
