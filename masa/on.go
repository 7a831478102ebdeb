package masa

import (
	"fmt"
	"slices"

	"github.com/masa-go/masa/vocab"
)

// Basis says which partnership an answer rests on: the published edition,
// the date asked about, and the successions applied to the edition to
// reach that date. Every date-taking surface (the library, the service and
// the programs) reports it beside its answer.
type Basis struct {
	// Edition is the published edition the answer starts from.
	Edition Edition `json:"edition"`
	// On is the date asked about.
	On vocab.Date `json:"on"`
	// AsPublished records the explicit choice of the edition exactly as
	// published: no succession is applied, whatever the date.
	AsPublished bool `json:"asPublished"`
	// Successions are the successions applied, in data order; an empty
	// list when none has taken effect by On or AsPublished is set.
	Successions []AppliedSuccession `json:"successions"`
}

// Edition identifies a published edition of a partnership's arrangements.
type Edition struct {
	Partnership vocab.ID            `json:"partnership"`
	Name        string              `json:"name"`
	Year        vocab.FinancialYear `json:"year"`
	Published   vocab.Date          `json:"published"`
	// Number counts publications of the arrangements (2 for the second);
	// zero when the file does not say.
	Number int `json:"number,omitempty"`
}

// AppliedSuccession is one succession applied to reach a date.
type AppliedSuccession struct {
	On   vocab.Date `json:"on"`
	From []vocab.ID `json:"from"`
	To   vocab.ID   `json:"to"`
}

// String describes the basis in one line, such as "Essex Safeguarding
// Children Board 2020/21 edition (published 29 June 2020) on 1 June 2023,
// with 3 successions applied".
func (b Basis) String() string {
	s := fmt.Sprintf("%s %s edition (published %s) on %s", b.Edition.Name, b.Edition.Year, b.Edition.Published.Long(), b.On.Long())
	switch n := len(b.Successions); {
	case b.AsPublished:
		return s + ", as published: no succession applied"
	case n == 0:
		return s + ", with no succession to apply"
	case n == 1:
		return s + ", with 1 succession applied"
	default:
		return s + fmt.Sprintf(", with %d successions applied", n)
	}
}

// String describes the succession, such as "on 1 July 2022
// nhs-mid-and-south-essex-icb replaced nhs-mid-essex-ccg".
func (a AppliedSuccession) String() string {
	return fmt.Sprintf("on %s %s replaced %s", a.On.Long(), a.To, vocab.JoinAnd(idStrings(a.From)))
}

func idStrings(ids []vocab.ID) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = string(id)
	}
	return out
}

// View is a partnership on one date: the published edition with every
// succession recorded up to that date applied (see [Partnership.On]), or,
// by explicit choice, the edition exactly as published (see
// [Partnership.AsPublished]). Basis says which.
type View struct {
	// Partnership is the partnership on the date. It is a copy the caller
	// may read but should not change.
	Partnership *Partnership
	// Basis says which edition, date and successions the view rests on.
	Basis Basis

	edition *Partnership
}

// On returns the partnership on date d: the published edition with every
// succession recorded up to d applied. This is what every date-taking
// surface of masa means by "the partnership on a date"; the edition
// exactly as published is the explicit choice [Partnership.AsPublished].
//
// An invalid date is an error naming the field "on"; a successor that is
// not listed under organisations is an error matching vocab.ErrNotFound.
func (p *Partnership) On(d vocab.Date) (*View, error) { return p.ViewOn(d, false) }

// AsPublished returns the edition exactly as published, as a view on date
// d: no succession is applied, and the basis says so.
func (p *Partnership) AsPublished(d vocab.Date) (*View, error) { return p.ViewOn(d, true) }

// ViewOn returns [Partnership.AsPublished] when asPublished is set and
// [Partnership.On] otherwise: the form for callers whose choice comes from
// a flag or a query parameter.
func (p *Partnership) ViewOn(d vocab.Date, asPublished bool) (*View, error) {
	if !d.Valid() {
		return nil, fmt.Errorf("masa: %w", vocab.Invalid("on", "date", d.String(), "is not a real calendar date"))
	}
	b := Basis{
		Edition: Edition{
			Partnership: p.ID, Name: p.Name, Year: p.Arrangements.Year,
			Published: p.Arrangements.Published, Number: p.Arrangements.Edition,
		},
		On: d, AsPublished: asPublished, Successions: []AppliedSuccession{},
	}
	var q *Partnership
	var err error
	if asPublished {
		q, err = p.clone()
	} else {
		q, err = p.AsOf(d)
		for _, s := range p.SuccessionsOn(d) {
			b.Successions = append(b.Successions, AppliedSuccession{On: s.On, From: slices.Clone(s.From), To: s.To})
		}
	}
	if err != nil {
		return nil, err
	}
	return &View{Partnership: q, Basis: b, edition: p}, nil
}

// RuleSet returns the rule set in force for the partnership on the view's
// date, from the embedded rule sets or those given to
// [Partnership.WithRuleSets].
func (v *View) RuleSet() (RuleSet, error) { return RuleSetOn(v.Partnership, v.Basis.On) }

// LeadHolder returns who holds lead area id on the view's date, like
// [Partnership.LeadHolder] on the view's partnership, with a Period that
// carries its dates: the holding's rotation year, narrowed to the span
// between the successions that change who holds it, and starting no
// earlier than the arrangements' go-live. When nothing bounds it on a
// side, that side is zero (no start, or no end).
func (v *View) LeadHolder(id vocab.ID) (Holding, error) {
	d := v.Basis.On
	h, err := v.Partnership.LeadHolder(id, d)
	if h.Area == "" {
		return h, err
	}
	period := h.Period
	if period.From.IsZero() {
		if gl := v.edition.Arrangements.GoLive; !gl.IsZero() && !d.Before(gl) {
			period.From = gl
		}
	}
	if !v.Basis.AsPublished {
		for _, s := range v.edition.Successions {
			on := s.On
			switch {
			case !on.After(d):
				// Took effect by d: a later start, if it changed the holder.
				if (period.From.IsZero() || on.After(period.From)) && v.holdingDiffers(id, h, on.AddDays(-1)) {
					period.From = on
				}
			default:
				// Takes effect after d: an earlier end, if it changes the holder.
				if (period.To.IsZero() || !on.After(period.To)) && v.holdingDiffers(id, h, on) {
					period.To = on.AddDays(-1)
				}
			}
		}
	}
	h.Period = period
	return h, err
}

// holdingDiffers reports whether the holder of area id on date e differs
// from h in role, title or organisations.
func (v *View) holdingDiffers(id vocab.ID, h Holding, e vocab.Date) bool {
	q, err := v.edition.AsOf(e)
	if err != nil {
		return true
	}
	g, _ := q.LeadHolder(id, e)
	return g.Role != h.Role || g.Title != h.Title || !slices.Equal(g.Orgs, h.Orgs)
}

// clone returns a deep copy of p, through its canonical encoding.
func (p *Partnership) clone() (*Partnership, error) {
	data, err := Encode(p)
	if err != nil {
		return nil, err
	}
	q, err := Parse(data)
	if err != nil {
		return nil, err
	}
	q.ruleSets = p.ruleSets
	return q, nil
}
