package validate

import (
	"context"
	"fmt"
	"slices"

	"github.com/go-playground/validator/v10"
	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
	"github.com/shopspring/decimal"
)

// reporter collects struct-level problems; each carries its message in the
// validator's Param.
type reporter struct {
	sl validator.StructLevel
}

func (r reporter) report(field, rule string, value any, format string, args ...any) {
	r.sl.ReportError(value, field, field, rule, fmt.Sprintf(format, args...))
}

// partnershipRules is the struct-level validation of a Partnership: the
// rules that look across fields or depend on the date.
func partnershipRules(ctx context.Context, sl validator.StructLevel) {
	p := sl.Current().Addr().Interface().(*masa.Partnership)
	cc, _ := ctx.Value(ctxKey{}).(checkContext)
	r := reporter{sl}
	idx := newIndex(p)

	checkUnique(r, p)
	checkPartners(r, p, cc)
	checkReferences(r, p, idx)
	checkLeadAreas(r, p, cc)
	checkBoard(r, p, idx)
	checkFunding(r, p)
	if cc.rules.Regime == masa.RegimeMASA {
		if len(p.RelevantAgencies) == 0 {
			r.report("relevantAgencies", "relevant-agencies", "0 items", "names no relevant agencies; the %s must say which agencies they will work with", cc.rules.PartnerTerm)
		}
		if p.Scrutiny == nil || p.Scrutiny.LeadArea == "" {
			r.report("scrutiny", "independent-scrutiny", "", "is missing; the arrangements must include independent scrutiny")
		}
	}
	if cc.rules.RequiresChair && p.Governance.Chair.Title == "" {
		r.report("governance.chair.title", "partnership-chair", "", "is empty; under %s the lead safeguarding partners agree a partnership chair", cc.rules.Name)
	}
	checkLeadPartners(r, p, cc)
}

// checkLeadPartners applies the rules of an edition that names lead and
// delegated safeguarding partners and gives education a strategic role.
// Each check runs only when the rule set in force has the rule, so the
// rule set's data decides, not the code.
func checkLeadPartners(r reporter, p *masa.Partnership, cc checkContext) {
	rs := cc.rules
	has := func(id string) bool { _, ok := rs.Rule(id); return ok }
	for i, sp := range p.StatutoryPartners {
		if has("lead-partners") && sp.LeadPartner == "" {
			r.report(fmt.Sprintf("statutoryPartners[%d].leadPartner", i), "lead-partners", "",
				"is empty; under %s each statutory partner names its lead safeguarding partner (for the %s role: %s)", rs.Name, sp.Role.Label(), rs.LeadPosts[sp.Role])
		}
		if has("delegated-partner") && rs.DelegatedPartners && sp.Delegate == "" {
			r.report(fmt.Sprintf("statutoryPartners[%d].delegate", i), "delegated-partner", "",
				"is empty; under %s each lead safeguarding partner names a delegated safeguarding partner in the arrangements", rs.Name)
		}
	}
	if has("education-role") {
		strategic := false
		for _, ra := range p.RelevantAgencies {
			if ra.Category == masa.CategoryEducation && slices.Contains(ra.TakesPart, masa.ForumExecutiveBoard) {
				strategic = true
			}
		}
		if !strategic {
			r.report("relevantAgencies", "education-role", "", "names no education relevant agency on the executive board; under %s education takes part at a strategic level", rs.Name)
		}
	}
}

type index struct {
	orgs      map[vocab.ID]bool
	statutory map[vocab.ID]bool
	relevant  map[vocab.ID]bool
	other     map[vocab.ID]bool
	groups    map[vocab.ID]bool // board, sub-committees, local groups
	subs      map[vocab.ID]bool
	joint     map[vocab.ID]bool
	leads     map[vocab.ID]bool
}

