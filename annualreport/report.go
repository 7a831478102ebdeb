package annualreport

import (
	"fmt"
	"github.com/shopspring/decimal"
	"strconv"
	"strings"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/scrutiny"
	"github.com/masa-go/masa/training"
	"github.com/masa-go/masa/vocab"
)

// SectionID names a section of the report.
type SectionID string

// The sections, in report order.
const (
	SectionArrangements   SectionID = "arrangements"
	SectionReviews        SectionID = "practice-reviews"
	SectionEffectiveness  SectionID = "effectiveness"
	SectionImpact         SectionID = "impact"
	SectionLittleProgress SectionID = "little-progress"
	SectionReviewActions  SectionID = "review-actions"
	SectionVoice          SectionID = "voice"
	SectionFunding        SectionID = "funding"
	SectionTraining       SectionID = "training"
	SectionScrutiny       SectionID = "scrutiny"
)

const guidance = "Working Together to Safeguard Children 2018"

var (
	reporting   = vocab.Citation{Source: guidance, Section: "chapter 3, reporting"}
	funding     = vocab.Citation{Source: guidance, Section: "chapter 3, funding"}
	independent = vocab.Citation{Source: guidance, Section: "chapter 3, paragraph 22"}
)

// Status is the publication status of a report.
type Status string

// The statuses.
const (
	StatusDraft Status = "draft"
	StatusReady Status = "ready"
)

// Item is one entry of a section: a label and a sentence or two.
type Item struct {
	// Label heads the item.
	Label string `json:"label"`
	// Text is the item's sentences.
	Text string `json:"text"`
	// Date, when set, is the date the item concerns.
	Date vocab.Date `json:"date,omitzero"`
}

// Table is a table of text cells. Every row has one cell per column.
type Table struct {
	// Caption says what the table shows.
	Caption string `json:"caption"`
	// Columns are the column headings.
	Columns []string `json:"columns"`
	// Rows are the body rows.
	Rows [][]string `json:"rows"`
	// Footer, when set, is a closing row such as a total.
	Footer []string `json:"footer,omitempty"`
}

// Section is one part of the report.
type Section struct {
	// ID names the section in code and in Missing.
	ID SectionID `json:"id"`
	// Title is the section's heading.
	Title string `json:"title"`
	// Citation says which guidance asks for the part.
	Citation vocab.Citation `json:"citation"`
	// Required marks the parts the guidance asks for.
	Required bool `json:"required"`
	// Missing flags a part with nothing to report yet, and Reason says
	// what is lacking.
	Missing bool   `json:"missing"`
	Reason  string `json:"reason,omitempty"`
	// Summary is a generated paragraph.
	Summary string `json:"summary,omitempty"`
	// Items are the section's entries, in input order.
	Items []Item `json:"items"`
	// Tables are the section's tables.
	Tables []Table `json:"tables"`
	// Notes are short flags for the reader, such as gaps in the plans.
	Notes []string `json:"notes"`
	// Chart, when set, is a bar chart of amounts, such as each partner's
	// funding contribution.
	Chart *Chart `json:"chart,omitempty"`
}

// Chart is a bar chart of amounts in pounds.
type Chart struct {
	// Caption says what the chart shows.
	Caption string `json:"caption"`
	// Bars are the bars in display order.
	Bars []ChartBar `json:"bars"`
}

// ChartBar is one bar: a label and an amount.
type ChartBar struct {
	Label  string          `json:"label"`
	Amount decimal.Decimal `json:"amount"`
}

// Missing names a required part of the report that has nothing to report.
type Missing struct {
	// Section is the missing section's ID.
	Section SectionID `json:"section"`
	// Title is its heading.
	Title string `json:"title"`
	// Reason says what is lacking and which input field would supply it.
	Reason string `json:"reason"`
}

