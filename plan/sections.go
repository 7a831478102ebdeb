package plan

import (
	"fmt"
	"slices"
	"strings"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
)

// front returns the document's metadata and cover.
func (b *builder) front(d *draft) (Meta, Cover) {
	p := b.p
	year := b.year
	date := p.Arrangements.Published
	if d != nil {
		date = d.prepared
	}
	title := strings.TrimSpace(p.Arrangements.Title + " " + year.Label())
	m := Meta{
		Title:    p.Name + ": " + title,
		Author:   p.Name,
		Subject:  fmt.Sprintf("How the safeguarding partners in %s work together to safeguard and promote the welfare of children in %s", p.Area.Name, year),
		Keywords: []string{"safeguarding", "children", "multi-agency safeguarding arrangements", p.Area.Name, year.Label()},
		Language: "en-GB",
		Date:     date,
		Draft:    d != nil,
	}
	if p.ShortName != "" {
		m.Keywords = append(m.Keywords, p.ShortName)
	}
	c := Cover{Partnership: p.Name, Title: title, Status: "Published " + date.Long()}
	if d != nil {
		c.Status = "Draft prepared " + date.Long()
		c.Notes = append(c.Notes, fmt.Sprintf("This draft for %s has not been agreed or published. Its funding comes from the scenario “%s”.", year, d.name()))
	}
	if p.Contact != nil && p.Contact.Concerns != "" {
		c.Notes = append(c.Notes, "Concerned about a child or young person? Call "+p.Contact.Concerns+".")
	}
	return m, c
}

func (b *builder) introduction() Section {
	p := b.p
	s := Section{ID: SectionIntroduction, Title: "Introduction and background"}
	name := p.Name
	if p.ShortName != "" {
		name += " (" + p.ShortName + ")"
	}
	var opening []string
	opening = append(opening, fmt.Sprintf("Many organisations in %s work with children and young people. The %s is the name of the arrangements through which they work together to keep children safe and to promote their welfare, and this plan explains how those arrangements operate in %s.",
		p.Area.Name, name, b.year))
	if p.Arrangements.Framework != "" {
		opening = append(opening, "The statutory guidance that sets out how agencies should work together is "+p.Arrangements.Framework+".")
	}
	var items []string
	total := 0
	for _, role := range vocab.Roles() {
		orgs := p.PartnersInRole(role)
		total += len(orgs)
		if len(orgs) == 0 {
			continue
		}
		if len(orgs) == 1 {
			items = append(items, b.name(fmt.Sprintf("statutoryPartners[%d].org", b.partnerIndex(orgs[0])), orgs[0]))
			continue
		}
		names := make([]string, len(orgs))
		for i, id := range orgs {
			names[i] = b.name(fmt.Sprintf("statutoryPartners[%d].org", b.partnerIndex(id)), id)
		}
		_, many := b.bodyTerm(role)
		head := capitalise(number(len(orgs))) + " " + many
		if role == vocab.Health && p.Area.HealthBodies == len(orgs) && p.Area.HealthBodiesInCounty > len(orgs) {
			head = fmt.Sprintf("%s of the %s %s that cover the county of %s", capitalise(number(len(orgs))), number(p.Area.HealthBodiesInCounty), many, p.Area.Name)
		}
		items = append(items, head+": "+vocab.JoinAnd(names))
	}
	opening = append(opening, fmt.Sprintf("%s %s share legal responsibility for the arrangements. They are:",
		capitalise(number(total)), plural(total, "organisation", "organisations")))
	s.Blocks = append(paras(opening...), list(items)...)
	s.Blocks = append(s.Blocks, para(fmt.Sprintf("Together they are the %s. They have designated %s %s, which the law requires to co-operate with the arrangements; Appendix A lists them. Underneath it all is a shared commitment to work together, to keep learning and to keep improving how children are kept safe.",
		b.term, number(len(p.RelevantAgencies)), plural(len(p.RelevantAgencies), "relevant agency", "relevant agencies"))))

	var bg []string
	a := p.Area
	if a.Population > 0 {
		t := fmt.Sprintf("%s has a population of about %s", a.Name, population(a.Population))
		if a.Children > 0 {
			t += fmt.Sprintf(", of whom about %s are children and young people under 18", population(a.Children))
		}
		bg = append(bg, t+".")
	}
	if a.DistrictCouncils > 0 {
		bg = append(bg, fmt.Sprintf("It is a two-tier area: alongside the county council there are %s city, district and borough councils.", number(a.DistrictCouncils)))
	}
	// The area's health counts describe the bodies of the published
	// edition; they are left out when they no longer match the health
	// partners, as in a draft after a succession.
	if a.HealthBodies > 0 && a.HealthBodies == len(p.PartnersInRole(vocab.Health)) {
		one, many := b.bodyTerm(vocab.Health)
		t := fmt.Sprintf("Health services are commissioned by %s %s", number(a.HealthBodies), plural(a.HealthBodies, one, many))
		if a.HealthSystems > 0 {
			sOne, sMany := b.systemTerm()
			t += fmt.Sprintf(" within %s %s", number(a.HealthSystems), plural(a.HealthSystems, sOne, sMany))
			if a.HealthSystemsOverlapping > 0 {
				t += fmt.Sprintf(", %s of which also %s other counties", number(a.HealthSystemsOverlapping), plural(a.HealthSystemsOverlapping, "covers", "cover"))
			}
		}
		bg = append(bg, t+".")
	}
	if n := len(a.UnitaryAuthoritiesOutside); n > 0 {
		bg = append(bg, fmt.Sprintf("%s %s %s inside the geographical county of %s; %s outside these arrangements.",
			vocab.JoinAnd(a.UnitaryAuthoritiesOutside), plural(n, "is a unitary authority", "are unitary authorities"), plural(n, "that lies", "that lie"), a.Name, plural(n, "it is", "they are")))
	}
	if len(bg) > 0 {
		s.Blocks = append(s.Blocks, &Subheading{ID: "introduction-background", Text: "Background"})
		s.Blocks = append(s.Blocks, para(strings.Join(bg, " ")))
	}
	return s
}

