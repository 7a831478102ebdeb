package reviews

import (
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/masa-go/masa/vocab"
	"github.com/masa-go/masa/workdays"
)

// trail is a case's audit trail replayed against its rules: for each step,
// the event that recorded it.
type trail struct {
	c     *Case
	cal   *workdays.Calendar
	per   *period
	facts uint8
	at    [MaxSteps]int16 // index into c.Events, or -1
}

// replay checks a case against the rules that apply to it and indexes its
// events. Every problem is reported, each naming its field with prefix.
func (e *Engine) replay(c *Case, prefix string) (trail, error) {
	t := trail{c: c, cal: e.cal}
	for i := range t.at {
		t.at[i] = -1
	}
	// The form of the case comes first: when it has problems, they are
	// all reported, and nothing else. Each event's form and its place in
	// the trail are checked in one pass, while the event is in cache.
	ps := c.checkHead(prefix)
	var rules *compiled
	if len(ps) == 0 {
		t.per = e.periodFor(c.Facts.Aware)
		if t.per.err != nil {
			return t, fmt.Errorf("reviews: case %s: %w", refLabel(c.Ref), t.per.errOn(prefix+"facts.aware", c.Facts.Aware))
		}
		var err *vocab.FieldError
		if t.facts, err = factsOf(&c.Facts, prefix+"facts."); err != nil {
			return t, fmt.Errorf("reviews: case %s: %w", refLabel(c.Ref), err)
		}
		rules = t.per.rules
	}
	if len(c.Events) > MaxEvents {
		return t, fmt.Errorf("reviews: case %s: %w", refLabel(clip(c.Ref)), ps)
	}
	var order vocab.Problems
	for i := range c.Events {
		if form := c.Events[i].checkForm(prefix, i); len(form) > 0 {
			ps = append(ps, form...)
			continue
		}
		if len(ps) == 0 {
			if p := t.record(rules, i, prefix); p != nil {
				order.Add(p)
			}
		}
	}
	if len(ps) > 0 {
		return t, fmt.Errorf("reviews: case %s: %w", refLabel(clip(c.Ref)), ps)
	}
	if len(order) > 0 {
		return t, fmt.Errorf("reviews: case %s: %w", refLabel(c.Ref), order)
	}
	return t, nil
}

// factsOf works out which facts hold, or names the missing fact the
// decision needs.
func factsOf(f *Facts, fp string) (uint8, *vocab.FieldError) {
	need := func(field, why string) *vocab.FieldError {
		return vocab.Invalid(fp+field, "required", "", "is unknown, but it is needed to decide "+why)
	}
	var bits uint8
	if f.Harm == "" {
		return 0, need("harm", "whether the incident is a serious incident")
	}
	if f.Harm == HarmDied {
		bits |= factDeath
		if f.LookedAfter == nil {
			return 0, need("lookedAfter", "whether the Secretary of State and Ofsted must be told of the death")
		}
		if *f.LookedAfter {
			bits |= factLookedAfterDeath
		}
		if f.CareLeaver {
			bits |= factCareLeaverDeath
		}
	}
	if f.Harm == HarmNotSerious {
		return bits, nil
	}
	if f.AbuseOrNeglect == "" {
		return 0, need("abuseOrNeglect", "whether the incident must be notified to the national Panel")
	}
	if f.AbuseOrNeglect == AbuseNotSuspected {
		return bits, nil
	}
	if f.Location == "" {
		return 0, need("location", "whether this local authority must notify the national Panel")
	}
	if f.Location != OutsideArea {
		bits |= factSerious
	}
	return bits, nil
}

