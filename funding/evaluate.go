package funding

import (
	"fmt"
	"math/big"
	"slices"

	"github.com/masa-go/masa/vocab"
	"github.com/shopspring/decimal"
)

// outcome is one share contributor's computed amount.
type outcome struct {
	amount decimal.Decimal
	quota  *big.Rat
	note   RoundingNote
	how    string
}

// evaluate computes every contributor's amount from the state.
func (st *state) evaluate() (*Result, error) {
	fail := func(e *vocab.FieldError) (*Result, error) {
		return nil, fmt.Errorf("funding: scenario %q: %w", st.name, vocab.Problems{e})
	}
	fixed := decimal.Zero
	var pool []*contrib
	for _, c := range st.list {
		if c.basis == ShareBasis {
			pool = append(pool, c)
			continue
		}
		a := c.amount()
		fixed = fixed.Add(a)
		if c.cap != nil && a.GreaterThan(c.cap.amount) {
			return fail(vocab.Conflict(c.cap.by+".amount", "cap", decText(c.cap.amount), fmt.Sprintf("is below the %s that %s pays (%s)", c.basis, c.name, st.pounds(a))))
		}
		if c.floor != nil && a.LessThan(c.floor.amount) {
			return fail(vocab.Conflict(c.floor.by+".amount", "floor", decText(c.floor.amount), fmt.Sprintf("is above the %s that %s pays (%s)", c.basis, c.name, st.pounds(a))))
		}
	}
	rest := st.total.Sub(fixed)
	if rest.Sign() < 0 {
		return fail(vocab.Invalid(st.totalBy, "budget", decText(st.total), fmt.Sprintf("is less than the fixed amounts and flat rates, which add up to %s", st.pounds(fixed))))
	}
	outs := map[*contrib]*outcome{}
	if len(pool) == 0 && rest.Sign() > 0 {
		return fail(vocab.Invalid(st.totalBy, "budget", decText(st.total), fmt.Sprintf("leaves %s after fixed amounts and flat rates, but no contributor pays a share", st.pounds(rest))))
	}
	if len(pool) > 0 {
		w, how, err := st.ruleWeights(st.rule, st.rulePath, pool, true)
		if err != nil {
			return fail(err)
		}
		outs, err = st.share(rest, pool, w, how)
		if err != nil {
			return fail(err)
		}
	}
	r := &Result{
		Scenario:     st.name,
		Year:         st.year,
		BaselineYear: st.baselineYear,
		Rounding:     st.rounding,
		Total:        money(st.total, st.places),
		Fixed:        money(fixed, st.places),
		Shared:       money(rest, st.places),
		Lines:        make([]ResultLine, 0, len(st.list)),
		Removed:      st.removed,
		Steps:        st.steps,
	}
	for _, c := range st.list {
		l := ResultLine{Org: c.org, Name: c.name, Role: c.role, Basis: c.basis, SetBy: c.setBy, Baseline: money(c.base, st.places), From: c.from}
		by := "set by the baseline"
		if c.setBy != "baseline" {
			by = "set by " + ChangeLabel(c.setBy)
		}
		switch c.basis {
		case FixedBasis:
			l.Amount, l.Rounding = money(c.fixed, st.places), NotRounded
			l.Explanation = fmt.Sprintf("Pays a fixed %s, %s.", st.pounds(c.fixed), by)
		case FlatRateBasis:
			l.Amount, l.Rounding = money(c.amount(), st.places), NotRounded
			l.Members, l.Rate = c.members, money(c.rate, st.places)
			l.Explanation = fmt.Sprintf("Pays %s for each of %d members, %s.", st.pounds(c.rate), c.members, by)
		default:
			o := outs[c]
			l.Amount, l.Rounding = money(o.amount, st.places), o.note
			l.Quota = Num(ratDecimal(o.quota, st.places+4))
			l.Explanation = fmt.Sprintf("Pays a share of the %s left after fixed amounts and flat rates, %s: %s.", st.pounds(rest), o.how, st.roundingText(o, l.Quota))
		}
		r.Lines = append(r.Lines, l)
	}
	return r, nil
}

