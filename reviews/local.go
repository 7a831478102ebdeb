package reviews

import (
	"fmt"
	"slices"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
)

// localise applies the partnership's own settings to the review rules:
// where a rapid review's clock starts (reviews.rapidReviewFrom) and the
// partnership's local deadlines (reviews.localDeadlines). It returns nil
// when the partnership changes nothing, so the shared compiled rules
// serve it.
//
// A local deadline applies only where a step has no deadline in the
// rules: it never replaces one the rules set, and it is marked as local
// procedure.
func localise(rules []*compiled, p *masa.Partnership) ([]*compiled, error) {
	rv := p.Reviews
	if rv == nil || (rv.RapidReviewFrom != "aware" && len(rv.LocalDeadlines) == 0) {
		return nil, nil
	}
	var ps vocab.Problems
	applied := make([]bool, len(rv.LocalDeadlines))
	sets := make([]RuleSet, len(rules))
	for i, c := range rules {
		rs := c.set
		rs.Steps = slices.Clone(rs.Steps)
		for j := range rs.Steps {
			st := &rs.Steps[j]
			if st.Due != nil && st.Due.Setting == SettingRapidReviewFrom && rv.RapidReviewFrom == "aware" {
				st.Due = st.Due.Alternative
			}
			for k, ld := range rv.LocalDeadlines {
				if string(ld.Step) != string(st.ID) {
					continue
				}
				if st.Due != nil {
					// An edition that sets its own deadline keeps it.
					continue
				}
				applied[k] = true
				src := ld.Source
				st.Due = &Clock{
					From: "aware", WorkingDays: ld.WorkingDays,
					Text:     fmt.Sprintf("within %d working days of becoming aware (local procedure: no statutory deadline)", ld.WorkingDays),
					Citation: &src,
					Provenance: &vocab.Provenance{Class: vocab.ProvenanceLocal,
						NotVerified: "the partnership's own procedure, recorded in its data; no national source sets this deadline"},
				}
			}
		}
		sets[i] = rs
	}
	for k, ok := range applied {
		if !ok {
			ps.Add(vocab.Invalid(fmt.Sprintf("reviews.localDeadlines[%d].step", k), "local-deadline", string(rv.LocalDeadlines[k].Step),
				"names no step without a deadline in any review rule set; a local deadline never replaces one the rules set"))
		}
	}
	if err := ps.Err(); err != nil {
		return nil, fmt.Errorf("reviews: partnership: %w", err)
	}
	return compileAll(sets)
}