// partnerIndex returns the index of the first statutory partner for org.
func (b *builder) partnerIndex(org vocab.ID) int {
	return slices.IndexFunc(b.p.StatutoryPartners, func(sp masa.StatutoryPartner) bool { return sp.Org == org })
}

func (b *builder) arrangements() Section {
	p := b.p
	arr := p.Arrangements
	s := Section{ID: SectionArrangements, Title: "Safeguarding arrangements and statutory partners"}
	framework := arr.Framework
	if framework == "" {
		framework = b.rules.Name
	}
	var t []string
	if framework != "" {
		line := "The " + b.shortName() + " works to the requirements of " + framework
		if arr.Boundary != "" {
			line += " and covers the area within " + arr.Boundary
		}
		t = append(t, line+".")
	}
	if b.rules.Name != "" && b.rules.Name != framework {
		when := "On the date of publication"
		if b.on != arr.Published {
			when = "On " + b.on.Long()
		}
		t = append(t, when+" the rules in force are those of "+b.rules.Name+".")
	}
	if !arr.GoLive.IsZero() {
		line := "The arrangements took over from the Local Safeguarding Children Board on " + arr.GoLive.Long()
		if arr.RetainsName {
			line += ", keeping the board's name and brand"
		}
		t = append(t, line+".")
	}
	if arr.OutOfAreaDuty {
		t = append(t, fmt.Sprintf("The duties of the %s and the relevant agencies also cover children from %s who live, or have been placed, outside the area.", b.term, p.Area.Name))
	}
	opening := []string{strings.Join(t, " ")}
	if len(t) == 0 {
		opening = nil
	}
	opening = append(opening, fmt.Sprintf("The table shows the %s and the posts that represent them on the %s.", b.term, b.boardName()))
	s.Blocks = paras(opening...)
	tab := &Table{ID: "statutory-partners", Caption: "Statutory partners and their representatives",
		Columns: []Column{{Header: "Statutory partner", Width: 3}, {Header: "Role", Width: 1.3}, {Header: "Represented by", Width: 3}}}
	for i, sp := range p.StatutoryPartners {
		rep := sp.Representative.Title
		if sp.Representative.Covers != "" {
			rep += " (" + sp.Representative.Covers + ")"
		}
		tab.Rows = append(tab.Rows, []string{b.name(fmt.Sprintf("statutoryPartners[%d].org", i), sp.Org), capitalise(sp.Role.Label()), orNone(rep)})
	}
	s.Blocks = append(s.Blocks, tab)
	if th := p.Threshold; th != nil {
		s.Blocks = append(s.Blocks,
			&Subheading{ID: "arrangements-levels-of-need", Text: "Levels of need"},
			&Paragraph{Spans: []Span{
				{Text: "Partners share one threshold document, "},
				{Text: th.Document, Emphasis: true},
				{Text: fmt.Sprintf(", which describes %s %s. It helps each child get support from the right agency for their level of need, and it encourages early help for families so that problems are dealt with before they reach crisis point.",
					number(len(th.Levels)), plural(len(th.Levels), "level of need", "levels of need"))},
			}})
		var items []string
		for _, l := range th.Levels {
			items = append(items, fmt.Sprintf("Level %d: %s", l.Number, l.Name))
		}
		if len(items) > 0 {
			s.Blocks = append(s.Blocks, &List{Ordered: false, Items: items})
		}
	}
	return s
}

