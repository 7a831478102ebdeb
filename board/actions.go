package board

import (
	"fmt"
	"slices"

	"github.com/masa-go/masa/vocab"
	"github.com/masa-go/masa/workdays"
)

// ActionState is where an action stands on a date.
type ActionState string

// The action states.
const (
	// StateOpen is an action not yet done and not yet overdue.
	StateOpen ActionState = "open"
	// StateOverdue is an action not done with at least one working day
	// passed since its due date.
	StateOverdue ActionState = "overdue"
	// StateDone is an action recorded as done on or before the date.
	StateDone ActionState = "done"
)

// LoggedAction is one action in the action log.
type LoggedAction struct {
	// Meeting is the ID of the meeting that set the action, Held its date
	// and Body the board or group.
	Meeting  vocab.ID `json:"meeting"`
	Held     When     `json:"held"`
	Body     vocab.ID `json:"body"`
	BodyName string   `json:"bodyName"`
	// Action is the action's ID within the meeting.
	Action vocab.ID `json:"action"`
	Text   string   `json:"text"`
	// Owner is the owner's ID and OwnerName its name in the partnership
	// file; With and WithNames the same for those sharing the work.
	Owner     vocab.ID   `json:"owner"`
	OwnerName string     `json:"ownerName"`
	With      []vocab.ID `json:"with"`
	WithNames []string   `json:"withNames"`
	// Due is the due date as recorded and DueBy the last day it covers.
	Due   When       `json:"due"`
	DueBy vocab.Date `json:"dueBy"`
	// Done is when the action was recorded as done, if it was by the date.
	Done When `json:"done,omitzero"`
	// State is open, overdue or done.
	State ActionState `json:"state"`
	// WorkingDaysLeft, for an open action, is the number of working days
	// after the date up to and including DueBy. WorkingDaysOverdue, for
	// an overdue action, is the number of working days after DueBy up to
	// and including the date.
	WorkingDaysLeft    int `json:"workingDaysLeft,omitempty"`
	WorkingDaysOverdue int `json:"workingDaysOverdue,omitempty"`
	// Provisional says the count crosses a year whose bank holidays the
	// calendar gives only by its standing pattern, not as announced.
	Provisional bool `json:"provisional,omitempty"`
}

// ActionLog is every action set at meetings held on or before a date, with
// its state on that date.
type ActionLog struct {
	// On is the date of the log.
	On vocab.Date `json:"on"`
	// Actions are in order of due date, then meeting date and ID.
	Actions []LoggedAction `json:"actions"`
	// Open, Overdue and Done count the actions by state.
	Open    int `json:"open"`
	Overdue int `json:"overdue"`
	Done    int `json:"done"`
}

// Actions returns the action log on date on, counting working days with
// cal (workdays.EnglandAndWales when nil).
//
// An action is in the log when its meeting could have been held by then
// (the meeting's day, or the first day of its month, is on or before
// on). It is done when its completion is recorded on or before on (a
// completion known only by its month counts once the month has ended);
// otherwise it is overdue once at least one working day has passed since
// the last day it is due by, and open before that. It is an error
// matching vocab.ErrNotFound when the calendar does not cover a year the
// count needs.
func (bd *Board) Actions(cal *workdays.Calendar, on vocab.Date) (*ActionLog, error) {
	if cal == nil {
		cal = workdays.EnglandAndWales()
	}
	log := &ActionLog{On: on, Actions: []LoggedAction{}}
	for _, m := range bd.b.Meetings {
		if m.Held.First().After(on) {
			continue
		}
		for _, a := range m.Actions {
			la := LoggedAction{Meeting: m.ID, Held: m.Held, Body: m.Body, BodyName: bd.bodyName(m.Edition, m.Body),
				Action: a.ID, Text: a.Text, Owner: a.Owner, OwnerName: bd.members[a.Owner],
				With: append([]vocab.ID{}, a.With...), WithNames: []string{}, Due: a.Due, DueBy: a.Due.Last()}
			for _, w := range a.With {
				la.WithNames = append(la.WithNames, bd.members[w])
			}
			switch {
			case !a.Done.IsZero() && !a.Done.Last().After(on):
				la.State, la.Done = StateDone, a.Done
				log.Done++
			default:
				from, to, late := on, la.DueBy, on.After(la.DueBy)
				if late {
					from, to = la.DueBy, on
				}
				n, err := cal.WorkingDaysBetween(from, to)
				if err != nil {
					return nil, fmt.Errorf("board: action %s of meeting %s: %w", a.ID, m.ID, err)
				}
				la.Provisional = cal.Provisional(from, to)
				if late && n > 0 {
					la.State, la.WorkingDaysOverdue = StateOverdue, n
					log.Overdue++
				} else {
					if !late {
						la.WorkingDaysLeft = n
					}
					la.State = StateOpen
					log.Open++
				}
			}
			log.Actions = append(log.Actions, la)
		}
	}
	slices.SortStableFunc(log.Actions, func(a, b LoggedAction) int {
		if c := a.DueBy.Compare(b.DueBy); c != 0 {
			return c
		}
		if c := a.Held.Compare(b.Held); c != 0 {
			return c
		}
		if a.Meeting != b.Meeting {
			return compareID(a.Meeting, b.Meeting)
		}
		return compareID(a.Action, b.Action)
	})
	return log, nil
}

func compareID(a, b vocab.ID) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Pending returns the actions that are open or overdue.
func (l *ActionLog) Pending() []LoggedAction {
	var out []LoggedAction
	for _, a := range l.Actions {
		if a.State != StateDone {
			out = append(out, a)
		}
	}
	return out
}
