package annualreport

import (
	"fmt"

	"github.com/masa-go/masa/vocab"
)

// MarkReady marks the report ready to publish on date on. It refuses, and
// leaves the report a draft, when on is not after the end of the report's
// year, when a required part is missing (one problem per part, field
// "sections.<id>", rule "missing-part"), or when the publication gate is
// closed because no scrutiny review of the report was recorded on or
// before on (rule "publication-gate"). All the reasons are returned at
// once.
func (r *Report) MarkReady(on vocab.Date) error {
	var ps vocab.Problems
	switch {
	case on.IsZero() || !on.Valid():
		ps.Add(vocab.Invalid("readyOn", "required", on.String(), "is missing or not a real date"))
	case !on.After(r.Year.End()):
		ps.Add(vocab.Invalid("readyOn", "after-year", on.String(),
			fmt.Sprintf("is not after the end of the year the report covers (%s)", r.Year.End().Long())))
	}
	for _, m := range r.Missing {
		ps.Add(vocab.Conflict("sections."+string(m.Section), "missing-part", string(m.Section), "is missing: "+m.Reason))
	}
	if on.Valid() {
		ps = append(ps, vocab.AsProblems(r.Gate.CanPublish(on))...)
	}
	if err := ps.Err(); err != nil {
		return fmt.Errorf("annualreport: the %s report cannot be marked ready: %w", r.Year, err)
	}
	r.Status, r.ReadyOn = StatusReady, on
	return nil
}
