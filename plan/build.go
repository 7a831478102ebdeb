package plan

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
)

// The IDs of the document's sections, which are also the keys a
// partnership may use in masa.Partnership.Texts.
const (
	SectionForeword         = "foreword"
	SectionIntroduction     = "introduction"
	SectionArrangements     = "arrangements"
	SectionVision           = "vision"
	SectionStructure        = "structure"
	SectionRelevantAgencies = "relevant-agencies"
	SectionReviews          = "reviews"
	SectionTraining         = "training"
	SectionScrutiny         = "scrutiny"
	SectionVoice            = "voice"
	SectionDisputes         = "dispute-resolution"
	SectionFunding          = "funding"
	AppendixAgencies        = "appendix-agencies"
	AppendixLeadAreas       = "appendix-lead-areas"
)

// SectionIDs returns the IDs a partnership may use as keys of its Texts
// map, in document order: the foreword, the eleven numbered sections and
// the two appendix parts.
func SectionIDs() []string {
	return []string{
		SectionForeword, SectionIntroduction, SectionArrangements, SectionVision, SectionStructure,
		SectionRelevantAgencies, SectionReviews, SectionTraining, SectionScrutiny, SectionVoice,
		SectionDisputes, SectionFunding, AppendixAgencies, AppendixLeadAreas,
	}
}

// Build generates the published plan from a partnership.
//
// Every fact in the document comes from the model, so changing the model
// changes the document; the wording is the project's own. Lead-area
// holders and the rule set are those in force on the publication date.
//
// A partnership may replace a section's generated prose with its own text
// by putting it in p.Texts under the section's ID (see SectionIDs); the
// text replaces the paragraphs that open the section, before its first
// list, table, chart or subheading, while the facts that follow are still
// generated. Blank lines separate paragraphs. Texts["foreword"] adds a
// foreword before the contents.
//
// Build does not change p. It reports every problem it finds at once, as
// vocab.Problems: a Texts key that is not a section ID or holds no text,
// a reference to an organisation that is not listed, and a lead area that
// is unknown or whose holder contradicts the governance.
func Build(p *masa.Partnership) (*Document, error) {
	if p == nil {
		return nil, fmt.Errorf("plan: %w", vocab.Invalid("", "required", "", "no partnership given"))
	}
	return build(p, nil)
}

// builder carries the state of one Build.
type builder struct {
	p     *masa.Partnership
	year  vocab.FinancialYear
	on    vocab.Date
	rules masa.RuleSet
	orgs  map[vocab.ID]*masa.Organisation
	probs vocab.Problems
	term  string
}

// build builds the published plan, or with d the draft for d's year.
func build(p *masa.Partnership, d *draft) (*Document, error) {
	b := &builder{p: p, year: p.Arrangements.Year, on: p.Arrangements.Published, orgs: map[vocab.ID]*masa.Organisation{}}
	if d != nil {
		b.year, b.on = d.result.Year, d.result.Year.Start()
	}
	for i := range p.Organisations {
		b.orgs[p.Organisations[i].ID] = &p.Organisations[i]
	}
	if rs, err := masa.RuleSetOn(p, b.on); err == nil {
		b.rules = rs
	}
	b.term = b.rules.PartnerTerm
	if b.term == "" {
		b.term = "safeguarding partners"
	}
	b.checkTexts()

	doc := &Document{}
	doc.Meta, doc.Cover = b.front(d)
	if t, ok := p.Texts[SectionForeword]; ok && strings.TrimSpace(t) != "" {
		doc.Foreword = &Section{ID: SectionForeword, Title: "Foreword", Blocks: paras(paragraphs(t)...)}
	}
	sections := []func() Section{
		b.introduction, b.arrangements, b.vision, b.structure, b.relevantAgencies,
		b.reviews, b.training, b.scrutiny, b.voice, b.disputes,
	}
	for i, f := range sections {
		s := f()
		s.Number = fmt.Sprint(i + 1)
		doc.Sections = append(doc.Sections, b.override(s))
	}
	var fs Section
	if d != nil {
		fs = b.draftFunding(d)
	} else {
		fs = b.funding(p.Funding)
	}
	fs.Number = fmt.Sprint(len(doc.Sections) + 1)
	doc.Sections = append(doc.Sections, b.override(fs))
	for i, f := range []func() Section{b.appendixAgencies, b.appendixLeadAreas} {
		s := f()
		s.Number = string(rune('A' + i))
		doc.Appendix = append(doc.Appendix, b.override(s))
	}
	doc.Contact = b.contact(d)
	if err := dedupe(b.probs).Err(); err != nil {
		return nil, fmt.Errorf("plan: %w", err)
	}
	return doc, nil
}

