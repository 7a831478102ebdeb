package masa

import (
	"fmt"
	"slices"

	"github.com/masa-go/masa/vocab"
)

// Succession records organisations replaced by a successor on a date, such
// as clinical commissioning groups replaced by an integrated care board on
// 1 July 2022.
type Succession struct {
	// On is the first day the successor exists.
	On vocab.Date `json:"on" validate:"required"`
	// From lists the organisations the successor replaces.
	From []vocab.ID `json:"from" validate:"required,dive,id"`
	// To is the successor organisation; it must also be listed under
	// Organisations.
	To vocab.ID `json:"to" validate:"id"`
	// Body is the successor's kind of statutory body, when it takes over a
	// statutory partner role (such as "icb").
	Body string `json:"body,omitempty"`
	// Titles renames posts held in the successor: each key is a lead title
	// or lead-area holder title used before the succession, and its value
	// the title used after it, such as "Clinical Commissioning Group lead"
	// to "Integrated Care Board lead".
	Titles map[string]string `json:"titles,omitempty"`
	// Citation names the instrument that made the change.
	Citation *vocab.Citation `json:"citation,omitempty"`
}

// SuccessionsOn returns the successions that have taken effect on or
// before d, in data order.
func (p *Partnership) SuccessionsOn(d vocab.Date) []Succession {
	var out []Succession
	for _, s := range p.Successions {
		if !s.On.After(d) {
			out = append(out, s)
		}
	}
	return out
}

// AsOf returns a copy of p with the successions that have taken effect on
// d applied: each statutory partner, relevant agency and board seat member
// that has been replaced is replaced by its successor, once, keeping the
// position of the first organisation it replaces, and the successions'
// title renames are applied to lead titles and lead-area holder titles. The funding table is left as published: moving money between
// contributors is the funding package's job.
//
// AsOf reports an error matching vocab.ErrNotFound when a successor is not
// listed under Organisations.
func (p *Partnership) AsOf(d vocab.Date) (*Partnership, error) {
	data, err := Encode(p)
	if err != nil {
		return nil, err
	}
	q, err := Parse(data)
	if err != nil {
		return nil, err
	}
	q.ruleSets = p.ruleSets
	succ := map[vocab.ID]Succession{}
	titles := map[string]string{}
	for i, s := range q.SuccessionsOn(d) {
		for from, to := range s.Titles {
			titles[from] = to
		}
		if !slices.ContainsFunc(q.Organisations, func(o Organisation) bool { return o.ID == s.To }) {
			return nil, fmt.Errorf("masa: %w", vocab.NotFound(fmt.Sprintf("successions[%d].to", i), string(s.To), "is not listed under organisations"))
		}
		for _, from := range s.From {
			succ[from] = s
		}
	}
	if len(succ) == 0 {
		return q, nil
	}
	replace := func(id vocab.ID) vocab.ID {
		if s, ok := succ[id]; ok {
			return s.To
		}
		return id
	}

	var partners []StatutoryPartner
	seen := map[vocab.ID]bool{}
	for _, sp := range q.StatutoryPartners {
		s, replaced := succ[sp.Org]
		sp.Org = replace(sp.Org)
		if seen[sp.Org] {
			continue
		}
		seen[sp.Org] = true
		if replaced && s.Body != "" {
			sp.Body = s.Body
		}
		if t, ok := titles[sp.LeadTitle]; ok && replaced {
			sp.LeadTitle = t
		}
		partners = append(partners, sp)
	}
	q.StatutoryPartners = partners

	var agencies []RelevantAgency
	seen = map[vocab.ID]bool{}
	for _, ra := range q.RelevantAgencies {
		ra.Org = replace(ra.Org)
		if seen[ra.Org] {
			continue
		}
		seen[ra.Org] = true
		agencies = append(agencies, ra)
	}
	q.RelevantAgencies = agencies

	for i := range q.LeadAreas {
		if t, ok := titles[q.LeadAreas[i].HolderTitle]; ok {
			q.LeadAreas[i].HolderTitle = t
		}
	}

	for i := range q.Governance.Board.Seats {
		seat := &q.Governance.Board.Seats[i]
		var orgs []vocab.ID
		for _, o := range seat.Orgs {
			o = replace(o)
			if !slices.Contains(orgs, o) {
				orgs = append(orgs, o)
			}
		}
		seat.Orgs = orgs
	}
	return q, nil
}