func (b *builder) vision() Section {
	p := b.p
	s := Section{ID: SectionVision, Title: "Vision and values"}
	if p.Vision != "" {
		s.Blocks = append(s.Blocks, para("The partnership’s vision is:"),
			&Paragraph{Spans: []Span{{Text: "“" + p.Vision + "”", Emphasis: true}}})
	} else {
		s.Blocks = append(s.Blocks, para("The partnership has not published a vision statement for this edition."))
	}
	if n := len(p.Values); n > 0 {
		s.Blocks = append(s.Blocks, para(fmt.Sprintf("The %s have agreed %s %s and principles that guide the whole partnership in working towards it:",
			b.term, number(n), plural(n, "value", "values"))))
		s.Blocks = append(s.Blocks, list(p.Values)...)
	}
	return s
}

func (b *builder) structure() Section {
	p := b.p
	g := p.Governance
	s := Section{ID: SectionStructure, Title: "Structure"}
	var t []string
	ch := g.Chair
	if ch.Title != "" {
		line := fmt.Sprintf("The %s make the partnership’s decisions. ", b.term)
		by := ch.ElectedBy
		if by == "" {
			by = "they"
		}
		line += capitalise(fmt.Sprintf("%s chose to have the %s chaired by an %s", by, b.boardName(), ch.Title))
		if ch.Name != "" {
			line += ", " + ch.Name
			if ch.Appointed > 0 {
				line += fmt.Sprintf(", appointed in %d", ch.Appointed)
			}
		}
		t = append(t, line+".")
		switch {
		case ch.Independent && !ch.Statutory:
			t = append(t, "The chair is independent of the partner agencies and holds no statutory responsibilities, but gives the partnership a strong independent voice.")
		case ch.Independent:
			t = append(t, "The chair is independent of the partner agencies.")
		}
	}
	if g.ViceChairRole != "" {
		t = append(t, fmt.Sprintf("The %s partner covers the role of vice chair.", g.ViceChairRole.Label()))
	}
	if len(p.LeadAreas) > 0 {
		t = append(t, "Each statutory partner also leads on particular areas of work, listed in Appendix B.")
	}
	if g.PartnersMeetBeforeBoard {
		t = append(t, fmt.Sprintf("Before every meeting of the %s, the %s and the chair meet to check that the partnership is heading in the right direction and to agree the draft agenda.", b.boardName(), b.term))
	}
	if len(t) > 0 {
		s.Blocks = append(s.Blocks, para(strings.Join(t, " ")))
	}

	bd := g.Board
	s.Blocks = append(s.Blocks, &Subheading{ID: "structure-board", Text: b.boardName()})
	var line string
	switch chair := strings.TrimSpace(ch.Title); {
	case chair != "" && bd.MeetingsPerYear > 0:
		line = fmt.Sprintf("The %s is chaired by the %s and meets %s a year.", b.boardName(), chair, times(bd.MeetingsPerYear))
	case chair != "":
		line = fmt.Sprintf("The %s is chaired by the %s.", b.boardName(), chair)
	case bd.MeetingsPerYear > 0:
		line = fmt.Sprintf("The %s meets %s a year.", b.boardName(), times(bd.MeetingsPerYear))
	default:
		line = fmt.Sprintf("The %s is the partnership's board.", b.boardName())
	}
	if bd.Themed {
		line += " Each meeting has a theme drawn from the business plan’s priorities, national safeguarding priorities or what the partnership’s data shows, so that the board learns with a focus on outcomes."
	}
	s.Blocks = append(s.Blocks, para(line+" Its seats are:"))
	seats := &Table{ID: "board-seats", Caption: "Seats on the " + b.boardName(),
		Columns: []Column{{Header: "Seat", Width: 2}, {Header: "Held by", Width: 3}}}
	for _, seat := range bd.Seats {
		seats.Rows = append(seats.Rows, []string{seat.Label, orNone(seat.Representative)})
	}
	s.Blocks = append(s.Blocks, seats)

	if len(p.SubCommittees) > 0 {
		s.Blocks = append(s.Blocks, &Subheading{ID: "structure-sub-committees", Text: "Sub-committees and groups"},
			para(fmt.Sprintf("%s %s report to the %s. Their work centres on improving practice and on learning, feeding back between the partner agencies and the front line:",
				capitalise(number(len(p.SubCommittees))), plural(len(p.SubCommittees), "sub-committee or group", "sub-committees and groups"), b.boardName())))
		var items []string
		for _, sc := range p.SubCommittees {
			item := sc.Name
			if sc.Purpose != "" {
				item += ": " + sc.Purpose
			}
			if sc.Joint {
				item += " (shared with the adults’ safeguarding board)"
			}
			if len(sc.Examples) > 0 {
				item += "; for example " + vocab.JoinAnd(sc.Examples)
			}
			items = append(items, item)
		}
		s.Blocks = append(s.Blocks, list(items)...)
	}

	if n := len(p.LocalGroups); n > 0 {
		var quads []string
		reporting := map[string]bool{}
		for _, lg := range p.LocalGroups {
			if lg.Quadrant != "" {
				quads = append(quads, lg.Quadrant)
			}
			reporting[lg.Reporting] = true
		}
		line := fmt.Sprintf("%s local %s lead the safeguarding agenda in their areas", capitalise(number(n)), plural(n, "group", "groups"))
		if len(quads) == n {
			line += fmt.Sprintf(" (%s)", vocab.JoinAnd(quads))
		}
		line += ": they work on local outcomes, bring emerging issues and risks to light so they can be dealt with operationally, and act as learning hubs where practice is shared across agencies."
		if len(reporting) == 1 && p.LocalGroups[0].Reporting != "" {
			line += " They send a " + p.LocalGroups[0].Reporting + "."
		}
		s.Blocks = append(s.Blocks, &Subheading{ID: "structure-local-groups", Text: "Local groups"}, para(line))
		var items []string
		for _, lg := range p.LocalGroups {
			item := lg.Name
			if len(reporting) > 1 && lg.Reporting != "" {
				item += ": " + lg.Reporting
			}
			items = append(items, item)
		}
		s.Blocks = append(s.Blocks, list(items)...)
	}

	if as := p.Assembly; as != nil {
		line := "An assembly brings in the other partnership boards and forums across the county whose remit includes safeguarding vulnerable children and adults"
		if as.MeetingsPerYear > 0 {
			line += ", meeting " + times(as.MeetingsPerYear) + " a year"
		}
		line += "."
		if as.Paused != "" {
			line += " Its meetings are paused (" + as.Paused + ")."
		}
		line += " It keeps communication flowing and the partnerships’ work programmes in step."
		s.Blocks = append(s.Blocks, &Subheading{ID: "structure-assembly", Text: "Assembly"}, para(line))
		if len(as.Members) > 0 {
			s.Blocks = append(s.Blocks, para("Its members are:"))
			s.Blocks = append(s.Blocks, list(as.Members)...)
		}
	}
	return s
}

