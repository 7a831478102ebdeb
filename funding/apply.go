package funding

import (
	"fmt"
	"math/big"
	"slices"

	"github.com/masa-go/masa/vocab"
	"github.com/shopspring/decimal"
)

// contrib is one contributor while a scenario is applied.
type contrib struct {
	org     vocab.ID
	name    string
	role    vocab.Role
	basis   Basis
	weight  *big.Rat        // baseline weight, for ShareBasis
	fixed   decimal.Decimal // for FixedBasis
	members int             // for FlatRateBasis
	rate    decimal.Decimal // for FlatRateBasis
	cap     *bound
	floor   *bound
	setBy   string
	base    decimal.Decimal // comparable baseline amount
	from    []vocab.ID
}

// bound is a cap or floor and the change that set it.
type bound struct {
	amount decimal.Decimal
	by     string
}

// amount returns a fixed or flat-rate contributor's amount.
func (c *contrib) amount() decimal.Decimal {
	if c.basis == FlatRateBasis {
		return c.rate.Mul(decimal.NewFromInt(int64(c.members)))
	}
	return c.fixed
}

// state is a scenario part-way through being applied.
type state struct {
	name         string
	year         vocab.FinancialYear
	baselineYear vocab.FinancialYear
	rounding     Rounding
	places       int32
	total        decimal.Decimal
	totalBy      string
	list         []*contrib
	rule         ShareRule
	rulePath     string
	keys         map[string]string
	removed      []Removed
	steps        []Step
}

// Apply applies the scenario's changes, in order, to its baseline and
// returns the result for the scenario's year. It first checks the
// scenario's form (see [Scenario.Check]) and reports every problem found;
// it then reports, naming the change's field and value: a change naming a
// contributor that does not exist at that point (vocab.ErrNotFound), two
// changes setting the same thing (vocab.ErrConflict), fixed amounts and
// flat rates above the total budget, a sharing rule that leaves a
// contributor out or names one twice, weights that are all zero, and caps
// and floors that cannot all be met.
func Apply(s *Scenario) (*Result, error) {
	st, err := start(s)
	if err != nil {
		return nil, err
	}
	return st.evaluate()
}

// start checks s and applies its changes.
func start(s *Scenario) (*state, error) {
	if s == nil {
		return nil, fmt.Errorf("funding: %w", vocab.Invalid("", "required", "", "no scenario given"))
	}
	if err := s.Check(); err != nil {
		return nil, fmt.Errorf("funding: scenario %q: %w", s.Name, err)
	}
	r := s.Rounding.OrDefault()
	st := &state{
		name:         s.Name,
		year:         s.Year,
		baselineYear: s.Baseline.Year,
		rounding:     r,
		places:       r.Unit.Places(),
		total:        s.Baseline.Total().Decimal(),
		totalBy:      "baseline",
		keys:         map[string]string{},
		rule:         ShareRule{Method: BaselineShares},
		rulePath:     "baseline",
		steps:        []Step{},
	}
	if st.year == 0 {
		st.year = s.Baseline.Year
	}
	for _, l := range s.Baseline.Lines {
		c := &contrib{org: l.Org, name: l.Name, role: l.Role, setBy: "baseline", base: l.Amount.Decimal()}
		if l.Members > 0 {
			c.basis, c.members, c.rate = FlatRateBasis, l.Members, l.Rate.Decimal()
		} else {
			c.basis, c.weight = ShareBasis, l.Amount.Decimal().Rat()
		}
		st.list = append(st.list, c)
	}
	for i := range s.Changes {
		path := indexed("changes", i, "")
		if err := st.apply(path, &s.Changes[i]); err != nil {
			return nil, fmt.Errorf("funding: scenario %q: %w", s.Name, vocab.Problems{err})
		}
	}
	return st, nil
}

func (st *state) find(org vocab.ID) (int, *contrib) {
	for i, c := range st.list {
		if c.org == org {
			return i, c
		}
	}
	return -1, nil
}

