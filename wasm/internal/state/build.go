package state

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/masa-go/masa/funding"
	"github.com/masa-go/masa/vocab"
)

// Problem is one thing wrong with the form, shown next to its field.
type Problem struct {
	// Field is the input at fault; FieldGeneral for a problem with the
	// scenario as a whole.
	Field Field
	// Value is the offending value as typed.
	Value string
	// Message says what is wrong, as a sentence fragment such as "is not
	// a decimal number such as 1210 or 2.5".
	Message string
}

// scenarioBuild is a form turned into a scenario, with the way back from
// each change's JSON path to the field it came from.
type scenarioBuild struct {
	scenario *funding.Scenario
	// paths maps a JSON path ("changes[3]", "changes[5].parts[2]") to a
	// form field; a problem goes to the field of its longest matching
	// prefix.
	paths    map[string]Field
	problems []Problem
}

// buildScenario turns the form into a scenario on the baseline. Values
// that are not numbers are reported against their fields; what the
// numbers mean is left to funding.Apply. structureOnly keeps only the
// changes that decide who contributes (the merger, removals and
// additions), which is how the form learns which contributors to show.
// contributors are the lines the per-contributor inputs apply to;
// succession is the mapping the form's succession check box applies.
func buildScenario(base funding.Baseline, succession *funding.Mapping, f Form, contributors []Contributor, structureOnly bool) *scenarioBuild {
	b := &scenarioBuild{paths: map[string]Field{}}
	s := &funding.Scenario{
		Name:     strings.TrimSpace(f.Name),
		Year:     base.Year.Next(),
		Rounding: roundingOf(f),
		Baseline: base,
		Changes:  []funding.Change{},
	}
	if y, ok := parseYear(f.Year); ok {
		s.Year = y
	} else if f.Year != "" {
		b.problem(FieldYear, f.Year, "is not a financial year such as 2022/23")
	}
	if s.Name == "" {
		s.Name = "Scenario for " + s.Year.String()
	}
	b.scenario = s
	b.paths["name"] = FieldName
	b.paths["year"] = FieldYear
	b.paths["rounding.unit"] = FieldUnit
	b.paths["rounding.policy"] = FieldPolicy
	// A budget that the fixed amounts exceed is reported against the
	// baseline when the total is unchanged.
	b.paths["baseline"] = FieldBudget
	add := func(field Field, ch funding.Change) int {
		s.Changes = append(s.Changes, ch)
		i := len(s.Changes) - 1
		b.paths[changePath(i)] = field
		return i
	}

	if f.ICB {
		if succession == nil {
			b.problem(FieldICB, "true", "cannot apply: the partnership file records no succession after the table's year begins")
		} else {
			m := *succession
			add(FieldICB, funding.Change{Kind: funding.Remap, Map: &m})
		}
	}
	for _, org := range f.Removed {
		add(LineField(KindRemove, org), funding.Change{Kind: funding.Remove, Org: org})
	}
	for i, a := range f.Added {
		nameField := Field(KindAddName + ":" + strconv.Itoa(i))
		amtField := Field(KindAddAmt + ":" + strconv.Itoa(i))
		name := strings.TrimSpace(a.Name)
		org := Slug(name)
		ch := funding.Change{Kind: funding.Add, Name: name, Org: org}
		if name == "" {
			b.problem(nameField, a.Name, "is empty; give the new contributor's name")
		} else if org == "" {
			b.problem(nameField, a.Name, "needs at least one letter or digit")
		}
		ch.Amount = b.number(amtField, a.Amount, true)
		j := add(nameField, ch)
		b.paths[changePath(j)+".amount"] = amtField
		b.paths[changePath(j)+".org"] = nameField
		b.paths[changePath(j)+".name"] = nameField
	}
	if structureOnly {
		return b
	}

	if budget := strings.TrimSpace(f.Budget); budget == "" {
		b.problem(FieldBudget, f.Budget, "is empty; give the total budget in pounds, such as 400000")
	} else if n := b.number(FieldBudget, budget, true); n.IsSet() && !n.Decimal().Equal(base.Total().Decimal()) {
		add(FieldBudget, funding.Change{Kind: funding.SetTotal, Amount: n})
	}
	if n := b.number(FieldUplift, f.Uplift, false); n.IsSet() {
		add(FieldUplift, funding.Change{Kind: funding.Uplift, Percent: n})
	}
	for _, c := range contributors {
		if c.Basis != funding.FlatRateBasis || c.Added >= 0 {
			continue
		}
		l := f.Line(c.Org)
		rateField, membersField := LineField(KindRate, c.Org), LineField(KindMembers, c.Org)
		ch := funding.Change{Kind: funding.FlatRate, Org: c.Org}
		if rate := b.number(rateField, l.Rate, true); rate.IsSet() && !rate.Decimal().Equal(c.Rate.Decimal()) {
			ch.Rate = rate
		}
		if members, ok := b.count(membersField, l.Members); ok && members != c.Members {
			ch.Members = &members
		}
		if !ch.Rate.IsSet() && ch.Members == nil {
			continue
		}
		i := add(rateField, ch)
		b.paths[changePath(i)+".members"] = membersField
	}
	for _, c := range contributors {
		if c.Added >= 0 {
			continue
		}
		if n := b.number(LineField(KindFixed, c.Org), f.Line(c.Org).Fixed, false); n.IsSet() {
			add(LineField(KindFixed, c.Org), funding.Change{Kind: funding.Fixed, Org: c.Org, Amount: n})
		}
	}
	switch f.Method {
	case "", funding.BaselineShares:
	case funding.Weights:
		if !anyWeight(f, contributors) {
			// Nothing typed yet: the baseline shares apply until the
			// first weight is, rather than an error for every input.
			break
		}
		fallthrough
	case funding.Percentages:
		rule := funding.ShareRule{Method: f.Method}
		var fields []Field
		for _, c := range contributors {
			if c.Basis != funding.ShareBasis || c.Added >= 0 || strings.TrimSpace(f.Line(c.Org).Fixed) != "" {
				continue // flat rates and fixed amounts are not shared
			}
			if f.Method == funding.Percentages {
				fd := LineField(KindPercent, c.Org)
				n := b.number(fd, f.Line(c.Org).Percent, false)
				if strings.TrimSpace(f.Line(c.Org).Percent) == "" {
					b.problem(fd, "", "is empty; give a percentage for each contributor that pays a share")
				}
				rule.Parts = append(rule.Parts, funding.Part{Label: c.Name, Orgs: []vocab.ID{c.Org}, Percent: n})
				fields = append(fields, fd)
			} else {
				fd := LineField(KindWeight, c.Org)
				n := b.number(fd, f.Line(c.Org).Weight, false)
				if strings.TrimSpace(f.Line(c.Org).Weight) == "" {
					b.problem(fd, "", "is empty; give a weight for each contributor that pays a share")
				}
				rule.Weights = append(rule.Weights, funding.Weight{Org: c.Org, Weight: n})
				fields = append(fields, fd)
			}
		}
		if f.Method == funding.Weights {
			rule.Basis = strings.TrimSpace(f.Basis)
		}
		i := add(FieldMethod, funding.Change{Kind: funding.Shares, ShareRule: rule})
		b.paths[changePath(i)+".basis"] = FieldBasis
		for j, fd := range fields {
			if f.Method == funding.Percentages {
				b.paths[fmt.Sprintf("%s.parts[%d]", changePath(i), j)] = fd
			} else {
				b.paths[fmt.Sprintf("%s.weights[%d]", changePath(i), j)] = fd
			}
		}
	default:
		b.problem(FieldMethod, string(f.Method), "is not a sharing method offered here")
	}
	for _, c := range contributors {
		if c.Added >= 0 {
			continue
		}
		if n := b.number(LineField(KindCap, c.Org), f.Line(c.Org).Cap, false); n.IsSet() {
			add(LineField(KindCap, c.Org), funding.Change{Kind: funding.Cap, Org: c.Org, Amount: n})
		}
		if n := b.number(LineField(KindFloor, c.Org), f.Line(c.Org).Floor, false); n.IsSet() {
			add(LineField(KindFloor, c.Org), funding.Change{Kind: funding.Floor, Org: c.Org, Amount: n})
		}
	}
	return b
}