// Report is the yearly report of one partnership.
type Report struct {
	// Partnership is the partnership's name.
	Partnership string `json:"partnership"`
	// Year is the financial year the report covers, and Period its dates.
	Year   vocab.FinancialYear `json:"year"`
	Period vocab.Period        `json:"period"`
	// RuleSet is the name of the rule set in force at the end of the year.
	RuleSet string `json:"ruleSet"`
	// Status is draft until MarkReady succeeds, then ready.
	Status Status `json:"status"`
	// ReadyOn is the date the report was marked ready to publish.
	ReadyOn vocab.Date `json:"readyOn,omitzero"`
	// Sections are in report order.
	Sections []Section `json:"sections"`
	// Missing lists the required parts that are missing, in report order.
	Missing []Missing `json:"missing"`
	// Gate is the publication gate, with the scrutiny reviews of this
	// report.
	Gate scrutiny.Gate `json:"gate"`
}

// Section returns the section with the given ID.
func (r *Report) Section(id SectionID) (*Section, bool) {
	for i := range r.Sections {
		if r.Sections[i].ID == id {
			return &r.Sections[i], true
		}
	}
	return nil, false
}

// Complete reports whether no required part is missing.
func (r *Report) Complete() bool { return len(r.Missing) == 0 }

// assembly holds what the sections are built from.
type assembly struct {
	p        *masa.Partnership
	in       *Input
	rs       masa.RuleSet
	training *training.Result
	schedule *scrutiny.Schedule
	cases    []CaseRecord
	// voices are the partnership's voice sources with its wording.
	voices vocab.Terms[scrutiny.Voice]
}

// Assemble checks the input against the partnership and assembles the
// report as a draft. Parts with nothing to report are flagged as missing,
// not treated as errors. Problems with the input are returned all at once
// as vocab.Problems with fields such as "reviews[1].status"; problems in
// the training input and the scrutiny plan are named under "training." and
// "scrutiny.".
func Assemble(p *masa.Partnership, in *Input) (*Report, error) {
	if p == nil {
		return nil, fmt.Errorf("annualreport: %w", vocab.Invalid("partnership", "required", "", "is missing"))
	}
	if in == nil {
		return nil, fmt.Errorf("annualreport: %w", vocab.Invalid("", "required", "", "input is missing"))
	}
	a, gate, ps := check(p, in)
	if err := ps.Err(); err != nil {
		return nil, fmt.Errorf("annualreport: %w", err)
	}
	r := &Report{Partnership: p.Name, Year: in.Year, Period: in.Year.Period(), RuleSet: a.rs.Name, Status: StatusDraft,
		Missing: []Missing{}, Gate: *gate}
	for _, build := range []func() Section{
		a.arrangements, a.reviews, a.effectiveness, a.impact, a.littleProgress,
		a.reviewActions, a.voice, a.funding, a.trainingSection, a.scrutinySection,
	} {
		s := build()
		if s.Items == nil {
			s.Items = []Item{}
		}
		if s.Tables == nil {
			s.Tables = []Table{}
		}
		if s.Notes == nil {
			s.Notes = []string{}
		}
		r.Sections = append(r.Sections, s)
		if s.Required && s.Missing {
			r.Missing = append(r.Missing, Missing{Section: s.ID, Title: s.Title, Reason: s.Reason})
		}
	}
	return r, nil
}

// check validates the input and runs the training and scrutiny packages.
func check(p *masa.Partnership, in *Input) (*assembly, *scrutiny.Gate, vocab.Problems) {
	c := &checker{year: in.Year}
	if err := in.Year.Check("year"); err != nil {
		return nil, nil, vocab.AsProblems(err)
	}
	a := &assembly{p: p, in: in}
	rs, err := masa.RuleSetOn(p, in.Year.End())
	if err != nil {
		c.prefixed("year", err)
	}
	a.rs = rs
	voices, err := scrutiny.VoicesOf(p)
	c.prefixed("partnership", err)
	a.voices = voices
	c.entries("activities", in.Activities)
	c.reviews(in.Reviews)
	c.entries("effectiveness", in.Effectiveness)
	c.entries("impact", in.Impact)
	c.priorities(in.Priorities)
	c.reviewActions(in.ReviewActions)
	c.feedback(in.Feedback, voices)
	// A part whose year is missing or differs is still checked in full,
	// against the report's year, so that every problem shows at once.
	if t := in.Training; t != nil {
		if t.Year != in.Year {
			c.add(vocab.Conflict("training.year", "same-year", t.Year.String(), "is not the report's year, "+in.Year.String()))
			t = new(*t)
			t.Year = in.Year
		}
		if a.training, err = training.Run(p, t); err != nil {
			c.prefixed("training", err)
		}
	}
	if pl := in.Scrutiny; pl != nil {
		if pl.Year != in.Year {
			c.add(vocab.Conflict("scrutiny.year", "same-year", pl.Year.String(), "is not the report's year, "+in.Year.String()))
			pl = new(*pl)
			pl.Year = in.Year
		}
		if a.schedule, err = scrutiny.Build(p, pl); err != nil {
			c.prefixed("scrutiny", err)
		}
	}
	a.cases = c.caseRecords(a)
	gate := scrutiny.NewGate(in.Year)
	for i, rv := range in.ReportReviews {
		if err := gate.Record(rv); err != nil {
			c.prefixed(fmt.Sprintf("reportReviews[%d]", i), err)
		}
	}
	return a, gate, c.ps
}

