package scrutiny

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
)

// Limits on the text of a plan.
const (
	// MaxTitleBytes is the longest activity title accepted, in bytes.
	MaxTitleBytes = 200
	// MaxOutcomeBytes is the longest review outcome accepted, in bytes.
	MaxOutcomeBytes = 500
)

// Activity is one piece of scrutiny work in the year's plan.
type Activity struct {
	// ID identifies the activity within the plan, such as
	// "young-people-challenge-event".
	ID vocab.ID `json:"id"`
	// Title says what the activity is.
	Title string `json:"title"`
	// Quarter is the quarter of the year in which it happens.
	Quarter vocab.Quarter `json:"quarter"`
	// Function is the scrutiny function the activity uses.
	Function Function `json:"function"`
	// Aims lists the aims it serves, each once.
	Aims []Aim `json:"aims"`
	// Lead is who leads the activity: the ID of an organisation,
	// sub-committee, local group, joint group, the executive board, or a
	// lead area (whose holder on the first day of the quarter leads). When
	// empty, the holder of the scrutiny lead area leads.
	Lead vocab.ID `json:"lead,omitempty"`
	// Voice lists the mechanisms and data sources through which the
	// activity hears children and families, each once.
	Voice []Voice `json:"voice,omitempty"`
}

// Review records a scrutiny review of a yearly report before publication.
type Review struct {
	// ReportYear is the year the reviewed report covers. It must have ended
	// before the review.
	ReportYear vocab.FinancialYear `json:"reportYear"`
	// Activity is the plan activity under which the review was done; it
	// must serve the annual-report aim.
	Activity vocab.ID `json:"activity"`
	// Date is the date of the review, within the plan's year and not before
	// the activity's quarter begins.
	Date vocab.Date `json:"date"`
	// Outcome says in a sentence what the review concluded.
	Outcome string `json:"outcome"`
}

// Plan is a year's independent scrutiny plan as written by the partners.
type Plan struct {
	// Year is the financial year the plan covers, such as "2020/21".
	Year vocab.FinancialYear `json:"year"`
	// Activities are the year's scrutiny activities.
	Activities []Activity `json:"activities"`
	// ReportReviews records reviews of yearly reports done under the plan.
	ReportReviews []Review `json:"reportReviews,omitempty"`
}

// ReadPlan reads at most vocab.MaxDocumentBytes from r and parses them
// with [ParsePlan].
func ReadPlan(r io.Reader) (*Plan, error) { return vocab.ReadWith(r, ParsePlan) }

// LoadPlan reads and parses the scrutiny plan file at path.
func LoadPlan(path string) (*Plan, error) { return vocab.LoadWith(path, ParsePlan) }

// DecodePlan is the former name of [ParsePlan].
//
// Deprecated: use ParsePlan; DecodePlan will be removed in the next release.
func DecodePlan(data []byte) (*Plan, error) { return ParsePlan(data) }

// ParsePlan decodes a scrutiny plan strictly: unknown fields, values of
// the wrong type, malformed dates and trailing data are errors naming the
// JSON path of the bad value. It checks the form only; [Build] checks the
// content.
func ParsePlan(data []byte) (*Plan, error) {
	var pl Plan
	if err := vocab.DecodeJSON(data, &pl); err != nil {
		return nil, fmt.Errorf("scrutiny: plan: %w", err)
	}
	return &pl, nil
}

// Leader is who leads an activity, resolved from the model.
type Leader struct {
	// Ref is the ID the plan gave, or the scrutiny lead area's ID when it
	// gave none.
	Ref vocab.ID `json:"ref"`
	// Name is the organisation's, group's or post's name.
	Name string `json:"name"`
	// Orgs lists the statutory partners behind a lead-area holder.
	Orgs []vocab.ID `json:"orgs,omitempty"`
}

// Scheduled is an activity of a checked plan.
type Scheduled struct {
	// ID, Title, Quarter, Function, Aims and Voice are as in the Activity.
	ID      vocab.ID      `json:"id"`
	Title   string        `json:"title"`
	Quarter vocab.Quarter `json:"quarter"`
	// Period is the dates of the quarter.
	Period   vocab.Period `json:"period"`
	Function Function     `json:"function"`
	Aims     []Aim        `json:"aims"`
	// Lead is who leads, resolved from the model.
	Lead  Leader  `json:"lead"`
	Voice []Voice `json:"voice"`
}