// dedupe drops repeated problems, such as one lead area's conflict found
// from two sections, keeping the first of each.
func dedupe(ps vocab.Problems) vocab.Problems {
	seen := map[string]bool{}
	var out vocab.Problems
	for _, p := range ps {
		k := p.Field + "\x00" + p.Rule + "\x00" + p.Value + "\x00" + p.Message
		if !seen[k] {
			seen[k] = true
			out = append(out, p)
		}
	}
	return out
}

// checkTexts reports Texts keys that are not sections and empty texts.
func (b *builder) checkTexts() {
	keys := make([]string, 0, len(b.p.Texts))
	for k := range b.p.Texts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		field := "texts." + k
		switch {
		case !slices.Contains(SectionIDs(), k):
			b.probs.Add(vocab.NotFound(field, k, "is not a section of the plan; use one of "+strings.Join(SectionIDs(), ", ")))
		case len(paragraphs(b.p.Texts[k])) == 0:
			b.probs.Add(vocab.Invalid(field, "required", b.p.Texts[k], "holds no text; remove the key to use the generated text"))
		}
	}
}

// override replaces the opening paragraphs of s with the partnership's own
// text for it, if it supplies one.
func (b *builder) override(s Section) Section {
	t, ok := b.p.Texts[s.ID]
	if !ok {
		return s
	}
	own := paragraphs(t)
	if len(own) == 0 {
		return s
	}
	i := slices.IndexFunc(s.Blocks, func(bl Block) bool { _, ok := bl.(*Paragraph); return !ok })
	if i < 0 {
		i = len(s.Blocks)
	}
	s.Blocks = append(paras(own...), s.Blocks[i:]...)
	return s
}

// org returns the organisation id names, reporting a problem at field when
// it is not listed.
func (b *builder) org(field string, id vocab.ID) *masa.Organisation {
	if o, ok := b.orgs[id]; ok {
		return o
	}
	b.probs.Add(vocab.NotFound(field, string(id), "is not listed under organisations"))
	return &masa.Organisation{ID: id, Name: string(id)}
}

// name returns the organisation's name.
func (b *builder) name(field string, id vocab.ID) string { return b.org(field, id).Name }

// fullName returns the organisation's name with its abbreviation, such as
// "Mid Essex Hospital Services NHS Trust (MEHT)".
func (b *builder) fullName(field string, id vocab.ID) string {
	o := b.org(field, id)
	if o.Abbrev == "" || o.Abbrev == o.Name || strings.Contains(o.Name, "("+o.Abbrev+")") {
		return o.Name
	}
	return o.Name + " (" + o.Abbrev + ")"
}

// shortName returns the partnership's abbreviation, or its name.
func (b *builder) shortName() string {
	if b.p.ShortName != "" {
		return b.p.ShortName
	}
	return b.p.Name
}

// boardName returns the executive board's name.
func (b *builder) boardName() string {
	if b.p.Governance.Board.Name != "" {
		return b.p.Governance.Board.Name
	}
	return "executive board"
}

// holding describes who holds lead area id on the publication date, as a
// post and the partners that fill it, reporting a problem at field when
// the area is unknown or its holder contradicts the governance.
func (b *builder) holding(field string, id vocab.ID) (masa.Holding, bool) {
	h, err := b.p.LeadHolder(id, b.on)
	if err != nil {
		if fe := vocab.AsProblems(err); len(fe) > 0 {
			for _, e := range fe {
				c := *e
				if c.Field == "leadAreas" {
					c.Field = field
				}
				b.probs.Add(&c)
			}
		} else {
			b.probs.Add(vocab.Invalid(field, "lead-area", string(id), err.Error()))
		}
		return h, false
	}
	return h, true
}

