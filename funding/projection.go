package funding

import (
	"fmt"
	"strconv"

	"github.com/masa-go/masa/vocab"
	"github.com/shopspring/decimal"
)

// MaxProjectionYears is the longest projection allowed.
const MaxProjectionYears = 30

// Projection is a scenario carried forward over several financial years
// (each running from 1 April to 31 March) at a yearly uplift.
type Projection struct {
	// Scenario is the scenario's name.
	Scenario string `json:"scenario"`
	// Percent is the yearly uplift, negative for a cut.
	Percent Number `json:"percent"`
	// Years holds one result per year, the scenario's own year first.
	Years []*Result `json:"years"`
}

// Project applies the scenario for its year and then for each following
// year up to years in all, raising the total budget and every fixed
// amount and flat rate by percent each year (each rounded to the unit, as
// an uplift change without a contributor does) and sharing the rest by
// the scenario's rule. years must be between 1 and MaxProjectionYears and
// percent above -100. Each later year's result ends with a step sentence
// for its uplift.
func Project(s *Scenario, years int, percent Number) (*Projection, error) {
	var ps vocab.Problems
	if years < 1 || years > MaxProjectionYears {
		ps.Add(vocab.Invalid("years", "range", strconv.Itoa(years), "must be between 1 and "+strconv.Itoa(MaxProjectionYears)))
	}
	switch {
	case !percent.IsSet():
		ps.Add(vocab.Invalid("percent", "required", "", "is missing; give the yearly uplift such as \"2\""))
	case percent.Decimal().LessThanOrEqual(decimal.NewFromInt(-100)) || percent.Decimal().GreaterThan(decimal.NewFromInt(1000)):
		ps.Add(vocab.Invalid("percent", "range", percent.String(), "must be more than -100 and at most 1000"))
	case percent.Places() > MaxPercentPlaces:
		ps.Add(vocab.Invalid("percent", "places", percent.String(), "has more than "+strconv.Itoa(MaxPercentPlaces)+" decimal places"))
	}
	if len(ps) > 0 {
		return nil, fmt.Errorf("funding: projection: %w", ps)
	}
	st, err := start(s)
	if err != nil {
		return nil, err
	}
	p := &Projection{Scenario: s.Name, Percent: percent}
	for y := 0; y < years; y++ {
		if y > 0 {
			st.year = st.year.Next()
			st.steps = append([]Step(nil), st.steps...)
			st.record(st.upliftAll("projection", percent, "projection"))
		}
		r, err := st.evaluate()
		if err != nil {
			return nil, fmt.Errorf("funding: projection for %s: %w", st.year, err)
		}
		p.Years = append(p.Years, r)
	}
	return p, nil
}