func (a *assembly) section(id SectionID, title string, cite vocab.Citation, required bool) Section {
	return Section{ID: id, Title: title, Citation: cite, Required: required}
}

func missing(s *Section, reason string) {
	s.Missing, s.Reason = true, reason
}

func (a *assembly) arrangements() Section {
	s := a.section(SectionArrangements, "What the partners did under the arrangements", reporting, true)
	p := a.p
	board := p.Governance.Board
	s.Summary = fmt.Sprintf("%s works under its %s for %s, made by %s with %s. The %s is set to meet %s a year, and %s and %s carry the work between meetings.",
		p.Name, strings.ToLower(p.Arrangements.Title), a.in.Year, count(len(p.StatutoryPartners), "statutory partner"),
		count(len(p.RelevantAgencies), "relevant agency"), board.Name, vocab.Times(board.MeetingsPerYear),
		vocab.Number(len(p.SubCommittees))+" "+vocab.Plural(len(p.SubCommittees), "sub-committee or group", "sub-committees and groups"), count(len(p.LocalGroups), "local practice group"))
	s.Items = entryItems(a.in.Activities)
	if len(a.in.Activities) == 0 {
		missing(&s, "no activities are recorded for the year (input field activities)")
	}
	return s
}

func (a *assembly) reviews() Section {
	s := a.section(SectionReviews, "Child safeguarding practice reviews", reporting, true)
	var parts []string
	if r := a.p.Reviews; r != nil {
		who := string(r.SubCommittee)
		for _, sc := range a.p.SubCommittees {
			if sc.ID == r.SubCommittee {
				who = "the " + sc.Name
			}
		}
		line := "Serious cases are considered by " + who
		if h, err := a.p.LeadHolder(r.RatificationLeadArea, a.in.Year.End()); err == nil {
			line += ", whose decisions are ratified by the " + h.Title
		}
		parts = append(parts, line+".")
	}
	if a.cases != nil {
		items, summary := caseItems(a.cases, a.in.Year, a.rs.ReviewName)
		s.Items = append(s.Items, items...)
		parts = append(parts, summary)
	}
	if a.in.Reviews == nil && a.cases == nil {
		missing(&s, "the year's practice reviews are not recorded (input field reviews)")
	} else if a.in.Reviews != nil {
		n := map[ReviewKind]int{}
		for _, r := range a.in.Reviews {
			n[r.Kind]++
			text := fmt.Sprintf("%s, %s on %s.", kindLabel(r.Kind, a.rs.ReviewName), r.Status, r.Date.Long())
			if r.Learning != "" {
				text += " " + r.Learning
			}
			s.Items = append(s.Items, Item{Label: r.Ref, Text: text, Date: r.Date})
		}
		parts = append(parts, fmt.Sprintf("In %s the partners worked on %s, %s and %s.", a.in.Year,
			count(n[KindRapidReview], "rapid review"), count(n[KindPracticeReview], strings.ToLower(a.rs.ReviewName)),
			count(n[KindLearningReview], "other learning review")))
	}
	s.Summary = strings.Join(parts, " ")
	return s
}

func kindLabel(k ReviewKind, reviewName string) string {
	switch k {
	case KindRapidReview:
		return "Rapid review"
	case KindPracticeReview:
		return reviewName
	}
	return "Learning review"
}

