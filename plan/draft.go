package plan

import (
	"fmt"
	"strings"

	"github.com/masa-go/masa/funding"
	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
	"github.com/shopspring/decimal"
)

// draft is a funding scenario applied for a draft plan.
type draft struct {
	prepared vocab.Date
	scenario *funding.Scenario
	result   *funding.Result
}

// name returns the scenario's name, or a description when it has none.
func (d *draft) name() string {
	if n := strings.TrimSpace(d.scenario.Name); n != "" {
		return n
	}
	return "unnamed scenario"
}

// Draft builds a draft plan for the year a funding scenario describes.
//
// The scenario is applied with funding.Apply. A scenario without a year
// drafts the year after its baseline's. The draft is built from p as it
// stands at the start of that year: organisations that successors have
// replaced by then are replaced (see masa.Partnership.AsOf), and lead-area
// holders and the rule set are those in force on 1 April. The funding
// section sets each contributor's proposed amount beside its baseline
// amount, says in a sentence what each change of the scenario does, and
// charts the proposed contributions; the cover, the footer of the PDF and
// the contact block mark the document as a draft prepared on the given
// date, which is also the date written into the file.
//
// The scenario's baseline must be p's published funding table: a
// scenario built for another table is reported as a conflict, as are the
// problems funding.Apply finds, rather than producing a misleading draft.
func Draft(p *masa.Partnership, s *funding.Scenario, prepared vocab.Date) (*Document, error) {
	var probs vocab.Problems
	switch {
	case p == nil:
		probs.Add(vocab.Invalid("", "required", "", "no partnership given"))
	case p.Funding == nil:
		probs.Add(vocab.NotFound("funding", "", "the partnership has no published funding table for a scenario to start from"))
	}
	if s == nil {
		probs.Add(vocab.Invalid("scenario", "required", "", "no funding scenario given"))
	}
	if prepared.IsZero() || !prepared.Valid() {
		probs.Add(vocab.Invalid("prepared", "date", prepared.String(), "is not the date the draft was prepared"))
	}
	if err := probs.Err(); err != nil {
		return nil, fmt.Errorf("plan: draft: %w", err)
	}
	if err := sameBaseline(p, s); err != nil {
		return nil, fmt.Errorf("plan: draft: %w", err)
	}
	sc := *s
	if sc.Year == 0 {
		sc.Year = sc.Baseline.Year.Next()
	}
	r, err := funding.Apply(&sc)
	if err != nil {
		return nil, fmt.Errorf("plan: draft: %w", err)
	}
	q, err := p.AsOf(r.Year.Start())
	if err != nil {
		return nil, fmt.Errorf("plan: draft: %w", err)
	}
	return build(q, &draft{prepared: prepared, scenario: &sc, result: r})
}

// sameBaseline reports a conflict when the scenario's baseline is not the
// partnership's published funding table.
func sameBaseline(p *masa.Partnership, s *funding.Scenario) error {
	published, err := funding.BaselineOf(p)
	if err != nil {
		return err
	}
	base := s.Baseline
	if base.Year != published.Year {
		return vocab.Conflict("baseline.year", "baseline", base.Year.String(),
			fmt.Sprintf("is not the year of %s's published funding table (%s)", p.Name, published.Year))
	}
	if len(base.Lines) != len(published.Lines) {
		return vocab.Conflict("baseline.lines", "baseline", fmt.Sprint(len(base.Lines)),
			fmt.Sprintf("lines are given, but %s's published funding table has %d", p.Name, len(published.Lines)))
	}
	for i, l := range base.Lines {
		want := published.Lines[i]
		if l.Org != want.Org || !l.Amount.Decimal().Equal(want.Amount.Decimal()) {
			return vocab.Conflict(fmt.Sprintf("baseline.lines[%d]", i), "baseline", fmt.Sprintf("%s %s", l.Org, l.Amount.Decimal()),
				fmt.Sprintf("differs from line %d of %s's published funding table (%s %s)", i+1, p.Name, want.Org, want.Amount.Decimal()))
		}
	}
	return nil
}

// draftFunding is the funding section of a draft plan.
func (b *builder) draftFunding(d *draft) Section {
	r := d.result
	s := Section{ID: SectionFunding, Title: "Funding and business support"}
	if t := b.p.Funding; t != nil && t.Host != "" {
		s.Blocks = append(s.Blocks, para(fmt.Sprintf("A business unit hosted by %s supports the work of the %s.", b.name("funding.host", t.Host), b.shortName())))
	}
	s.Blocks = append(s.Blocks, para(fmt.Sprintf("This draft proposes contributions for %s totalling %s, against %s in %s. They come from the funding scenario “%s”, which makes these changes to the %s table:",
		r.Year, pounds(r.Total.Decimal(), r), pounds(d.scenario.Baseline.Total().Decimal(), r), r.BaselineYear, d.name(), r.BaselineYear)))
	steps := r.Sentences()
	if len(steps) == 0 {
		steps = []string{"none: the published shares are carried forward unchanged"}
	}
	s.Blocks = append(s.Blocks, list(steps)...)

	tab := &Table{ID: "funding-contributions", Caption: fmt.Sprintf("Proposed contributions for %s", r.Year),
		Columns: []Column{{Header: "Contributing partner", Width: 3.6}, {Header: r.BaselineYear.String(), Align: AlignRight, Width: 1.2}, {Header: r.Year.String() + " (draft)", Align: AlignRight, Width: 1.4}}}
	chart := &BarChart{ID: "funding-chart", Caption: fmt.Sprintf("Proposed contributions for %s compared", r.Year)}
	baseTotal := decimal.Zero
	for _, l := range r.Lines {
		label := l.Name
		if l.Members > 0 && l.Rate.IsSet() {
			label += fmt.Sprintf(" (%s at %s each)", thousands(l.Members), pounds(l.Rate.Decimal(), r))
		}
		was := "none"
		if l.Baseline.IsSet() && !l.Baseline.Decimal().IsZero() {
			was = pounds(l.Baseline.Decimal(), r)
		}
		baseTotal = baseTotal.Add(l.Baseline.Decimal())
		amount := pounds(l.Amount.Decimal(), r)
		tab.Rows = append(tab.Rows, []string{label, was, amount})
		value := l.Amount.Decimal()
		if value.IsNegative() {
			value = decimal.Zero
		}
		chart.Bars = append(chart.Bars, Bar{Label: label, Value: value, Display: amount})
	}
	for _, rm := range r.Removed {
		tab.Rows = append(tab.Rows, []string{rm.Name + " (no longer contributes)", pounds(rm.Baseline.Decimal(), r), "none"})
		baseTotal = baseTotal.Add(rm.Baseline.Decimal())
	}
	tab.Total = []string{"Total", pounds(baseTotal, r), pounds(r.Total.Decimal(), r)}
	s.Blocks = append(s.Blocks, tab, chart)
	if t := b.p.Funding; t != nil && t.ReviewedAnnually {
		s.Blocks = append(s.Blocks, para("The funding arrangements are reviewed every year."))
	}
	return s
}

// pounds formats an amount of a result in its rounding unit, or in pence
// when the amount (such as a baseline in pence) needs them.
func pounds(d decimal.Decimal, r *funding.Result) string {
	places := r.Rounding.Unit.Places()
	if !d.Equal(d.Truncate(places)) {
		places = 2
	}
	return vocab.FormatPounds(d, places)
}
