package board

import (
	"fmt"
	"slices"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
)

// Board is a partnership's board business, checked against its
// partnership file. It answers for the board on a date ([Board.On]), the
// action log ([Board.Actions]), the key messages of a period
// ([Board.Digest]) and the priorities for a yearly report
// ([Board.ReportPriorities]).
type Board struct {
	p        *masa.Partnership
	b        *Business
	editions map[vocab.ID]*edition
	members  map[vocab.ID]string
	plans    map[vocab.ID]priorityRef
}

// edition is an edition with its bodies resolved.
type edition struct {
	Edition
	bodies []Body
}

// priorityRef locates a priority.
type priorityRef struct{ plan, index int }

// Bind checks the board business b against the partnership p and returns
// the board. Every problem is returned at once as vocab.Problems, each
// naming its JSON path in b: a meeting dated outside its edition
// ("meetings[3].held"), an action without an owner
// ("meetings[3].actions[0].owner"), an owner who is not a member of the
// partnership, a progress outside annualreport.Progresses
// ("plans[0].priorities[2].progress"), an unknown edition, body, item or
// priority, overlapping editions and a go-live that disagrees with the
// partnership file.
func Bind(p *masa.Partnership, b *Business) (*Board, error) {
	if p == nil {
		return nil, fmt.Errorf("board: %w", vocab.Invalid("partnership", "required", "", "is missing"))
	}
	if b == nil {
		return nil, fmt.Errorf("board: %w", vocab.Invalid("", "required", "", "business file is missing"))
	}
	bd := &Board{p: p, b: b, editions: map[vocab.ID]*edition{}, members: members(p), plans: map[vocab.ID]priorityRef{}}
	c := &checker{}
	if b.Partnership != p.ID {
		c.add(vocab.Conflict("partnership", "partnership", string(b.Partnership), "is not the ID of the partnership file ("+string(p.ID)+")"))
	}
	c.editions(bd, b.Editions)
	c.transition(p, b.Transition)
	c.plans(bd, b.Plans)
	seen := map[vocab.ID]bool{}
	for i := range b.Meetings {
		c.meeting(bd, fmt.Sprintf("meetings[%d]", i), &b.Meetings[i], seen)
	}
	if err := c.ps.Err(); err != nil {
		return nil, fmt.Errorf("board: %w", err)
	}
	return bd, nil
}

// members returns the partnership's members by ID with their names: the
// statutory partners, relevant agencies and other partners, and the
// successors that replace any of them.
func members(p *masa.Partnership) map[vocab.ID]string {
	names := map[vocab.ID]string{}
	for _, o := range p.Organisations {
		names[o.ID] = o.Name
	}
	out := map[vocab.ID]string{}
	add := func(id vocab.ID) {
		if n, ok := names[id]; ok {
			out[id] = n
		}
	}
	for _, sp := range p.StatutoryPartners {
		add(sp.Org)
	}
	for _, ra := range p.RelevantAgencies {
		add(ra.Org)
	}
	for _, op := range p.OtherPartners {
		add(op.Org)
	}
	for _, s := range p.Successions {
		add(s.To)
	}
	return out
}

type checker struct{ ps vocab.Problems }

func (c *checker) add(fe *vocab.FieldError) {
	if fe != nil {
		c.ps.Add(fe)
	}
}

func (c *checker) id(field string, id vocab.ID, seen map[vocab.ID]bool) {
	if fe := id.Problem(field); fe != nil {
		c.add(fe)
		return
	}
	if seen != nil {
		if seen[id] {
			c.add(vocab.Conflict(field, "unique", string(id), "is used twice"))
		}
		seen[id] = true
	}
}

func (c *checker) text(field, s string, max int) { c.add(vocab.TextProblem(field, s, max)) }

func (c *checker) optionalText(field, s string, max int) {
	if s != "" {
		c.text(field, s, max)
	}
}

func (c *checker) citation(field string, ct *vocab.Citation) {
	if ct == nil {
		return
	}
	c.text(field+".source", ct.Source, MaxTitleBytes)
	c.optionalText(field+".section", ct.Section, MaxTitleBytes)
}

func (c *checker) date(field string, d vocab.Date) {
	if err := d.Check(field); err != nil {
		c.ps = append(c.ps, vocab.AsProblems(err)...)
	}
}

func (c *checker) when(field string, w When, required bool) {
	if w.IsZero() {
		if required {
			c.add(vocab.Invalid(field, "required", "", "is empty; give a date YYYY-MM-DD or a month YYYY-MM"))
		}
		return
	}
	if !w.First().Valid() || (w.Day != 0 && w.Day > vocab.DaysIn(w.Year, w.Month)) {
		c.add(vocab.Invalid(field, "date", w.String(), "is not a real date"))
	}
}

