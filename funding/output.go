package funding

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/masa-go/masa/vocab"
	"github.com/shopspring/decimal"
)

// Output formats: plain text for reading, CSV for spreadsheets (amounts as
// plain decimal strings with the unit's places, no currency sign, a final
// total row) and JSON via [EncodeJSON].

// WriteText writes the result as a plain-text table followed by the
// steps' sentences.
func (r *Result) WriteText(w io.Writer) error {
	places := r.Rounding.Unit.Places()
	t := table{head: []string{"Contributor", "Basis", "Amount", "Rounding"}, right: []bool{false, false, true, false}}
	for _, l := range r.Lines {
		t.add(l.Name, string(l.Basis), pounds(l.Amount.Decimal(), places), string(l.Rounding))
	}
	t.add("Total", "", pounds(r.Total.Decimal(), places), "")
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%s: %s (baseline %s), %s, %s\n\n", r.Scenario, r.Year, r.BaselineYear, r.Rounding.Unit.Label(), r.Rounding.Policy.Label())
	t.write(bw)
	writeSteps(bw, r.Steps)
	return bw.Flush()
}

func writeSteps(bw *bufio.Writer, steps []Step) {
	if len(steps) == 0 {
		return
	}
	fmt.Fprintln(bw, "\nChanges:")
	for i, s := range steps {
		fmt.Fprintf(bw, "%d. %s\n", i+1, s.Sentence)
	}
}

// UTF8BOM is the byte order mark that tells Excel on Windows a CSV file is
// UTF-8. Without it Excel reads the file in the machine's code page and
// shows "£" as "Â£". WriteCSV does not write it, because other programs
// (and most scripts) read the mark as part of the first column's name;
// write it first with [WriteBOM] for a file meant for Excel.
const UTF8BOM = "\uFEFF"

// WriteBOM writes [UTF8BOM] to w: call it before WriteCSV for finance
// teams who open the file in Excel.
func WriteBOM(w io.Writer) error {
	_, err := io.WriteString(w, UTF8BOM)
	return err
}