func (st *state) names(org vocab.ID) string {
	if _, c := st.find(org); c != nil {
		return c.name
	}
	return string(org)
}

// must returns the contributor org or a not-found error naming field.
func (st *state) must(field string, org vocab.ID) (*contrib, *vocab.FieldError) {
	if _, c := st.find(org); c != nil {
		return c, nil
	}
	msg := "is not a contributor at this point"
	for _, x := range st.removed {
		if x.Org == org {
			msg = "is no longer a contributor: " + x.By + " removed it"
		}
	}
	return nil, vocab.NotFound(field, string(org), msg)
}

// claim records that change path sets key, or reports the conflict.
func (st *state) claim(field, key, what, path string) *vocab.FieldError {
	if prev, ok := st.keys[key]; ok {
		return vocab.Conflict(field, "one-change", what, "sets "+what+", which "+prev+" already sets; combine them into one change")
	}
	st.keys[key] = path
	return nil
}

func (st *state) say(path string, k Kind, sentence string) {
	st.steps = append(st.steps, Step{Change: path, Kind: k, Sentence: sentence})
}

func (st *state) pounds(d decimal.Decimal) string { return pounds(d, st.places) }

// scale returns d×(1+percent/100) rounded half away from zero to the unit.
func (st *state) scale(d decimal.Decimal, percent Number) (exact, rounded decimal.Decimal) {
	exact = d.Mul(hundred.Add(percent.Decimal())).Shift(-2)
	return exact, exact.Round(st.places)
}