func (c *checker) editions(bd *Board, es []Edition) {
	seen := map[vocab.ID]bool{}
	if len(es) == 0 {
		c.add(vocab.Invalid("editions", "required", "", "is empty; give at least one edition of the structure"))
	}
	for i := range es {
		e := &es[i]
		at := fmt.Sprintf("editions[%d]", i)
		c.id(at+".id", e.ID, seen)
		c.text(at+".name", e.Name, MaxTitleBytes)
		if e.Regime != masa.RegimeLSCB && e.Regime != masa.RegimeMASA {
			c.add(vocab.Invalid(at+".regime", "regime", string(e.Regime), "is not a regime: use lscb or masa"))
		}
		if e.Period.From.IsZero() {
			c.add(vocab.Invalid(at+".period.from", "required", "", "is empty; say when the edition came into force"))
		}
		c.date(at+".period.from", e.Period.From)
		c.date(at+".period.to", e.Period.To)
		if !e.Period.To.IsZero() && e.Period.To.Before(e.Period.From) {
			c.add(vocab.Conflict(at+".period.to", "period", e.Period.To.String(), "is before the edition's start ("+e.Period.From.String()+")"))
		}
		c.date(at+".described", e.Described)
		c.citation(at+".source", e.Source)
		if i > 0 {
			prev := es[i-1].Period
			if prev.To.IsZero() || !e.Period.From.After(prev.To) {
				c.add(vocab.Conflict(at+".period.from", "overlap", e.Period.From.String(), "does not start after the previous edition ends; editions are in date order and do not overlap"))
			}
		}
		ed := &edition{Edition: *e}
		switch {
		case e.FromPartnership && len(e.Bodies) > 0:
			c.add(vocab.Conflict(at+".bodies", "from-partnership", fmt.Sprint(len(e.Bodies)), "must be empty when the structure is the partnership file's"))
		case e.FromPartnership:
			if gl := bd.p.Arrangements.GoLive; e.Regime == masa.RegimeMASA && !gl.IsZero() && e.Period.From != gl {
				c.add(vocab.Conflict(at+".period.from", "go-live", e.Period.From.String(), "is not the partnership file's go-live date ("+gl.String()+")"))
			}
			ed.bodies = partnershipBodies(bd.p)
		case len(e.Bodies) == 0:
			c.add(vocab.Invalid(at+".bodies", "required", "", "is empty; list the edition's bodies or set fromPartnership"))
		default:
			ed.bodies = e.Bodies
			c.bodies(at+".bodies", e.Bodies)
		}
		if e.ID.Valid() {
			bd.editions[e.ID] = ed
		}
	}
}

func (c *checker) bodies(at string, bs []Body) {
	seen := map[vocab.ID]bool{}
	for j, b := range bs {
		bat := fmt.Sprintf("%s[%d]", at, j)
		c.id(bat+".id", b.ID, seen)
		c.text(bat+".name", b.Name, MaxTitleBytes)
		if !b.Kind.Valid() {
			c.add(vocab.Invalid(bat+".kind", "body-kind", string(b.Kind), "is not a kind of body: use board, assembly, local-group, sub-committee, forum or joint-group"))
		}
		c.optionalText(bat+".jointWith", b.JointWith, MaxTitleBytes)
		for k, l := range b.Linked {
			c.text(fmt.Sprintf("%s.linked[%d]", bat, k), l, MaxTitleBytes)
		}
		c.optionalText(bat+".membership", b.Membership, MaxTitleBytes)
		if b.Count < 0 || b.Count > 100 {
			c.add(vocab.Invalid(bat+".count", "range", fmt.Sprint(b.Count), "is not a number of groups from 0 to 100"))
		}
	}
}

// partnershipBodies returns the structure of the partnership file as
// bodies.
func partnershipBodies(p *masa.Partnership) []Body {
	var out []Body
	g := p.Governance.Board
	if g.ID != "" {
		out = append(out, Body{ID: g.ID, Name: g.Name, Kind: KindBoard})
	}
	if p.Assembly != nil {
		out = append(out, Body{ID: vocab.ID(masa.ForumAssembly), Name: "Assembly", Kind: KindAssembly})
	}
	for _, l := range p.LocalGroups {
		out = append(out, Body{ID: l.ID, Name: l.Name, Kind: KindLocalGroup})
	}
	for _, s := range p.SubCommittees {
		b := Body{ID: s.ID, Name: s.Name, Kind: KindSubCommittee}
		out = append(out, b)
	}
	if p.JointWorking != nil {
		for _, j := range p.JointWorking.Groups {
			out = append(out, Body{ID: j.ID, Name: j.Name, Kind: KindJointGroup})
		}
	}
	return out
}

