package annualreport

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/masa-go/masa/document"
	"github.com/masa-go/masa/vocab"
)

// Publish lays the report out as a document.Document, which package
// document/pdf prints and document/html publishes as accessible HTML. The
// report stays the computed record (its sections, items, tables and
// chart are data, encoded as JSON); Publish is the one place that turns
// that record into display text.
//
// on is the date the document is prepared; a report marked ready (see
// [Report.MarkReady]) is dated its ReadyOn instead. A report that is
// still a draft carries the draft notice on every page and a watermark,
// "DRAFT: N PARTS MISSING" when required parts are missing (or "DRAFT"),
// and its first section lists the missing parts, each a cross-reference
// to the part, which itself opens with a warning saying what is lacking.
// A supporting part (training, scrutiny) with nothing to say is left out
// rather than printed empty.
func Publish(r *Report, on vocab.Date) *document.Document {
	ready := r.Status == StatusReady
	date := on
	if ready {
		date = r.ReadyOn
	}
	title := "Yearly report " + r.Year.String()
	d := &document.Document{
		Meta: document.Meta{
			Title:    r.Partnership + ": " + title,
			Author:   r.Partnership,
			Subject:  "The safeguarding partners' yearly report on their arrangements for " + r.Year.String(),
			Keywords: []string{"safeguarding", "yearly report", r.Year.String()},
			Language: "en-GB",
			Date:     date,
			Draft:    !ready,
		},
		Cover: document.Cover{Partnership: r.Partnership, Title: title},
	}
	period := fmt.Sprintf("It covers %s to %s", r.Period.From.Long(), r.Period.To.Long())
	if r.RuleSet != "" {
		period += ", under " + r.RuleSet
	}
	if ready {
		d.Cover.Status = "Ready to publish " + date.Long()
	} else {
		d.Meta.DraftNotice = "Draft: not ready to publish"
		d.Meta.Watermark = "DRAFT"
		if n := len(r.Missing); n > 0 {
			d.Meta.Watermark = fmt.Sprintf("DRAFT: %s MISSING", strings.ToUpper(count(n, "part")))
		}
		d.Cover.Status = "Draft prepared " + date.Long()
	}
	d.Cover.Notes = []string{period + "."}

	shown := map[SectionID]bool{}
	var sections []document.Section
	for i := range r.Sections {
		s := &r.Sections[i]
		if !s.Required && s.Missing {
			continue
		}
		shown[s.ID] = true
		sections = append(sections, publishSection(s))
	}
	d.Sections = append([]document.Section{about(r, period, ready, shown)}, sections...)
	for i := range d.Sections {
		d.Sections[i].Number = strconv.Itoa(i + 1)
	}
	return d
}

// about is the opening section: what the report covers and, for a draft,
// what is still missing.
func about(r *Report, period string, ready bool, shown map[SectionID]bool) document.Section {
	s := document.Section{ID: "about", Title: "About this report"}
	s.Blocks = append(s.Blocks, &document.Paragraph{Spans: []document.Span{{Text: fmt.Sprintf(
		"This is the yearly report of %s on its safeguarding arrangements. %s. It has a part for each thing the guidance asks the partners to report, each with the guidance it answers.",
		r.Partnership, period)}}})
	if ready {
		return s
	}
	if len(r.Missing) == 0 {
		s.Blocks = append(s.Blocks, &document.Note{Kind: document.NoteWarning, Title: "Not yet ready to publish",
			Spans: []document.Span{{Text: "Every required part is present, but the report has not been marked ready to publish: a scrutiny review of the report must be recorded first."}}})
		return s
	}
	var spans []document.Span
	for i, m := range r.Missing {
		switch {
		case i == 0:
		case i == len(r.Missing)-1:
			spans = append(spans, document.Span{Text: "; and "})
		default:
			spans = append(spans, document.Span{Text: "; "})
		}
		ref := ""
		if shown[m.Section] {
			ref = string(m.Section)
		}
		spans = append(spans, document.Span{Text: m.Title, Ref: ref})
	}
	spans = append(spans, document.Span{Text: "."})
	lead := fmt.Sprintf("This draft lacks %s: ", count(len(r.Missing), "required part"))
	s.Blocks = append(s.Blocks, &document.Note{Kind: document.NoteWarning, Title: "Missing from this draft",
		Spans: append([]document.Span{{Text: lead}}, spans...)})
	return s
}

func publishSection(s *Section) document.Section {
	out := document.Section{ID: string(s.ID), Title: s.Title}
	add := func(b document.Block) { out.Blocks = append(out.Blocks, b) }
	if s.Citation.Source != "" {
		add(&document.Paragraph{Spans: []document.Span{{Text: "Asked for by " + s.Citation.String() + ".", Emphasis: true}}})
	}
	if s.Missing {
		add(&document.Note{Kind: document.NoteWarning, Title: "Missing from this draft", Spans: []document.Span{{Text: capitalise(s.Reason) + "."}}})
	}
	if s.Summary != "" {
		add(&document.Paragraph{Spans: []document.Span{{Text: s.Summary}}})
	}
	for _, it := range s.Items {
		label := it.Label
		if !it.Date.IsZero() {
			label += " (" + it.Date.Long() + ")"
		}
		spans := []document.Span{{Text: label + ".", Strong: true}}
		if it.Text != "" {
			spans = append(spans, document.Span{Text: " " + it.Text})
		}
		add(&document.Paragraph{Spans: spans})
	}
	for i, t := range s.Tables {
		add(publishTable(t, fmt.Sprintf("%s-table-%d", s.ID, i+1)))
	}
	if c := s.Chart; c != nil && len(c.Bars) > 0 {
		ch := &document.BarChart{ID: string(s.ID) + "-chart", Caption: c.Caption}
		for _, b := range c.Bars {
			ch.Bars = append(ch.Bars, document.Bar{Label: b.Label, Value: b.Amount, Display: vocab.FormatPounds(b.Amount, 0)})
		}
		add(ch)
	}
	if len(s.Notes) > 0 {
		add(&document.Note{Title: "Points to note", Spans: []document.Span{{Text: strings.Join(s.Notes, " ")}}})
	}
	return out
}

// publishTable lays out a report table: columns share the width in
// proportion to their longest cell, and a column of amounts or counts is
// aligned right.
func publishTable(t Table, id string) *document.Table {
	out := &document.Table{ID: id, Caption: t.Caption, Rows: t.Rows, Total: t.Footer}
	for c, h := range t.Columns {
		longest, numeric := utf8.RuneCountInString(h), c > 0 && len(t.Rows) > 0
		for _, row := range append(append([][]string{}, t.Rows...), t.Footer) {
			if c < len(row) {
				longest = max(longest, utf8.RuneCountInString(row[c]))
			}
		}
		for _, row := range t.Rows {
			numeric = numeric && c < len(row) && isFigure(row[c])
		}
		col := document.Column{Header: h, Width: float64(min(max(longest, 4), 40))}
		if numeric {
			col.Align = document.AlignRight
		}
		out.Columns = append(out.Columns, col)
	}
	return out
}

// isFigure reports whether a cell is an amount or a count, such as
// "£12,500" or "3".
func isFigure(s string) bool {
	s = strings.TrimPrefix(s, "£")
	if s == "" {
		return false
	}
	for _, r := range s {
		if (r < '0' || r > '9') && r != ',' && r != '.' {
			return false
		}
	}
	return true
}

// capitalise upper-cases the first letter of s.
func capitalise(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return strings.ToUpper(string(r)) + s[n:]
}