// holderText writes a holding as "the Assistant Chief Constable (Essex
// Police)".
func (b *builder) holderText(field string, h masa.Holding) string {
	return "the " + h.Title + " (" + b.partnerGroup(field, h.Role, h.Orgs) + ")"
}

// partnerGroup names the statutory partners filling role: the
// organisation's name when there is one, and "five clinical commissioning
// groups" when there are several.
func (b *builder) partnerGroup(field string, role vocab.Role, orgs []vocab.ID) string {
	if len(orgs) == 1 {
		return b.name(field, orgs[0])
	}
	one, many := b.bodyTerm(role)
	return number(len(orgs)) + " " + plural(len(orgs), one, many)
}

// bodyTerm returns the singular and plural names of the kind of body that
// fills role, such as "clinical commissioning group(s)".
func (b *builder) bodyTerm(role vocab.Role) (string, string) {
	body := ""
	for _, sp := range b.p.StatutoryPartners {
		if sp.Role == role {
			body = sp.Body
			break
		}
	}
	switch body {
	case "ccg":
		return "clinical commissioning group", "clinical commissioning groups"
	case "icb":
		return "integrated care board", "integrated care boards"
	case "local-authority":
		return "local authority", "local authorities"
	case "police-force":
		return "police force", "police forces"
	}
	return role.Label() + " body", role.Label() + " bodies"
}

// systemTerm returns the plural name of the health systems the health
// bodies belong to.
func (b *builder) systemTerm() (string, string) {
	if one, _ := b.bodyTerm(vocab.Health); one == "integrated care board" {
		return "integrated care system", "integrated care systems"
	}
	return "sustainability and transformation partnership", "sustainability and transformation partnerships"
}

// forums writes the forums an agency takes part in.
func (b *builder) forums(fs []masa.Forum) string {
	if len(fs) == 0 {
		return "" // say nothing rather than "none listed"
	}
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = b.forumLabel(f)
	}
	return strings.Join(out, ", ")
}

// forumLabel names a forum.
func (b *builder) forumLabel(f masa.Forum) string {
	switch f {
	case masa.ForumExecutiveBoard:
		return b.boardName()
	case masa.ForumSubCommittees:
		return "sub-committees"
	case masa.ForumAssembly:
		return "assembly"
	case masa.ForumLocalGroups:
		return "local groups"
	}
	return string(f)
}

// categoryLabel names a category of relevant agency.
func categoryLabel(c masa.Category) string {
	switch c {
	case masa.CategoryEducation:
		return "Education"
	case masa.CategoryEarlyYears:
		return "Early years"
	case masa.CategoryHealth:
		return "Health"
	case masa.CategoryPoliceJustice:
		return "Police and justice"
	case masa.CategoryLocalGov:
		return "Local government"
	case masa.CategoryVoluntary:
		return "Voluntary and community"
	case masa.CategoryOther:
		return "Other"
	}
	return capitalise(strings.ReplaceAll(string(c), "-", " "))
}

// para returns a paragraph of plain text.
func para(text string) *Paragraph { return &Paragraph{Spans: []Span{{Text: text}}} }

// paras returns paragraphs of plain text as blocks.
func paras(texts ...string) []Block {
	out := make([]Block, len(texts))
	for i, t := range texts {
		out[i] = para(t)
	}
	return out
}

// list returns a bulleted list, or nil when items is empty.
func list(items []string) []Block {
	if len(items) == 0 {
		return nil
	}
	return []Block{&List{Items: slices.Clone(items)}}
}

// orNone returns s, or nothing when s is only white space: a table cell
// the data leaves empty says nothing rather than "Not specified", which
// the reader cannot act on.
func orNone(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	return s
}
