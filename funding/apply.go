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

// record appends the step for a change, with its sentence written from
// the step (see explain.go).
func (st *state) record(s Step) {
	s.Sentence = st.sentence(&s)
	st.steps = append(st.steps, s)
}

func (st *state) pounds(d decimal.Decimal) string { return pounds(d, st.places) }

// scale returns d×(1+percent/100) rounded half away from zero to the unit.
func (st *state) scale(d decimal.Decimal, percent Number) (exact, rounded decimal.Decimal) {
	exact = d.Mul(hundred.Add(percent.Decimal())).Shift(-2)
	return exact, exact.Round(st.places)
}

// apply applies change ch, at path, to the state and records its step.
func (st *state) apply(path string, ch *Change) *vocab.FieldError {
	switch ch.Kind {
	case SetTotal:
		if err := st.claim(path+".amount", "total", "the total budget", path); err != nil {
			return err
		}
		old := st.total
		st.total, st.totalBy = ch.Amount.Decimal(), path+".amount"
		st.record(Step{Change: path, Kind: SetTotal, From: Num(old), To: Num(st.total)})
	case Uplift:
		return st.uplift(path, ch)
	case Fixed:
		c, err := st.claimContributor(path, ch.Org)
		if err != nil {
			return err
		}
		c.basis, c.fixed, c.setBy = FixedBasis, ch.Amount.Decimal(), path
		st.record(Step{Change: path, Kind: Fixed, Org: c.org, Name: c.name, Basis: FixedBasis, To: Num(c.fixed)})
	case FlatRate:
		return st.flatRate(path, ch)
	case Shares:
		if err := st.claim(path+".method", "shares", "the sharing rule", path); err != nil {
			return err
		}
		st.rule, st.rulePath = normalRule(ch.ShareRule), path
		rule := st.rule
		st.record(Step{Change: path, Kind: Shares, Rule: &rule})
	case Cap, Floor:
		return st.bound(path, ch)
	case Remap:
		return st.remap(path, ch)
	case Add:
		return st.add(path, ch)
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
		st.record(Step{Change: path, Kind: Remove, Org: c.org, Name: c.name})
	}
	return nil
}

// claimContributor finds the contributor a change at path names and
// claims its basis for the change.
func (st *state) claimContributor(path string, org vocab.ID) (*contrib, *vocab.FieldError) {
	c, err := st.must(path+".org", org)
	if err != nil {
		return nil, err
	}
	if err := st.claim(path+".org", "basis:"+string(org), "the contribution of "+string(org), path); err != nil {
		return nil, err
	}
	return c, nil
}

// uplift applies an uplift change: to the total budget when it names no
// contributor, or to one contributor.
func (st *state) uplift(path string, ch *Change) *vocab.FieldError {
	if ch.Org == "" {
		if err := st.claim(path+".percent", "total", "the total budget", path); err != nil {
			return err
		}
		st.record(st.upliftAll(path, ch.Percent, path+".percent"))
		return nil
	}
	c, err := st.claimContributor(path, ch.Org)
	if err != nil {
		return err
	}
	return st.upliftOne(path, ch, c)
}

// flatRate applies a flat-rate change: a rate for each of a contributor's
// members, or a new rate or member count for one that pays one already.
func (st *state) flatRate(path string, ch *Change) *vocab.FieldError {
	c, err := st.claimContributor(path, ch.Org)
	if err != nil {
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
	st.record(Step{Change: path, Kind: FlatRate, Org: c.org, Name: c.name, Basis: FlatRateBasis, Rate: Num(c.rate), Members: c.members, To: Num(c.amount())})
	return nil
}

// bound applies a cap or a floor to a contributor's share.
func (st *state) bound(path string, ch *Change) *vocab.FieldError {
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
	} else {
		c.floor = b
	}
	st.record(Step{Change: path, Kind: ch.Kind, Org: c.org, Name: c.name, To: Num(b.amount)})
	if c.cap != nil && c.floor != nil && c.cap.amount.LessThan(c.floor.amount) {
		return vocab.Conflict(path+".amount", "cap-above-floor", ch.Amount.String(), fmt.Sprintf("leaves the cap of %s (%s) below its floor (%s)", c.name, st.pounds(c.cap.amount), st.pounds(c.floor.amount)))
	}
	return nil
}