func newIndex(p *masa.Partnership) index {
	ix := index{
		orgs: map[vocab.ID]bool{}, statutory: map[vocab.ID]bool{}, relevant: map[vocab.ID]bool{},
		other: map[vocab.ID]bool{}, groups: map[vocab.ID]bool{}, subs: map[vocab.ID]bool{},
		joint: map[vocab.ID]bool{}, leads: map[vocab.ID]bool{},
	}
	for _, o := range p.Organisations {
		ix.orgs[o.ID] = true
	}
	for _, sp := range p.StatutoryPartners {
		ix.statutory[sp.Org] = true
	}
	for _, ra := range p.RelevantAgencies {
		ix.relevant[ra.Org] = true
	}
	for _, op := range p.OtherPartners {
		ix.other[op.Org] = true
	}
	ix.groups[p.Governance.Board.ID] = true
	for _, s := range p.SubCommittees {
		ix.groups[s.ID] = true
		ix.subs[s.ID] = true
	}
	for _, g := range p.LocalGroups {
		ix.groups[g.ID] = true
	}
	if p.JointWorking != nil {
		for _, g := range p.JointWorking.Groups {
			ix.joint[g.ID] = true
		}
	}
	for _, la := range p.LeadAreas {
		ix.leads[la.ID] = true
	}
	return ix
}

func checkUnique(r reporter, p *masa.Partnership) {
	dup := func(kind string, ids []vocab.ID, path func(i int) string) {
		first := map[vocab.ID]int{}
		for i, id := range ids {
			if j, ok := first[id]; ok {
				r.report(path(i), "unique-id", string(id), "repeats the %s ID already used at %s", kind, path(j))
				continue
			}
			first[id] = i
		}
	}
	collect := func(n int, f func(i int) vocab.ID) []vocab.ID {
		out := make([]vocab.ID, n)
		for i := range out {
			out[i] = f(i)
		}
		return out
	}
	dup("organisation", collect(len(p.Organisations), func(i int) vocab.ID { return p.Organisations[i].ID }),
		func(i int) string { return fmt.Sprintf("organisations[%d].id", i) })
	dup("statutory partner", collect(len(p.StatutoryPartners), func(i int) vocab.ID { return p.StatutoryPartners[i].Org }),
		func(i int) string { return fmt.Sprintf("statutoryPartners[%d].org", i) })
	dup("relevant agency", collect(len(p.RelevantAgencies), func(i int) vocab.ID { return p.RelevantAgencies[i].Org }),
		func(i int) string { return fmt.Sprintf("relevantAgencies[%d].org", i) })
	dup("lead area", collect(len(p.LeadAreas), func(i int) vocab.ID { return p.LeadAreas[i].ID }),
		func(i int) string { return fmt.Sprintf("leadAreas[%d].id", i) })
	// Groups share one namespace because reporting lines may name any.
	type g struct {
		id   vocab.ID
		path string
	}
	var groups []g
	groups = append(groups, g{p.Governance.Board.ID, "governance.board.id"})
	for i, s := range p.SubCommittees {
		groups = append(groups, g{s.ID, fmt.Sprintf("subCommittees[%d].id", i)})
	}
	for i, l := range p.LocalGroups {
		groups = append(groups, g{l.ID, fmt.Sprintf("localGroups[%d].id", i)})
	}
	if p.JointWorking != nil {
		for i, j := range p.JointWorking.Groups {
			groups = append(groups, g{j.ID, fmt.Sprintf("jointWorking.groups[%d].id", i)})
		}
	}
	dup("group", collect(len(groups), func(i int) vocab.ID { return groups[i].id }), func(i int) string { return groups[i].path })
}