// anyWeight reports whether a weight is typed for any contributor that
// takes one.
func anyWeight(f Form, contributors []Contributor) bool {
	for _, c := range contributors {
		if strings.TrimSpace(f.Line(c.Org).Weight) != "" {
			return true
		}
	}
	return false
}

// roundingOf returns the form's rounding with the defaults written out,
// so that a downloaded scenario names its unit and policy (bug 13).
func roundingOf(f Form) funding.Rounding {
	r := funding.DefaultRounding()
	if f.Unit != "" {
		r.Unit = f.Unit
	}
	if f.Policy != "" {
		r.Policy = f.Policy
	}
	return r
}

func changePath(i int) string { return "changes[" + strconv.Itoa(i) + "]" }

func (b *scenarioBuild) problem(f Field, value, msg string) {
	b.problems = append(b.problems, Problem{Field: f, Value: value, Message: msg})
}

// number parses a typed number. An empty optional field is not set; any
// other text that is not a plain decimal number is a problem.
func (b *scenarioBuild) number(f Field, text string, required bool) funding.Number {
	t := strings.TrimSpace(text)
	if t == "" {
		if required {
			b.problem(f, text, "is empty")
		}
		return funding.Number{}
	}
	n, err := funding.ParseNumber(string(f), normaliseNumber(t))
	if err != nil {
		if ps := vocab.AsProblems(err); len(ps) > 0 {
			b.problem(f, text, ps[0].Message)
		} else {
			b.problem(f, text, err.Error())
		}
		return funding.Number{}
	}
	return n
}