func (st *state) apply(path string, ch *Change) *vocab.FieldError {
	switch ch.Kind {
	case SetTotal:
		if err := st.claim(path+".amount", "total", "the total budget", path); err != nil {
			return err
		}
		old := st.total
		st.total, st.totalBy = ch.Amount.Decimal(), path+".amount"
		verb := raiseOrCut(old, st.total)
		if verb == "Keep" {
			st.say(path, ch.Kind, fmt.Sprintf("Keep the total budget at %s for %s.", st.pounds(old), st.year))
		} else {
			st.say(path, ch.Kind, fmt.Sprintf("%s the total budget from %s to %s for %s.", verb, st.pounds(old), st.pounds(st.total), st.year))
		}
	case Uplift:
		if ch.Org == "" {
			if err := st.claim(path+".percent", "total", "the total budget", path); err != nil {
				return err
			}
			st.say(path, ch.Kind, st.upliftAll(ch.Percent, path+".percent"))
			return nil
		}
		c, err := st.must(path+".org", ch.Org)
		if err != nil {
			return err
		}
		if err := st.claim(path+".org", "basis:"+string(ch.Org), "the contribution of "+string(ch.Org), path); err != nil {
			return err
		}
		return st.upliftOne(path, ch, c)
	case Fixed:
		c, err := st.must(path+".org", ch.Org)
		if err != nil {
			return err
		}
		if err := st.claim(path+".org", "basis:"+string(ch.Org), "the contribution of "+string(ch.Org), path); err != nil {
			return err
		}
		c.basis, c.fixed, c.setBy = FixedBasis, ch.Amount.Decimal(), path
		st.say(path, ch.Kind, fmt.Sprintf("Fix the contribution of %s at %s.", c.name, st.pounds(c.fixed)))
	case FlatRate:
		c, err := st.must(path+".org", ch.Org)
		if err != nil {
			return err
		}
		if err := st.claim(path+".org", "basis:"+string(ch.Org), "the contribution of "+string(ch.Org), path); err != nil {
			return err
		}
		if c.basis != FlatRateBasis && (!ch.Rate.IsSet() || ch.Members == nil) {
			field := path + ".rate"
			if ch.Rate.IsSet() {
				field = path + ".members"
			}
			return vocab.Invalid(field, "required", "", "is missing: "+string(c.org)+" does not pay a flat rate yet, so give both rate and members")
		}
		if ch.Rate.IsSet() {
			c.rate = ch.Rate.Decimal()
		}
		if ch.Members != nil {
			c.members = *ch.Members
		}
		c.basis, c.setBy = FlatRateBasis, path
		st.say(path, ch.Kind, fmt.Sprintf("Charge %s %s for each of %d members (%s).", c.name, st.pounds(c.rate), c.members, st.pounds(c.amount())))
	case Shares:
		if err := st.claim(path+".method", "shares", "the sharing rule", path); err != nil {
			return err
		}
		st.rule, st.rulePath = normalRule(ch.ShareRule), path
		st.say(path, ch.Kind, "Share what remains after fixed amounts and flat rates "+ruleText(st.rule, st.baselineYear, st.names)+".")
	case Cap, Floor:
		c, err := st.must(path+".org", ch.Org)
		if err != nil {
			return err
		}
		word := "cap"
		if ch.Kind == Floor {
			word = "floor"
		}
		if err := st.claim(path+".org", word+":"+string(ch.Org), "the "+word+" of "+string(ch.Org), path); err != nil {
			return err
		}
		b := &bound{amount: ch.Amount.Decimal(), by: path}
		if ch.Kind == Cap {
			c.cap = b
			st.say(path, ch.Kind, fmt.Sprintf("Cap the contribution of %s at %s.", c.name, st.pounds(b.amount)))
		} else {
			c.floor = b
			st.say(path, ch.Kind, fmt.Sprintf("Set a floor of %s under the contribution of %s.", st.pounds(b.amount), c.name))
		}
		if c.cap != nil && c.floor != nil && c.cap.amount.LessThan(c.floor.amount) {
			return vocab.Conflict(path+".amount", "cap-above-floor", ch.Amount.String(), fmt.Sprintf("leaves the cap of %s (%s) below its floor (%s)", c.name, st.pounds(c.cap.amount), st.pounds(c.floor.amount)))
		}
	case Remap:
		return st.remap(path, ch)
	case Add:
		if _, c := st.find(ch.Org); c != nil {
			return vocab.Conflict(path+".org", "exists", string(ch.Org), "is already a contributor")
		}
		if err := st.claim(path+".org", "basis:"+string(ch.Org), "the contribution of "+string(ch.Org), path); err != nil {
			return err
		}
		c := &contrib{org: ch.Org, name: ch.Name, role: ch.Role, setBy: path}
		var how string
		switch {
		case ch.Amount.IsSet():
			c.basis, c.fixed = FixedBasis, ch.Amount.Decimal()
			how = "paying a fixed " + st.pounds(c.fixed)
		case ch.Weight.IsSet():
			c.basis, c.weight = ShareBasis, ch.Weight.Decimal().Rat()
			how = "paying a share with weight " + ch.Weight.String() + " (as if it had paid " + st.pounds(ch.Weight.Decimal()) + " in " + st.baselineYear.String() + ")"
		default:
			c.basis, c.rate, c.members = FlatRateBasis, ch.Rate.Decimal(), *ch.Members
			how = fmt.Sprintf("paying %s for each of %d members (%s)", st.pounds(c.rate), c.members, st.pounds(c.amount()))
		}
		st.list = append(st.list, c)
		st.say(path, ch.Kind, fmt.Sprintf("Add %s as a contributor, %s.", c.name, how))
	case Remove:
		i, c := st.find(ch.Org)
		if c == nil {
			_, err := st.must(path+".org", ch.Org)
			return err
		}
		if len(c.from) > 0 || c.base.Sign() != 0 {
			st.removed = append(st.removed, Removed{Org: c.org, Name: c.name, Baseline: money(c.base, st.places), By: path})
		}
		st.list = slices.Delete(st.list, i, i+1)
		st.forget(c.org)
		st.say(path, ch.Kind, fmt.Sprintf("Remove %s as a contributor; what it paid is shared among the others.", c.name))
	}
	return nil
}