func checkPartners(r reporter, p *masa.Partnership, cc checkContext) {
	rs := cc.rules
	for _, role := range vocab.Roles() {
		if len(p.PartnersInRole(role)) == 0 {
			r.report("statutoryPartners", "statutory-roles", string(role), "has no partner in the %s role; under %s the arrangements need all three", role.Label(), rs.Name)
		}
	}
	for i, sp := range p.StatutoryPartners {
		if !sp.Role.Valid() || sp.Body == "" || rs.Allows(sp.Role, sp.Body) {
			continue
		}
		rule := "partner-body"
		if sp.Role == vocab.Health {
			rule = "health-body"
		}
		r.report(fmt.Sprintf("statutoryPartners[%d].body", i), rule, sp.Body,
			"is not a kind of body that can be the %s partner on %s under %s (allowed: %v)", sp.Role.Label(), cc.on.Long(), rs.Name, rs.Bodies[sp.Role])
	}
}

func checkReferences(r reporter, p *masa.Partnership, ix index) {
	ref := func(field string, id vocab.ID, ok bool, what string) {
		if id != "" && !ok {
			r.report(field, "reference", string(id), "names no %s in the data", what)
		}
	}
	for i, sp := range p.StatutoryPartners {
		ref(fmt.Sprintf("statutoryPartners[%d].org", i), sp.Org, ix.orgs[sp.Org], "organisation")
	}
	for i, ra := range p.RelevantAgencies {
		ref(fmt.Sprintf("relevantAgencies[%d].org", i), ra.Org, ix.orgs[ra.Org], "organisation")
	}
	for i, op := range p.OtherPartners {
		ref(fmt.Sprintf("otherPartners[%d].org", i), op.Org, ix.orgs[op.Org], "organisation")
	}
	for i, s := range p.SubCommittees {
		ref(fmt.Sprintf("subCommittees[%d].reportsTo", i), s.ReportsTo, ix.groups[s.ReportsTo], "board or group")
	}
	for i, e := range p.Escalation {
		ref(fmt.Sprintf("escalation[%d].leadArea", i), e.LeadArea, ix.leads[e.LeadArea], "lead area")
	}
	if rv := p.Reviews; rv != nil {
		ref("reviews.subCommittee", rv.SubCommittee, ix.subs[rv.SubCommittee], "sub-committee")
		ref("reviews.ratificationLeadArea", rv.RatificationLeadArea, ix.leads[rv.RatificationLeadArea], "lead area")
		ref("reviews.childDeathReview", rv.ChildDeathReview, ix.joint[rv.ChildDeathReview] || ix.groups[rv.ChildDeathReview], "group")
	}
	if t := p.Training; t != nil {
		ref("training.subCommittee", t.SubCommittee, ix.subs[t.SubCommittee], "sub-committee")
	}
	if s := p.Scrutiny; s != nil {
		ref("scrutiny.leadArea", s.LeadArea, ix.leads[s.LeadArea], "lead area")
	}
	for i, sc := range p.Successions {
		ref(fmt.Sprintf("successions[%d].to", i), sc.To, ix.orgs[sc.To], "organisation")
		for j, from := range sc.From {
			ref(fmt.Sprintf("successions[%d].from[%d]", i, j), from, ix.orgs[from], "organisation")
		}
	}
	if f := p.Funding; f != nil {
		ref("funding.host", f.Host, ix.orgs[f.Host], "organisation")
		for i, l := range f.Lines {
			ref(fmt.Sprintf("funding.lines[%d].org", i), l.Org, ix.orgs[l.Org], "organisation")
		}
	}
}