// count parses a whole number of members, which is required.
func (b *scenarioBuild) count(f Field, text string) (int, bool) {
	t := strings.TrimSpace(text)
	if t == "" {
		b.problem(f, text, "is empty; give the number of members, such as 12")
		return 0, false
	}
	n, err := strconv.Atoi(t)
	if err != nil || len(t) > 6 {
		b.problem(f, text, "is not a whole number such as 12")
		return 0, false
	}
	return n, true
}

// normaliseNumber accepts the ways people write sums in a form — a
// leading pound sign, thousands separators, a trailing percent sign —
// and nothing more: "£389,095" is 389095, "2.5%" is 2.5. Any other
// character is left in place for funding.ParseNumber to reject.
func normaliseNumber(s string) string {
	s = strings.TrimPrefix(s, "£")
	s = strings.TrimSuffix(s, "%")
	if strings.Contains(s, ",") && validThousands(s) {
		s = strings.ReplaceAll(s, ",", "")
	}
	return strings.TrimSpace(s)
}

// validThousands reports whether the commas in s separate groups of
// three digits, as in "389,095" or "-1,210.50".
func validThousands(s string) bool {
	s = strings.TrimPrefix(s, "-")
	whole, _, _ := strings.Cut(s, ".")
	groups := strings.Split(whole, ",")
	for i, g := range groups {
		if len(g) == 0 || len(g) > 3 || (i > 0 && len(g) != 3) {
			return false
		}
		for _, c := range g {
			if c < '0' || c > '9' {
				return false
			}
		}
	}
	return true
}

// fieldOf returns the form field a funding problem path belongs to: the
// field of its longest registered prefix, or FieldGeneral.
func (b *scenarioBuild) fieldOf(path string) Field {
	for p := path; p != ""; p = parentPath(p) {
		if f, ok := b.paths[p]; ok {
			return f
		}
	}
	return FieldGeneral
}

// parentPath drops the last element of a JSON path: "a[2].b" → "a[2]",
// "a[2]" → "a", "a" → "".
func parentPath(p string) string {
	if strings.HasSuffix(p, "]") {
		if i := strings.LastIndexByte(p, '['); i >= 0 {
			return p[:i]
		}
	}
	if i := strings.LastIndexByte(p, '.'); i >= 0 {
		return p[:i]
	}
	return ""
}

// Slug turns a contributor's name into an organisation ID: lower-case
// letters and digits, with every other run of characters becoming one
// hyphen, such as "Essex Fire & Rescue" → "essex-fire-rescue". It returns
// "" when the name has no letters or digits.
func Slug(name string) vocab.ID {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
		default:
			hyphen = true
		}
		if b.Len() >= 60 {
			break
		}
	}
	return vocab.ID(b.String())
}