// CSVText neutralises a text cell as OWASP advises against CSV (formula)
// injection: a cell whose first character, after any spaces, is =, +, -,
// @, a tab or a carriage return is written with a leading apostrophe, so
// that a spreadsheet shows it as text instead of running it as a formula.
// Only text goes through it (names, IDs, explanations); amounts, rates and
// percentages are written as plain decimal strings and stay numbers, a
// negative one included.
func CSVText(s string) string {
	t := strings.TrimLeft(s, " ")
	if t == "" {
		return s
	}
	switch t[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

// ChangeLabel writes a change's path, as in ResultLine.SetBy, the way a
// person counts: "changes[3]" is "change 4". Other values ("baseline",
// "projection") are returned as they are. The explanation sentences and
// the CSV set_by column use it; JSON keeps the path, for programs.
func ChangeLabel(setBy string) string {
	rest, ok := strings.CutPrefix(setBy, "changes[")
	if !ok {
		return setBy
	}
	num, tail, ok := strings.Cut(rest, "]")
	n, err := strconv.Atoi(num)
	if !ok || err != nil || n < 0 || strconv.Itoa(n) != num {
		return setBy
	}
	return "change " + strconv.Itoa(n+1) + tail
}

// CSVHeader returns the header row of [Result.WriteCSV], a new slice on
// every call.
func CSVHeader() []string {
	return []string{"org", "name", "role", "basis", "members", "rate", "amount", "quota", "rounding", "set_by", "baseline", "explanation"}
}

// WriteCSV writes one row per contributor under [CSVHeader], then a total
// row whose org is "total". Text cells go through [CSVText]; the file is
// UTF-8 without a byte order mark (see [WriteBOM]).
func (r *Result) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write(CSVHeader())
	for _, l := range r.Lines {
		members := ""
		if l.Members > 0 {
			members = strconv.Itoa(l.Members)
		}
		cw.Write([]string{CSVText(string(l.Org)), CSVText(l.Name), CSVText(string(l.Role)), CSVText(string(l.Basis)), members, l.Rate.String(), l.Amount.String(), l.Quota.String(), CSVText(string(l.Rounding)), CSVText(ChangeLabel(l.SetBy)), l.Baseline.String(), CSVText(l.Explanation)})
	}
	cw.Write([]string{"total", "Total", "", "", "", "", r.Total.String(), "", "", "", "", ""})
	cw.Flush()
	return cw.Error()
}

// WriteText writes the comparison as a plain-text table.
func (c *Comparison) WriteText(w io.Writer) error {
	places := c.Rounding.Unit.Places()
	t := table{head: []string{"Contributor", c.BaselineYear.String(), c.Year.String(), "Change", "%"}, right: []bool{false, true, true, true, true}}
	for _, rw := range append(append([]Row(nil), c.Rows...), c.Total) {
		t.add(rw.Name, pounds(rw.Old.Decimal(), places), pounds(rw.New.Decimal(), places), signedPounds(rw.Change.Decimal(), places), percentCell(rw.Percent))
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%s: %s compared with %s\n\n", c.Scenario, c.Year, c.BaselineYear)
	t.write(bw)
	return bw.Flush()
}

// ComparisonCSVHeader returns the header row of [Comparison.WriteCSV], a
// new slice on every call.
func ComparisonCSVHeader() []string {
	return []string{"org", "name", "from", "old", "new", "change", "percent"}
}

// WriteCSV writes one row per contributor under [ComparisonCSVHeader],
// then a total row whose org is "total". From lists source IDs separated
// by spaces; percent is empty when old is zero. Text cells go through
// [CSVText].
func (c *Comparison) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write(ComparisonCSVHeader())
	for _, rw := range c.Rows {
		cw.Write([]string{CSVText(string(rw.Org)), CSVText(rw.Name), CSVText(joinIDs(rw.From)), rw.Old.String(), rw.New.String(), rw.Change.String(), rw.Percent.String()})
	}
	t := c.Total
	cw.Write([]string{"total", CSVText(t.Name), "", t.Old.String(), t.New.String(), t.Change.String(), t.Percent.String()})
	cw.Flush()
	return cw.Error()
}

// WriteText writes the projection as a plain-text table with a column per
// year, followed by the sentences of the first year and each later
// year's uplift.
func (p *Projection) WriteText(w io.Writer) error {
	if len(p.Years) == 0 {
		return nil
	}
	first := p.Years[0]
	places := first.Rounding.Unit.Places()
	t := table{head: []string{"Contributor"}, right: []bool{false}}
	for _, r := range p.Years {
		t.head = append(t.head, r.Year.String())
		t.right = append(t.right, true)
	}
	for _, org := range p.orgs() {
		cells := []string{p.name(org)}
		for _, r := range p.Years {
			l, _ := r.Line(org)
			cells = append(cells, pounds(l.Amount.Decimal(), places))
		}
		t.add(cells...)
	}
	cells := []string{"Total"}
	for _, r := range p.Years {
		cells = append(cells, pounds(r.Total.Decimal(), places))
	}
	t.add(cells...)
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%s: %d-year projection at %s a year\n\n", p.Scenario, len(p.Years), p.Percent.String()+"%")
	t.write(bw)
	writeSteps(bw, p.Years[len(p.Years)-1].Steps)
	return bw.Flush()
}

// WriteCSV writes one row per contributor with a column per year (headed
// "2021/22" and so on), then a total row whose org is "total". Text cells
// go through [CSVText].
func (p *Projection) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	head := []string{"org", "name"}
	for _, r := range p.Years {
		head = append(head, r.Year.String())
	}
	cw.Write(head)
	for _, org := range p.orgs() {
		row := []string{CSVText(string(org)), CSVText(p.name(org))}
		for _, r := range p.Years {
			l, _ := r.Line(org)
			row = append(row, l.Amount.String())
		}
		cw.Write(row)
	}
	row := []string{"total", "Total"}
	for _, r := range p.Years {
		row = append(row, r.Total.String())
	}
	cw.Write(row)
	cw.Flush()
	return cw.Error()
}

// orgs returns the contributors of the first year, in order. The
// contributors do not change from year to year.
func (p *Projection) orgs() []vocab.ID {
	var out []vocab.ID
	for _, l := range p.Years[0].Lines {
		out = append(out, l.Org)
	}
	return out
}

func (p *Projection) name(org vocab.ID) string {
	l, _ := p.Years[0].Line(org)
	return l.Name
}

func joinIDs(ids []vocab.ID) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = string(id)
	}
	return strings.Join(s, " ")
}

func signedPounds(d decimal.Decimal, places int32) string {
	if d.Sign() > 0 {
		return "+" + pounds(d, places)
	}
	return pounds(d, places)
}

func percentCell(n Number) string {
	if !n.IsSet() {
		return "new"
	}
	if n.Decimal().Sign() > 0 {
		return "+" + n.String() + "%"
	}
	return n.String() + "%"
}

// table is a plain-text table with padded columns.
type table struct {
	head  []string
	right []bool
	rows  [][]string
}

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

func (t *table) write(w io.Writer) {
	width := make([]int, len(t.head))
	for _, row := range append([][]string{t.head}, t.rows...) {
		for i, c := range row {
			width[i] = max(width[i], utf8.RuneCountInString(c))
		}
	}
	line := func(row []string) {
		var b strings.Builder
		for i, c := range row {
			pad := strings.Repeat(" ", width[i]-utf8.RuneCountInString(c))
			if i > 0 {
				b.WriteString("  ")
			}
			if t.right[i] {
				b.WriteString(pad + c)
			} else {
				b.WriteString(c + pad)
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
	line(t.head)
	rule := make([]string, len(width))
	for i, n := range width {
		rule[i] = strings.Repeat("-", n)
	}
	line(rule)
	for i, row := range t.rows {
		if i == len(t.rows)-1 {
			line(rule)
		}
		line(row)
	}
}
