package training

import (
	"fmt"
	"slices"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
)

// MaxNoteBytes is the longest note accepted on a piece of evidence.
const MaxNoteBytes = 500

// Evidence is one piece of evidence of the impact of training on a need.
type Evidence struct {
	// Theme names the need, exactly as in the analysis.
	Theme string `json:"theme"`
	// Type is the kind of evidence.
	Type EvidenceType `json:"type"`
	// Date is when the evidence was gathered, within the year and not
	// before the need's first planned quarter begins.
	Date vocab.Date `json:"date"`
	// Note summarises the evidence in a sentence; it holds no personal
	// details.
	Note string `json:"note,omitempty"`
}

// EvidenceCount is how many pieces of one kind of evidence a need has.
type EvidenceCount struct {
	// Type is the kind of evidence, and Label the partnership's wording for it.
	Type  EvidenceType `json:"type"`
	Label string       `json:"label"`
	// Count is the number of pieces.
	Count int `json:"count"`
}

// NeedImpact is what the evaluation shows for one need.
type NeedImpact struct {
	// Rank and Theme identify the need.
	Rank  int    `json:"rank"`
	Theme string `json:"theme"`
	// Quarters lists the quarters in which the need is delivered; empty
	// when it is not planned.
	Quarters []vocab.Quarter `json:"quarters"`
	// Evidence counts the evidence by kind, in the order the
	// partnership's file lists the kinds, leaving out kinds with none.
	Evidence []EvidenceCount `json:"evidence"`
	// Evaluated reports whether there is any evidence.
	Evaluated bool `json:"evaluated"`
}

// Impact is the annual summary of the impact of training, for the
// Executive Board.
type Impact struct {
	// Year is the financial year of the analysis.
	Year vocab.FinancialYear `json:"year"`
	// ReportTo says how and to whom impact is reported, from the model.
	ReportTo string `json:"reportTo,omitempty"`
	// Toolkit names the monitoring and evaluation toolkit, from the model.
	Toolkit string `json:"toolkit,omitempty"`
	// Needs has one entry per need, by rank.
	Needs []NeedImpact `json:"needs"`
	// Evaluated is the number of needs with evidence.
	Evaluated int `json:"evaluated"`
	// Unevaluated lists the needs with no evaluation evidence, by rank.
	Unevaluated []Gap `json:"unevaluated"`
	// UnusedTypes lists the kinds of evidence the partnership uses that
	// no need has.
	UnusedTypes []EvidenceType `json:"unusedTypes"`
}

// Evaluate checks the evidence against the analysis, the plan and the
// partnership's evidence types and summarises the impact of training.
// Evidence must concern a planned need and be dated within the year, no
// earlier than the first day of the need's first planned quarter. Every
// problem is returned at once with fields such as "evaluation[1].type".
func Evaluate(p *masa.Partnership, a *Analysis, pl *Plan, evidence []Evidence) (*Impact, error) {
	arr, err := arrangementsOf(p)
	if err != nil {
		return nil, fmt.Errorf("training: %w", err)
	}
	im, ps := evaluate(arr, a, pl, evidence, true)
	if err := ps.Err(); err != nil {
		return nil, fmt.Errorf("training: %w", err)
	}
	return im, nil
}

// evaluate summarises the evidence. When planChecked is false the plan is
// known to be incomplete (some deliveries had problems), so evidence is
// not checked against it.
func evaluate(arr *arrangements, a *Analysis, pl *Plan, evidence []Evidence, planChecked bool) (*Impact, vocab.Problems) {
	var ps vocab.Problems
	if a == nil {
		ps.Add(vocab.Invalid("analysis", "required", "", "is missing: evaluate against a needs analysis"))
		return nil, ps
	}
	if pl == nil {
		pl = &Plan{Year: a.Year}
	}
	starts := map[string]vocab.Date{}
	quarters := map[string][]vocab.Quarter{}
	for _, it := range pl.Items {
		if s, ok := starts[it.Theme]; !ok || it.Period.From.Before(s) {
			starts[it.Theme] = it.Period.From
		}
		if !slices.Contains(quarters[it.Theme], it.Quarter) {
			quarters[it.Theme] = append(quarters[it.Theme], it.Quarter)
		}
	}
	counts := map[string]map[EvidenceType]int{}
	for i, ev := range evidence {
		at := fmt.Sprintf("evaluation[%d].", i)
		n := len(ps)
		_, found := a.Need(ev.Theme)
		start, planned := starts[ev.Theme]
		switch {
		case !found:
			ps.Add(vocab.NotFound(at+"theme", ev.Theme, "is not a need in the "+a.Year.String()+" analysis"))
		case !planned && planChecked:
			ps.Add(vocab.Conflict(at+"theme", "planned", ev.Theme, "has no planned delivery to evaluate"))
		}
		if !arr.evidence.Has(ev.Type) {
			ps.Add(masa.Undeclared(at+"type", ev.Type, arr.evidence.IDs(), masa.TrainingEvaluation))
		}
		if e := a.Year.DateProblem(at+"date", ev.Date); e != nil {
			ps.Add(e)
		} else if planned && planChecked && ev.Date.Before(start) {
			ps.Add(vocab.Conflict(at+"date", "after-delivery", ev.Date.String(),
				"is before the need's first planned delivery begins on "+start.Long()))
		}
		if ev.Note != "" {
			if e := vocab.TextProblem(at+"note", ev.Note, MaxNoteBytes); e != nil {
				ps.Add(e)
			}
		}
		if len(ps) > n {
			continue
		}
		if counts[ev.Theme] == nil {
			counts[ev.Theme] = map[EvidenceType]int{}
		}
		counts[ev.Theme][ev.Type]++
	}
	im := &Impact{Year: a.Year, ReportTo: arr.reportTo, Toolkit: arr.toolkit,
		Needs: []NeedImpact{}, Unevaluated: []Gap{}, UnusedTypes: []EvidenceType{}}
	used := map[EvidenceType]bool{}
	for _, n := range a.Needs {
		ni := NeedImpact{Rank: n.Rank, Theme: n.Theme, Quarters: append([]vocab.Quarter{}, quarters[n.Theme]...), Evidence: []EvidenceCount{}}
		slices.Sort(ni.Quarters)
		for _, t := range arr.evidence {
			if c := counts[n.Theme][t.ID]; c > 0 {
				ni.Evidence = append(ni.Evidence, EvidenceCount{Type: t.ID, Label: t.Label, Count: c})
				used[t.ID] = true
			}
		}
		ni.Evaluated = len(ni.Evidence) > 0
		if ni.Evaluated {
			im.Evaluated++
		} else {
			msg := "has no evaluation evidence"
			if len(ni.Quarters) == 0 {
				msg += " and no planned delivery"
			}
			im.Unevaluated = append(im.Unevaluated, Gap{Rank: n.Rank, Theme: n.Theme, Kind: GapUnevaluated, Message: msg})
		}
		im.Needs = append(im.Needs, ni)
	}
	for _, t := range arr.evidence.IDs() {
		if !used[t] {
			im.UnusedTypes = append(im.UnusedTypes, t)
		}
	}
	return im, ps
}
