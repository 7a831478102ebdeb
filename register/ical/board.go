package ical

import (
	"fmt"
	"strings"

	"github.com/masa-go/masa/board"
	"github.com/masa-go/masa/vocab"
	"github.com/masa-go/masa/workdays"
)

// FromBoard returns the board's meetings whose day is known, one event
// each, and its actions not done on date on, each on the last day it is
// due by, with its owner. Working days are counted with cal. A meeting
// the record gives only by its month is left out: a calendar has no
// honest place for it.
func FromBoard(bd *board.Board, cal *workdays.Calendar, on vocab.Date) ([]Event, error) {
	var out []Event
	for _, m := range bd.Digest(vocab.Period{From: vocab.NewDate(1, 1, 1), To: vocab.NewDate(9999, 12, 31)}).Meetings {
		if !m.Held.DayKnown() {
			continue
		}
		var desc strings.Builder
		if m.Theme != "" {
			desc.WriteString("Theme: " + m.Theme + ".\n")
		}
		for _, it := range m.Items {
			desc.WriteString("- " + it.Title + "\n")
		}
		if m.Source != nil {
			desc.WriteString("Source: " + m.Source.String() + ".")
		}
		out = append(out, Event{
			UID:         "meeting/" + string(m.ID) + "@" + Domain,
			Date:        m.Held.First(),
			Summary:     "Meeting: " + m.BodyName,
			Description: strings.TrimSuffix(desc.String(), "\n"),
			Categories:  []string{"meeting"},
		})
	}
	log, err := bd.Actions(cal, on)
	if err != nil {
		return nil, fmt.Errorf("ical: board actions: %w", err)
	}
	for _, a := range log.Pending() {
		summary := "Board action due: " + a.Text
		if a.State == board.StateOverdue {
			summary = "OVERDUE: " + summary
		}
		desc := "Owner: " + a.OwnerName + ".\nSet at " + a.BodyName + " on " + a.Held.Long() + "; due " + a.Due.Long() + "."
		if len(a.WithNames) > 0 {
			desc += "\nWith: " + vocab.JoinAnd(a.WithNames) + "."
		}
		out = append(out, Event{
			UID:         "action/" + string(a.Meeting) + "/" + string(a.Action) + "@" + Domain,
			Date:        a.DueBy,
			Summary:     summary,
			Description: desc,
			Categories:  []string{"board-action"},
		})
	}
	return out, nil
}