func (a *assembly) effectiveness() Section {
	s := a.section(SectionEffectiveness, "How effective the arrangements were", reporting, true)
	s.Items = entryItems(a.in.Effectiveness)
	if sc := a.schedule; sc != nil {
		for _, act := range sc.Activities {
			for _, aim := range act.Aims {
				if aim == scrutiny.AimEffectiveness {
					s.Notes = append(s.Notes, fmt.Sprintf("Scrutiny in %s: %s (%s, led by %s).", act.Quarter, act.Title, a.schedule.Coverage.FunctionLabel(act.Function), act.Lead.Name))
				}
			}
		}
	}
	if len(a.in.Effectiveness) == 0 {
		missing(&s, "no judgement of effectiveness is recorded (input field effectiveness)")
	}
	return s
}

func (a *assembly) impact() Section {
	s := a.section(SectionImpact, "Evidence of impact, including of training", reporting, true)
	s.Items = entryItems(a.in.Impact)
	evaluated := 0
	if t := a.training; t != nil {
		for _, n := range t.Impact.Needs {
			if !n.Evaluated {
				continue
			}
			evaluated++
			var ev []string
			for _, e := range n.Evidence {
				ev = append(ev, fmt.Sprintf("%s (%d)", e.Label, e.Count))
			}
			s.Items = append(s.Items, Item{Label: "Training: " + n.Theme, Text: "Evaluated through " + strings.Join(ev, ", ") + "."})
		}
		for _, g := range t.Impact.Unevaluated {
			s.Notes = append(s.Notes, fmt.Sprintf("Training need %d, %s, %s.", g.Rank, g.Theme, g.Message))
		}
	}
	if len(a.in.Impact) == 0 && evaluated == 0 {
		missing(&s, "there is no evidence of impact: neither impact entries (input field impact) nor evaluated training")
	}
	return s
}

func (a *assembly) littleProgress() Section {
	s := a.section(SectionLittleProgress, "Priorities with little or no progress", reporting, true)
	if a.in.Priorities == nil {
		missing(&s, "the agreed priorities and their progress are not recorded (input field priorities)")
		return s
	}
	t := Table{Caption: "Progress on the agreed priorities", Columns: []string{"Priority", "Progress"}, Rows: [][]string{}}
	slow := 0
	for _, p := range a.in.Priorities {
		t.Rows = append(t.Rows, []string{p.Name, string(p.Progress)})
		if p.Progress.Slow() {
			slow++
			s.Items = append(s.Items, Item{Label: p.Name, Text: p.Note})
		}
	}
	s.Tables = []Table{t}
	if slow == 0 {
		s.Summary = fmt.Sprintf("Every one of the %s made some or good progress.", count(len(a.in.Priorities), "agreed priority"))
	} else {
		s.Summary = fmt.Sprintf("%s of the %s made little or no progress; the reasons follow.", vocab.Capitalise(vocab.Number(slow)), count(len(a.in.Priorities), "agreed priority"))
	}
	return s
}

func (a *assembly) reviewActions() Section {
	s := a.section(SectionReviewActions, "Actions on local and national review recommendations", reporting, true)
	if a.in.ReviewActions == nil {
		missing(&s, "actions on review recommendations are not recorded (input field reviewActions)")
		return s
	}
	t := Table{Caption: "Recommendations and the actions on them", Columns: []string{"Review", "Scope", "Recommendation", "Action", "Status", "Improvement"}, Rows: [][]string{}}
	n := map[Scope]map[ActionStatus]int{ScopeLocal: {}, ScopeNational: {}}
	for _, ra := range a.in.ReviewActions {
		t.Rows = append(t.Rows, []string{ra.Ref, string(ra.Scope), ra.Recommendation, ra.Action, string(ra.Status), ra.Improvement})
		n[ra.Scope][ra.Status]++
	}
	s.Tables = []Table{t}
	s.Summary = fmt.Sprintf("Actions on local reviews: %d taken and %d planned. Actions on national reviews: %d taken and %d planned.",
		n[ScopeLocal][ActionTaken], n[ScopeLocal][ActionPlanned], n[ScopeNational][ActionTaken], n[ScopeNational][ActionPlanned])
	return s
}