func (b *builder) relevantAgencies() Section {
	p := b.p
	s := Section{ID: SectionRelevantAgencies, Title: "Relevant agencies"}
	n := len(p.RelevantAgencies)
	s.Blocks = paras(
		fmt.Sprintf("Local partnership working depends on the %s working closely with the relevant agencies: organisations whose involvement the partners consider necessary to safeguard children and promote their welfare.", b.term),
		fmt.Sprintf("The %s have designated %s %s. Some hold a seat on the %s; others take part through the sub-committees, the assembly or the local groups. Appendix A lists every agency and where it takes part; the table below summarises them by sector.",
			b.term, number(n), plural(n, "relevant agency", "relevant agencies"), b.boardName()),
	)
	tab := &Table{ID: "agencies-by-sector", Caption: "Relevant agencies by sector",
		Columns: []Column{{Header: "Sector", Width: 2}, {Header: "Agencies", Align: AlignRight, Width: 1}, {Header: "Take part in", Width: 4}}}
	cats := masa.Categories()
	for _, ra := range p.RelevantAgencies {
		if !slices.Contains(cats, ra.Category) {
			cats = append(cats, ra.Category)
		}
	}
	for _, c := range cats {
		count := 0
		var fs []masa.Forum
		for _, ra := range p.RelevantAgencies {
			if ra.Category != c {
				continue
			}
			count++
			for _, f := range ra.TakesPart {
				if !slices.Contains(fs, f) {
					fs = append(fs, f)
				}
			}
		}
		if count == 0 {
			continue
		}
		slices.SortFunc(fs, func(x, y masa.Forum) int {
			return slices.Index(masa.Forums(), x) - slices.Index(masa.Forums(), y)
		})
		tab.Rows = append(tab.Rows, []string{categoryLabel(c), thousands(count), capitalise(b.forums(fs))})
	}
	tab.Total = []string{"Total", thousands(n), ""}
	s.Blocks = append(s.Blocks, tab)

	var sizes []string
	for i, ra := range p.RelevantAgencies {
		if ra.Count == nil {
			continue
		}
		v := thousands(ra.Count.Value)
		if ra.Count.Approximate {
			v = "about " + v
		}
		sizes = append(sizes, fmt.Sprintf("%s: %s %s", b.name(fmt.Sprintf("relevantAgencies[%d].org", i), ra.Org), v, ra.Count.What))
	}
	if len(sizes) > 0 {
		s.Blocks = append(s.Blocks, para("Some sectors are large, which shapes how they take part:"))
		s.Blocks = append(s.Blocks, list(sizes)...)
	}

	if len(p.OtherPartners) > 0 {
		s.Blocks = append(s.Blocks, &Subheading{ID: "relevant-agencies-other-partners", Text: "Other partners"},
			para("These organisations also take part, without being designated relevant agencies:"))
		var items []string
		for i, op := range p.OtherPartners {
			item := b.fullName(fmt.Sprintf("otherPartners[%d].org", i), op.Org)
			if op.Role != "" {
				item += ": " + op.Role
			}
			if len(op.TakesPart) > 0 {
				item += "; takes part in: " + b.forums(op.TakesPart)
			}
			items = append(items, item)
		}
		s.Blocks = append(s.Blocks, list(items)...)
	}

	if jw := p.JointWorking; jw != nil {
		name := jw.Name
		if jw.Abbrev != "" {
			name += " (" + jw.Abbrev + ")"
		}
		s.Blocks = append(s.Blocks, &Subheading{ID: "relevant-agencies-joint-work", Text: "Joint work across " + jw.Name},
			para(fmt.Sprintf("%s each keep their own multi-agency safeguarding arrangements, but work closely together on the parts of safeguarding that are best tackled jointly and make the most difference to practice and services across %s. They also co-ordinate business planning and agree the key areas of focus for each planning period. The joint groups are:",
				vocab.JoinAnd(jw.Areas), name)))
		var items []string
		for _, jg := range jw.Groups {
			item := jg.Name
			if jg.Abbrev != "" && !strings.Contains(jg.Name, jg.Abbrev) {
				item += " (" + jg.Abbrev + ")"
			}
			items = append(items, item)
		}
		s.Blocks = append(s.Blocks, list(items)...)
	}
	return s
}

