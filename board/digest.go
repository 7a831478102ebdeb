package board

import (
	"slices"

	"github.com/masa-go/masa/annualreport"
	"github.com/masa-go/masa/vocab"
)

// Digest is the key messages of a period's meetings: each meeting's
// theme, items, decisions, endorsed strategies and actions, and the
// business-plan priorities the period's items bore on.
type Digest struct {
	// Partnership is the partnership's name.
	Partnership string `json:"partnership"`
	// Period is the period asked for.
	Period vocab.Period `json:"period"`
	// Meetings are the meetings held in the period, in date order.
	Meetings []MeetingDigest `json:"meetings"`
	// Endorsed lists every strategy endorsed in the period.
	Endorsed []Strategy `json:"endorsed"`
	// Priorities are the business-plan priorities taken up in the period,
	// in plan order.
	Priorities []PriorityTouch `json:"priorities"`
}

// Empty reports whether no meeting was held in the period.
func (d *Digest) Empty() bool { return len(d.Meetings) == 0 }

// MeetingDigest is one meeting in a digest.
type MeetingDigest struct {
	ID       vocab.ID `json:"id"`
	Held     When     `json:"held"`
	Edition  vocab.ID `json:"edition"`
	Body     vocab.ID `json:"body"`
	BodyName string   `json:"bodyName"`
	Theme    string   `json:"theme,omitempty"`
	Items    []Item   `json:"items"`
	// Decisions, Endorsed and Actions are the meeting's, in data order.
	Decisions []Decision      `json:"decisions"`
	Endorsed  []Strategy      `json:"endorsed"`
	Actions   []DigestAction  `json:"actions"`
	Source    *vocab.Citation `json:"source,omitempty"`
}

// DigestAction is an action as the digest shows it, with its owner's name.
type DigestAction struct {
	Action
	OwnerName string   `json:"ownerName"`
	WithNames []string `json:"withNames"`
}

// PriorityTouch is a business-plan priority and the meetings of the
// period whose items bore on it.
type PriorityTouch struct {
	Plan     vocab.ID              `json:"plan"`
	Priority vocab.ID              `json:"priority"`
	Name     string                `json:"name"`
	Progress annualreport.Progress `json:"progress,omitempty"`
	// Meetings are the IDs of the meetings, in date order.
	Meetings []vocab.ID `json:"meetings"`
}

// Digest returns the key messages of the meetings held in period p. A
// meeting belongs to the period whose dates include its day, or the first
// day of its month when the record gives only the month, so consecutive
// periods never share a meeting. A period with no meetings gives an empty
// digest, not an error.
func (bd *Board) Digest(p vocab.Period) *Digest {
	d := &Digest{Partnership: bd.p.Name, Period: p, Meetings: []MeetingDigest{}, Endorsed: []Strategy{}, Priorities: []PriorityTouch{}}
	var ms []Meeting
	for _, m := range bd.b.Meetings {
		if p.Contains(m.Held.First()) {
			ms = append(ms, m)
		}
	}
	slices.SortStableFunc(ms, func(a, b Meeting) int {
		if c := a.Held.Compare(b.Held); c != 0 {
			return c
		}
		return compareID(a.ID, b.ID)
	})
	touched := map[vocab.ID][]vocab.ID{}
	for _, m := range ms {
		md := MeetingDigest{ID: m.ID, Held: m.Held, Edition: m.Edition, Body: m.Body, BodyName: bd.bodyName(m.Edition, m.Body),
			Theme: m.Theme, Items: append([]Item{}, m.Items...), Decisions: append([]Decision{}, m.Decisions...),
			Endorsed: append([]Strategy{}, m.Endorsed...), Actions: []DigestAction{}, Source: m.Source}
		for _, a := range m.Actions {
			da := DigestAction{Action: a, OwnerName: bd.members[a.Owner], WithNames: []string{}}
			for _, w := range a.With {
				da.WithNames = append(da.WithNames, bd.members[w])
			}
			md.Actions = append(md.Actions, da)
		}
		d.Endorsed = append(d.Endorsed, m.Endorsed...)
		for _, it := range m.Items {
			for _, pr := range it.Priorities {
				if !slices.Contains(touched[pr], m.ID) {
					touched[pr] = append(touched[pr], m.ID)
				}
			}
		}
		d.Meetings = append(d.Meetings, md)
	}
	for _, pl := range bd.b.Plans {
		for _, pr := range pl.Priorities {
			if ids, ok := touched[pr.ID]; ok {
				d.Priorities = append(d.Priorities, PriorityTouch{Plan: pl.ID, Priority: pr.ID, Name: pr.Name, Progress: pr.Progress, Meetings: ids})
			}
		}
	}
	return d
}