func (a *assembly) voice() Section {
	s := a.section(SectionVoice, "How feedback from children and families was sought and used", reporting, true)
	if v := a.p.Voice; v != nil {
		s.Summary = fmt.Sprintf("Children and families are heard through %s, and through data from %s.",
			listLower(masa.Labels(v.Mechanisms)), listLower(masa.Labels(v.DataSources)))
	}
	for _, f := range a.in.Feedback {
		s.Items = append(s.Items, Item{Label: a.voices.Label(f.Voice), Text: "Sought: " + f.Sought + " Used: " + f.Used})
	}
	if sc := a.schedule; sc != nil && len(sc.Undrawn) > 0 {
		var names []string
		for _, v := range sc.Undrawn {
			names = append(names, a.voices.Label(v))
		}
		s.Notes = append(s.Notes, "No scrutiny activity this year draws on: "+strings.Join(names, "; ")+".")
	}
	if len(a.in.Feedback) == 0 {
		missing(&s, "how feedback was sought and used is not recorded (input field feedback)")
	}
	return s
}

func (a *assembly) funding() Section {
	s := a.section(SectionFunding, "Funding contributions", funding, true)
	f := a.p.Funding
	switch {
	case f == nil:
		missing(&s, "the partnership model has no funding table")
		return s
	case f.Year != a.in.Year:
		missing(&s, fmt.Sprintf("the partnership model's funding table is for %s, not %s", f.Year, a.in.Year))
		return s
	}
	host := string(f.Host)
	names := map[vocab.ID]string{}
	for _, o := range a.p.Organisations {
		names[o.ID] = o.Name
	}
	if n, ok := names[f.Host]; ok {
		host = n
	}
	s.Summary = fmt.Sprintf("The partners contributed %s in %s. The business unit is hosted by %s.", vocab.FormatPounds(f.Total(), 0), f.Year, host)
	if len(f.Covers) > 0 {
		s.Summary += " The contributions pay for " + strings.Join(f.Covers, " and ") + "."
	}
	t := Table{Caption: "Contributions for " + f.Year.String(), Columns: []string{"Contributor", "Amount"}, Rows: [][]string{}}
	for _, l := range f.Lines {
		label := l.Label
		if label == "" {
			label = names[l.Org]
		}
		if label == "" {
			label = string(l.Org)
		}
		if l.Members > 0 {
			label += fmt.Sprintf(" (%d × %s)", l.Members, vocab.FormatPounds(l.Rate, 0))
		}
		t.Rows = append(t.Rows, []string{label, vocab.FormatPounds(l.Amount, 0)})
		if s.Chart == nil {
			s.Chart = &Chart{Caption: "Contributions for " + f.Year.String() + ", in pounds"}
		}
		s.Chart.Bars = append(s.Chart.Bars, ChartBar{Label: label, Amount: l.Amount})
	}
	t.Footer = []string{"Total", vocab.FormatPounds(f.Total(), 0)}
	s.Tables = []Table{t}
	return s
}

func (a *assembly) trainingSection() Section {
	s := a.section(SectionTraining, "Multi-agency training", reporting, false)
	t := a.training
	if t == nil {
		missing(&s, "no training input was supplied (input field training)")
		return s
	}
	an := t.Analysis
	s.Summary = fmt.Sprintf("The %s ranked %s from %s.", an.SubCommittee, count(len(an.Needs), "training need"), count(an.Findings, "finding"))
	quarters := map[string][]string{}
	for _, it := range t.Plan.Items {
		quarters[it.Theme] = append(quarters[it.Theme], it.Quarter.String())
	}
	evaluated := map[string]bool{}
	for _, n := range t.Impact.Needs {
		evaluated[n.Theme] = n.Evaluated
	}
	tab := Table{Caption: "Ranked training needs", Columns: []string{"Rank", "Theme", "Score", "Sources", "Workforce", "Think Family", "Delivery", "Evaluated"}, Rows: [][]string{}}
	for _, n := range an.Needs {
		tab.Rows = append(tab.Rows, []string{strconv.Itoa(n.Rank), n.Theme, strconv.Itoa(n.Score), strconv.Itoa(len(n.Sources)),
			string(n.Audience), yesNo(n.ThinkFamily), strings.Join(quarters[n.Theme], ", "), yesNo(evaluated[n.Theme])})
	}
	s.Tables = []Table{tab}
	for _, g := range t.Plan.Gaps {
		s.Notes = append(s.Notes, fmt.Sprintf("Need %d, %s, %s.", g.Rank, g.Theme, g.Message))
	}
	for _, sc := range an.Sources {
		if sc.Findings == 0 {
			s.Notes = append(s.Notes, "No findings came from "+sc.Label+".")
		}
	}
	return s
}