func (st *state) roundingText(o *outcome, quota Number) string {
	q := "quota " + pounds(quota.Decimal(), st.places+4)
	if o.quota.Cmp(quota.Decimal().Rat()) != 0 {
		q += "…"
	}
	switch o.note {
	case Exact:
		return "exact quota " + st.pounds(o.amount) + ", no rounding needed"
	case RoundedDown:
		return q + ", rounded down"
	case RoundedUp:
		return q + ", rounded down and then given one left-over unit (" + st.rounding.Policy.Label() + ")"
	case Capped:
		return q + " before its cap, held at the cap of " + st.pounds(o.amount)
	case Floored:
		return q + " before its floor, raised to the floor of " + st.pounds(o.amount)
	}
	return q
}

// ruleWeights returns the weight of each member under rule r, with a
// phrase saying how it was reached. With top unset the weights of a part
// are returned unnormalised.
func (st *state) ruleWeights(r ShareRule, path string, members []*contrib, top bool) ([]*big.Rat, []string, *vocab.FieldError) {
	w := make([]*big.Rat, len(members))
	how := make([]string, len(members))
	phrase := ruleText(r, st.baselineYear, st.names)
	switch r.Method {
	case Equal:
		for i := range members {
			w[i], how[i] = big.NewRat(1, 1), phrase
		}
	case Weights:
		for i := range members {
			how[i] = phrase
		}
		for j, x := range r.Weights {
			i := slices.IndexFunc(members, func(c *contrib) bool { return c.org == x.Org })
			if i < 0 {
				return nil, nil, st.outside(indexed(path+".weights", j, "org"), x.Org, top)
			}
			w[i] = x.Weight.Decimal().Rat()
		}
		for i, c := range members {
			if w[i] == nil {
				return nil, nil, vocab.Invalid(path+".weights", "cover", string(c.org), "has no weight for "+c.name+", which pays a share")
			}
		}
	case Percentages:
		part := make([]int, len(members))
		for i := range part {
			part[i] = -1
		}
		for pi, p := range r.Parts {
			pp := indexed(path+".parts", pi, "")
			for j, org := range p.Orgs {
				i := slices.IndexFunc(members, func(c *contrib) bool { return c.org == org })
				if i < 0 {
					return nil, nil, st.outside(indexed(pp+".orgs", j, ""), org, top)
				}
				if part[i] >= 0 && part[i] != pi {
					return nil, nil, vocab.Conflict(indexed(pp+".orgs", j, ""), "one-part", string(org), fmt.Sprintf("is already in %s.parts[%d]", path, part[i]))
				}
				part[i] = pi
			}
			if p.Role != "" {
				for i, c := range members {
					if c.role != p.Role {
						continue
					}
					if part[i] >= 0 && part[i] != pi {
						return nil, nil, vocab.Conflict(pp+".role", "one-part", string(c.org), fmt.Sprintf("selects %s, which is already in %s.parts[%d]", c.name, path, part[i]))
					}
					part[i] = pi
				}
			}
		}
		for i, c := range members {
			if part[i] < 0 {
				return nil, nil, vocab.Invalid(path+".parts", "cover", string(c.org), c.name+" pays a share but is in no part; add it to a part by role or in orgs")
			}
		}
		for pi, p := range r.Parts {
			pp := indexed(path+".parts", pi, "")
			var sub []*contrib
			var at []int
			for i := range members {
				if part[i] == pi {
					sub = append(sub, members[i])
					at = append(at, i)
				}
			}
			label := partLabel(p, st.names)
			if len(sub) == 0 {
				if p.Percent.Decimal().Sign() == 0 {
					continue
				}
				return nil, nil, vocab.Invalid(pp, "empty", label, "has no contributor paying a share, so its "+percentText(p.Percent)+" would go to nobody")
			}
			sw, shows, err := st.ruleWeights(p.ShareRule, pp, sub, false)
			if err != nil {
				return nil, nil, err
			}
			sum := new(big.Rat)
			for _, x := range sw {
				sum.Add(sum, x)
			}
			if sum.Sign() == 0 && p.Percent.Decimal().Sign() > 0 {
				return nil, nil, vocab.Invalid(pp, "weights", label, "has weights that are all zero, so its "+percentText(p.Percent)+" cannot be shared")
			}
			frac := new(big.Rat).Quo(p.Percent.Decimal().Rat(), big.NewRat(100, 1))
			for k, i := range at {
				w[i] = new(big.Rat)
				if sum.Sign() > 0 {
					w[i].Mul(frac, sw[k]).Quo(w[i], sum)
				}
				how[i] = "as part of the " + percentText(p.Percent) + " for " + label + ", " + shows[k]
			}
		}
	default:
		for i, c := range members {
			w[i], how[i] = c.weight, phrase
			if w[i] == nil {
				w[i] = new(big.Rat)
			}
		}
	}
	return w, how, nil
}