// subCommittee returns the name of the sub-committee id, reporting a
// problem at field when it is unknown.
func (b *builder) subCommittee(field string, id vocab.ID) string {
	for _, sc := range b.p.SubCommittees {
		if sc.ID == id {
			return sc.Name
		}
	}
	b.probs.Add(vocab.NotFound(field, string(id), "is not listed under subCommittees"))
	return string(id)
}

// localGroupsTerm names the local groups collectively.
func (b *builder) localGroupsTerm() string {
	if len(b.p.LocalGroups) == 0 {
		return "partner agencies"
	}
	return "local groups"
}

func (b *builder) reviews() Section {
	p := b.p
	s := Section{ID: SectionReviews, Title: "Practice reviews and learning"}
	review := b.rules.ReviewName
	if review == "" {
		review = "Child Safeguarding Practice Review"
	}
	r := p.Reviews
	if r == nil {
		s.Blocks = paras(fmt.Sprintf("The %s have not yet published their arrangements for %ss.", b.term, strings.ToLower(review)))
		return s
	}
	sub := b.subCommittee("reviews.subCommittee", r.SubCommittee)
	s.Blocks = paras(fmt.Sprintf("Learning from serious child safeguarding incidents is organised nationally by the Child Safeguarding Practice Review Panel and, in %s, by the %s through the %s.", p.Area.Name, b.term, sub),
		fmt.Sprintf("The %s have arranged to:", b.term))
	items := []string{fmt.Sprintf("identify serious child safeguarding cases that raise issues of importance for %s", p.Area.Name)}
	if h, ok := b.holding("reviews.ratificationLeadArea", r.RatificationLeadArea); ok {
		items = append(items, fmt.Sprintf("ratify the decisions of the %s, a lead area held by %s", sub, b.holderText("reviews.ratificationLeadArea", h)))
	}
	items = append(items, fmt.Sprintf("commission and oversee a %s of those cases where they judge one appropriate", review))
	s.Blocks = append(s.Blocks, list(items)...)
	var t []string
	t = append(t, "The partners are committed to continuous learning. They consider the findings of every local and national review and decide how improvements should be made locally, including in the way agencies work together.")
	if len(r.Methods) > 0 {
		t = append(t, fmt.Sprintf("Reviews use a range of methods, including %s.", vocab.JoinAnd(r.Methods)))
	}
	t = append(t, fmt.Sprintf("Findings from local reviews are shared through the %s, and progress on the recommended improvements is monitored regularly.", b.localGroupsTerm()))
	if len(p.LocalGroups) > 0 {
		t = append(t, fmt.Sprintf("The local groups act as front-line learning hubs with a two-way link between practitioners and the %s, so that learning on local priorities is shared and acted on at every level.", b.boardName()))
	}
	s.Blocks = append(s.Blocks, para(strings.Join(t, " ")))
	if r.ChildDeathReview != "" {
		name := b.jointGroup("reviews.childDeathReview", r.ChildDeathReview)
		s.Blocks = append(s.Blocks, para("Child deaths are reviewed by the "+name+"."))
	}
	return s
}