// record checks event i against the rules and the events before it, and
// records it when it is sound.
func (t *trail) record(rules *compiled, i int, prefix string) *vocab.FieldError {
	ev := &t.c.Events[i]
	fp := func(name string) string { return eventField(prefix, i, name) }
	s := rules.step(ev.Step)
	if s < 0 {
		return vocab.NotFound(fp("step"), clip(string(ev.Step)), "is not a step of "+rules.set.Name)
	}
	cs := &rules.steps[s]
	name := t.per.names[s]
	if j := t.at[s]; j >= 0 {
		return vocab.Conflict(fp("step"), "once", string(ev.Step), fmt.Sprintf("was already recorded at %sevents[%d]; each step is recorded once", prefix, j))
	}
	if ev.On.Before(t.c.Facts.Aware) {
		return vocab.Invalid(fp("on"), "after-aware", ev.On.String(), "is before the local authority became aware of the incident on "+t.c.Facts.Aware.Long())
	}
	if missing := cs.facts &^ t.facts; missing != 0 {
		return vocab.Conflict(fp("step"), "applies", string(ev.Step), "does not apply: the facts do not describe "+describeFacts(missing))
	}
	for _, cond := range cs.outcomes {
		want := rules.steps[cond.step].Outcomes[cond.outcome]
		j := t.at[cond.step]
		if j < 0 {
			return vocab.Conflict(fp("step"), "order", string(ev.Step), fmt.Sprintf("is recorded before the decision it depends on (%s: %s)", t.per.names[cond.step], want.Name))
		}
		if got := t.c.Events[j].Outcome; got != want.ID {
			return vocab.Conflict(fp("step"), "route", string(ev.Step), fmt.Sprintf("does not apply: %sevents[%d] decided %s, and this step follows only %s",
				prefix, j, outcomeName(&rules.steps[cond.step], got), want.Name))
		}
	}
	for _, a := range cs.after {
		j := t.at[a]
		if j < 0 {
			return vocab.Conflict(fp("step"), "order", string(ev.Step), "is recorded before the step it follows: "+t.per.names[a])
		}
		if prev := t.c.Events[j].On; ev.On.Before(prev) {
			return vocab.Invalid(fp("on"), "after-previous", ev.On.String(), fmt.Sprintf("is before %s on %s (%sevents[%d]), which this step follows", t.per.names[a], prev.Long(), prefix, j))
		}
	}
	if cs.notBefore != nil {
		if earliest, ok, err := t.clock(cs.notBefore, ev.On); err != nil {
			return calendarProblem(fp("on"), err)
		} else if ok && ev.On.Before(earliest) {
			return vocab.Invalid(fp("on"), "not-before", ev.On.String(), fmt.Sprintf("is too early: %s must be done %s, so not before %s", name, cs.notBefore.Text, earliest.Long()))
		}
	}
	if p := checkDecision(cs, ev, fp, rules); p != nil {
		return p
	}
	if !ev.Planned.IsZero() {
		if !cs.Planned {
			return vocab.Invalid(fp("planned"), "no-planned-date", ev.Planned.String(), "is set, but "+name+" does not record a planned date")
		}
		if ev.Planned.Before(ev.On) {
			return vocab.Invalid(fp("planned"), "after-on", ev.Planned.String(), "is before the step was recorded on "+ev.On.Long())
		}
	}
	if len(ev.Learning) > 0 && !cs.Learning {
		return vocab.Invalid(fp("learning"), "no-learning", "", "is set, but "+name+" does not record learning")
	}
	if cs.Learning && len(ev.Learning) == 0 {
		return vocab.Invalid(fp("learning"), "required", "", "is required: record at least one theme of the learning")
	}
	t.at[s] = int16(i)
	return nil
}

