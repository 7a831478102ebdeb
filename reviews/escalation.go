package reviews

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
)

// Level is one level of dispute resolution on a date.
type Level struct {
	Level int    `json:"level"`
	Name  string `json:"name"`
	// Owner says who resolves disagreements at this level.
	Owner string `json:"owner"`
	// Procedures names the procedures that govern the level, if any.
	Procedures string `json:"procedures,omitempty"`
	// Overseer is the holder, on the date, of the lead area that oversees
	// the level, if it has one (the clinical commissioning group leads
	// for the statutory partners' level in Essex 2020-21).
	Overseer *Owner `json:"overseer,omitempty"`
}

// Escalation returns the levels of dispute resolution, lowest first, with
// the overseer of each on date on. Levels must be numbered 1, 2, 3... in
// order.
func (e *Engine) Escalation(on vocab.Date) ([]Level, error) {
	if err := on.Check("on"); err != nil || on.IsZero() {
		return nil, fmt.Errorf("reviews: %w", vocab.Invalid("on", "date", on.String(), "is not a real calendar date"))
	}
	stages := e.p.Escalation
	if len(stages) == 0 {
		return nil, fmt.Errorf("reviews: %w", vocab.NotFound("escalation", "", "is empty: the partnership describes no dispute resolution"))
	}
	rs, err := e.partnershipRuleSet("on", on)
	if err != nil {
		return nil, err
	}
	out := make([]Level, 0, len(stages))
	for i, s := range stages {
		if s.Level != i+1 {
			return nil, fmt.Errorf("reviews: %w", vocab.Invalid(fmt.Sprintf("escalation[%d].level", i), "sequence", strconv.Itoa(s.Level), "must be "+strconv.Itoa(i+1)+": levels are numbered from 1 in order"))
		}
		l := Level{Level: s.Level, Name: s.Name, Owner: s.Owner, Procedures: s.Procedures}
		if s.LeadArea != "" {
			o, err := e.owner(OwnerDispute, s.LeadArea, &rs, on)
			if err != nil {
				return nil, err
			}
			l.Overseer = &o
		}
		out = append(out, l)
	}
	return out, nil
}

// partnershipRuleSet returns the masa rule set in force for the
// partnership on d, from the engine's periods; field names d in an error.
func (e *Engine) partnershipRuleSet(field string, d vocab.Date) (masa.RuleSet, error) {
	per := e.periodFor(d)
	if per.masa.ID == "" {
		return masa.RuleSet{}, per.errOn(field, d)
	}
	return per.masa, nil
}

// DisputeAction is what happened to a professional disagreement.
type DisputeAction string

// The dispute actions.
const (
	// DisputeRaised opens a disagreement at level 1.
	DisputeRaised DisputeAction = "raised"
	// DisputeEscalated moves it up one level.
	DisputeEscalated DisputeAction = "escalated"
	// DisputeResolved closes it.
	DisputeResolved DisputeAction = "resolved"
)

// Dispute is a professional disagreement between agencies about a child's
// safety or welfare, keyed by an opaque reference, with its trail.
type Dispute struct {
	Ref    string         `json:"ref"`
	Events []DisputeEvent `json:"events"`
}

// DisputeEvent is one entry in a dispute's trail.
type DisputeEvent struct {
	Action DisputeAction `json:"action"`
	On     vocab.Date    `json:"on"`
	// By names the post or agency that acted.
	By string `json:"by"`
}

// DisputeStatus is where a dispute stands on a date.
type DisputeStatus struct {
	Ref string     `json:"ref"`
	On  vocab.Date `json:"on"`
	// Level is the level the dispute has reached.
	Level    Level `json:"level"`
	Resolved bool  `json:"resolved"`
	// Since is the date the dispute reached its level, or was resolved.
	Since vocab.Date `json:"since"`
	// Next says what happens next, in words.
	Next string `json:"next"`
	// NextLevel is the level an escalation would go to, if there is one
	// and the dispute is not resolved.
	NextLevel *Level `json:"nextLevel,omitempty"`
}