// Coverage is the matrix of scrutiny functions against aims.
type Coverage struct {
	// Functions are the rows: the partnership's functions.
	Functions []Function `json:"functions"`
	// FunctionLabels is the partnership's wording for each of Functions.
	FunctionLabels []string `json:"functionLabels"`
	// Aims are the columns: the partnership's aims.
	Aims []Aim `json:"aims"`
	// AimLabels is the partnership's wording for each of Aims.
	AimLabels []string `json:"aimLabels"`
	// Cells counts, for each function and aim, the activities that use the
	// function and serve the aim: Cells[i][j] is for Functions[i] and
	// Aims[j].
	Cells [][]int `json:"cells"`
	// Uncovered lists the aims no activity serves.
	Uncovered []Aim `json:"uncovered"`
	// Unused lists the functions no activity uses.
	Unused []Function `json:"unused"`
}

// FunctionLabel returns the partnership's wording for f, or f itself when
// f is not one of the rows.
func (c Coverage) FunctionLabel(f Function) string {
	if i := slices.Index(c.Functions, f); i >= 0 && i < len(c.FunctionLabels) {
		return c.FunctionLabels[i]
	}
	return string(f)
}

// AimLabel returns the partnership's wording for a, or a itself when a is
// not one of the columns.
func (c Coverage) AimLabel(a Aim) string {
	if i := slices.Index(c.Aims, a); i >= 0 && i < len(c.AimLabels) {
		return c.AimLabels[i]
	}
	return string(a)
}

// Served reports whether some activity serves aim a.
func (c Coverage) Served(a Aim) bool {
	j := slices.Index(c.Aims, a)
	if j < 0 {
		return false
	}
	for i := range c.Functions {
		if c.Cells[i][j] > 0 {
			return true
		}
	}
	return false
}

// Check returns nil when every aim is served, and otherwise one problem per
// aim that is not, naming the aim.
func (c Coverage) Check() error {
	var ps vocab.Problems
	for _, a := range c.Uncovered {
		ps.Add(vocab.Invalid("aims["+strconv.Itoa(slices.Index(c.Aims, a))+"]", "aim-served", string(a),
			"is not served by any activity in the scrutiny plan ("+c.AimLabel(a)+")"))
	}
	return ps.Err()
}

// VoiceUse says which activities draw on one voice source.
type VoiceUse struct {
	// Voice is the source, Kind its kind and Label the partnership's wording.
	Voice Voice     `json:"voice"`
	Kind  VoiceKind `json:"kind"`
	Label string    `json:"label"`
	// Activities lists the IDs of the activities that draw on it.
	Activities []vocab.ID `json:"activities"`
}

// Schedule is a checked scrutiny plan: the activities by quarter with
// their leads, the coverage of aims, the use of voice sources and the
// recorded reviews of yearly reports.
type Schedule struct {
	// Partnership is the partnership's name.
	Partnership string `json:"partnership"`
	// Year is the financial year the plan covers.
	Year vocab.FinancialYear `json:"year"`
	// Overseer is who holds the scrutiny lead area at the start of the
	// year.
	Overseer masa.Holding `json:"overseer"`
	// Activities are ordered by quarter, then as given.
	Activities []Scheduled `json:"activities"`
	// Coverage is the matrix of functions against aims.
	Coverage Coverage `json:"coverage"`
	// Voice lists every voice source the partnership names, with the
	// activities that draw on it.
	Voice []VoiceUse `json:"voice"`
	// Undrawn lists the voice sources no activity draws on.
	Undrawn []Voice `json:"undrawn"`
	// ReportReviews are the recorded reviews of yearly reports, by date.
	ReportReviews []Review `json:"reportReviews"`
}

// Quarter returns the activities in quarter q.
func (s *Schedule) Quarter(q vocab.Quarter) []Scheduled {
	return vocab.InQuarter(s.Activities, q, func(a *Scheduled) vocab.Quarter { return a.Quarter })
}

// Gate returns the publication gate for the yearly report covering
// reportYear, holding the reviews of that report recorded in the plan.
func (s *Schedule) Gate(reportYear vocab.FinancialYear) Gate {
	g := Gate{ReportYear: reportYear, Reviews: []Review{}}
	for _, r := range s.ReportReviews {
		if r.ReportYear == reportYear {
			g.Reviews = append(g.Reviews, r)
		}
	}
	return g
}

// Build checks the plan against the partnership and returns the schedule.
// Every problem is returned at once as vocab.Problems with fields such as
// "activities[2].aims[0]". An aim that no activity serves is not an error
// here: it shows in Coverage.Uncovered and [Coverage.Check] reports it.
func Build(p *masa.Partnership, pl *Plan) (*Schedule, error) {
	arr, err := ArrangementsOf(p)
	if err != nil {
		return nil, err
	}
	if pl == nil {
		return nil, fmt.Errorf("scrutiny: %w", vocab.Invalid("", "required", "", "plan is missing"))
	}
	s, ps := build(p, arr, pl)
	if err := ps.Err(); err != nil {
		return nil, fmt.Errorf("scrutiny: %w", err)
	}
	return s, nil
}

