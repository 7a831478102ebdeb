package funding

import (
	"strconv"
	"strings"

	"github.com/masa-go/masa/vocab"
	"github.com/shopspring/decimal"
)

// Limits on the size of a scenario, so that a shared link cannot make the
// calculation slow.
const (
	// MaxChanges is the most changes a scenario may have.
	MaxChanges = 200
	// MaxContributors is the most lines a baseline may have.
	MaxContributors = 1000
	// MaxPercentPlaces is the most decimal places a percentage may have.
	MaxPercentPlaces = 6
	// MaxTextLength is the longest name, label or note, in bytes.
	MaxTextLength = 300
)

var hundred = decimal.NewFromInt(100)

// Check returns nil or vocab.Problems listing every problem with the
// scenario's form: the baseline table (missing or repeated contributors,
// amounts below zero or with more decimal places than the rounding unit
// allows, a group line whose amount is not members × rate, a zero total),
// the rounding, and each change on its own (a kind's missing fields,
// fields the kind does not use, percentages that do not sum to 100 where
// they must). Problems that depend on the order of changes, such as a
// change naming a contributor that does not exist at that point or two
// changes setting the same thing, are found by [Apply].
func (s *Scenario) Check() error {
	var c checker
	c.places = s.Rounding.OrDefault().Unit.Places()
	c.unit = s.Rounding.OrDefault().Unit
	c.ps = append(c.ps, s.Rounding.Check("rounding")...)
	c.text("name", s.Name, false)
	c.baseline(s.Baseline)
	if s.Year != 0 && s.Baseline.Year != 0 && s.Year < s.Baseline.Year {
		c.add(vocab.Invalid("year", "after-baseline", s.Year.String(), "is before the baseline year "+s.Baseline.Year.String()))
	}
	if len(s.Changes) > MaxChanges {
		c.add(vocab.Invalid("changes", "max", strconv.Itoa(len(s.Changes)), "has more than "+strconv.Itoa(MaxChanges)+" changes"))
		return c.ps.Err()
	}
	for i := range s.Changes {
		c.change(indexed("changes", i, ""), &s.Changes[i])
	}
	return c.ps.Err()
}

type checker struct {
	ps     vocab.Problems
	places int32
	unit   Unit
}

func (c *checker) add(e *vocab.FieldError) { c.ps.Add(e) }

func (c *checker) text(field, s string, required bool) {
	switch {
	case required && strings.TrimSpace(s) == "":
		c.add(vocab.Invalid(field, "required", s, "is empty"))
	case len(s) > MaxTextLength:
		c.add(vocab.Invalid(field, "max", s[:40]+"…", "is longer than "+strconv.Itoa(MaxTextLength)+" bytes"))
	default:
		// Control characters and personal data (issue 13), for
		// scenarios built in code as well as decoded ones.
		if fe := vocab.ScreenText(field, s); fe != nil {
			c.add(fe)
		}
	}
}

func (c *checker) id(field string, id vocab.ID) {
	if fe := id.Problem(field); fe != nil {
		c.add(fe)
	}
}

func (c *checker) role(field string, r vocab.Role) {
	if r != "" && !r.Valid() {
		c.add(vocab.Invalid(field, "role", string(r), `is not a statutory partner role; use "local-authority", "police" or "health"`))
	}
}

// money checks a sum of money: given when required, not negative (or
// above zero when positive is set), and no finer than the unit.
func (c *checker) money(field string, n Number, required, positive bool) bool {
	if !n.IsSet() {
		if required {
			c.add(vocab.Invalid(field, "required", "", "is missing; give an amount in pounds such as \"1210\""))
		}
		return false
	}
	ok := true
	switch {
	case tooBig(n.Decimal(), MaxNumberDigits):
		c.add(vocab.Invalid(field, "size", decText(n.Decimal()), "has more than "+strconv.Itoa(MaxNumberDigits)+" digits"))
		return false
	case positive && n.Decimal().Sign() <= 0:
		c.add(vocab.Invalid(field, "positive", n.String(), "must be more than zero"))
		ok = false
	case n.Decimal().Sign() < 0:
		c.add(vocab.Invalid(field, "non-negative", n.String(), "must not be negative"))
		ok = false
	}
	if n.Places() > c.places {
		c.add(vocab.Invalid(field, "unit", n.String(), placesMessage(c.unit)))
		ok = false
	}
	return ok
}

func placesMessage(u Unit) string {
	if u == Pounds {
		return "has pence, but the rounding unit is whole pounds"
	}
	return "has more than 2 decimal places, but the rounding unit is pence"
}