// forget drops the claims on a contributor that has gone, so that a later
// change may add one with the same ID.
func (st *state) forget(org vocab.ID) {
	for _, k := range []string{"basis:", "cap:", "floor:"} {
		delete(st.keys, k+string(org))
	}
}

// upliftAll raises the total and every fixed amount and flat rate by
// percent, each rounded to the unit, and returns the sentence.
func (st *state) upliftAll(percent Number, by string) string {
	old := st.total
	exact, rounded := st.scale(old, percent)
	st.total, st.totalBy = rounded, by
	others := false
	for _, c := range st.list {
		switch c.basis {
		case FixedBasis:
			_, c.fixed = st.scale(c.fixed, percent)
			others = true
		case FlatRateBasis:
			_, c.rate = st.scale(c.rate, percent)
			others = true
		}
	}
	verb := "Raise"
	if percent.Decimal().Sign() < 0 {
		verb = "Cut"
	}
	s := fmt.Sprintf("%s the total budget by %s, from %s to %s for %s", verb, percentText(percent), st.pounds(old), st.pounds(rounded), st.year)
	if !exact.Equal(rounded) {
		// Show the exact amount with at least whole pence.
		s += fmt.Sprintf(" (%s before rounding to %s)", pounds(exact, max(2, Num(exact.Truncate(20)).trimmed())), st.rounding.Unit.Label())
	}
	if others {
		s += "; fixed amounts and flat rates change by the same percentage, each rounded to " + st.rounding.Unit.Label()
	}
	return s + "."
}

func (st *state) upliftOne(path string, ch *Change, c *contrib) *vocab.FieldError {
	verb := "Raise"
	if ch.Percent.Decimal().Sign() < 0 {
		verb = "Cut"
	}
	switch c.basis {
	case FlatRateBasis:
		old := c.rate
		_, c.rate = st.scale(old, ch.Percent)
		c.setBy = path
		st.say(path, ch.Kind, fmt.Sprintf("%s the rate charged to %s by %s, from %s to %s for each of %d members (%s).", verb, c.name, percentText(ch.Percent), st.pounds(old), st.pounds(c.rate), c.members, st.pounds(c.amount())))
		return nil
	case FixedBasis:
		old := c.fixed
		_, c.fixed = st.scale(old, ch.Percent)
		c.setBy = path
		st.say(path, ch.Kind, fmt.Sprintf("%s the fixed contribution of %s by %s, from %s to %s.", verb, c.name, percentText(ch.Percent), st.pounds(old), st.pounds(c.fixed)))
		return nil
	}
	if c.base.Sign() == 0 {
		return vocab.Invalid(path+".org", "baseline-amount", string(c.org), "has no baseline amount to raise or cut; give it a fixed amount instead")
	}
	_, c.fixed = st.scale(c.base, ch.Percent)
	c.basis, c.setBy = FixedBasis, path
	st.say(path, ch.Kind, fmt.Sprintf("%s the contribution of %s by %s, from its %s amount of %s to a fixed %s.", verb, c.name, percentText(ch.Percent), st.baselineYear, st.pounds(c.base), st.pounds(c.fixed)))
	return nil
}

// normalRule fills in the default method, recursively.
func normalRule(r ShareRule) ShareRule {
	if r.Method == "" {
		r.Method = BaselineShares
	}
	if len(r.Parts) > 0 {
		parts := make([]Part, len(r.Parts))
		for i, p := range r.Parts {
			p.ShareRule = normalRule(p.ShareRule)
			parts[i] = p
		}
		r.Parts = parts
	}
	return r
}