func (c *checker) transition(p *masa.Partnership, ms []Milestone) {
	seen := map[vocab.ID]bool{}
	goLives := 0
	for i, m := range ms {
		at := fmt.Sprintf("transition[%d]", i)
		c.id(at+".id", m.ID, seen)
		c.when(at+".when", m.When, true)
		c.text(at+".text", m.Text, MaxTextBytes)
		c.citation(at+".source", m.Source)
		if i > 0 && m.When.Compare(ms[i-1].When) < 0 {
			c.add(vocab.Conflict(at+".when", "order", m.When.String(), "is before the milestone above it; list milestones in date order"))
		}
		if m.GoLive {
			goLives++
			switch gl := p.Arrangements.GoLive; {
			case goLives > 1:
				c.add(vocab.Conflict(at+".goLive", "unique", "true", "marks a second go-live; only one milestone is the go-live"))
			case !m.When.DayKnown():
				c.add(vocab.Invalid(at+".when", "day", m.When.String(), "is a month; a go-live needs its day"))
			case !gl.IsZero() && m.When.First() != gl:
				c.add(vocab.Conflict(at+".when", "go-live", m.When.String(), "is not the partnership file's go-live date ("+gl.String()+")"))
			}
		}
	}
}

func (c *checker) plans(bd *Board, ps []Plan) {
	seen := map[vocab.ID]bool{}
	for i, pl := range ps {
		at := fmt.Sprintf("plans[%d]", i)
		c.id(at+".id", pl.ID, seen)
		c.text(at+".name", pl.Name, MaxTitleBytes)
		if pl.Period.From.IsZero() {
			c.add(vocab.Invalid(at+".period.from", "required", "", "is empty; say when the plan starts"))
		}
		if pl.Period.To.IsZero() {
			c.add(vocab.Invalid(at+".period.to", "required", "", "is empty; say when the plan ends"))
		}
		c.date(at+".period.from", pl.Period.From)
		c.date(at+".period.to", pl.Period.To)
		if !pl.Period.To.IsZero() && pl.Period.To.Before(pl.Period.From) {
			c.add(vocab.Conflict(at+".period.to", "period", pl.Period.To.String(), "is before the plan's start ("+pl.Period.From.String()+")"))
		}
		c.citation(at+".source", pl.Source)
		if len(pl.Priorities) == 0 {
			c.add(vocab.Invalid(at+".priorities", "required", "", "is empty; a plan has at least one priority"))
		}
		for j, pr := range pl.Priorities {
			pat := fmt.Sprintf("%s.priorities[%d]", at, j)
			before := len(c.ps)
			c.id(pat+".id", pr.ID, nil)
			if _, dup := bd.plans[pr.ID]; dup && pr.ID.Valid() {
				c.add(vocab.Conflict(pat+".id", "unique", string(pr.ID), "is used twice; priority IDs are unique across plans"))
			}
			if len(c.ps) == before {
				bd.plans[pr.ID] = priorityRef{i, j}
			}
			c.text(pat+".name", pr.Name, MaxTitleBytes)
			switch {
			case pr.Progress == "":
				c.optionalText(pat+".note", pr.Note, MaxTextBytes)
			case !pr.Progress.Valid():
				c.add(vocab.Invalid(pat+".progress", "progress", string(pr.Progress), "is not a degree of progress: use good, some, little or none, or leave it out when not assessed"))
			case pr.Progress.Slow() && pr.Note == "":
				c.add(vocab.Invalid(pat+".note", "required", "", "is empty; say why the priority made "+string(pr.Progress)+" progress"))
			default:
				c.optionalText(pat+".note", pr.Note, MaxTextBytes)
			}
		}
	}
}

