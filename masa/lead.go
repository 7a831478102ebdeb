package masa

import (
	"fmt"
	"slices"

	"github.com/masa-go/masa/vocab"
)

// RotationPolicy says whether a lead area moves between partners.
type RotationPolicy string

// The rotation policies.
const (
	// RotationFixed keeps the lead area with its holder.
	RotationFixed RotationPolicy = "fixed"
	// RotationAnnual moves the lead area to the next role in Order on each
	// anniversary of Start.
	RotationAnnual RotationPolicy = "annual"
)

// Rotation is a lead area's rotation policy.
type Rotation struct {
	Policy RotationPolicy `json:"policy" validate:"oneof=fixed annual"`
	// Optional records that the partners have the option of rotating the
	// area annually but have not adopted a rotation (Policy is fixed).
	Optional bool `json:"optional,omitempty"`
	// Order lists the roles in rotation order; the first holds the area
	// from Start for a year. Required for annual rotation.
	Order []vocab.Role `json:"order,omitempty" validate:"dive,role"`
	// Start is the first day of the first rotation year. Before it the
	// area's Holder holds it.
	Start vocab.Date `json:"start,omitzero"`
}

// LeadArea is a priority area on which one statutory partner leads.
type LeadArea struct {
	ID   vocab.ID `json:"id" validate:"id"`
	Name string   `json:"name" validate:"required"`
	// Holder is the statutory role that holds the area outside any
	// rotation.
	Holder vocab.Role `json:"holder" validate:"role"`
	// HolderTitle is the post that exercises the lead, when it is not the
	// partner's usual lead title.
	HolderTitle string `json:"holderTitle,omitempty"`
	// ViceChair marks the lead area that covers the executive board's vice
	// chair.
	ViceChair bool `json:"viceChair,omitempty"`
	// Rotation is the area's rotation policy.
	Rotation Rotation `json:"rotation"`
}

// Holding says who holds a lead area over a period.
type Holding struct {
	// Area is the lead area's ID.
	Area vocab.ID `json:"area"`
	// Role is the statutory role holding the area.
	Role vocab.Role `json:"role"`
	// Title is the post that exercises the lead.
	Title string `json:"title"`
	// Orgs are the statutory partners filling Role.
	Orgs []vocab.ID `json:"orgs"`
	// Period is the span of dates over which this holding applies, taking
	// the rotation into account. To is zero when there is no end.
	Period vocab.Period `json:"period,omitzero"`
}

// LeadArea returns the lead area with the given ID.
func (p *Partnership) LeadArea(id vocab.ID) (*LeadArea, bool) {
	for i := range p.LeadAreas {
		if p.LeadAreas[i].ID == id {
			return &p.LeadAreas[i], true
		}
	}
	return nil, false
}

// PartnersInRole returns the IDs of the statutory partners filling role,
// in data order.
func (p *Partnership) PartnersInRole(role vocab.Role) []vocab.ID {
	var out []vocab.ID
	for _, sp := range p.StatutoryPartners {
		if sp.Role == role {
			out = append(out, sp.Org)
		}
	}
	return out
}

// LeadTitle returns the post that leads for role: the LeadTitle of the
// first statutory partner in that role that has one, or the role's label.
func (p *Partnership) LeadTitle(role vocab.Role) string {
	for _, sp := range p.StatutoryPartners {
		if sp.Role == role && sp.LeadTitle != "" {
			return sp.LeadTitle
		}
	}
	return role.Label() + " partner"
}

// roleOn returns the role holding la on date d and the period of that
// holding.
func (la *LeadArea) roleOn(d vocab.Date) (vocab.Role, vocab.Period) {
	r := la.Rotation
	if r.Policy != RotationAnnual || len(r.Order) == 0 || r.Start.IsZero() {
		return la.Holder, vocab.Period{}
	}
	if d.Before(r.Start) {
		return la.Holder, vocab.Period{To: r.Start.AddDays(-1)}
	}
	years := d.Year - r.Start.Year
	if d.Before(yearsAfter(r.Start, years)) {
		years--
	}
	from := yearsAfter(r.Start, years)
	to := yearsAfter(r.Start, years+1).AddDays(-1)
	return r.Order[years%len(r.Order)], vocab.Period{From: from, To: to}
}

// yearsAfter returns the date n years after d; 29 February becomes 28
// February in a year that is not a leap year.
func yearsAfter(d vocab.Date, n int) vocab.Date { return d.AddMonths(12 * n) }

// LeadHolder returns who holds lead area id on date d.
//
// The answer follows the area's rotation. An unknown area is an error
// matching vocab.ErrNotFound. When the answer contradicts another fact of
// the arrangements, LeadHolder still returns the holding it computed,
// together with an error matching vocab.ErrConflict that says which facts
// disagree: a vice-chair lead rotated away from the role that covers the
// vice chair, or a role that no statutory partner fills.
func (p *Partnership) LeadHolder(id vocab.ID, d vocab.Date) (Holding, error) {
	la, ok := p.LeadArea(id)
	if !ok {
		return Holding{}, fmt.Errorf("masa: %w", vocab.NotFound("leadAreas", string(id), "is not a lead area of "+p.Name))
	}
	role, period := la.roleOn(d)
	h := Holding{Area: la.ID, Role: role, Orgs: p.PartnersInRole(role), Period: period}
	h.Title = la.HolderTitle
	if h.Title == "" || role != la.Holder {
		h.Title = p.LeadTitle(role)
	}
	if err := p.holdingConflict(la, h, d); err != nil {
		return h, err
	}
	return h, nil
}

func (p *Partnership) holdingConflict(la *LeadArea, h Holding, d vocab.Date) error {
	field := fmt.Sprintf("leadAreas[%d]", slices.IndexFunc(p.LeadAreas, func(x LeadArea) bool { return x.ID == la.ID }))
	if la.ViceChair && p.Governance.ViceChairRole != "" && h.Role != p.Governance.ViceChairRole {
		return fmt.Errorf("masa: %w", vocab.Conflict(field+".rotation", "vice-chair-role", string(h.Role),
			fmt.Sprintf("rotates the vice-chair lead to the %s partner on %s, but the governance says the %s partner covers the vice chair",
				h.Role.Label(), d.Long(), p.Governance.ViceChairRole.Label())))
	}
	if len(h.Orgs) == 0 {
		return fmt.Errorf("masa: %w", vocab.Conflict(field, "holder-is-partner", string(h.Role),
			fmt.Sprintf("is held by the %s role on %s, but no statutory partner fills that role", h.Role.Label(), d.Long())))
	}
	return nil
}

// RotationConflicts checks every lead area over the n rotation years that
// follow from (or the single fixed holding) and returns each contradiction
// it finds, in area order. It is the batch form of the conflicts
// LeadHolder reports.
func (p *Partnership) RotationConflicts(from vocab.Date, years int) []error {
	var out []error
	for _, la := range p.LeadAreas {
		seen := map[vocab.Role]bool{}
		for y := 0; y < max(years, 1); y++ {
			d := yearsAfter(from, y)
			h, err := p.LeadHolder(la.ID, d)
			if err != nil && !seen[h.Role] {
				seen[h.Role] = true
				out = append(out, err)
			}
		}
	}
	return out
}
