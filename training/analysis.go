package training

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strconv"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
)

// MaxWeight is the largest weight a source may be given.
const MaxWeight = 10

// Scoring holds the weight of each source of learning used to rank needs;
// see the package documentation for the formula.
type Scoring struct {
	// Weights gives each source a weight from 1 to MaxWeight.
	Weights map[vocab.LearningSource]int `json:"weights"`
}

// DefaultScoring returns the default weights: 5 for practice reviews; 4
// for Board priorities, case audits and inspections; 3 for local and
// national priorities, section 11 audits and emerging issues; 2 for
// feedback from training.
func DefaultScoring() Scoring {
	return Scoring{Weights: map[vocab.LearningSource]int{
		vocab.SourcePracticeReviews:  5,
		vocab.SourceBoardPriorities:  4,
		vocab.SourceCaseAudits:       4,
		vocab.SourceInspections:      4,
		vocab.SourcePriorities:       3,
		vocab.SourceSection11Audits:  3,
		vocab.SourceEmergingIssues:   3,
		vocab.SourceTrainingFeedback: 2,
	}}
}

// With returns a copy of s in which the given weights replace s's weights
// for the same sources; other sources keep their weights.
func (s Scoring) With(weights map[vocab.LearningSource]int) Scoring {
	out := Scoring{Weights: make(map[vocab.LearningSource]int, len(s.Weights)+len(weights))}
	for k, v := range s.Weights {
		out.Weights[k] = v
	}
	for k, v := range weights {
		out.Weights[k] = v
	}
	return out
}

// Check returns every problem with the weights: an unknown source, a
// weight outside 1 to MaxWeight, or a source with no weight. Fields are
// named under field, as in "weights.inspections".
// Check compares the weights with the standard sources (see
// vocab.LearningSources); [Analyse] and [Run] compare them with the
// sources the partnership's file lists, its own included.
func (s Scoring) Check(field string) error {
	std := vocab.Terms[vocab.LearningSource]{}
	for _, src := range vocab.LearningSources() {
		std = append(std, vocab.Term[vocab.LearningSource]{ID: src, Label: string(src)})
	}
	return s.problems(field, std).Err()
}

// problems checks the weights against sources: each weight is for a
// standard source or one of sources, and every one of sources has a
// weight.
func (s Scoring) problems(field string, sources vocab.Terms[vocab.LearningSource]) vocab.Problems {
	var ps vocab.Problems
	for _, k := range slices.Sorted(maps.Keys(s.Weights)) {
		w := s.Weights[k]
		switch {
		case !k.Valid() && !sources.Has(k):
			ps.Add(masa.Undeclared(field+"."+string(k), k, sources.IDs(), masa.TrainingSources))
		case w < 1 || w > MaxWeight:
			ps.Add(vocab.Invalid(field+"."+string(k), "range", strconv.Itoa(w), fmt.Sprintf("is outside the range 1 to %d", MaxWeight)))
		}
	}
	for _, src := range sources.IDs() {
		if _, ok := s.Weights[src]; !ok {
			ps.Add(vocab.Invalid(field+"."+string(src), "required", "", "has no weight"))
		}
	}
	return ps
}

// Need is a ranked training need: one theme with the findings behind it.
type Need struct {
	// Rank is the need's place in the ranking, from 1.
	Rank int `json:"rank"`
	// Theme is the findings' theme.
	Theme string `json:"theme"`
	// Score is Points times the number of distinct sources.
	Score int `json:"score"`
	// Points is the sum of the findings' points.
	Points int `json:"points"`
	// Findings is the number of findings with the theme.
	Findings int `json:"findings"`
	// Sources lists the distinct sources, in the order the partnership's
	// file lists them.
	Sources []vocab.LearningSource `json:"sources"`
	// MaxSeverity is the highest severity of the findings.
	MaxSeverity int `json:"maxSeverity"`
	// Latest is the date of the most recent finding.
	Latest vocab.Date `json:"latest"`
	// Audience is the workforce the findings concern together: "both" when
	// any finding concerns both, or when some concern children's and others
	// adults' services.
	Audience vocab.Audience `json:"audience"`
	// ThinkFamily marks a need that spans the children's and the adults'
	// workforces, to be tackled with a whole-family approach.
	ThinkFamily bool `json:"thinkFamily"`
	// Refs lists the findings' references, sorted, each once.
	Refs []string `json:"refs"`
}

// SourceCount is how many findings came from one source.
type SourceCount struct {
	// Source is the source, and Label the partnership's wording for it.
	Source vocab.LearningSource `json:"source"`
	Label  string               `json:"label"`
	// Findings is the number of findings from the source.
	Findings int `json:"findings"`
}

