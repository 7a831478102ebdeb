package reviews

import (
	"fmt"
	"slices"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
)

// State is the state of a step on a date.
type State string

// The states of a step.
const (
	// StateDone is a step recorded in the audit trail on or before the
	// date, or an automatic step whose date has come.
	StateDone State = "done"
	// StateOpen is a step that can be done now: it applies and every step
	// it follows is done.
	StateOpen State = "open"
	// StateWaiting is a step that applies but follows a step not yet
	// done. Its clock may already be running.
	StateWaiting State = "waiting"
	// StateRunning is an automatic step whose date has not yet come, such
	// as keeping a published report available.
	StateRunning State = "running"
)

// Status is a case's position on a date: its stage, every step that
// applies with its state, owner and due date, and what is due next.
type Status struct {
	Ref string     `json:"ref"`
	On  vocab.Date `json:"on"`
	// Rules says which rules apply to the case.
	Rules RulesInForce `json:"rules"`
	// SeriousIncident reports whether the incident must be notified to the
	// national Panel.
	SeriousIncident bool `json:"seriousIncident"`
	// Stage is the stage of the first step not yet done, or "closed".
	Stage Stage `json:"stage"`
	// Overdue reports whether any step is past its due date and not done.
	Overdue bool `json:"overdue"`
	// Steps lists the steps that apply on the date, in lifecycle order.
	// Steps that depend on a decision not yet made are left out.
	Steps []StepStatus `json:"steps"`
	// Next lists the open steps, soonest due first (steps without a due
	// date last).
	Next []StepID `json:"next"`
}

// RulesInForce names the rules that apply to a case.
type RulesInForce struct {
	// ID and Name are the review rules.
	ID   vocab.ID `json:"id"`
	Name string   `json:"name"`
	// RuleSet and RuleSetName are the masa rule set in force on the date
	// of becoming aware.
	RuleSet     vocab.ID `json:"ruleSet"`
	RuleSetName string   `json:"ruleSetName"`
	// ReviewName is what the rule set calls a review, such as "Serious
	// Case Review".
	ReviewName string `json:"reviewName"`
	// Body is the local safeguarding body under the rule set.
	Body string `json:"body"`
}

// StepStatus is one step of a case on a date.
type StepStatus struct {
	Step  StepID `json:"step"`
	Name  string `json:"name"`
	Stage Stage  `json:"stage"`
	State State  `json:"state"`
	// Owner is who owns the step on the status date.
	Owner Owner `json:"owner"`
	// Due is the deadline, when the step has one and its anchor is known.
	Due vocab.Date `json:"due,omitzero"`
	// DueRule says how Due is worked out, in words.
	DueRule string `json:"dueRule,omitempty"`
	// Provisional reports that Due was counted over a year whose bank
	// holidays are not yet announced, from the calendar's standing
	// pattern (see workdays.Calendar.Provisional): it may move when they
	// are.
	Provisional bool `json:"provisional,omitempty"`
	// NotBefore is the earliest date the step may be done, when known.
	NotBefore vocab.Date `json:"notBefore,omitzero"`
	// Overdue reports that the step is not done and Due has passed.
	Overdue bool `json:"overdue,omitempty"`
	// DaysOverdue counts the calendar days since Due.
	DaysOverdue int `json:"daysOverdue,omitempty"`
	// Optional reports a step the guidance asks for without making it
	// mandatory.
	Optional bool `json:"optional,omitempty"`
	// Done is the record of the step, once done.
	Done     *Done          `json:"done,omitempty"`
	Citation vocab.Citation `json:"citation"`
}

// Done is the record of a step done.
type Done struct {
	On       vocab.Date `json:"on"`
	By       string     `json:"by,omitempty"`
	Outcome  string     `json:"outcome,omitempty"`
	Criteria []vocab.ID `json:"criteria,omitempty"`
	Planned  vocab.Date `json:"planned,omitzero"`
	// Late reports that the step was done after its due date.
	Late bool `json:"late,omitempty"`
	// Event is the index of the event in the case's audit trail, or -1
	// for an automatic step.
	Event int `json:"event"`
}

// stepEval is the state of one step on a date, before owners and words.
type stepEval struct {
	step      int
	state     State
	due       vocab.Date
	hasDue    bool
	notBefore vocab.Date
	event     int // -1 when not recorded or automatic
}

// evaluation holds the applicable steps of a case on a date, in
// lifecycle order.
type evaluation struct {
	n     int
	steps [MaxSteps]stepEval
}