func (a *assembly) scrutinySection() Section {
	s := a.section(SectionScrutiny, "Independent scrutiny", independent, false)
	sc := a.schedule
	if sc == nil {
		missing(&s, "no scrutiny plan was supplied (input field scrutiny)")
		return s
	}
	s.Summary = fmt.Sprintf("The %s oversees the independent scrutiny arrangements. The plan for %s has %s.", sc.Overseer.Title, sc.Year, count(len(sc.Activities), "activity"))
	for _, act := range sc.Activities {
		var aims []string
		for _, aim := range act.Aims {
			aims = append(aims, sc.Coverage.AimLabel(aim))
		}
		s.Items = append(s.Items, Item{Label: act.Quarter.String() + ": " + act.Title,
			Text: fmt.Sprintf("Through %s, led by %s; serves %s.", sc.Coverage.FunctionLabel(act.Function), act.Lead.Name, strings.Join(aims, "; "))})
	}
	c := sc.Coverage
	tab := Table{Caption: "Scrutiny functions against aims (number of activities)", Columns: []string{"Function"}, Rows: [][]string{}}
	for _, aim := range c.Aims {
		tab.Columns = append(tab.Columns, c.AimLabel(aim))
	}
	for i, f := range c.Functions {
		row := []string{c.FunctionLabel(f)}
		for _, n := range c.Cells[i] {
			row = append(row, strconv.Itoa(n))
		}
		tab.Rows = append(tab.Rows, row)
	}
	s.Tables = []Table{tab}
	for _, aim := range c.Uncovered {
		s.Notes = append(s.Notes, "No activity serves the aim: "+c.AimLabel(aim)+".")
	}
	for _, rv := range sc.ReportReviews {
		s.Notes = append(s.Notes, fmt.Sprintf("Scrutiny reviewed the %s yearly report on %s. Outcome: %s", rv.ReportYear, rv.Date.Long(), rv.Outcome))
	}
	return s
}

func entryItems(es []Entry) []Item {
	out := make([]Item, len(es))
	for i, e := range es {
		out[i] = Item{Label: e.Title, Text: e.Text, Date: e.Date}
	}
	return out
}

// count writes n and a noun, pluralising the noun in the English way the
// package's nouns need.
func count(n int, noun string) string {
	if n == 1 {
		return "one " + noun
	}
	switch {
	case strings.HasSuffix(noun, "y") && !strings.HasSuffix(noun, "ey"):
		noun = noun[:len(noun)-1] + "ies"
	default:
		noun += "s"
	}
	return vocab.Number(n) + " " + noun
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// listLower joins items as "a, b and c" (with semicolons when an item has
// a comma), lower-casing a leading capital that starts an ordinary word
// and a leading "The".
func listLower(items []string) string {
	out := make([]string, len(items))
	for i, s := range items {
		if len(s) > 1 && s[0] >= 'A' && s[0] <= 'Z' && (s[1] < 'A' || s[1] > 'Z') && !strings.HasPrefix(s, "The ") {
			s = strings.ToLower(s[:1]) + s[1:]
		} else if strings.HasPrefix(s, "The ") {
			s = "the " + s[4:]
		}
		out[i] = s
	}
	switch len(out) {
	case 0:
		return ""
	case 1:
		return out[0]
	}
	sep := ", "
	for _, s := range out {
		if strings.Contains(s, ",") {
			sep = "; "
		}
	}
	last := " and "
	if sep == "; " {
		last = "; and "
	}
	return strings.Join(out[:len(out)-1], sep) + last + out[len(out)-1]
}