func (c *checker) meeting(bd *Board, at string, m *Meeting, seen map[vocab.ID]bool) {
	c.id(at+".id", m.ID, seen)
	c.when(at+".held", m.Held, true)
	ed, ok := bd.editions[m.Edition]
	switch {
	case m.Edition == "":
		c.add(vocab.Invalid(at+".edition", "required", "", "is empty; name the edition the meeting belongs to"))
	case !ok:
		c.add(vocab.NotFound(at+".edition", string(m.Edition), "is not an edition in this file"))
	default:
		if !m.Held.IsZero() && !inEdition(m.Held, ed.Period) {
			c.add(vocab.Invalid(at+".held", "in-edition", m.Held.String(), "is outside the edition "+string(ed.ID)+" ("+ed.Period.String()+")"))
		}
		if !slices.ContainsFunc(ed.bodies, func(b Body) bool { return b.ID == m.Body }) {
			c.add(vocab.NotFound(at+".body", string(m.Body), "is not a board or group of the edition "+string(ed.ID)))
		}
	}
	c.optionalText(at+".theme", m.Theme, MaxTitleBytes)
	c.citation(at+".source", m.Source)
	if len(m.Items) == 0 {
		c.add(vocab.Invalid(at+".items", "required", "", "is empty; a meeting has at least one item"))
	}
	items := map[vocab.ID]bool{}
	for j, it := range m.Items {
		iat := fmt.Sprintf("%s.items[%d]", at, j)
		c.id(iat+".id", it.ID, items)
		c.text(iat+".title", it.Title, MaxTitleBytes)
		c.optionalText(iat+".summary", it.Summary, MaxTextBytes)
		for k, pr := range it.Priorities {
			pat := fmt.Sprintf("%s.priorities[%d]", iat, k)
			ref, ok := bd.plans[pr]
			switch {
			case !ok:
				c.add(vocab.NotFound(pat, string(pr), "is not a priority of any plan in this file"))
			case !m.Held.IsZero() && !inEdition(m.Held, bd.b.Plans[ref.plan].Period):
				c.add(vocab.Invalid(pat, "plan-period", string(pr), "belongs to the plan "+string(bd.b.Plans[ref.plan].ID)+" ("+bd.b.Plans[ref.plan].Period.String()+"), which does not cover the meeting"))
			}
		}
	}
	item := func(field string, id vocab.ID) {
		if id != "" && !items[id] {
			c.add(vocab.NotFound(field, string(id), "is not an item of this meeting"))
		}
	}
	own := map[vocab.ID]bool{}
	for j, d := range m.Decisions {
		dat := fmt.Sprintf("%s.decisions[%d]", at, j)
		c.id(dat+".id", d.ID, own)
		item(dat+".item", d.Item)
		c.text(dat+".text", d.Text, MaxTextBytes)
	}
	for j, s := range m.Endorsed {
		sat := fmt.Sprintf("%s.endorsed[%d]", at, j)
		c.id(sat+".id", s.ID, own)
		item(sat+".item", s.Item)
		c.text(sat+".name", s.Name, MaxTitleBytes)
	}
	for j, a := range m.Actions {
		aat := fmt.Sprintf("%s.actions[%d]", at, j)
		c.id(aat+".id", a.ID, own)
		item(aat+".item", a.Item)
		c.text(aat+".text", a.Text, MaxTextBytes)
		c.member(bd, aat+".owner", a.Owner, true, m.Held)
		for k, w := range a.With {
			c.member(bd, fmt.Sprintf("%s.with[%d]", aat, k), w, false, m.Held)
		}
		c.when(aat+".due", a.Due, true)
		if !a.Due.IsZero() && !m.Held.IsZero() && a.Due.Last().Before(m.Held.First()) {
			c.add(vocab.Conflict(aat+".due", "after-meeting", a.Due.String(), "is before the meeting that set the action ("+m.Held.String()+")"))
		}
		c.when(aat+".done", a.Done, false)
		if !a.Done.IsZero() && !m.Held.IsZero() && a.Done.Last().Before(m.Held.First()) {
			c.add(vocab.Conflict(aat+".done", "after-meeting", a.Done.String(), "is before the meeting that set the action ("+m.Held.String()+")"))
		}
	}
}

// member checks that id is a member of the partnership when the meeting
// was held: an organisation replaced by a successor before the meeting, or
// a successor that did not yet exist, is not.
func (c *checker) member(bd *Board, field string, id vocab.ID, owner bool, held When) {
	if id == "" {
		if owner {
			c.add(vocab.Invalid(field, "required", "", "is empty; every action has an owner, a member of the partnership by ID"))
		} else {
			c.add(vocab.Invalid(field, "required", "", "is empty"))
		}
		return
	}
	if fe := id.Problem(field); fe != nil {
		c.add(fe)
		return
	}
	if _, ok := bd.members[id]; !ok {
		c.add(vocab.NotFound(field, string(id), "is not a member of the partnership (a statutory partner, relevant agency or other partner in the partnership file)"))
		return
	}
	if held.IsZero() {
		return
	}
	for _, s := range bd.p.Successions {
		switch {
		case s.To == id && held.Last().Before(s.On):
			c.add(vocab.Conflict(field, "member-on-date", string(id), "did not exist when the meeting was held ("+held.String()+"); it replaced its predecessors on "+s.On.String()))
			return
		case slices.Contains(s.From, id) && !held.First().Before(s.On):
			c.add(vocab.Conflict(field, "member-on-date", string(id), "had been replaced by "+string(s.To)+" on "+s.On.String()+", before the meeting ("+held.String()+")"))
			return
		}
	}
}

// inEdition reports whether w falls within period p (an edition's or a
// plan's): a day must be within
// it, a month must overlap it.
func inEdition(w When, p vocab.Period) bool {
	if w.DayKnown() {
		return p.Contains(w.First())
	}
	if !p.To.IsZero() && w.First().After(p.To) {
		return false
	}
	return p.From.IsZero() || !w.Last().Before(p.From)
}