func checkLeadAreas(r reporter, p *masa.Partnership, _ checkContext) {
	for i, la := range p.LeadAreas {
		roles := []vocab.Role{la.Holder}
		if la.Rotation.Policy == masa.RotationAnnual {
			if len(la.Rotation.Order) == 0 {
				r.report(fmt.Sprintf("leadAreas[%d].rotation.order", i), "required", "0 items", "is empty; an annual rotation needs an order of roles")
			}
			if la.Rotation.Start.IsZero() {
				r.report(fmt.Sprintf("leadAreas[%d].rotation.start", i), "required", "", "is empty; an annual rotation needs a start date")
			}
			roles = append(roles, la.Rotation.Order...)
		}
		reported := map[vocab.Role]bool{}
		for _, role := range roles {
			if !role.Valid() || reported[role] {
				continue
			}
			reported[role] = true
			if len(p.PartnersInRole(role)) == 0 {
				r.report(fmt.Sprintf("leadAreas[%d].holder", i), "lead-holder", string(role), "would be held by the %s role, which no statutory partner fills", role.Label())
			}
			if la.ViceChair && p.Governance.ViceChairRole != "" && role != p.Governance.ViceChairRole {
				r.report(fmt.Sprintf("leadAreas[%d].rotation", i), "vice-chair-role", string(role),
					"gives the vice-chair lead to the %s partner, but the governance says the %s partner covers the vice chair", role.Label(), p.Governance.ViceChairRole.Label())
			}
		}
	}
}

func checkBoard(r reporter, p *masa.Partnership, ix index) {
	for i, seat := range p.Governance.Board.Seats {
		for j, org := range seat.Orgs {
			if ix.statutory[org] || ix.relevant[org] || ix.other[org] {
				continue
			}
			r.report(fmt.Sprintf("governance.board.seats[%d].orgs[%d]", i, j), "board-member", string(org),
				"is not a statutory partner, relevant agency or other partner, so it cannot hold the %q seat", seat.Label)
		}
	}
}

// maxAmountDigits bounds the digits of a funding amount before the point:
// with two places after it, the 30 digits funding.Number allows.
const maxAmountDigits = 28

// amountProblem returns why d cannot be an amount of money in a
// partnership file, or "": at most maxAmountDigits digits before the
// point and whole pence (issue 13, bug 6: "1e400" was accepted, and lines
// of 120000.005, 40000.005 and 40000.005 printed as pennies that did not
// add up to their printed total). It never formats d, whose exponent may
// be huge.
func amountProblem(d decimal.Decimal) string {
	if int64(d.NumDigits())+int64(d.Exponent()) > maxAmountDigits {
		return fmt.Sprintf("is larger than any amount of money: more than %d digits before the decimal point", maxAmountDigits)
	}
	if d.Exponent() < -maxAmountDigits-2 && !d.IsZero() {
		return "has fractions of a penny: amounts are in pounds with at most two decimal places"
	}
	if d.Exponent() < -2 && !d.Equal(d.Truncate(2)) {
		return "has fractions of a penny: amounts are in pounds with at most two decimal places"
	}
	return ""
}

// amountValue is d as a value for an error, or "" when d is too large to
// print.
func amountValue(d decimal.Decimal) string {
	if int64(d.NumDigits())+int64(d.Exponent()) > maxAmountDigits || d.Exponent() < -maxAmountDigits {
		return ""
	}
	return d.String()
}

func checkFunding(r reporter, p *masa.Partnership) {
	if p.Funding == nil {
		return
	}
	for i, l := range p.Funding.Lines {
		field := fmt.Sprintf("funding.lines[%d].amount", i)
		if msg := amountProblem(l.Amount); msg != "" {
			r.report(field, "amount", amountValue(l.Amount), "%s", msg)
			continue
		}
		if msg := amountProblem(l.Rate); msg != "" {
			r.report(fmt.Sprintf("funding.lines[%d].rate", i), "amount", amountValue(l.Rate), "%s", msg)
			continue
		}
		if l.Amount.IsNegative() {
			r.report(field, "funding-line", l.Amount.String(), "is negative")
		}
		if l.Members > 0 && !l.Rate.Mul(decimal.NewFromInt(int64(l.Members))).Equal(l.Amount) {
			r.report(field, "funding-line", l.Amount.String(),
				"is not %d members at %s each (%s)", l.Members, vocab.FormatPounds(l.Rate, 2), vocab.FormatPounds(l.Rate.Mul(decimal.NewFromInt(int64(l.Members))), 2))
		}
	}
}