// evaluate works out every applicable step's state on date on, in
// lifecycle order. With full unset it skips what only Status needs: the
// due dates of steps already done and the earliest dates.
func (t *trail) evaluate(on vocab.Date, out *evaluation, full bool) error {
	rules := t.per.rules
	var done uint32
	out.n = 0
	for i := range rules.steps {
		cs := &rules.steps[i]
		if cs.facts&^t.facts != 0 {
			continue
		}
		applies := true
		for _, cond := range cs.outcomes {
			j := t.at[cond.step]
			if done&(1<<cond.step) == 0 || t.c.Events[j].Outcome != rules.steps[cond.step].Outcomes[cond.outcome].ID {
				applies = false
				break
			}
		}
		if !applies {
			continue
		}
		ev := stepEval{step: i, event: -1}
		ready := true
		for _, a := range cs.after {
			ready = ready && done&(1<<a) != 0
		}
		recorded := t.at[i] >= 0 && !t.c.Events[t.at[i]].On.After(on)
		if cs.due != nil && (full || !recorded) {
			var err error
			if ev.due, ev.hasDue, err = t.clock(cs.due, on); err != nil {
				return fmt.Errorf("reviews: case %s: step %s: %w", refLabel(t.c.Ref), cs.ID, err)
			}
		}
		if cs.notBefore != nil && full {
			nb, ok, err := t.clock(cs.notBefore, on)
			if err != nil {
				return fmt.Errorf("reviews: case %s: step %s: %w", refLabel(t.c.Ref), cs.ID, err)
			}
			if ok {
				ev.notBefore = nb
			}
		}
		switch {
		case recorded:
			ev.state, ev.event = StateDone, int(t.at[i])
		case !ready:
			ev.state = StateWaiting
		case cs.Auto && ev.hasDue && !on.Before(ev.due):
			ev.state = StateDone
		case cs.Auto:
			ev.state = StateRunning
		default:
			ev.state = StateOpen
		}
		if ev.state == StateDone {
			done |= 1 << i
		}
		out.steps[out.n] = ev
		out.n++
	}
	return nil
}

// overdue reports whether a step is past its due date and not done.
func (s stepEval) overdue(on vocab.Date) bool {
	return s.state != StateDone && s.state != StateRunning && s.hasDue && s.due.Before(on)
}

// Status returns the case's position on date on. It replays the case's
// audit trail against the rules in force on the date of becoming aware
// (events dated after on are checked but not counted) and resolves each
// step's owner as it stands on on.
//
// Any problem with the case is an error naming the field: a bad
// reference or fact, a fact needed for the next decision left unknown, an
// unknown step, a step recorded twice, out of order or dated before the
// step it follows, a step that does not apply (such as a local review
// after the Panel chose a national review), or a decision without its
// outcome or criteria. A date on before the date of becoming aware is an
// error too.
func (e *Engine) Status(c *Case, on vocab.Date) (*Status, error) {
	if err := on.Check("on"); err != nil || on.IsZero() {
		return nil, fmt.Errorf("reviews: %w", vocab.Invalid("on", "date", on.String(), "is not a real calendar date"))
	}
	t, err := e.replay(c, "")
	if err != nil {
		return nil, err
	}
	if on.Before(c.Facts.Aware) {
		return nil, fmt.Errorf("reviews: case %s: %w", refLabel(c.Ref), vocab.Invalid("on", "after-aware", on.String(), "is before the local authority became aware of the incident on "+c.Facts.Aware.Long()))
	}
	return e.status(&t, on)
}

func (e *Engine) status(t *trail, on vocab.Date) (*Status, error) {
	per := t.per
	st := &Status{
		Ref: t.c.Ref, On: on,
		Rules: RulesInForce{
			ID: per.rules.set.ID, Name: per.rules.set.Name,
			RuleSet: per.masa.ID, RuleSetName: per.masa.Name,
			ReviewName: per.masa.ReviewName, Body: per.masa.Body,
		},
		SeriousIncident: t.facts&factSerious != 0,
		Next:            []StepID{},
	}
	var ev evaluation
	if err := t.evaluate(on, &ev, true); err != nil {
		return nil, err
	}
	st.Steps = make([]StepStatus, 0, ev.n)
	firstStage, runningStage := Stage(""), Stage("")
	for _, s := range ev.steps[:ev.n] {
		cs := &per.rules.steps[s.step]
		owner, err := e.owner(cs.Owner, "", &per.masa, on)
		if err != nil {
			return nil, fmt.Errorf("reviews: case %s: step %s: %w", refLabel(t.c.Ref), cs.ID, err)
		}
		ss := StepStatus{
			Step: cs.ID, Name: per.names[s.step], Stage: cs.Stage, State: s.state, Owner: owner,
			NotBefore: s.notBefore, Citation: per.cites[s.step], Optional: cs.Optional,
		}
		if s.hasDue {
			ss.Due = s.due
			ss.Provisional = t.provisional(cs.due, on, s.due)
		}
		if cs.due != nil {
			ss.DueRule = t.dueRule(cs.due, on, ss.Provisional)
		}
		if s.overdue(on) {
			ss.Overdue, ss.DaysOverdue = true, on.DaysSince(s.due)
			st.Overdue = true
		}
		if s.state == StateDone {
			ss.Done = &Done{On: s.due, Event: -1}
			if s.event >= 0 {
				ev := &t.c.Events[s.event]
				ss.Done = &Done{On: ev.On, By: ev.By, Outcome: ev.Outcome, Criteria: ev.Criteria, Planned: ev.Planned, Event: s.event}
				ss.Done.Late = s.hasDue && ev.On.After(s.due)
			}
		}
		if !cs.Parallel {
			switch {
			case (s.state == StateOpen || s.state == StateWaiting) && firstStage == "":
				firstStage = cs.Stage
			case s.state == StateRunning && runningStage == "":
				runningStage = cs.Stage
			}
		}
		st.Steps = append(st.Steps, ss)
	}
	st.Stage = StageClosed
	if firstStage != "" {
		st.Stage = firstStage
	} else if runningStage != "" {
		st.Stage = runningStage
	}
	open := slices.DeleteFunc(slices.Clone(st.Steps), func(s StepStatus) bool { return s.State != StateOpen })
	slices.SortStableFunc(open, func(a, b StepStatus) int {
		if a.Due.IsZero() != b.Due.IsZero() {
			if a.Due.IsZero() {
				return 1
			}
			return -1
		}
		return a.Due.Compare(b.Due)
	})
	for _, s := range open {
		st.Next = append(st.Next, s.Step)
	}
	return st, nil
}