// remap applies a mapping.
func (st *state) remap(path string, ch *Change) *vocab.FieldError {
	m, mpath := ch.Map, path+".map"
	if m == nil {
		shipped, _ := MappingByID(ch.Mapping)
		m, mpath = &shipped, path+".mapping"
	}
	field := func(i int, name string) string {
		if ch.Map == nil {
			return mpath
		}
		return indexed(mpath+".moves", i, name)
	}
	// Sources, in list order, and their moves.
	type move struct {
		to      vocab.ID
		percent decimal.Decimal
	}
	moves := map[vocab.ID][]move{}
	var targets []vocab.ID
	for i, mv := range m.Moves {
		c, err := st.must(field(i, "from"), mv.From)
		if err != nil {
			return err
		}
		if c.cap != nil || c.floor != nil {
			b := c.cap
			if b == nil {
				b = c.floor
			}
			return vocab.Conflict(field(i, "from"), "bound", string(mv.From), "has a cap or floor set by "+b.by+", which cannot carry over the mapping; set it on the new contributor after the mapping")
		}
		p := hundred
		if mv.Percent.IsSet() {
			p = mv.Percent.Decimal()
		}
		moves[mv.From] = append(moves[mv.From], move{mv.To, p})
		if !slices.Contains(targets, mv.To) {
			targets = append(targets, mv.To)
		}
	}
	isSource := func(org vocab.ID) bool { _, ok := moves[org]; return ok }
	// Build each target from its sources.
	type build struct {
		c       *contrib
		sources []*contrib
		at      int
		// fixedRole is set when the target's role is given, not derived
		// from its sources.
		fixedRole bool
	}
	var builds []*build
	byTarget := map[vocab.ID]*build{}
	for _, t := range targets {
		b := &build{at: -1}
		if i, c := st.find(t); c != nil && !isSource(t) {
			b.c, b.at, b.fixedRole = c, i, true
			b.sources = append(b.sources, c)
			b.c.from = append([]vocab.ID(nil), c.from...)
			if len(b.c.from) == 0 {
				b.c.from = []vocab.ID{c.org}
			}
		} else {
			if c != nil {
				return vocab.Conflict(mpath, "target", string(t), "is both moved and a target of the same mapping")
			}
			ti := slices.IndexFunc(m.Targets, func(x Target) bool { return x.Org == t })
			if ti < 0 {
				return vocab.Invalid(mpath+".targets", "required", string(t), "has no entry naming the new contributor "+string(t))
			}
			b.c = &contrib{org: t, name: m.Targets[ti].Name, role: m.Targets[ti].Role, setBy: path, base: decimal.Zero}
			b.fixedRole = b.c.role != ""
		}
		builds = append(builds, b)
		byTarget[t] = b
	}
	var sentences []string
	for _, c := range slices.Clone(st.list) {
		mvs, ok := moves[c.org]
		if !ok {
			continue
		}
		pos, _ := st.find(c.org)
		// Split the source's baseline amount and fixed amount by the
		// percentages, exactly in units.
		shares := make([]Share, len(mvs))
		for i, mv := range mvs {
			shares[i] = Share{ID: mv.to, Weight: mv.percent}
		}
		baseParts, err := st.split(mpath, c.base, shares)
		if err != nil {
			return err
		}
		var fixedParts []decimal.Decimal
		if c.basis == FixedBasis {
			if fixedParts, err = st.split(mpath, c.fixed, shares); err != nil {
				return err
			}
		}
		var parts []string
		for i, mv := range mvs {
			b := byTarget[mv.to]
			if b.at < 0 || b.at > pos {
				b.at = pos
			}
			t := b.c
			if len(b.sources) == 0 {
				t.basis = c.basis
			} else if t.basis != c.basis {
				return vocab.Conflict(mpath, "same-basis", string(c.org), fmt.Sprintf("cannot merge %s (%s) into %s (%s): their amounts are set in different ways", c.name, c.basis, t.name, t.basis))
			}
			if c.basis == FlatRateBasis && (len(mvs) > 1 || len(b.sources) > 0) {
				return vocab.Conflict(mpath, "flat-rate", string(c.org), "pays a flat rate per member, which cannot be split or merged; change its members or rate instead")
			}
			if !b.fixedRole {
				if len(b.sources) == 0 {
					t.role = c.role
				} else if t.role != c.role {
					t.role = ""
				}
			}
			b.sources = append(b.sources, c)
			switch c.basis {
			case ShareBasis:
				w := new(big.Rat).Mul(c.weight, mv.percent.Rat())
				w.Quo(w, big.NewRat(100, 1))
				if t.weight == nil {
					t.weight = new(big.Rat)
				}
				t.weight = new(big.Rat).Add(t.weight, w)
			case FixedBasis:
				t.fixed = t.fixed.Add(fixedParts[i])
			case FlatRateBasis:
				t.members, t.rate = c.members, c.rate
			}
			t.base = t.base.Add(baseParts[i])
			if len(c.from) > 0 {
				t.from = append(t.from, c.from...)
			} else {
				t.from = append(t.from, c.org)
			}
			if len(mvs) > 1 {
				parts = append(parts, percentText(Num(mv.percent))+" to "+t.name)
			}
		}
		if len(mvs) > 1 {
			sentences = append(sentences, "split "+c.name+": "+vocab.JoinAnd(parts))
		}
	}
	for _, b := range builds {
		var srcs []string
		for _, s := range b.sources {
			if s != b.c && len(moves[s.org]) == 1 {
				srcs = append(srcs, s.name)
			}
		}
		switch {
		case len(srcs) == 0:
		case len(b.sources) == 1:
			sentences = append(sentences, "replace "+srcs[0]+" by "+b.c.name)
		default:
			sentences = append(sentences, "merge "+vocab.JoinAnd(srcs)+" into "+b.c.name)
		}
		b.c.from = dedupe(b.c.from)
		if len(b.c.from) == 1 && b.c.from[0] == b.c.org {
			b.c.from = nil
		}
		b.c.setBy = path
	}
	// Replace the sources by the targets, each at its first source.
	var out []*contrib
	placed := map[vocab.ID]bool{}
	for i, c := range st.list {
		for _, b := range builds {
			if b.at == i && !placed[b.c.org] {
				out = append(out, b.c)
				placed[b.c.org] = true
			}
		}
		if !isSource(c.org) && !placed[c.org] {
			out = append(out, c)
			placed[c.org] = true
		}
	}
	st.list = out
	for org := range moves {
		st.forget(org)
	}
	title := "Apply the mapping"
	if m.Name != "" {
		title += " " + m.Name
	}
	note := ""
	switch {
	case m.On.IsZero():
	case m.On.After(st.year.End()):
		note = fmt.Sprintf(" The mapping takes effect on %s, after %s ends.", m.On.Long(), st.year)
	case m.On.After(st.year.Start()):
		note = fmt.Sprintf(" The mapping took effect on %s, part-way through %s; the whole year is charged to the new contributors.", m.On.Long(), st.year)
	}
	st.say(path, Remap, title+": "+vocab.JoinAnd(sentences)+"."+note)
	return nil
}

// split divides amount among shares exactly in units by the rounding
// policy; a zero amount gives zeros.
func (st *state) split(field string, amount decimal.Decimal, shares []Share) ([]decimal.Decimal, *vocab.FieldError) {
	out := make([]decimal.Decimal, len(shares))
	if amount.Sign() <= 0 {
		for i := range out {
			out[i] = decimal.Zero
		}
		return out, nil
	}
	parts, err := Apportion(amount, shares, st.rounding)
	if err != nil {
		// The mapping's percentages were checked, so this is not expected.
		return nil, vocab.Invalid(field, "split", decText(amount), "could not be split: "+err.Error())
	}
	return parts, nil
}

func dedupe(ids []vocab.ID) []vocab.ID {
	var out []vocab.ID
	for _, id := range ids {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}