// outside reports a contributor named by a sharing rule that does not pay
// a share (or is not in the part).
func (st *state) outside(field string, org vocab.ID, top bool) *vocab.FieldError {
	_, c := st.find(org)
	switch {
	case c == nil:
		return vocab.NotFound(field, string(org), "is not a contributor at this point")
	case c.basis != ShareBasis:
		return vocab.Conflict(field, "share", string(org), fmt.Sprintf("names %s, which pays a %s amount rather than a share", c.name, c.basis))
	case !top:
		return vocab.Conflict(field, "part", string(org), "names "+c.name+", which is not in this part")
	}
	return vocab.Invalid(field, "share", string(org), "is not sharing")
}

// share divides rest among the pool by weights w, honouring caps and
// floors, and rounds by the policy.
func (st *state) share(rest decimal.Decimal, pool []*contrib, w []*big.Rat, how []string) (map[*contrib]*outcome, *vocab.FieldError) {
	outs := make(map[*contrib]*outcome, len(pool))
	R := rest.Rat()
	lam, err := st.level(R, pool, w)
	if err != nil {
		return nil, err
	}
	// Clamp, then share what is left among the free contributors.
	left := new(big.Rat).Set(R)
	var free []int
	for i, c := range pool {
		q := new(big.Rat).Mul(lam, w[i])
		o := &outcome{quota: q, how: how[i]}
		outs[c] = o
		switch {
		case c.floor != nil && q.Cmp(c.floor.amount.Rat()) < 0:
			o.amount, o.note = c.floor.amount, Floored
		case c.cap != nil && q.Cmp(c.cap.amount.Rat()) > 0:
			o.amount, o.note = c.cap.amount, Capped
		default:
			free = append(free, i)
			continue
		}
		left.Sub(left, o.amount.Rat())
	}
	if len(free) == 0 {
		return outs, nil
	}
	// Integer weights on a common denominator.
	den := big.NewInt(1)
	for _, i := range free {
		d := w[i].Denom()
		g := new(big.Int).GCD(nil, nil, den, d)
		den.Mul(den, new(big.Int).Quo(d, g))
	}
	iw := make([]*big.Int, len(free))
	ids := make([]vocab.ID, len(free))
	W := new(big.Int)
	for k, i := range free {
		x := new(big.Int).Mul(w[i].Num(), den)
		iw[k] = x.Quo(x, w[i].Denom())
		W.Add(W, iw[k])
		ids[k] = pool[i].org
	}
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(st.places)), nil)
	T := new(big.Rat).Mul(left, new(big.Rat).SetInt(scale))
	if !T.IsInt() || W.Sign() == 0 {
		// Free shares exist only with positive total weight, and every
		// bound is whole units, so this cannot happen.
		return nil, vocab.Invalid(st.rulePath, "internal", T.String(), "could not be shared in whole units")
	}
	units, top := hamiltonBig(T.Num(), iw, ids, st.rounding.Policy)
	up := make([]bool, len(free))
	for _, k := range top {
		up[k] = true
	}
	for k, i := range free {
		o := outs[pool[i]]
		o.amount = decimal.NewFromBigInt(units[k], -st.places)
		switch {
		case up[k]:
			o.note = RoundedUp
		case o.quota.Cmp(o.amount.Rat()) == 0:
			o.note = Exact
		default:
			o.note = RoundedDown
		}
	}
	return outs, nil
}