// jointGroup returns the name of joint group id, reporting a problem at
// field when it is unknown.
func (b *builder) jointGroup(field string, id vocab.ID) string {
	if jw := b.p.JointWorking; jw != nil {
		for _, g := range jw.Groups {
			if g.ID == id {
				if g.Abbrev != "" && !strings.Contains(g.Name, g.Abbrev) {
					return g.Name + " (" + g.Abbrev + ")"
				}
				return g.Name
			}
		}
	}
	b.probs.Add(vocab.NotFound(field, string(id), "is not listed under jointWorking.groups"))
	return string(id)
}

func (b *builder) training() Section {
	s := Section{ID: SectionTraining, Title: "Multi-agency training"}
	tr := b.p.Training
	if tr == nil {
		s.Blocks = paras("The partnership has not yet published its multi-agency training arrangements.")
		return s
	}
	sub := b.subCommittee("training.subCommittee", tr.SubCommittee)
	analysis := "a needs analysis"
	if tr.NeedsAnalysis != "" {
		analysis = "an " + tr.NeedsAnalysis + " needs analysis"
		if !strings.ContainsAny(tr.NeedsAnalysis[:1], "aeiouAEIOU") {
			analysis = "a " + tr.NeedsAnalysis + " needs analysis"
		}
	}
	s.Blocks = paras(fmt.Sprintf("Partners commission multi-agency training and learning on the strength of %s, agreed through the %s.", analysis, sub))
	if len(tr.Sources) > 0 {
		s.Blocks = append(s.Blocks, para("The analysis takes account of:"))
		s.Blocks = append(s.Blocks, list(masa.Labels(tr.Sources))...)
	}
	if len(tr.Methods) > 0 {
		s.Blocks = append(s.Blocks, para("Training is delivered in whichever way works best for the subject, including:"))
		s.Blocks = append(s.Blocks, list(masa.Labels(tr.Methods))...)
	}
	if len(tr.Evaluation) > 0 {
		line := "Its effect is evaluated"
		if tr.Toolkit != "" {
			line += " as the " + tr.Toolkit + " sets out"
		}
		s.Blocks = append(s.Blocks, para(line+", using:"))
		s.Blocks = append(s.Blocks, list(masa.Labels(tr.Evaluation))...)
	}
	if tr.ImpactReport != "" {
		s.Blocks = append(s.Blocks, para("The impact of learning is monitored within the partnership’s performance framework and reported "+tr.ImpactReport+"."))
	}
	return s
}