func build(p *masa.Partnership, arr *Arrangements, pl *Plan) (*Schedule, vocab.Problems) {
	var ps vocab.Problems
	if err := pl.Year.Check("year"); err != nil {
		ps = append(ps, vocab.AsProblems(err)...)
		return nil, ps
	}
	s := &Schedule{Partnership: p.Name, Year: pl.Year, Activities: []Scheduled{}, Voice: []VoiceUse{}, Undrawn: []Voice{}, ReportReviews: []Review{}}
	h, err := p.LeadHolder(arr.LeadArea, pl.Year.Start())
	if err != nil {
		ps = append(ps, problemsOf("scrutiny.leadArea", err)...)
	}
	s.Overseer = h
	ids := map[vocab.ID]int{}
	for i, act := range pl.Activities {
		sc, aps := checkActivity(p, arr, fmt.Sprintf("activities[%d].", i), act, pl.Year)
		if j, dup := ids[act.ID]; dup {
			aps.Add(vocab.Conflict(fmt.Sprintf("activities[%d].id", i), "unique", string(act.ID), fmt.Sprintf("is already the ID of activities[%d]", j)))
		} else {
			ids[act.ID] = i
		}
		ps = append(ps, aps...)
		if len(aps) == 0 {
			s.Activities = append(s.Activities, sc)
		}
	}
	slices.SortStableFunc(s.Activities, func(a, b Scheduled) int { return cmp.Compare(a.Quarter, b.Quarter) })
	for i, r := range pl.ReportReviews {
		ps = append(ps, checkReview(fmt.Sprintf("reportReviews[%d].", i), r, pl, ids)...)
		s.ReportReviews = append(s.ReportReviews, r)
	}
	slices.SortStableFunc(s.ReportReviews, func(a, b Review) int { return a.Date.Compare(b.Date) })
	s.Coverage = coverage(arr, s.Activities)
	for _, t := range arr.Voices() {
		v := t.ID
		use := VoiceUse{Voice: v, Kind: arr.Kind(v), Label: t.Label, Activities: []vocab.ID{}}
		for _, a := range s.Activities {
			if slices.Contains(a.Voice, v) {
				use.Activities = append(use.Activities, a.ID)
			}
		}
		if len(use.Activities) == 0 {
			s.Undrawn = append(s.Undrawn, v)
		}
		s.Voice = append(s.Voice, use)
	}
	return s, ps
}

func checkActivity(p *masa.Partnership, arr *Arrangements, at string, act Activity, year vocab.FinancialYear) (Scheduled, vocab.Problems) {
	var ps vocab.Problems
	if err := act.ID.Check(at + "id"); err != nil {
		ps = append(ps, vocab.AsProblems(err)...)
	}
	if e := vocab.TextProblem(at+"title", act.Title, MaxTitleBytes); e != nil {
		ps.Add(e)
	}
	if err := act.Quarter.Check(at + "quarter"); err != nil {
		ps = append(ps, vocab.AsProblems(err)...)
	}
	if !arr.Functions.Has(act.Function) {
		ps.Add(masa.Undeclared(at+"function", act.Function, arr.Functions.IDs(), masa.ScrutinyFunctions))
	}
	if len(act.Aims) == 0 {
		ps.Add(vocab.Invalid(at+"aims", "required", "", "is empty; name the aims the activity serves"))
	}
	for j, a := range act.Aims {
		f := fmt.Sprintf("%saims[%d]", at, j)
		switch {
		case !arr.Aims.Has(a):
			ps.Add(masa.Undeclared(f, a, arr.Aims.IDs(), masa.ScrutinyAims))
		case slices.Index(act.Aims, a) < j:
			ps.Add(vocab.Invalid(f, "unique", string(a), "is listed twice"))
		}
	}
	for j, v := range act.Voice {
		f := fmt.Sprintf("%svoice[%d]", at, j)
		switch {
		case arr.Kind(v) == "":
			ps.Add(masa.Undeclared(f, v, arr.Voices().IDs(), masa.VoiceMechanisms, masa.VoiceDataSources))
		case slices.Index(act.Voice, v) < j:
			ps.Add(vocab.Invalid(f, "unique", string(v), "is listed twice"))
		}
	}
	sc := Scheduled{ID: act.ID, Title: act.Title, Quarter: act.Quarter, Function: act.Function,
		Aims: slices.Clone(act.Aims), Voice: append([]Voice{}, act.Voice...)}
	if !act.Quarter.Valid() {
		return sc, ps
	}
	sc.Period = year.Quarter(act.Quarter)
	lead, err := resolveLead(p, arr, at+"lead", act.Lead, sc.Period.From)
	if err != nil {
		ps = append(ps, problemsOf(at+"lead", err)...)
	}
	sc.Lead = lead
	return sc, ps
}