// Analysis is the annual training needs analysis.
type Analysis struct {
	// Partnership is the partnership's name.
	Partnership string `json:"partnership"`
	// SubCommittee is the name of the sub-committee that agrees training.
	SubCommittee string `json:"subCommittee"`
	// Year is the financial year whose learning was analysed.
	Year vocab.FinancialYear `json:"year"`
	// Scoring is the weights used.
	Scoring Scoring `json:"scoring"`
	// Findings is the number of findings analysed.
	Findings int `json:"findings"`
	// Sources counts findings for each source the partnership draws on, in
	// the order its file lists them.
	Sources []SourceCount `json:"sources"`
	// Silent lists the sources the partnership draws on that gave no
	// findings this year.
	Silent []vocab.LearningSource `json:"silent"`
	// Needs are the ranked needs, highest score first.
	Needs []Need `json:"needs"`
}

// Need returns the need with the given theme.
func (a *Analysis) Need(theme string) (Need, bool) {
	for _, n := range a.Needs {
		if n.Theme == theme {
			return n, true
		}
	}
	return Need{}, false
}

// Analyse ranks the year's findings into training needs, using the
// partnership's training arrangements and the given scoring. Findings must
// come from sources the partnership draws on and be dated within year.
// Every problem is returned at once as vocab.Problems with fields such as
// "findings[3].source".
func Analyse(p *masa.Partnership, year vocab.FinancialYear, findings []Finding, s Scoring) (*Analysis, error) {
	arr, err := arrangementsOf(p)
	if err != nil {
		return nil, fmt.Errorf("training: %w", err)
	}
	a, ps := analyse(arr, year, findings, s)
	if err := ps.Err(); err != nil {
		return nil, fmt.Errorf("training: %w", err)
	}
	return a, nil
}

func analyse(arr *arrangements, year vocab.FinancialYear, findings []Finding, s Scoring) (*Analysis, vocab.Problems) {
	ps := s.problems("weights", arr.sources)
	if err := year.Check("year"); err != nil {
		ps = append(ps, vocab.AsProblems(err)...)
		return nil, ps
	}
	ps = append(ps, checkFindings("findings", year, findings, arr.sources)...)
	if len(ps) > 0 {
		return nil, ps
	}
	a := &Analysis{Partnership: arr.name, SubCommittee: arr.subCommittee, Year: year, Scoring: s.With(nil), Findings: len(findings),
		Sources: []SourceCount{}, Silent: []vocab.LearningSource{}, Needs: []Need{}}
	counts := map[vocab.LearningSource]int{}
	byTheme := map[string][]Finding{}
	for _, f := range findings {
		counts[f.Source]++
		byTheme[f.Theme] = append(byTheme[f.Theme], f)
	}
	for _, t := range arr.sources {
		src := t.ID
		a.Sources = append(a.Sources, SourceCount{Source: src, Label: t.Label, Findings: counts[src]})
		if counts[src] == 0 {
			a.Silent = append(a.Silent, src)
		}
	}
	for theme, fs := range byTheme {
		a.Needs = append(a.Needs, needOf(theme, fs, s, arr.sources.IDs()))
	}
	slices.SortFunc(a.Needs, compareNeeds)
	for i := range a.Needs {
		a.Needs[i].Rank = i + 1
	}
	return a, nil
}

// Points returns a finding's points under s: the weight of its source
// times its severity times its recency, the quarter of the financial year
// in which it is dated.
func (s Scoring) Points(f Finding) int {
	return s.Weights[f.Source] * f.Severity * int(vocab.QuarterOf(f.Date))
}

func needOf(theme string, fs []Finding, s Scoring, order []vocab.LearningSource) Need {
	n := Need{Theme: theme, Findings: len(fs)}
	srcs := map[vocab.LearningSource]bool{}
	refs := map[string]bool{}
	var children, adults bool
	for _, f := range fs {
		n.Points += s.Points(f)
		srcs[f.Source] = true
		refs[f.Ref] = true
		n.MaxSeverity = max(n.MaxSeverity, f.Severity)
		if f.Date.After(n.Latest) {
			n.Latest = f.Date
		}
		children = children || f.Audience != vocab.AudienceAdults
		adults = adults || f.Audience != vocab.AudienceChildren
	}
	n.Sources = []vocab.LearningSource{}
	for _, src := range order {
		if srcs[src] {
			n.Sources = append(n.Sources, src)
		}
	}
	n.Score = n.Points * len(n.Sources)
	n.Refs = slices.Sorted(maps.Keys(refs))
	switch {
	case children && adults:
		n.Audience, n.ThinkFamily = vocab.AudienceBoth, true
	case adults:
		n.Audience = vocab.AudienceAdults
	default:
		n.Audience = vocab.AudienceChildren
	}
	return n
}

// compareNeeds orders needs by score, then number of findings, then the
// latest finding (all descending), then theme (ascending).
func compareNeeds(a, b Need) int {
	if c := cmp.Compare(b.Score, a.Score); c != 0 {
		return c
	}
	if c := cmp.Compare(b.Findings, a.Findings); c != 0 {
		return c
	}
	if c := b.Latest.Compare(a.Latest); c != 0 {
		return c
	}
	return cmp.Compare(a.Theme, b.Theme)
}