// percent checks a percentage: given when required, within [lo, hi]
// (exclusive of lo when open), with at most MaxPercentPlaces places.
func (c *checker) percent(field string, n Number, required bool, lo, hi decimal.Decimal, openMin bool) {
	if !n.IsSet() {
		if required {
			c.add(vocab.Invalid(field, "required", "", "is missing; give a percentage such as \"2.5\""))
		}
		return
	}
	d := n.Decimal()
	switch {
	case tooBig(d, MaxNumberDigits):
		c.add(vocab.Invalid(field, "size", decText(d), "has more than "+strconv.Itoa(MaxNumberDigits)+" digits"))
	case n.Places() > MaxPercentPlaces:
		c.add(vocab.Invalid(field, "places", n.String(), "has more than "+strconv.Itoa(MaxPercentPlaces)+" decimal places"))
	case d.LessThan(lo) || (openMin && d.Equal(lo)):
		word := "at least "
		if openMin {
			word = "more than "
		}
		c.add(vocab.Invalid(field, "range", n.String(), "must be "+word+decText(lo)))
	case d.GreaterThan(hi):
		c.add(vocab.Invalid(field, "range", n.String(), "must be at most "+decText(hi)))
	}
}

func (c *checker) baseline(b Baseline) {
	if b.Year == 0 {
		c.add(vocab.Invalid("baseline.year", "required", "", "is missing; give the table's financial year, such as \"2020/21\""))
	}
	c.text("baseline.partnership", b.Partnership, false)
	switch {
	case len(b.Lines) == 0:
		c.add(vocab.Invalid("baseline.lines", "required", "", "is empty; list at least one contributor"))
		return
	case len(b.Lines) > MaxContributors:
		c.add(vocab.Invalid("baseline.lines", "max", strconv.Itoa(len(b.Lines)), "has more than "+strconv.Itoa(MaxContributors)+" contributors"))
		return
	}
	seen := map[vocab.ID]int{}
	allOK := true
	for i, l := range b.Lines {
		p := indexed("baseline.lines", i, "")
		c.id(p+".org", l.Org)
		if j, dup := seen[l.Org]; dup && l.Org != "" {
			c.add(vocab.Conflict(p+".org", "unique", string(l.Org), "repeats the contributor of baseline.lines["+strconv.Itoa(j)+"]"))
		} else {
			seen[l.Org] = i
		}
		c.text(p+".name", l.Name, true)
		c.role(p+".role", l.Role)
		ok := c.money(p+".amount", l.Amount, true, false)
		allOK = allOK && ok
		switch {
		case l.Members < 0:
			c.add(vocab.Invalid(p+".members", "non-negative", strconv.Itoa(l.Members), "must not be negative"))
		case l.Members > 0:
			if c.money(p+".rate", l.Rate, true, false) && ok {
				want := l.Rate.Decimal().Mul(decimal.NewFromInt(int64(l.Members)))
				if !want.Equal(l.Amount.Decimal()) {
					c.add(vocab.Invalid(p+".amount", "members-times-rate", l.Amount.String(), "is not members × rate ("+strconv.Itoa(l.Members)+" × "+l.Rate.String()+" = "+decText(want)+")"))
				}
			}
		case l.Rate.IsSet():
			c.add(vocab.Invalid(p+".rate", "members", l.Rate.String(), "is given without members; a rate is charged per member"))
		}
	}
	if allOK && b.Total().Decimal().Sign() <= 0 {
		c.add(vocab.Invalid("baseline.lines", "positive-total", decText(b.Total().Decimal()), "add up to zero; the baseline total must be more than zero"))
	}
}

// fields returns the JSON names of a change's fields that are given,
// other than kind and note.
func (ch *Change) fields() []string {
	var f []string
	add := func(name string, given bool) {
		if given {
			f = append(f, name)
		}
	}
	add("org", ch.Org != "")
	add("name", ch.Name != "")
	add("role", ch.Role != "")
	add("amount", ch.Amount.IsSet())
	add("percent", ch.Percent.IsSet())
	add("rate", ch.Rate.IsSet())
	add("members", ch.Members != nil)
	add("weight", ch.Weight.IsSet())
	add("method", ch.Method != "")
	add("parts", ch.Parts != nil)
	add("weights", ch.Weights != nil)
	add("basis", ch.Basis != "")
	add("mapping", ch.Mapping != "")
	add("map", ch.Map != nil)
	return f
}

// kindFields lists the fields each kind may use.
var kindFields = map[Kind][]string{
	SetTotal: {"amount"},
	Uplift:   {"percent", "org"},
	Fixed:    {"org", "amount"},
	FlatRate: {"org", "rate", "members"},
	Shares:   {"method", "parts", "weights", "basis"},
	Cap:      {"org", "amount"},
	Floor:    {"org", "amount"},
	Remap:    {"mapping", "map"},
	Add:      {"org", "name", "role", "amount", "weight", "rate", "members"},
	Remove:   {"org"},
}