// add applies a change that adds a contributor, paying a fixed amount, a
// weighted share or a flat rate.
func (st *state) add(path string, ch *Change) *vocab.FieldError {
	if _, c := st.find(ch.Org); c != nil {
		return vocab.Conflict(path+".org", "exists", string(ch.Org), "is already a contributor")
	}
	if err := st.claim(path+".org", "basis:"+string(ch.Org), "the contribution of "+string(ch.Org), path); err != nil {
		return err
	}
	c := &contrib{org: ch.Org, name: ch.Name, role: ch.Role, setBy: path}
	s := Step{Change: path, Kind: Add, Org: c.org, Name: c.name}
	switch {
	case ch.Amount.IsSet():
		c.basis, c.fixed = FixedBasis, ch.Amount.Decimal()
		s.To = Num(c.fixed)
	case ch.Weight.IsSet():
		c.basis, c.weight = ShareBasis, ch.Weight.Decimal().Rat()
		s.Weight = ch.Weight
	default:
		c.basis, c.rate, c.members = FlatRateBasis, ch.Rate.Decimal(), *ch.Members
		s.Rate, s.Members, s.To = Num(c.rate), c.members, Num(c.amount())
	}
	s.Basis = c.basis
	st.list = append(st.list, c)
	st.record(s)
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
// percent, each rounded to the unit, and returns the step.
func (st *state) upliftAll(path string, percent Number, by string) Step {
	old := st.total
	exact, rounded := st.scale(old, percent)
	st.total, st.totalBy = rounded, by
	s := Step{Change: path, Kind: Uplift, Percent: percent, From: Num(old), To: Num(rounded)}
	if !exact.Equal(rounded) {
		s.Unrounded = Num(exact)
	}
	for _, c := range st.list {
		switch c.basis {
		case FixedBasis:
			_, c.fixed = st.scale(c.fixed, percent)
			s.Scaled = true
		case FlatRateBasis:
			_, c.rate = st.scale(c.rate, percent)
			s.Scaled = true
		}
	}
	return s
}

// upliftOne raises or cuts one contributor's amount by a percentage: a
// flat rate or fixed amount where it pays one, or else its baseline
// amount, which becomes a fixed amount.
func (st *state) upliftOne(path string, ch *Change, c *contrib) *vocab.FieldError {
	s := Step{Change: path, Kind: Uplift, Org: c.org, Name: c.name, Percent: ch.Percent, FromBasis: c.basis}
	switch c.basis {
	case FlatRateBasis:
		s.From = Num(c.rate)
		_, c.rate = st.scale(c.rate, ch.Percent)
		s.Rate, s.Members = Num(c.rate), c.members
		s.To = Num(c.amount())
	case FixedBasis:
		s.From = Num(c.fixed)
		_, c.fixed = st.scale(c.fixed, ch.Percent)
		s.To = Num(c.fixed)
	default:
		if c.base.Sign() == 0 {
			return vocab.Invalid(path+".org", "baseline-amount", string(c.org), "has no baseline amount to raise or cut; give it a fixed amount instead")
		}
		s.From = Num(c.base)
		_, c.fixed = st.scale(c.base, ch.Percent)
		c.basis = FixedBasis
		s.To = Num(c.fixed)
	}
	s.Basis = c.basis
	c.setBy = path
	st.record(s)
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

// move is one part of a mapping's source going to a target.
type move struct {
	to      vocab.ID
	percent decimal.Decimal
}

// target is a mapping's target contributor while it is built from its
// sources.
type target struct {
	c       *contrib
	sources []*contrib
	at      int // position of its first source in the list
	// fixedRole is set when the target's role is given, not derived from
	// its sources.
	fixedRole bool
}

// remapping is a mapping part-way through being applied.
type remapping struct {
	path, mpath string
	m           *Mapping
	moves       map[vocab.ID][]move // by source, in the mapping's order
	targets     []*target           // in order of first mention
	byOrg       map[vocab.ID]*target
	step        MappingStep
}

func (r *remapping) isSource(org vocab.ID) bool { _, ok := r.moves[org]; return ok }

// remap applies a mapping: each source contributor's amount moves to its
// targets, whole or split by percentages, and the targets take the
// sources' place in the list.
func (st *state) remap(path string, ch *Change) *vocab.FieldError {
	r := &remapping{path: path, m: ch.Map, mpath: path + ".map", moves: map[vocab.ID][]move{}, byOrg: map[vocab.ID]*target{}}
	if r.m == nil {
		shipped, _ := MappingByID(ch.Mapping)
		r.m, r.mpath = &shipped, path+".mapping"
	}
	r.step = MappingStep{Name: r.m.Name, On: r.m.On}
	if err := st.collectMoves(r, ch.Map != nil); err != nil {
		return err
	}
	if err := st.startTargets(r); err != nil {
		return err
	}
	for _, c := range slices.Clone(st.list) {
		if err := st.moveSource(r, c); err != nil {
			return err
		}
	}
	st.finishTargets(r)
	st.record(Step{Change: path, Kind: Remap, Mapping: &r.step})
	return nil
}

// collectMoves checks that each move's source is a contributor without a
// cap or floor, and gathers the moves by source and the targets in order.
func (st *state) collectMoves(r *remapping, inline bool) *vocab.FieldError {
	field := func(i int, name string) string {
		if !inline {
			return r.mpath
		}
		return indexed(r.mpath+".moves", i, name)
	}
	var order []vocab.ID
	for i, mv := range r.m.Moves {
		c, err := st.must(field(i, "from"), mv.From)
		if err != nil {
			return err
		}
		if b := cmpOr(c.cap, c.floor); b != nil {
			return vocab.Conflict(field(i, "from"), "bound", string(mv.From), "has a cap or floor set by "+b.by+", which cannot carry over the mapping; set it on the new contributor after the mapping")
		}
		p := hundred
		if mv.Percent.IsSet() {
			p = mv.Percent.Decimal()
		}
		r.moves[mv.From] = append(r.moves[mv.From], move{mv.To, p})
		if !slices.Contains(order, mv.To) {
			order = append(order, mv.To)
		}
	}
	for _, org := range order {
		r.targets = append(r.targets, &target{c: &contrib{org: org}, at: -1})
		r.byOrg[org] = r.targets[len(r.targets)-1]
	}
	return nil
}

// cmpOr returns the first of the bounds that is set.
func cmpOr(a, b *bound) *bound {
	if a != nil {
		return a
	}
	return b
}

// startTargets makes each target: an existing contributor that is not
// itself moved keeps its place and amount, and any other target is new,
// named by the mapping's targets.
func (st *state) startTargets(r *remapping) *vocab.FieldError {
	for _, t := range r.targets {
		org := t.c.org
		if i, c := st.find(org); c != nil && !r.isSource(org) {
			t.c, t.at, t.fixedRole = c, i, true
			t.sources = append(t.sources, c)
			t.c.from = append([]vocab.ID(nil), c.from...)
			if len(t.c.from) == 0 {
				t.c.from = []vocab.ID{c.org}
			}
			continue
		} else if c != nil {
			return vocab.Conflict(r.mpath, "target", string(org), "is both moved and a target of the same mapping")
		}
		ti := slices.IndexFunc(r.m.Targets, func(x Target) bool { return x.Org == org })
		if ti < 0 {
			return vocab.Invalid(r.mpath+".targets", "required", string(org), "has no entry naming the new contributor "+string(org))
		}
		t.c = &contrib{org: org, name: r.m.Targets[ti].Name, role: r.m.Targets[ti].Role, setBy: r.path, base: decimal.Zero}
		t.fixedRole = t.c.role != ""
	}
	return nil
}

// moveSource moves contributor c's amount, if the mapping moves it, to its
// targets: its baseline amount and any fixed amount are split exactly in
// units by the moves' percentages.
func (st *state) moveSource(r *remapping, c *contrib) *vocab.FieldError {
	mvs, ok := r.moves[c.org]
	if !ok {
		return nil
	}
	pos, _ := st.find(c.org)
	shares := make([]Share, len(mvs))
	for i, mv := range mvs {
		shares[i] = Share{ID: mv.to, Weight: mv.percent}
	}
	baseParts, err := st.split(r.mpath, c.base, shares)
	if err != nil {
		return err
	}
	var fixedParts []decimal.Decimal
	if c.basis == FixedBasis {
		if fixedParts, err = st.split(r.mpath, c.fixed, shares); err != nil {
			return err
		}
	}
	split := SplitStep{From: c.org, FromName: c.name}
	for i, mv := range mvs {
		t := r.byOrg[mv.to]
		if t.at < 0 || t.at > pos {
			t.at = pos
		}
		if err := st.mergeInto(r, t, c, len(mvs) > 1); err != nil {
			return err
		}
		switch c.basis {
		case ShareBasis:
			w := new(big.Rat).Mul(c.weight, mv.percent.Rat())
			w.Quo(w, big.NewRat(100, 1))
			if t.c.weight == nil {
				t.c.weight = new(big.Rat)
			}
			t.c.weight = new(big.Rat).Add(t.c.weight, w)
		case FixedBasis:
			t.c.fixed = t.c.fixed.Add(fixedParts[i])
		case FlatRateBasis:
			t.c.members, t.c.rate = c.members, c.rate
		}
		t.c.base = t.c.base.Add(baseParts[i])
		if len(c.from) > 0 {
			t.c.from = append(t.c.from, c.from...)
		} else {
			t.c.from = append(t.c.from, c.org)
		}
		split.Parts = append(split.Parts, SplitPart{To: t.c.org, ToName: t.c.name, Percent: Num(mv.percent)})
	}
	if len(mvs) > 1 {
		r.step.Splits = append(r.step.Splits, split)
	}
	return nil
}

// mergeInto adds source c to target t, checking that their amounts are
// set the same way, and works out the target's role from its sources
// unless the mapping gives it.
func (st *state) mergeInto(r *remapping, t *target, c *contrib, splitting bool) *vocab.FieldError {
	if len(t.sources) == 0 {
		t.c.basis = c.basis
	} else if t.c.basis != c.basis {
		return vocab.Conflict(r.mpath, "same-basis", string(c.org), fmt.Sprintf("cannot merge %s (%s) into %s (%s): their amounts are set in different ways", c.name, c.basis, t.c.name, t.c.basis))
	}
	if c.basis == FlatRateBasis && (splitting || len(t.sources) > 0) {
		return vocab.Conflict(r.mpath, "flat-rate", string(c.org), "pays a flat rate per member, which cannot be split or merged; change its members or rate instead")
	}
	if !t.fixedRole {
		if len(t.sources) == 0 {
			t.c.role = c.role
		} else if t.c.role != c.role {
			t.c.role = ""
		}
	}
	t.sources = append(t.sources, c)
	return nil
}

// finishTargets records which whole sources each target replaces or
// merges, and puts the targets in the list, each at its first source, in
// place of the sources.
func (st *state) finishTargets(r *remapping) {
	for _, t := range r.targets {
		merge := MergeStep{Into: t.c.org, IntoName: t.c.name}
		for _, s := range t.sources {
			if s != t.c && len(r.moves[s.org]) == 1 {
				merge.From = append(merge.From, s.org)
				merge.FromNames = append(merge.FromNames, s.name)
			}
		}
		if len(merge.From) > 0 {
			merge.Replace = len(t.sources) == 1
			r.step.Merges = append(r.step.Merges, merge)
		}
		t.c.from = dedupe(t.c.from)
		if len(t.c.from) == 1 && t.c.from[0] == t.c.org {
			t.c.from = nil
		}
		t.c.setBy = r.path
	}
	var out []*contrib
	placed := map[vocab.ID]bool{}
	for i, c := range st.list {
		for _, t := range r.targets {
			if t.at == i && !placed[t.c.org] {
				out = append(out, t.c)
				placed[t.c.org] = true
			}
		}
		if !r.isSource(c.org) && !placed[c.org] {
			out = append(out, c)
			placed[c.org] = true
		}
	}
	st.list = out
	for org := range r.moves {
		st.forget(org)
	}
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
