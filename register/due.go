package register

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"

	"github.com/masa-go/masa/reviews"
	"github.com/masa-go/masa/vocab"
)

// DueStep is a step of a stored case that is not yet done and has a due
// date: open (it can be done now) or waiting on an earlier step while its
// clock runs.
type DueStep struct {
	Ref      string         `json:"ref"`
	Step     reviews.StepID `json:"step"`
	Name     string         `json:"name"`
	Stage    reviews.Stage  `json:"stage"`
	State    reviews.State  `json:"state"`
	Owner    reviews.Owner  `json:"owner"`
	Due      vocab.Date     `json:"due"`
	DueRule  string         `json:"dueRule"`
	Overdue  bool           `json:"overdue,omitempty"`
	Citation vocab.Citation `json:"citation"`
}

// Agenda lists the steps due across the register.
type Agenda struct {
	On vocab.Date `json:"on"`
	// Until is the last due date listed, for an agenda of the next
	// working days; zero lists every step not done.
	Until vocab.Date `json:"until,omitzero"`
	// Cases counts the cases read and Problems those left out because the
	// rules no longer accept them (see the error returned).
	Cases    int       `json:"cases"`
	Problems int       `json:"problems"`
	Steps    []DueStep `json:"steps"`
}

// Open returns every step of every stored case that is not done on date
// on and has a due date, soonest first, then by reference and lifecycle
// order. A case the rules no longer accept is left out and counted, and
// the error lists its problems.
func (r *Register) Open(ctx context.Context, on vocab.Date) (*Agenda, error) {
	return r.agenda(ctx, on, vocab.Date{})
}

// DueWithin returns the steps not done on date on that fall due from
// on to the end of the days-th working day after it, overdue ones
// included, as Open does.
func (r *Register) DueWithin(ctx context.Context, on vocab.Date, days int) (*Agenda, error) {
	if days < 0 || days > 366 {
		return nil, fmt.Errorf("%w: %w", ErrBadRequest, vocab.Invalid("days", "range", strconv.Itoa(days), "must be from 0 to 366 working days"))
	}
	until, err := r.engine.Calendar().AddWorkingDays(on, days)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadRequest, err)
	}
	return r.agenda(ctx, on, until)
}

func (r *Register) agenda(ctx context.Context, on, until vocab.Date) (*Agenda, error) {
	if !on.Valid() || on.IsZero() {
		return nil, fmt.Errorf("%w: %w", ErrBadRequest, vocab.Invalid("on", "date", on.String(), "is not a real calendar date"))
	}
	a := &Agenda{On: on, Until: until, Steps: []DueStep{}}
	var ps vocab.Problems
	trails, err := r.Trails(ctx)
	if err != nil {
		return nil, err
	}
	for i := range trails {
		t := &trails[i]
		a.Cases++
		if t.Facts.Aware.After(on) {
			continue
		}
		st, err := r.engine.Status(t, on)
		if err != nil {
			a.Problems++
			for _, fe := range vocab.AsProblems(err) {
				cp := *fe
				cp.Field = "cases[" + strconv.Quote(t.Ref) + "]." + cp.Field
				ps = append(ps, &cp)
			}
			continue
		}
		for _, s := range st.Steps {
			if s.Due.IsZero() || (s.State != reviews.StateOpen && s.State != reviews.StateWaiting) {
				continue
			}
			if !until.IsZero() && s.Due.After(until) {
				continue
			}
			a.Steps = append(a.Steps, DueStep{
				Ref: t.Ref, Step: s.Step, Name: s.Name, Stage: s.Stage, State: s.State, Owner: s.Owner,
				Due: s.Due, DueRule: s.DueRule, Overdue: s.Overdue, Citation: s.Citation,
			})
		}
	}
	// Steps of one case come in lifecycle order and the sort is stable.
	slices.SortStableFunc(a.Steps, func(x, y DueStep) int {
		return cmp.Or(x.Due.Compare(y.Due), cmp.Compare(x.Ref, y.Ref))
	})
	if len(ps) > 0 {
		return a, fmt.Errorf("register: %w", ps)
	}
	return a, nil
}
