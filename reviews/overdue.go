package reviews

import (
	"cmp"
	"context"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/masa-go/masa/vocab"
)

// Report lists the overdue steps of a set of cases on a date.
type Report struct {
	On vocab.Date `json:"on"`
	// Cases is the number of cases given; Open the number with steps
	// still to do on the date; Problems the number left out because of
	// errors (see the error Overdue returns), a case the local authority
	// became aware of after the date included.
	Cases    int `json:"cases"`
	Open     int `json:"open"`
	Problems int `json:"problems"`
	// Overdue lists every overdue step, oldest due date first, then by
	// case reference and lifecycle order.
	Overdue []OverdueStep `json:"overdue"`
}

// OverdueStep is one overdue step of one case.
type OverdueStep struct {
	Ref         string     `json:"ref"`
	Step        StepID     `json:"step"`
	Name        string     `json:"name"`
	Stage       Stage      `json:"stage"`
	Owner       Owner      `json:"owner"`
	Due         vocab.Date `json:"due"`
	DaysOverdue int        `json:"daysOverdue"`
	order       int
}

// overdueChunk is the number of cases each worker takes at a time.
const overdueChunk = 4096

// Overdue returns the overdue steps of cases on date on, with each step's
// owner as it stands on that date.
//
// A case with a problem does not stop the report: it is left out and
// counted, and the error (a vocab.Problems) lists every problem with the
// case's position in its field path, such as "cases[7].events[2].on".
// Every case is checked in full. A case the local authority became aware
// of after on is a problem too (rule "after-on" at its facts.aware),
// besides any other problems it has: it cannot be reported on that date,
// and skipping it quietly would hide its other faults (issue 13, bug 4).
//
// Overdue is OverdueContext with a context that is never cancelled.
func (e *Engine) Overdue(cases []Case, on vocab.Date) (*Report, error) {
	return e.OverdueContext(context.Background(), cases, on)
}

// OverdueContext is Overdue, stopped when ctx is done: the work splits the
// cases between the cores, and every worker checks ctx before each case.
// A report stopped early is not returned; the error wraps ctx.Err(), so
// errors.Is(err, context.Canceled) tells a caller who left.
func (e *Engine) OverdueContext(ctx context.Context, cases []Case, on vocab.Date) (*Report, error) {
	if err := on.Check("on"); err != nil || on.IsZero() {
		return nil, fmt.Errorf("reviews: %w", vocab.Invalid("on", "date", on.String(), "is not a real calendar date"))
	}
	type part struct {
		items     []OverdueStep
		open, bad int
		problems  vocab.Problems
	}
	parts := make([]part, (len(cases)+overdueChunk-1)/overdueChunk)
	var next sync.Mutex
	claimed := 0
	work := func() {
		for {
			next.Lock()
			k := claimed
			claimed++
			next.Unlock()
			if k >= len(parts) {
				return
			}
			pt := &parts[k]
			owners := map[ownerCacheKey]Owner{}
			var ev evaluation
			hi := min((k+1)*overdueChunk, len(cases))
			for i := k * overdueChunk; i < hi; i++ {
				if ctx.Err() != nil {
					return
				}
				c := &cases[i]
				at := "cases[" + strconv.Itoa(i) + "]"
				t, err := e.replay(c, "")
				late := validDate(c.Facts.Aware) && c.Facts.Aware.After(on)
				if err == nil && !late {
					err = e.overdueSteps(&t, on, owners, &ev, &pt.items, &pt.open)
				}
				if late {
					pt.problems = append(pt.problems, vocab.Invalid(at+".facts.aware", "after-on", c.Facts.Aware.String(),
						"is after the report date "+on.String()+"; a case cannot be reported on before the local authority became aware of it"))
				}
				if err != nil {
					pt.problems = append(pt.problems, caseProblems(err, at)...)
				}
				if err != nil || late {
					pt.bad++
				}
			}
		}
	}
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(parts)) - 1 {
		wg.Go(work)
	}
	work()
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("reviews: overdue report stopped: %w", err)
	}

	r := &Report{On: on, Cases: len(cases)}
	var ps vocab.Problems
	n := 0
	for _, pt := range parts {
		n += len(pt.items)
	}
	all := make([]OverdueStep, 0, n)
	for _, pt := range parts {
		r.Open += pt.open
		r.Problems += pt.bad
		all = append(all, pt.items...)
		ps = append(ps, pt.problems...)
	}
	// Sort positions, not the items themselves, then copy once. Items are
	// in case order, so the position breaks ties between cases that
	// share a reference.
	order := make([]int32, len(all))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(i, j int32) int {
		a, b := &all[i], &all[j]
		return cmp.Or(a.Due.Compare(b.Due), cmp.Compare(a.Ref, b.Ref), cmp.Compare(a.order, b.order), cmp.Compare(i, j))
	})
	r.Overdue = make([]OverdueStep, len(all))
	for k, i := range order {
		r.Overdue[k] = all[i]
	}
	if len(ps) > 0 {
		return r, fmt.Errorf("reviews: overdue report: %w", ps)
	}
	return r, nil
}

type ownerCacheKey struct {
	per *period
	ref OwnerRef
}

// overdueSteps appends a case's overdue steps to items, and counts the
// case as open when it has steps to do.
func (e *Engine) overdueSteps(t *trail, on vocab.Date, owners map[ownerCacheKey]Owner, ev *evaluation, items *[]OverdueStep, open *int) error {
	if err := t.evaluate(on, ev, false); err != nil {
		return err
	}
	isOpen := false
	for _, s := range ev.steps[:ev.n] {
		cs := &t.per.rules.steps[s.step]
		if s.state == StateOpen || s.state == StateWaiting {
			isOpen = true
		}
		if !s.overdue(on) {
			continue
		}
		key := ownerCacheKey{t.per, cs.Owner}
		owner, ok := owners[key]
		if !ok {
			var err error
			if owner, err = e.owner(cs.Owner, "", &t.per.masa, on); err != nil {
				return err
			}
			owners[key] = owner
		}
		*items = append(*items, OverdueStep{
			Ref: t.c.Ref, Step: cs.ID, Name: t.per.names[s.step], Stage: cs.Stage, Owner: owner,
			Due: s.due, DaysOverdue: on.DaysSince(s.due), order: s.step,
		})
	}
	if isOpen {
		*open++
	}
	return nil
}

// caseProblems returns the problems of the case at path in a report, each
// field path prefixed with it ("cases[7].events[2].on"); an error that is
// not about a field becomes a problem of the case itself.
func caseProblems(err error, path string) vocab.Problems {
	var out vocab.Problems
	for _, fe := range vocab.AsProblems(err) {
		p := *fe
		if strings.HasPrefix(p.Field, "facts.") || strings.HasPrefix(p.Field, "events") || p.Field == "ref" {
			p.Field = path + "." + p.Field
		} else {
			p.Field, p.Message = path, fe.Error()
		}
		out = append(out, &p)
	}
	if len(out) == 0 {
		out.Add(vocab.Invalid(path, "evaluate", "", err.Error()))
	}
	return out
}