// PlanProgress is a business plan's priorities with their progress and
// the meetings that took each up.
type PlanProgress struct {
	Plan       vocab.ID        `json:"plan"`
	Name       string          `json:"name"`
	Period     vocab.Period    `json:"period"`
	Source     *vocab.Citation `json:"source,omitempty"`
	Priorities []PriorityTouch `json:"priorities"`
	// Slow are the IDs of the priorities with little or no progress.
	Slow []vocab.ID `json:"slow"`
	// Unassessed are the IDs of the priorities whose progress is not
	// recorded.
	Unassessed []vocab.ID `json:"unassessed"`
}

// Plans returns every business plan with its priorities' progress and the
// meetings, over the whole log, whose items bore on each.
func (bd *Board) Plans() []PlanProgress {
	touched := map[vocab.ID][]vocab.ID{}
	ms := append([]Meeting{}, bd.b.Meetings...)
	slices.SortStableFunc(ms, func(a, b Meeting) int { return a.Held.Compare(b.Held) })
	for _, m := range ms {
		for _, it := range m.Items {
			for _, pr := range it.Priorities {
				if !slices.Contains(touched[pr], m.ID) {
					touched[pr] = append(touched[pr], m.ID)
				}
			}
		}
	}
	out := []PlanProgress{}
	for _, pl := range bd.b.Plans {
		pp := PlanProgress{Plan: pl.ID, Name: pl.Name, Period: pl.Period, Source: pl.Source, Priorities: []PriorityTouch{}, Slow: []vocab.ID{}, Unassessed: []vocab.ID{}}
		for _, pr := range pl.Priorities {
			ids := touched[pr.ID]
			if ids == nil {
				ids = []vocab.ID{}
			}
			pp.Priorities = append(pp.Priorities, PriorityTouch{Plan: pl.ID, Priority: pr.ID, Name: pr.Name, Progress: pr.Progress, Meetings: ids})
			switch {
			case pr.Progress == "":
				pp.Unassessed = append(pp.Unassessed, pr.ID)
			case pr.Progress.Slow():
				pp.Slow = append(pp.Slow, pr.ID)
			}
		}
		out = append(out, pp)
	}
	return out
}

// ReportPriorities returns, for the yearly report of year y, the assessed
// priorities of every business plan whose period overlaps the year, in
// plan order, as annualreport.Input.Priorities wants them: the report's
// "priorities with little or no progress" section lists those whose
// progress is little or none, with their notes. Priorities not assessed
// are left out. The result is never nil, so an empty list says "no
// assessed priorities", not "not supplied".
func (bd *Board) ReportPriorities(y vocab.FinancialYear) []annualreport.Priority {
	out := []annualreport.Priority{}
	yp := y.Period()
	for _, pl := range bd.b.Plans {
		if pl.Period.To.Before(yp.From) || pl.Period.From.After(yp.To) {
			continue
		}
		for _, pr := range pl.Priorities {
			if pr.Progress != "" {
				out = append(out, annualreport.Priority{Name: pr.Name, Progress: pr.Progress, Note: pr.Note})
			}
		}
	}
	return out
}
