package board

import (
	"fmt"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
)

// Structure is the board on a date: the edition of the structure in
// force, its bodies, and where the date stands in the transition.
type Structure struct {
	// On is the date asked about.
	On vocab.Date `json:"on"`
	// Edition, Name, Regime and Period describe the edition in force.
	Edition vocab.ID     `json:"edition"`
	Name    string       `json:"name"`
	Regime  masa.Regime  `json:"regime"`
	Period  vocab.Period `json:"period"`
	// Source names the source describing the structure; nil when it is
	// the partnership file's.
	Source *vocab.Citation `json:"source,omitempty"`
	// Bodies are the edition's boards and groups.
	Bodies []Body `json:"bodies"`
	// Passed are the transition milestones on or before On (a milestone
	// known only by its month counts once the month has ended).
	Passed []Milestone `json:"passed"`
	// Next are the milestones still to come on On.
	Next []Milestone `json:"next"`
}

// On returns the board on date d. It is an error matching
// vocab.ErrNotFound when no edition covers d.
func (bd *Board) On(d vocab.Date) (*Structure, error) {
	for _, e := range bd.b.Editions {
		if !e.Period.Contains(d) {
			continue
		}
		ed := bd.editions[e.ID]
		s := &Structure{On: d, Edition: e.ID, Name: e.Name, Regime: e.Regime, Period: e.Period, Source: e.Source,
			Bodies: append([]Body{}, ed.bodies...), Passed: []Milestone{}, Next: []Milestone{}}
		for _, m := range bd.b.Transition {
			if m.When.Last().After(d) {
				s.Next = append(s.Next, m)
			} else {
				s.Passed = append(s.Passed, m)
			}
		}
		return s, nil
	}
	return nil, fmt.Errorf("board: %w", vocab.NotFound("date", d.String(), "is not covered by any edition of the structure"))
}

// Body returns the body with the given ID in the edition.
func (s *Structure) Body(id vocab.ID) (Body, bool) {
	for _, b := range s.Bodies {
		if b.ID == id {
			return b, true
		}
	}
	return Body{}, false
}

// bodyName returns the name of a body of an edition, or its ID.
func (bd *Board) bodyName(edition, body vocab.ID) string {
	if ed, ok := bd.editions[edition]; ok {
		for _, b := range ed.bodies {
			if b.ID == body {
				return b.Name
			}
		}
	}
	return string(body)
}

// Partnership returns the partnership the board belongs to.
func (bd *Board) Partnership() *masa.Partnership { return bd.p }
