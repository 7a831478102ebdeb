// Package casegen makes random review cases that follow the default rules,
// for the tests and benchmarks of reviews and of the register, so that a
// report read from a store can be compared with the in-memory one.
package casegen

import (
	"math/rand/v2"
	"slices"
	"strconv"

	"github.com/masa-go/masa/reviews"
	"github.com/masa-go/masa/vocab"
)

var d = vocab.MustDate

func yes() *bool { v := true; return &v }
func no() *bool  { v := false; return &v }

// Gen makes random cases that follow the default rules, as a partnership
// would record them: most on time, some late, some abandoned part way.
type Gen struct {
	r   *rand.Rand
	e   *reviews.Engine
	end vocab.Date // no event after this date
}

// New returns a generator: the same seed gives the same cases.
func New(seed uint64, e *reviews.Engine, end vocab.Date) *Gen {
	return &Gen{r: rand.New(rand.NewPCG(seed, 17)), e: e, end: end}
}

func (g *Gen) pick(p float64) bool { return g.r.Float64() < p }
func (g *Gen) days(lo, hi int) int { return lo + g.r.IntN(hi-lo+1) }

// Case returns a random case the local authority became aware of between
// 1 March 2018 and 30 October 2026.
func (g *Gen) Case(i int) reviews.Case {
	aware := d("2018-03-01").AddDays(g.r.IntN(3165))
	f := reviews.Facts{Aware: aware, LookedAfter: no()}
	switch x := g.r.Float64(); {
	case x < 0.3:
		f.Harm = reviews.HarmDied
	case x < 0.9:
		f.Harm = reviews.HarmSerious
	default:
		f.Harm = reviews.HarmNotSerious
	}
	f.AbuseOrNeglect = reviews.AbuseSuspected
	if g.pick(0.3) {
		f.AbuseOrNeglect = reviews.AbuseKnown
	} else if g.pick(0.1) {
		f.AbuseOrNeglect = reviews.AbuseNotSuspected
	}
	f.Location = reviews.InArea
	if g.pick(0.1) {
		f.Location = reviews.ResidentOutsideEngland
	} else if g.pick(0.05) {
		f.Location = reviews.OutsideArea
	}
	if g.pick(0.1) {
		f.LookedAfter = yes()
	}
	c := reviews.Case{Ref: "CASE-" + strconv.Itoa(i), Facts: f}
	g.events(&c)
	return c
}

func (g *Gen) add(c *reviews.Case, step string, on vocab.Date, ev reviews.Event) vocab.Date {
	ev.Step, ev.On = reviews.StepID(step), on
	if ev.By == "" {
		ev.By = "business unit"
	}
	c.Events = append(c.Events, ev)
	return on
}

func (g *Gen) events(c *reviews.Case) {
	f := c.Facts
	aware := f.Aware
	lscb := aware.Before(d("2019-09-29"))
	died := f.Harm == reviews.HarmDied
	seriousIncident := f.Harm != reviews.HarmNotSerious && f.AbuseOrNeglect != reviews.AbuseNotSuspected && f.Location != reviews.OutsideArea
	if died {
		g.add(c, "child-death-review", aware.AddDays(g.days(0, 4)), reviews.Event{})
		if *f.LookedAfter {
			g.add(c, "notify-ofsted-sos", aware.AddDays(g.days(1, 9)), reviews.Event{})
		}
	}
	if seriousIncident {
		if lscb {
			g.lscb(c)
		} else {
			g.masa(c)
		}
	}
	// Record in date order, as a business unit would; a stable sort keeps
	// each step after the steps it follows.
	slices.SortStableFunc(c.Events, func(a, b reviews.Event) int { return a.On.Compare(b.On) })
	keep := len(c.Events)
	if g.pick(0.3) && keep > 0 {
		keep = g.r.IntN(keep + 1) // abandoned part way
	}
	for k, ev := range c.Events[:keep] {
		if ev.On.After(g.end) {
			keep = k
			break
		}
	}
	c.Events = c.Events[:keep]
}

