// Package consistency holds the questions that every date-taking surface
// of masa must answer alike (the library, the service and the programs),
// and the library's answers to them. Each surface has a test that asks
// the questions its own way and compares its answers with Library's.
package consistency

import (
	"errors"
	"fmt"
	"slices"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/masa/validate"
	"github.com/masa-go/masa/reviews"
	"github.com/masa-go/masa/vocab"
)

// Question asks about the partnership on a date, either with every
// succession up to the date applied (the default on every surface) or as
// published.
type Question struct {
	On          vocab.Date
	AsPublished bool
}

func (q Question) String() string {
	if q.AsPublished {
		return q.On.String() + " as published"
	}
	return q.On.String()
}

// Holder is who holds a lead area, as every surface reports it.
type Holder struct {
	Role   vocab.Role
	Title  string
	Orgs   []vocab.ID
	Period vocab.Period
}

// Answer is what every surface must agree on for one question.
type Answer struct {
	// Edition and Successions are from the answer's basis: the published
	// edition's date and the successions applied, as "to<from,from".
	Edition     vocab.Date
	Successions []string
	// RuleSet is the ID of the rule set in force.
	RuleSet vocab.ID
	// Holders are the lead areas' holders, by area ID.
	Holders map[vocab.ID]Holder
	// Problems are the validation problems, as "field rule".
	Problems []string
	// Overseer are the organisations overseeing the top level of dispute
	// resolution (empty when the level has no overseer).
	Overseer []vocab.ID
}

// Questions returns the questions for p: the day before and the day of
// each date on which a recorded succession takes effect (1 July 2022 for
// the CCGs; 26 June 2021 once the probation unification is recorded),
// each both ways.
func Questions(p *masa.Partnership) []Question {
	var dates []vocab.Date
	for _, s := range p.Successions {
		dates = append(dates, s.On.AddDays(-1), s.On)
	}
	slices.SortFunc(dates, vocab.Date.Compare)
	dates = slices.Compact(dates)
	var out []Question
	for _, d := range dates {
		out = append(out, Question{On: d}, Question{On: d, AsPublished: true})
	}
	return out
}

// Succession formats an applied succession as the answers carry it.
func Succession(on vocab.Date, to vocab.ID, from []vocab.ID) string {
	s := on.String() + " " + string(to) + "<"
	for i, f := range from {
		if i > 0 {
			s += ","
		}
		s += string(f)
	}
	return s
}

// Basis fills the answer's edition and successions from a basis.
func (a *Answer) Basis(b masa.Basis) {
	a.Edition = b.Edition.Published
	a.Successions = []string{}
	for _, s := range b.Successions {
		a.Successions = append(a.Successions, Succession(s.On, s.To, s.From))
	}
}

// Library answers q for p through the library: masa.Partnership.On (or
// AsPublished), the view's rule set and lead holders, validate.Partnership
// on the view, and the reviews engine's escalation levels.
func Library(p *masa.Partnership, q Question) (Answer, error) {
	v, err := p.ViewOn(q.On, q.AsPublished)
	if err != nil {
		return Answer{}, err
	}
	var a Answer
	a.Basis(v.Basis)
	rs, err := v.RuleSet()
	if err != nil {
		return Answer{}, err
	}
	a.RuleSet = rs.ID
	a.Holders = map[vocab.ID]Holder{}
	for _, la := range v.Partnership.LeadAreas {
		h, err := v.LeadHolder(la.ID)
		if err != nil && !errors.Is(err, vocab.ErrConflict) {
			return Answer{}, err
		}
		a.Holders[la.ID] = Holder{Role: h.Role, Title: h.Title, Orgs: h.Orgs, Period: h.Period}
	}
	_, err = validate.Partnership(v.Partnership, q.On)
	a.Problems = Problems(vocab.AsProblems(err))
	if err != nil && a.Problems == nil {
		return Answer{}, err
	}
	engineP := p
	if q.AsPublished {
		engineP = v.Partnership
		engineP.Successions = nil
	}
	e, err := reviews.New(engineP)
	if err != nil {
		return Answer{}, err
	}
	levels, err := e.Escalation(q.On)
	if err != nil {
		return Answer{}, fmt.Errorf("escalation on %s: %w", q, err)
	}
	a.Overseer = Overseer(levels)
	return a, nil
}

// Problems formats validation problems as the answers carry them.
func Problems(ps vocab.Problems) []string {
	out := []string{}
	for _, fe := range ps {
		out = append(out, fe.Field+" "+fe.Rule)
	}
	return out
}

// Overseer returns the organisations overseeing the top level.
func Overseer(levels []reviews.Level) []vocab.ID {
	if len(levels) == 0 || levels[len(levels)-1].Overseer == nil {
		return []vocab.ID{}
	}
	return slices.Clone(levels[len(levels)-1].Overseer.Orgs)
}