// Step returns the status of step id, if it applies.
func (s *Status) Step(id StepID) (StepStatus, bool) {
	i := slices.IndexFunc(s.Steps, func(x StepStatus) bool { return x.Step == id })
	if i < 0 {
		return StepStatus{}, false
	}
	return s.Steps[i], true
}

// NextSteps returns the open steps in the order of Next.
func (s *Status) NextSteps() []StepStatus {
	out := make([]StepStatus, 0, len(s.Next))
	for _, id := range s.Next {
		if st, ok := s.Step(id); ok {
			out = append(out, st)
		}
	}
	return out
}

// provisional reports whether the working-day clock k, due on due, was
// counted over a provisional year of the calendar.
func (t *trail) provisional(k *cclock, on, due vocab.Date) bool {
	if k == nil || k.WorkingDays == 0 {
		return false
	}
	from, ok := t.anchorDate(k, on)
	return ok && t.cal.Provisional(from, due)
}

// dueRule says how a clock's date is worked out, with the dates, and
// whether it was counted over a provisional calendar.
func (t *trail) dueRule(k *cclock, on vocab.Date, provisional bool) string {
	from, ok := t.anchorDate(k, on)
	if !ok {
		waiting := "not yet recorded"
		if k.planned {
			waiting = "no date planned yet"
		}
		return k.Text + " (" + waiting + ")"
	}
	note := ""
	if provisional {
		note = " (provisional: counted over bank holidays not yet announced)"
	}
	switch {
	case k.WorkingDays > 0:
		return fmt.Sprintf("%s: %s is day 0, and the deadline is the %s working day after it%s", k.Text, from.Long(), vocab.Ordinal(k.WorkingDays), note)
	case k.WorkingDays < 0:
		return fmt.Sprintf("%s: the %s working day before %s%s", k.Text, vocab.Ordinal(-k.WorkingDays), from.Long(), note)
	case k.Days != 0:
		return fmt.Sprintf("%s: %d days from %s", k.Text, k.Days, from.Long())
	}
	to := from.AddMonths(k.Months)
	rule := fmt.Sprintf("%s: %s plus %d months", k.Text, from.Long(), k.Months)
	if to.Day != from.Day {
		return rule + fmt.Sprintf(" is %s, as %s has no %s (a date past the end of a shorter month moves back to its last day)", to.Long(), to.Month, vocab.Ordinal(from.Day))
	}
	return rule + " is " + to.Long()
}

// StatusOf is the one-call form of Engine.Status with the default
// calendar and rules: the state of case c on date on for partnership p.
func StatusOf(p *masa.Partnership, c *Case, on vocab.Date) (*Status, error) {
	e, err := New(p)
	if err != nil {
		return nil, err
	}
	return e.Status(c, on)
}

// Due returns the due date of step id of case c as it stands on date on,
// and whether the step has one: a step that does not apply, has no
// deadline, or whose clock has not started (such as a Working Together
// 2023 rapid review before the notification to the Panel) has none. The
// case is checked as by Status.
func (e *Engine) Due(c *Case, id StepID, on vocab.Date) (vocab.Date, bool, error) {
	if err := on.Check("on"); err != nil || on.IsZero() {
		return vocab.Date{}, false, fmt.Errorf("reviews: %w", vocab.Invalid("on", "date", on.String(), "is not a real calendar date"))
	}
	t, err := e.replay(c, "")
	if err != nil {
		return vocab.Date{}, false, err
	}
	i := t.per.rules.step(id)
	if i < 0 {
		return vocab.Date{}, false, fmt.Errorf("reviews: %w", vocab.NotFound("step", clip(string(id)), "is not a step of "+t.per.rules.set.Name))
	}
	var ev evaluation
	if err := t.evaluate(on, &ev, true); err != nil {
		return vocab.Date{}, false, err
	}
	for _, s := range ev.steps[:ev.n] {
		if s.step == i {
			return s.due, s.hasDue, nil
		}
	}
	return vocab.Date{}, false, nil
}