func (b *builder) scrutiny() Section {
	s := Section{ID: SectionScrutiny, Title: "Independent scrutiny"}
	sc := b.p.Scrutiny
	if sc == nil {
		s.Blocks = paras("The partnership has not yet published its independent scrutiny arrangements.")
		return s
	}
	line := "Independent scrutiny tests how well the local arrangements work, drawing on several sources rather than one."
	if h, ok := b.holding("scrutiny.leadArea", sc.LeadArea); ok {
		line += fmt.Sprintf(" Its development is a lead area held by %s.", b.holderText("scrutiny.leadArea", h))
	}
	s.Blocks = paras(line)
	if len(sc.Functions) > 0 {
		s.Blocks = append(s.Blocks, para("Scrutiny draws on:"))
		s.Blocks = append(s.Blocks, list(masa.Labels(sc.Functions))...)
	}
	if len(sc.Aims) > 0 {
		s.Blocks = append(s.Blocks, para("It looks at:"))
		s.Blocks = append(s.Blocks, list(masa.Labels(sc.Aims))...)
	}
	return s
}

func (b *builder) voice() Section {
	s := Section{ID: SectionVoice, Title: "Voice of children and families"}
	v := b.p.Voice
	s.Blocks = paras(fmt.Sprintf("The voices of children and families are central to the arrangements: they help the %s deliver its vision, and help to scrutinise and review how the arrangements work.", b.shortName()))
	if v == nil {
		s.Blocks = append(s.Blocks, para("The partnership has not yet published how it hears them."))
		return s
	}
	if len(v.Mechanisms) > 0 {
		s.Blocks = append(s.Blocks, para("Rather than build new channels, the partnership uses arrangements that already exist to involve children and families regularly, including:"))
		s.Blocks = append(s.Blocks, list(masa.Labels(v.Mechanisms))...)
	}
	if len(v.DataSources) > 0 {
		s.Blocks = append(s.Blocks, para("Information from these sources adds to what children and families say directly:"))
		s.Blocks = append(s.Blocks, list(masa.Labels(v.DataSources))...)
	}
	return s
}

func (b *builder) disputes() Section {
	p := b.p
	s := Section{ID: SectionDisputes, Title: "Dispute resolution and escalation"}
	var procs []string
	for _, st := range p.Escalation {
		if st.Procedures != "" && !slices.Contains(procs, st.Procedures) {
			procs = append(procs, st.Procedures)
		}
	}
	line := "Working together depends on openness and on respect for each agency’s view, but professionals will sometimes disagree about how best to keep a child safe. Every partner agency is responsible for resolving such disagreements quickly and constructively"
	if len(procs) > 0 {
		line += ", following the " + vocab.JoinAnd(procs)
	}
	s.Blocks = paras(line + ".")
	if len(p.Escalation) == 0 {
		return s
	}
	s.Blocks = append(s.Blocks, para("A disagreement that cannot be resolved moves up these stages, lowest first:"))
	tab := &Table{ID: "escalation", Caption: "Stages of escalation",
		Columns: []Column{{Header: "Stage", Width: 2}, {Header: "Who resolves it", Width: 3}, {Header: "Guided or overseen by", Width: 3}}}
	for i, st := range p.Escalation {
		by := st.Procedures
		if st.LeadArea != "" {
			field := fmt.Sprintf("escalation[%d].leadArea", i)
			if h, ok := b.holding(field, st.LeadArea); ok {
				by = capitalise(b.holderText(field, h))
			}
		}
		tab.Rows = append(tab.Rows, []string{fmt.Sprintf("%d. %s", st.Level, st.Name), capitalise(st.Owner), orNone(by)})
	}
	s.Blocks = append(s.Blocks, tab)
	return s
}

func (b *builder) appendixAgencies() Section {
	p := b.p
	s := Section{ID: AppendixAgencies, Title: "Designated relevant agencies"}
	s.Blocks = paras(fmt.Sprintf("The %s chose as relevant agencies the organisations in %s that have regular contact with children or are responsible for services to them, as the relevant agency regulations provide. There are %s.",
		b.term, p.Area.Name, thousands(len(p.RelevantAgencies))))
	tab := &Table{ID: "designated-agencies", Caption: "Designated relevant agencies",
		Columns: []Column{{Header: "Relevant agency", Width: 4}, {Header: "Sector", Width: 1.6}, {Header: "Takes part in", Width: 2.4}}}
	for i, ra := range p.RelevantAgencies {
		tab.Rows = append(tab.Rows, []string{b.fullName(fmt.Sprintf("relevantAgencies[%d].org", i), ra.Org), categoryLabel(ra.Category), capitalise(b.forums(ra.TakesPart))})
	}
	s.Blocks = append(s.Blocks, tab)
	return s
}