// level finds λ such that the sum over the pool of λ·w clamped to each
// contributor's floor and cap equals R, or reports why none exists.
func (st *state) level(R *big.Rat, pool []*contrib, w []*big.Rat) (*big.Rat, *vocab.FieldError) {
	lo := func(i int) *big.Rat {
		if pool[i].floor != nil {
			return pool[i].floor.amount.Rat()
		}
		return new(big.Rat)
	}
	sumAt := func(lam *big.Rat) *big.Rat {
		s := new(big.Rat)
		for i, c := range pool {
			q := new(big.Rat).Mul(lam, w[i])
			if l := lo(i); q.Cmp(l) < 0 {
				q = l
			}
			if c.cap != nil && q.Cmp(c.cap.amount.Rat()) > 0 {
				q = c.cap.amount.Rat()
			}
			s.Add(s, q)
		}
		return s
	}
	floors := sumAt(new(big.Rat))
	if R.Cmp(floors) == 0 {
		return new(big.Rat), nil
	}
	if R.Cmp(floors) < 0 {
		field := st.totalBy
		for _, c := range pool {
			if c.floor != nil {
				field = c.floor.by + ".amount"
			}
		}
		return nil, vocab.Conflict(field, "floors", st.pounds(decimal.NewFromBigRat(floors, st.places)), fmt.Sprintf("the floors add up to more than the %s left to share", st.pounds(decimal.NewFromBigRat(R, st.places))))
	}
	// The sum is linear in λ between breakpoints, where a contributor
	// leaves its floor or reaches its cap; beyond the last one it grows
	// with the uncapped weights.
	var bps []*big.Rat
	slope := new(big.Rat)
	for i, c := range pool {
		if w[i].Sign() == 0 {
			continue
		}
		if c.floor != nil && c.floor.amount.Sign() > 0 {
			bps = append(bps, new(big.Rat).Quo(lo(i), w[i]))
		}
		if c.cap != nil {
			bps = append(bps, new(big.Rat).Quo(c.cap.amount.Rat(), w[i]))
		} else {
			slope.Add(slope, w[i])
		}
	}
	slices.SortFunc(bps, func(a, b *big.Rat) int { return a.Cmp(b) })
	// The first breakpoint at which the sum reaches R, by binary search
	// (the sum never decreases as λ grows).
	j, _ := slices.BinarySearchFunc(bps, R, func(b, R *big.Rat) int {
		if sumAt(b).Cmp(R) >= 0 {
			return 1
		}
		return -1
	})
	prev, prevSum := new(big.Rat), floors
	if j > 0 {
		prev = bps[j-1]
		prevSum = sumAt(prev)
	}
	if j < len(bps) {
		return interpolate(prev, prevSum, bps[j], sumAt(bps[j]), R), nil
	}
	if slope.Sign() == 0 {
		if len(bps) == 0 {
			return nil, vocab.Invalid(st.ruleField(), "weights", "0", fmt.Sprintf("gives every contributor paying a share a weight of zero, so the %s left cannot be shared", st.pounds(decimal.NewFromBigRat(R, st.places))))
		}
		field := st.totalBy
		for _, c := range pool {
			if c.cap != nil {
				field = c.cap.by + ".amount"
			}
		}
		return nil, vocab.Conflict(field, "caps", st.pounds(decimal.NewFromBigRat(prevSum, st.places)), fmt.Sprintf("the caps allow at most this, less than the %s left to share", st.pounds(decimal.NewFromBigRat(R, st.places))))
	}
	// Linear beyond the last breakpoint with the uncapped weights' slope.
	lam := new(big.Rat).Sub(R, prevSum)
	lam.Quo(lam, slope)
	return lam.Add(lam, prev), nil
}

// interpolate returns the λ in [a, b] where the piecewise-linear sum,
// linear between a (sum sa) and b (sum sb), equals R.
func interpolate(a, sa, b, sb, R *big.Rat) *big.Rat {
	if sb.Cmp(sa) == 0 {
		return new(big.Rat).Set(b)
	}
	t := new(big.Rat).Sub(R, sa)
	t.Mul(t, new(big.Rat).Sub(b, a))
	t.Quo(t, new(big.Rat).Sub(sb, sa))
	return t.Add(t, a)
}

// ruleField names the field to blame for weights that are all zero.
func (st *state) ruleField() string {
	if st.rulePath == "baseline" {
		return "baseline.lines"
	}
	return st.rulePath + ".method"
}