// resolveLead finds who ref names on date d; an empty ref is the scrutiny
// lead area.
func resolveLead(p *masa.Partnership, arr *Arrangements, field string, ref vocab.ID, d vocab.Date) (Leader, error) {
	if ref == "" {
		ref = arr.LeadArea
	}
	if _, ok := p.LeadArea(ref); ok {
		h, err := p.LeadHolder(ref, d)
		return Leader{Ref: ref, Name: h.Title, Orgs: h.Orgs}, err
	}
	if err := ref.Check(field); err != nil {
		return Leader{Ref: ref}, err
	}
	for _, o := range p.Organisations {
		if o.ID == ref {
			return Leader{Ref: ref, Name: o.Name}, nil
		}
	}
	for _, sc := range p.SubCommittees {
		if sc.ID == ref {
			return Leader{Ref: ref, Name: sc.Name}, nil
		}
	}
	for _, lg := range p.LocalGroups {
		if lg.ID == ref {
			return Leader{Ref: ref, Name: lg.Name}, nil
		}
	}
	if p.JointWorking != nil {
		for _, jg := range p.JointWorking.Groups {
			if jg.ID == ref {
				return Leader{Ref: ref, Name: jg.Name}, nil
			}
		}
	}
	if p.Governance.Board.ID == ref {
		return Leader{Ref: ref, Name: p.Governance.Board.Name}, nil
	}
	return Leader{Ref: ref}, vocab.NotFound(field, string(ref),
		"is not an organisation, sub-committee, local group, joint group, board or lead area of "+p.Name)
}

func checkReview(at string, r Review, pl *Plan, ids map[vocab.ID]int) vocab.Problems {
	var ps vocab.Problems
	add := func(e *vocab.FieldError) {
		if e != nil {
			ps.Add(e)
		}
	}
	yearOK := r.ReportYear.Check(at + "reportYear")
	ps = append(ps, vocab.AsProblems(yearOK)...)
	dateOK := pl.Year.DateProblem(at+"date", r.Date)
	add(dateOK)
	if yearOK == nil && dateOK == nil && !r.Date.After(r.ReportYear.End()) {
		add(vocab.Conflict(at+"date", "after-report-year", r.Date.String(),
			"is not after the end of the year the report covers ("+r.ReportYear.End().Long()+"); a yearly report is reviewed once its year is over"))
	}
	add(vocab.TextProblem(at+"outcome", r.Outcome, MaxOutcomeBytes))
	i, ok := ids[r.Activity]
	if !ok {
		add(vocab.NotFound(at+"activity", string(r.Activity), "is not an activity in the plan"))
		return ps
	}
	act := pl.Activities[i]
	if !slices.Contains(act.Aims, AimAnnualReport) {
		add(vocab.Conflict(at+"activity", "annual-report-aim", string(r.Activity),
			"does not serve the aim "+string(AimAnnualReport)+", so it cannot record a review of a yearly report"))
	}
	if act.Quarter.Valid() && dateOK == nil {
		if start := pl.Year.Quarter(act.Quarter).From; r.Date.Before(start) {
			add(vocab.Conflict(at+"date", "after-activity", r.Date.String(), "is before the activity's quarter begins on "+start.Long()))
		}
	}
	return ps
}

func coverage(arr *Arrangements, acts []Scheduled) Coverage {
	c := Coverage{Functions: arr.Functions.IDs(), FunctionLabels: labels(arr.Functions), Aims: arr.Aims.IDs(), AimLabels: labels(arr.Aims),
		Cells: make([][]int, len(arr.Functions)), Uncovered: []Aim{}, Unused: []Function{}}
	for i, f := range c.Functions {
		c.Cells[i] = make([]int, len(c.Aims))
		used := false
		for _, a := range acts {
			if a.Function != f {
				continue
			}
			used = true
			for j, aim := range c.Aims {
				if slices.Contains(a.Aims, aim) {
					c.Cells[i][j]++
				}
			}
		}
		if !used {
			c.Unused = append(c.Unused, f)
		}
	}
	for _, a := range c.Aims {
		if !c.Served(a) {
			c.Uncovered = append(c.Uncovered, a)
		}
	}
	return c
}

func labels[T ~string](ts vocab.Terms[T]) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Label
	}
	return out
}