func (b *builder) appendixLeadAreas() Section {
	p := b.p
	s := Section{ID: AppendixLeadAreas, Title: "Lead areas of the statutory partners"}
	optional := slices.ContainsFunc(p.LeadAreas, func(la masa.LeadArea) bool { return la.Rotation.Optional })
	line := fmt.Sprintf("Each statutory partner leads on particular areas of work. The table shows who holds each area on %s.", b.on.Long())
	if optional {
		line += " The partners may choose to rotate these areas every year."
	}
	s.Blocks = paras(line)
	tab := &Table{ID: "lead-areas", Caption: "Lead areas",
		Columns: []Column{{Header: "Lead area", Width: 3.2}, {Header: "Statutory partner", Width: 2.2}, {Header: "Post", Width: 2}, {Header: "Rotation", Width: 1.8}}}
	for i, la := range p.LeadAreas {
		field := fmt.Sprintf("leadAreas[%d]", i)
		h, ok := b.holding(field, la.ID)
		if !ok {
			continue
		}
		tab.Rows = append(tab.Rows, []string{fmt.Sprintf("%d. %s", i+1, la.Name), capitalise(b.partnerGroup(field, h.Role, h.Orgs)), h.Title, b.rotation(la, h)})
	}
	s.Blocks = append(s.Blocks, tab)
	return s
}

// rotation describes a lead area's rotation policy.
func (b *builder) rotation(la masa.LeadArea, h masa.Holding) string {
	r := la.Rotation
	if r.Policy == masa.RotationAnnual && len(r.Order) > 0 {
		roles := make([]string, len(r.Order))
		for i, role := range r.Order {
			roles[i] = role.Label()
		}
		t := "Rotates each year between " + vocab.JoinAnd(roles)
		if !r.Start.IsZero() {
			t += " from " + r.Start.Long()
		}
		if !h.Period.To.IsZero() {
			t += "; this holding ends " + h.Period.To.Long()
		}
		return t
	}
	if r.Optional {
		return "Fixed; may rotate yearly"
	}
	return "Fixed"
}

func (b *builder) contact(d *draft) *Contact {
	c := b.p.Contact
	if c == nil {
		return nil
	}
	out := &Contact{Heading: "Contact"}
	if c.IssuedBy != "" {
		out.Intro = "This plan is issued by " + c.IssuedBy + "."
	}
	if c.Website != "" {
		out.Lines = append(out.Lines, ContactLine{Label: "Website", Value: c.Website, URL: webURL(c.Website)})
	}
	if c.Email != "" {
		out.Lines = append(out.Lines, ContactLine{Label: "Email", Value: c.Email, URL: mailURL(c.Email)})
	}
	if c.Telephone != "" {
		out.Lines = append(out.Lines, ContactLine{Label: "Telephone", Value: c.Telephone})
	}
	for i, a := range c.Address {
		label := ""
		if i == 0 {
			label = "Address"
		}
		out.Lines = append(out.Lines, ContactLine{Label: label, Value: a})
	}
	if c.Concerns != "" {
		out.Lines = append(out.Lines, ContactLine{Label: "Concerned about a child?", Value: "Call " + c.Concerns})
	}
	arr := b.p.Arrangements
	switch {
	case d != nil:
		out.Edition = "Draft prepared " + d.prepared.Long() + "; not yet published"
	case arr.Edition > 0:
		out.Edition = ordinal(arr.Edition) + " publication: " + arr.Published.Long()
	default:
		out.Edition = "Published " + arr.Published.Long()
	}
	return out
}

// webURL returns s as a link target when it is an http or https address,
// and "" otherwise, so that a data file cannot smuggle in another scheme.
func webURL(s string) string {
	l := strings.ToLower(s)
	if (strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")) && !strings.ContainsAny(s, " \t\r\n\"'<>") {
		return s
	}
	return ""
}

// mailURL returns a mailto: link for an address that looks like one, and
// "" otherwise.
func mailURL(s string) string {
	at := strings.IndexByte(s, '@')
	if at <= 0 || at == len(s)-1 || strings.ContainsAny(s, " \t\r\n\"'<>?&:/") {
		return ""
	}
	return "mailto:" + s
}
