package annualreport

import (
	"fmt"
	"slices"
	"strings"

	"github.com/masa-go/masa/reviews"
	"github.com/masa-go/masa/vocab"
)

// The review steps whose completion in the year the report counts. They
// are IDs of steps in the reviews rules data (reviews/data/rules.json),
// joined by ID, never by wording.
const (
	stepRapidReview = reviews.StepID("rapid-review")
	stepCommission  = reviews.StepID("commission-review")
	stepPublish     = reviews.StepID("publish")
)

// CaseRecord is what the report takes from one reviews case: the steps
// done within the report's year, the stage at its end and the learning
// recorded.
type CaseRecord struct {
	// Ref is the case's opaque reference.
	Ref string `json:"ref"`
	// Stage is the case's stage at the end of the year.
	Stage reviews.Stage `json:"stage"`
	// Overdue reports that a step was overdue at the end of the year.
	Overdue bool `json:"overdue"`
	// Steps are the steps done within the year, in date order.
	Steps []CaseStep `json:"steps"`
	// Themes are the learning themes recorded within the year.
	Themes []string `json:"themes"`
}

// CaseStep is one step of a case done within the year.
type CaseStep struct {
	Step reviews.StepID `json:"step"`
	Name string         `json:"name"`
	On   vocab.Date     `json:"on"`
}

// caseRecords evaluates each case at the end of the year with the reviews
// engine; problems are named under "cases[i]".
func (c *checker) caseRecords(a *assembly) []CaseRecord {
	if a.in.Cases == nil {
		return nil
	}
	e, err := reviews.New(a.p)
	if err != nil {
		c.prefixed("cases", err)
		return nil
	}
	year := a.in.Year.Period()
	out := []CaseRecord{}
	for i := range a.in.Cases {
		cs := &a.in.Cases[i]
		st, err := e.Status(cs, year.To)
		if err != nil {
			c.prefixed(fmt.Sprintf("cases[%d]", i), err)
			continue
		}
		rec := CaseRecord{Ref: cs.Ref, Stage: st.Stage, Overdue: st.Overdue, Steps: []CaseStep{}, Themes: []string{}}
		for _, s := range st.Steps {
			if s.Done != nil && year.Contains(s.Done.On) {
				rec.Steps = append(rec.Steps, CaseStep{Step: s.Step, Name: s.Name, On: s.Done.On})
			}
		}
		slices.SortStableFunc(rec.Steps, func(a, b CaseStep) int { return a.On.Compare(b.On) })
		for _, ev := range cs.Events {
			if !year.Contains(ev.On) {
				continue
			}
			for _, f := range ev.Learning {
				rec.Themes = append(rec.Themes, f.Theme)
			}
		}
		out = append(out, rec)
	}
	return out
}

// did reports whether the case did step id within the year.
func (r *CaseRecord) did(id reviews.StepID) bool {
	for _, s := range r.Steps {
		if s.Step == id {
			return true
		}
	}
	return false
}

// caseItems writes the reviews section's items and summary sentence from
// the case records.
func caseItems(recs []CaseRecord, year vocab.FinancialYear, reviewName string) ([]Item, string) {
	var items []Item
	rapid, commissioned, published := 0, 0, 0
	for i := range recs {
		r := &recs[i]
		if r.did(stepRapidReview) {
			rapid++
		}
		if r.did(stepCommission) {
			commissioned++
		}
		if r.did(stepPublish) {
			published++
		}
		var done []string
		for _, s := range r.Steps {
			done = append(done, s.Name+" ("+s.On.Long()+")")
		}
		text := "Nothing was done on this case within the year."
		if len(done) > 0 {
			text = "Done within the year: " + strings.Join(done, "; ") + "."
		}
		if r.Stage == reviews.StageClosed {
			text += " The case was closed at the year's end."
		} else {
			text += " At the year's end it stood at the " + strings.ReplaceAll(string(r.Stage), "-", " ") + " stage."
		}
		if r.Overdue {
			text += " A step was overdue."
		}
		if len(r.Themes) > 0 {
			text += " Learning: " + strings.Join(r.Themes, "; ") + "."
		}
		items = append(items, Item{Label: r.Ref, Text: text})
	}
	summary := fmt.Sprintf("From the case records for %s: %s, %s commissioned and %s published.", year,
		count(rapid, "rapid review"), count(commissioned, strings.ToLower(reviewName)), count(published, "review"))
	return items, summary
}