func (c *checker) change(p string, ch *Change) {
	c.text(p+".note", ch.Note, false)
	if !ch.Kind.Valid() {
		names := make([]string, 0, len(Kinds()))
		for _, k := range Kinds() {
			names = append(names, string(k))
		}
		c.add(vocab.Invalid(p+".kind", "one-of", string(ch.Kind), "is not a kind of change; use one of "+strings.Join(names, ", ")))
		return
	}
	allowed := kindFields[ch.Kind]
	for _, f := range ch.fields() {
		if !contains(allowed, f) {
			c.add(vocab.Invalid(p+"."+f, "unused", "", "is not used by a "+string(ch.Kind)+" change; remove it"))
		}
	}
	if contains(allowed, "org") && ch.Kind != Uplift {
		if ch.Org == "" {
			c.add(vocab.Invalid(p+".org", "required", "", "is missing; name the contributor"))
		} else {
			c.id(p+".org", ch.Org)
		}
	} else if ch.Org != "" && contains(allowed, "org") {
		c.id(p+".org", ch.Org)
	}
	switch ch.Kind {
	case SetTotal:
		c.money(p+".amount", ch.Amount, true, true)
	case Uplift:
		c.percent(p+".percent", ch.Percent, true, decimal.NewFromInt(-100), decimal.NewFromInt(1000), true)
	case Fixed, Cap, Floor:
		c.money(p+".amount", ch.Amount, true, false)
	case FlatRate:
		if !ch.Rate.IsSet() && ch.Members == nil {
			c.add(vocab.Invalid(p+".rate", "required", "", "is missing; give a rate, members or both"))
		}
		c.money(p+".rate", ch.Rate, false, false)
		if ch.Members != nil && *ch.Members < 0 {
			c.add(vocab.Invalid(p+".members", "non-negative", strconv.Itoa(*ch.Members), "must not be negative"))
		}
	case Shares:
		c.rule(p, ch.ShareRule)
	case Remap:
		switch {
		case ch.Mapping == "" && ch.Map == nil:
			c.add(vocab.Invalid(p+".mapping", "required", "", "is missing; name a mapping of the partnership's successions such as \""+string(MappingID(vocab.MustDate("2022-07-01")))+"\" or give a map"))
		case ch.Mapping != "" && ch.Map != nil:
			c.add(vocab.Invalid(p+".map", "one-of", "", "is given as well as mapping; give one or the other"))
		case ch.Map != nil:
			c.mapping(p+".map", ch.Map)
		default:
			if _, ok := MappingByID(ch.Mapping); !ok {
				c.add(vocab.NotFound(p+".mapping", string(ch.Mapping), "is not a shipped mapping"))
			}
		}
	case Add:
		c.text(p+".name", ch.Name, true)
		c.role(p+".role", ch.Role)
		n := 0
		if ch.Amount.IsSet() {
			n++
			c.money(p+".amount", ch.Amount, true, false)
		}
		if ch.Weight.IsSet() {
			n++
			c.weight(p+".weight", ch.Weight)
		}
		if ch.Rate.IsSet() || ch.Members != nil {
			n++
			c.money(p+".rate", ch.Rate, true, false)
			if ch.Members == nil || *ch.Members < 1 {
				v := ""
				if ch.Members != nil {
					v = strconv.Itoa(*ch.Members)
				}
				c.add(vocab.Invalid(p+".members", "positive", v, "must be given and at least 1 with a rate"))
			}
		}
		if n != 1 {
			c.add(vocab.Invalid(p, "one-of", strconv.Itoa(n), "must give exactly one of amount (a fixed amount), weight (a share) or rate with members (a flat rate)"))
		}
	}
}

func (c *checker) weight(field string, n Number) {
	switch {
	case !n.IsSet():
		c.add(vocab.Invalid(field, "required", "", "is missing; give a weight such as \"311000\""))
	case n.Decimal().Sign() < 0:
		c.add(vocab.Invalid(field, "non-negative", n.String(), "must not be negative"))
	case tooBig(n.Decimal(), MaxNumberDigits):
		c.add(vocab.Invalid(field, "size", decText(n.Decimal()), "has more than "+strconv.Itoa(MaxNumberDigits)+" digits"))
	}
}