// Dispute returns where dispute d stands on date on: its level, who owns
// it there, and the next step. Events dated after on are checked but not
// counted. The trail must start with "raised", escalate one level at a
// time no higher than the top level, end at most once with "resolved",
// and never go back in time; each problem is an error naming the field.
func (e *Engine) Dispute(d *Dispute, on vocab.Date) (*DisputeStatus, error) {
	levels, err := e.Escalation(on)
	if err != nil {
		return nil, err
	}
	var ps vocab.Problems
	if msg := refProblem(d.Ref); msg != "" {
		ps.Add(vocab.Invalid("ref", "ref", clip(d.Ref), msg))
	}
	if len(d.Events) == 0 {
		ps.Add(vocab.Invalid("events", "required", "", "is empty: a dispute starts when it is raised"))
	}
	st := &DisputeStatus{Ref: d.Ref, On: on}
	level, resolved := 0, false
	var last vocab.Date
	for i, ev := range d.Events {
		fp := fmt.Sprintf("events[%d].", i)
		switch {
		case !ev.On.Valid():
			ps.Add(vocab.Invalid(fp+"on", "date", ev.On.String(), "is required: a real calendar date"))
			continue
		case ev.On.Before(last):
			ps.Add(vocab.Invalid(fp+"on", "order", ev.On.String(), "is before the previous event on "+last.Long()))
		case strings.TrimSpace(ev.By) == "":
			ps.Add(vocab.Invalid(fp+"by", "required", "", "is required: the post or agency that acted"))
		}
		if p := textProblem(func(name string) string { return fp + name }, "by", ev.By); p != nil {
			ps.Add(p)
		}
		last = ev.On
		counts := !ev.On.After(on)
		switch {
		case resolved:
			ps.Add(vocab.Conflict(fp+"action", "after-resolved", string(ev.Action), "follows the resolution of the dispute"))
		case ev.Action == DisputeRaised && i != 0:
			ps.Add(vocab.Conflict(fp+"action", "raised-once", string(ev.Action), "repeats the raising of the dispute"))
		case ev.Action != DisputeRaised && i == 0:
			ps.Add(vocab.Invalid(fp+"action", "raised-first", clip(string(ev.Action)), `must be "raised": a dispute starts when it is raised`))
		case ev.Action == DisputeRaised:
			if counts {
				level, st.Since = 1, ev.On
			}
		case ev.Action == DisputeEscalated:
			if level >= len(levels) {
				ps.Add(vocab.Conflict(fp+"action", "top-level", string(ev.Action), "goes beyond the top level, "+levels[len(levels)-1].Name))
			} else if counts {
				level, st.Since = level+1, ev.On
			}
		case ev.Action == DisputeResolved:
			resolved = true
			if counts {
				st.Resolved, st.Since = true, ev.On
			}
		default:
			ps.Add(vocab.Invalid(fp+"action", "action", clip(string(ev.Action)), `is not "raised", "escalated" or "resolved"`))
		}
	}
	if err := ps.Err(); err != nil {
		return nil, fmt.Errorf("reviews: dispute %s: %w", clip(d.Ref), err)
	}
	if level == 0 {
		return nil, fmt.Errorf("reviews: dispute %s: %w", d.Ref, vocab.Invalid("on", "after-raised", on.String(), "is before the dispute was raised on "+d.Events[0].On.Long()))
	}
	st.Level = levels[level-1]
	switch {
	case st.Resolved:
		st.Next = "none: resolved on " + st.Since.Long() + " at level " + strconv.Itoa(level) + " (" + st.Level.Name + ")"
	case level < len(levels):
		nl := levels[level]
		st.NextLevel = &nl
		st.Next = fmt.Sprintf("%s try to resolve it; if they cannot, escalate to level %d, %s: %s", vocab.Capitalise(st.Level.Owner), nl.Level, nl.Name, nl.Owner)
	default:
		st.Next = vocab.Capitalise(st.Level.Owner) + " decide; there is no higher level"
		if o := st.Level.Overseer; o != nil {
			st.Next += "; the way forward is overseen by " + o.String()
		}
	}
	return st, nil
}