// checkDecision checks an event's outcome and criteria against its step.
func checkDecision(cs *cstep, ev *Event, fp func(string) string, rules *compiled) *vocab.FieldError {
	if len(cs.Outcomes) == 0 {
		if ev.Outcome != "" {
			return vocab.Invalid(fp("outcome"), "no-outcome", clip(ev.Outcome), "is set, but this step is not a decision")
		}
		if len(ev.Criteria) > 0 {
			return vocab.Invalid(fp("criteria"), "no-criteria", string(ev.Criteria[0]), "is set, but this step is not a decision")
		}
		return nil
	}
	k := slices.IndexFunc(cs.Outcomes, func(o Outcome) bool { return o.ID == ev.Outcome })
	if k < 0 {
		ids := make([]string, len(cs.Outcomes))
		for i, o := range cs.Outcomes {
			ids[i] = o.ID
		}
		if ev.Outcome == "" {
			return vocab.Invalid(fp("outcome"), "required", "", "is required: the decision, one of "+vocab.JoinAnd(quoteAll(ids)))
		}
		return vocab.Invalid(fp("outcome"), "outcome", clip(ev.Outcome), "is not a possible decision here: one of "+vocab.JoinAnd(quoteAll(ids)))
	}
	o := cs.Outcomes[k]
	if !o.NeedsCriteria {
		if len(ev.Criteria) > 0 {
			return vocab.Invalid(fp("criteria"), "no-criteria", string(ev.Criteria[0]), "is set, but the decision "+o.Name+" does not rest on criteria")
		}
		return nil
	}
	if len(ev.Criteria) == 0 {
		return vocab.Invalid(fp("criteria"), "required", "", "is required: the decision "+o.Name+" must name the criteria it rests on")
	}
	list := rules.criteria[cs.Criteria]
	for k, id := range ev.Criteria {
		if !slices.ContainsFunc(list.Items, func(c Criterion) bool { return c.ID == id }) {
			return vocab.NotFound(fp("criteria["+strconv.Itoa(k)+"]"), clip(string(id)), "is not one of the "+list.Name)
		}
		if slices.Contains(ev.Criteria[:k], id) {
			return vocab.Conflict(fp("criteria["+strconv.Itoa(k)+"]"), "unique", string(id), "is listed twice")
		}
	}
	return nil
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = `"` + s + `"`
	}
	return out
}

func outcomeName(cs *cstep, id string) string {
	for _, o := range cs.Outcomes {
		if o.ID == id {
			return o.Name
		}
	}
	return id
}

func describeFacts(bits uint8) string {
	switch {
	case bits&factSerious != 0:
		return "a serious incident (abuse or neglect known or suspected, and death or serious harm in the area or of a child from the area outside England)"
	case bits&factLookedAfterDeath != 0:
		return "the death of a looked-after child"
	case bits&factCareLeaverDeath != 0:
		return "the death of a care leaver under 25"
	default:
		return "the death of a child"
	}
}

// anchorDate returns the date clock k counts from, when it is known: the
// date of becoming aware, the date a step was recorded, or the planned
// date recorded with it. Only events dated on or before on count.
func (t *trail) anchorDate(k *cclock, on vocab.Date) (vocab.Date, bool) {
	if k.anchor < 0 {
		return t.c.Facts.Aware, true
	}
	j := t.at[k.anchor]
	if j < 0 {
		return vocab.Date{}, false
	}
	ev := &t.c.Events[j]
	if ev.On.After(on) {
		return vocab.Date{}, false
	}
	if k.planned {
		return ev.Planned, !ev.Planned.IsZero()
	}
	return ev.On, true
}

// clock returns the date clock k gives on date on, and whether its anchor
// is known.
func (t *trail) clock(k *cclock, on vocab.Date) (vocab.Date, bool, error) {
	from, ok := t.anchorDate(k, on)
	if !ok {
		return vocab.Date{}, false, nil
	}
	switch {
	case k.WorkingDays != 0:
		d, err := t.cal.AddWorkingDays(from, k.WorkingDays)
		return d, err == nil, err
	case k.Days != 0:
		return from.AddDays(k.Days), true, nil
	default:
		return from.AddMonths(k.Months), true, nil
	}
}

// calendarProblem turns a workdays error into a problem with field.
func calendarProblem(field string, err error) *vocab.FieldError {
	var fe *vocab.FieldError
	if errors.As(err, &fe) {
		out := *fe
		out.Field = field
		return &out
	}
	return vocab.Invalid(field, "calendar", "", err.Error())
}