// rule checks a share rule, recursively for the parts of percentages.
func (c *checker) rule(p string, r ShareRule) {
	m := r.Method
	if m == "" {
		m = BaselineShares
	}
	if !m.Valid() {
		c.add(vocab.Invalid(p+".method", "one-of", string(r.Method), `is not a sharing method; use "baseline", "percentages", "weights" or "equal"`))
		return
	}
	if m != Percentages && r.Parts != nil {
		c.add(vocab.Invalid(p+".parts", "unused", "", "is only used by the percentages method"))
	}
	if m != Weights && r.Weights != nil {
		c.add(vocab.Invalid(p+".weights", "unused", "", "is only used by the weights method"))
	}
	if m != Weights && r.Basis != "" {
		c.add(vocab.Invalid(p+".basis", "unused", r.Basis, "is only used by the weights method"))
	}
	c.text(p+".basis", r.Basis, false)
	switch m {
	case Percentages:
		if len(r.Parts) == 0 {
			c.add(vocab.Invalid(p+".parts", "required", "", "is empty; list the parts and their percentages"))
			return
		}
		sum := decimal.Zero
		allSet := true
		for i, part := range r.Parts {
			pp := indexed(p+".parts", i, "")
			c.text(pp+".label", part.Label, false)
			c.role(pp+".role", part.Role)
			switch {
			case part.Role == "" && len(part.Orgs) == 0:
				c.add(vocab.Invalid(pp+".role", "required", "", "is missing; choose the part's contributors by role or list them in orgs"))
			case part.Role != "" && len(part.Orgs) > 0:
				c.add(vocab.Invalid(pp+".orgs", "one-of", "", "is given as well as role; choose the part's contributors one way"))
			}
			for j, o := range part.Orgs {
				c.id(indexed(pp+".orgs", j, ""), o)
			}
			c.percent(pp+".percent", part.Percent, true, decimal.Zero, hundred, false)
			allSet = allSet && part.Percent.IsSet()
			sum = sum.Add(part.Percent.Decimal())
			c.rule(pp, part.ShareRule)
		}
		if allSet && !sum.Equal(hundred) {
			c.add(vocab.Invalid(p+".parts", "sum-100", decText(sum), "has percentages that add up to "+decText(sum)+", not 100"))
		}
	case Weights:
		if len(r.Weights) == 0 {
			c.add(vocab.Invalid(p+".weights", "required", "", "is empty; give a weight for each contributor that pays a share"))
			return
		}
		seen := map[vocab.ID]int{}
		for i, w := range r.Weights {
			wp := indexed(p+".weights", i, "")
			c.id(wp+".org", w.Org)
			if j, dup := seen[w.Org]; dup {
				c.add(vocab.Conflict(wp+".org", "unique", string(w.Org), "repeats the contributor of weights["+strconv.Itoa(j)+"]"))
			} else {
				seen[w.Org] = i
			}
			c.weight(wp+".weight", w.Weight)
		}
	}
}

func (c *checker) mapping(p string, m *Mapping) {
	c.text(p+".name", m.Name, false)
	if m.ID != "" {
		c.id(p+".id", m.ID)
	}
	if len(m.Moves) == 0 {
		c.add(vocab.Invalid(p+".moves", "required", "", "is empty; list at least one move"))
	}
	type src struct {
		first   int
		sum     decimal.Decimal
		n       int
		partial bool
	}
	sources := map[vocab.ID]*src{}
	var order []vocab.ID
	pairs := map[[2]vocab.ID]bool{}
	for i, mv := range m.Moves {
		mp := indexed(p+".moves", i, "")
		c.id(mp+".from", mv.From)
		c.id(mp+".to", mv.To)
		if mv.From == mv.To && mv.From != "" {
			c.add(vocab.Invalid(mp+".to", "different", string(mv.To), "is the same as from"))
		}
		if pairs[[2]vocab.ID{mv.From, mv.To}] {
			c.add(vocab.Conflict(mp, "unique", string(mv.From)+" → "+string(mv.To), "repeats an earlier move"))
		}
		pairs[[2]vocab.ID{mv.From, mv.To}] = true
		c.percent(mp+".percent", mv.Percent, false, decimal.Zero, hundred, true)
		s := sources[mv.From]
		if s == nil {
			s = &src{first: i}
			sources[mv.From] = s
			order = append(order, mv.From)
		}
		s.n++
		if mv.Percent.IsSet() {
			s.partial = true
			s.sum = s.sum.Add(mv.Percent.Decimal())
		} else {
			s.sum = s.sum.Add(hundred)
		}
	}
	for _, from := range order {
		s := sources[from]
		if (s.n > 1 || s.partial) && !s.sum.Equal(hundred) {
			c.add(vocab.Invalid(indexed(p+".moves", s.first, "percent"), "sum-100", decText(s.sum), "the moves from "+string(from)+" add up to "+decText(s.sum)+" percent, not 100"))
		}
	}
	seen := map[vocab.ID]bool{}
	for i, t := range m.Targets {
		tp := indexed(p+".targets", i, "")
		c.id(tp+".org", t.Org)
		if seen[t.Org] {
			c.add(vocab.Conflict(tp+".org", "unique", string(t.Org), "repeats an earlier target"))
		}
		seen[t.Org] = true
		c.text(tp+".name", t.Name, true)
		c.role(tp+".role", t.Role)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
