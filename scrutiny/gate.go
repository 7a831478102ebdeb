package scrutiny

import (
	"fmt"

	"github.com/masa-go/masa/vocab"
)

// Gate is the publication gate for one yearly report: the report may be
// marked ready to publish only once a scrutiny review of it has been
// recorded. The zero Gate for a year has no reviews and is closed.
type Gate struct {
	// ReportYear is the year the report covers.
	ReportYear vocab.FinancialYear `json:"reportYear"`
	// Reviews are the recorded scrutiny reviews of the report, by date.
	Reviews []Review `json:"reviews"`
}

// NewGate returns a closed gate for the report covering reportYear.
func NewGate(reportYear vocab.FinancialYear) *Gate {
	return &Gate{ReportYear: reportYear, Reviews: []Review{}}
}

// Record records a scrutiny review of the report. The review must be of
// this gate's report, dated after the report's year has ended, with an
// outcome; otherwise nothing is recorded and the problems are returned.
// The plan activity the review names is not checked here: reviews that
// come through a plan are checked by [Build].
func (g *Gate) Record(r Review) error {
	var ps vocab.Problems
	if r.ReportYear != g.ReportYear {
		ps.Add(vocab.Conflict("reportYear", "same-report", r.ReportYear.String(), "is not the year of this gate's report, "+g.ReportYear.String()))
	}
	if r.Date.IsZero() || !r.Date.Valid() {
		ps.Add(vocab.Invalid("date", "required", r.Date.String(), "is missing or not a real date"))
	} else if !r.Date.After(g.ReportYear.End()) {
		ps.Add(vocab.Conflict("date", "after-report-year", r.Date.String(),
			"is not after the end of the year the report covers ("+g.ReportYear.End().Long()+")"))
	}
	if e := vocab.TextProblem("outcome", r.Outcome, MaxOutcomeBytes); e != nil {
		ps.Add(e)
	}
	if err := ps.Err(); err != nil {
		return fmt.Errorf("scrutiny: report review: %w", err)
	}
	i := len(g.Reviews)
	for i > 0 && g.Reviews[i-1].Date.After(r.Date) {
		i--
	}
	g.Reviews = append(g.Reviews[:i], append([]Review{r}, g.Reviews[i:]...)...)
	return nil
}

// ReviewedBy returns the latest review recorded on or before date on.
func (g Gate) ReviewedBy(on vocab.Date) (Review, bool) {
	for i := len(g.Reviews) - 1; i >= 0; i-- {
		if !g.Reviews[i].Date.After(on) {
			return g.Reviews[i], true
		}
	}
	return Review{}, false
}

// CanPublish returns nil when the report may be marked ready to publish on
// date on, that is when a scrutiny review of it was recorded on or before
// that date. Otherwise the error matches vocab.ErrConflict and names the
// rule "publication-gate".
func (g Gate) CanPublish(on vocab.Date) error {
	if _, ok := g.ReviewedBy(on); ok {
		return nil
	}
	msg := "has no scrutiny review of the " + g.ReportYear.String() + " yearly report recorded"
	if len(g.Reviews) > 0 {
		msg += " on or before " + on.Long() + "; the first is on " + g.Reviews[0].Date.Long()
	}
	return fmt.Errorf("scrutiny: %w", vocab.Conflict("reportReview", "publication-gate", on.String(),
		msg+", so the report cannot be marked ready to publish"))
}

// GateStatus is the state of a publication gate on a date, for display.
type GateStatus struct {
	// ReportYear is the year the report covers.
	ReportYear vocab.FinancialYear `json:"reportYear"`
	// On is the date the gate was looked at.
	On vocab.Date `json:"on"`
	// Open reports whether the report may be marked ready on that date.
	Open bool `json:"open"`
	// Review is the latest review on or before On, when Open.
	Review *Review `json:"review,omitempty"`
	// Message says in a sentence whether and why the gate is open.
	Message string `json:"message"`
}

// Status returns the state of the gate on date on.
func (g Gate) Status(on vocab.Date) GateStatus {
	st := GateStatus{ReportYear: g.ReportYear, On: on}
	if r, ok := g.ReviewedBy(on); ok {
		st.Open, st.Review = true, &r
		st.Message = fmt.Sprintf("open: scrutiny reviewed the %s yearly report on %s (%s)", g.ReportYear, r.Date.Long(), r.Outcome)
		return st
	}
	st.Message = fmt.Sprintf("closed: no scrutiny review of the %s yearly report is recorded by %s, so it cannot be marked ready to publish", g.ReportYear, on.Long())
	return st
}