func (g *Gen) masa(c *reviews.Case) {
	aware := c.Facts.Aware
	notified := g.add(c, "notify-panel", aware.AddDays(g.days(0, 9)), reviews.Event{})
	g.add(c, "inform-partners", notified.AddDays(g.days(0, 2)), reviews.Event{})
	rr := g.add(c, "rapid-review", notified.AddDays(g.days(3, 26)), reviews.Event{})
	panel := rr.AddDays(g.days(5, 30))
	if g.pick(0.1) {
		g.add(c, "panel-decision", panel, reviews.Event{Outcome: "national-review", Criteria: []vocab.ID{"recurrent-themes"}})
		g.add(c, "national-review", panel.AddDays(g.days(10, 60)), reviews.Event{})
		return
	}
	g.add(c, "panel-decision", panel, reviews.Event{Outcome: "no-national-review"})
	rec := panel.AddDays(g.days(3, 20))
	review := g.pick(0.5)
	if review {
		g.add(c, "local-recommendation", rec, reviews.Event{Outcome: "recommend-local-review", Criteria: []vocab.ID{"agencies-working-together"}})
	} else {
		g.add(c, "local-recommendation", rec, reviews.Event{Outcome: "recommend-no-review"})
	}
	outcome := "no-local-review"
	if review != g.pick(0.05) {
		outcome = "local-review"
	}
	decided := g.add(c, "ratify-decision", rec.AddDays(g.days(1, 15)), reviews.Event{Outcome: outcome, By: "Assistant Chief Constable"})
	g.add(c, "inform-decision", decided.AddDays(g.days(1, 10)), reviews.Event{})
	if outcome == "local-review" {
		g.report(c, decided, "commission-review", 7)
	}
}

func (g *Gen) lscb(c *reviews.Case) {
	aware := c.Facts.Aware
	// From 29 June 2018 the Panel is notified, and the LSCB is told,
	// until go-live; before that, Ofsted and the LSCB.
	first := "notify-incident"
	if !aware.Before(d("2018-06-29")) {
		first = "notify-panel"
	}
	notified := g.add(c, first, aware.AddDays(g.days(0, 9)), reviews.Event{})
	if first == "notify-panel" {
		g.add(c, "inform-body", notified.AddDays(g.days(0, 2)), reviews.Event{})
	}
	decided := notified.AddDays(g.days(10, 40))
	if !g.pick(0.4) {
		g.add(c, "scr-decision", decided, reviews.Event{Outcome: "no-scr"})
		return
	}
	criterion := vocab.ID("harmed-with-concern")
	if c.Facts.Harm == reviews.HarmDied {
		criterion = "died"
	}
	g.add(c, "scr-decision", decided, reviews.Event{Outcome: "scr", Criteria: []vocab.ID{criterion}})
	g.report(c, decided, "commission-review", 0)
}

// report adds the steps from commissioning a review to its learning. A
// positive workingDays is the notice the Panel needs before publication;
// zero means one week.
func (g *Gen) report(c *reviews.Case, decided vocab.Date, commission string, workingDays int) {
	g.add(c, commission, decided.AddDays(g.days(3, 30)), reviews.Event{})
	final := g.add(c, "final-report", decided.AddDays(g.days(120, 220)), reviews.Event{})
	planned := final.AddDays(g.days(20, 45))
	c.Events[len(c.Events)-1].Planned = planned
	sent := g.add(c, "send-report", planned.AddDays(-g.days(9, 19)), reviews.Event{})
	if sent.Before(final) {
		sent = final
		c.Events[len(c.Events)-1].On = final
	}
	earliest := sent.AddDays(7)
	if workingDays > 0 {
		if e, err := g.e.Calendar().AddWorkingDays(sent, workingDays); err == nil {
			earliest = e
		}
	}
	if planned.Before(earliest) {
		planned = earliest
	}
	g.add(c, "publish", planned, reviews.Event{})
	shared := g.add(c, "share-learning", final.AddDays(g.days(10, 60)), reviews.Event{Learning: []reviews.Finding{
		{Theme: "information sharing", Severity: g.days(1, 5), Audience: vocab.AudienceChildren},
	}})
	if workingDays > 0 {
		g.add(c, "training-needs", shared.AddDays(g.days(5, 40)), reviews.Event{})
	}
	g.add(c, "action-plan", final.AddDays(g.days(60, 200)), reviews.Event{})
}

// Cases returns n random cases.
func (g *Gen) Cases(n int) []reviews.Case {
	out := make([]reviews.Case, n)
	for i := range out {
		out[i] = g.Case(i)
	}
	return out
}
