package plan

import (
	"fmt"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
	"github.com/shopspring/decimal"
)

// moneyPlaces returns the number of decimal places the table's amounts
// need: 0 when every amount is whole pounds, 2 otherwise.
func moneyPlaces(t *masa.FundingTable) int32 {
	for _, l := range t.Lines {
		if !l.Amount.Equal(l.Amount.Truncate(0)) || !l.Rate.Equal(l.Rate.Truncate(0)) {
			return 2
		}
	}
	return 0
}

// fundingLabel returns a funding line's label as displayed, with the
// per-member rate for a group line: "City, District and Borough Councils
// (12 at £1,210 each)".
func (b *builder) fundingLabel(field string, l masa.FundingLine, places int32) string {
	label := l.Label
	if label == "" {
		label = b.name(field+".org", l.Org)
	}
	if l.Members > 0 && !l.Rate.IsZero() {
		label += fmt.Sprintf(" (%s at %s each)", thousands(l.Members), vocab.FormatPounds(l.Rate, places))
	}
	return label
}

func (b *builder) funding(t *masa.FundingTable) Section {
	s := Section{ID: SectionFunding, Title: "Funding and business support"}
	if t == nil {
		s.Blocks = paras("No funding table has been published for this edition.")
		return s
	}
	var opening string
	if t.Host != "" {
		opening = fmt.Sprintf("A business unit hosted by %s supports the work of the %s.", b.name("funding.host", t.Host), b.shortName())
	}
	second := "The partners have agreed contributions for " + t.Year.String()
	if len(t.Principles) > 0 {
		second = fmt.Sprintf("The %s are committed to funding the business unit and the partnership’s work in a way that is %s, and have agreed contributions for %s",
			b.term, vocab.JoinAnd(t.Principles), t.Year)
	}
	if len(t.Covers) > 0 {
		second += "; they pay for " + vocab.JoinAnd(t.Covers)
	}
	s.Blocks = paras(opening, second+".")
	if opening == "" {
		s.Blocks = s.Blocks[1:]
	}
	places := moneyPlaces(t)
	tab := &Table{ID: "funding-contributions", Caption: "Contributions for " + t.Year.String(),
		Columns: []Column{{Header: "Contributing partner", Width: 4}, {Header: "Amount", Align: AlignRight, Width: 1.4}}}
	chart := &BarChart{ID: "funding-chart", Caption: "Contributions for " + t.Year.String() + " compared"}
	for i, l := range t.Lines {
		label := b.fundingLabel(fmt.Sprintf("funding.lines[%d]", i), l, places)
		amount := vocab.FormatPounds(l.Amount, places)
		tab.Rows = append(tab.Rows, []string{label, amount})
		value := l.Amount
		if value.IsNegative() {
			value = decimal.Zero
		}
		chart.Bars = append(chart.Bars, Bar{Label: label, Value: value, Display: amount})
	}
	tab.Total = []string{"Total", vocab.FormatPounds(t.Total(), places)}
	s.Blocks = append(s.Blocks, tab, chart)
	if t.ReviewedAnnually {
		s.Blocks = append(s.Blocks, para("The funding arrangements are reviewed every year."))
	}
	return s
}
