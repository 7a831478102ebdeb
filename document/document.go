package document

import (
	"iter"

	"github.com/masa-go/masa/vocab"
	"github.com/shopspring/decimal"
)

// Document is a publication as a renderer-neutral document: a cover, an
// optional foreword, the numbered sections, the appendix and a closing
// contact block. Every string in it is final display text; renderers only
// lay it out.
type Document struct {
	// Meta is the document's metadata.
	Meta Meta
	// Cover is the content of the cover page.
	Cover Cover
	// Foreword is the partnership's own foreword, or nil when its data
	// file supplies none.
	Foreword *Section
	// Sections are the eleven numbered sections, in order.
	Sections []Section
	// Appendix holds the appendix parts (designated relevant agencies and
	// lead areas), in order.
	Appendix []Section
	// Contact is the contact block that closes the document, or nil when
	// the partnership publishes none.
	Contact *Contact
}

// Meta is the document's metadata, which renderers write into the file.
type Meta struct {
	// Title is the full title, such as "Riverside Safeguarding Children
	// Partnership: Yearly Report 2020-21".
	Title string
	// Author is the partnership that publishes the document.
	Author string
	// Subject says in a sentence what the document is.
	Subject string
	// Keywords are search keywords.
	Keywords []string
	// Language is the BCP 47 language tag of the text, "en-GB".
	Language string
	// Date is the publication date. Renderers use it as the file's
	// creation and modification date, so output depends on the model
	// only.
	Date vocab.Date
	// Draft marks a draft that has not been published. Renderers say so
	// on the cover and on every page, in the words of DraftNotice.
	Draft bool
	// DraftNotice is the line that marks a draft, such as "Draft: not yet
	// published" (the default when it is empty). The PDF shows it in
	// capitals.
	DraftNotice string
	// Watermark, when set, is drawn large across every page of the PDF and
	// shown as a banner in HTML, such as "DRAFT: 3 PARTS MISSING". Leave
	// it empty for a publishable document.
	Watermark string
}

// Notice returns the line that marks a draft: DraftNotice, or "Draft: not
// yet published".
func (m Meta) Notice() string {
	if m.DraftNotice != "" {
		return m.DraftNotice
	}
	return "Draft: not yet published"
}

// Cover is the content of the cover page.
type Cover struct {
	// Partnership is the partnership's name.
	Partnership string
	// Title is the document title with its year, such as "Multi-Agency
	// Safeguarding Arrangements 2020-21".
	Title string
	// Status is a line such as "Published 29 June 2020" or, for a draft,
	// "Draft prepared 1 February 2021".
	Status string
	// Notes are further lines for the cover, such as a draft warning or
	// the number to call when worried about a child.
	Notes []string
}

// Section is one section of the document: a numbered section, the
// foreword or a part of the appendix.
type Section struct {
	// ID identifies the section: its anchor, unique within the document,
	// and the target of cross-references (Span.Ref).
	ID string
	// Number is the section's number ("1" to "11"), its appendix letter
	// ("A", "B"), or empty for the foreword.
	Number string
	// Title is the section heading without its number.
	Title string
	// Blocks are the section's content, in order.
	Blocks []Block
}

// Heading returns the section heading as displayed: "3. Vision and
// values", "Appendix A: Designated relevant agencies" or "Foreword".
func (s *Section) Heading() string {
	switch {
	case s.Number == "":
		return s.Title
	case s.Number[0] >= 'A' && s.Number[0] <= 'Z':
		return "Appendix " + s.Number + ": " + s.Title
	}
	return s.Number + ". " + s.Title
}

// Block is one block of section content: a *Paragraph, *Subheading,
// *List, *Table, *BarChart or *Note. Renderers switch on the concrete
// type.
type Block interface {
	block()
}

// Span is a run of text within a paragraph.
type Span struct {
	// Text is the run's text.
	Text string
	// Strong marks text to be shown in bold.
	Strong bool
	// Emphasis marks text to be shown in italics.
	Emphasis bool
	// URL, when set, makes the run a link to a web address or a mailto:
	// address.
	URL string
	// Ref, when set, makes the run a cross-reference: a link to the
	// section, subheading, table, chart or note of the same document whose
	// ID is Ref. The run's Text is what the reader sees, such as "the
	// funding table"; write it so it reads well on paper too. Check
	// references with Document.Check.
	Ref string
}

// Paragraph is a paragraph of running text.
type Paragraph struct {
	// Spans are the paragraph's runs of text, in order.
	Spans []Span
}

// Text returns the paragraph's text without styling.
func (p *Paragraph) Text() string {
	n := 0
	for _, s := range p.Spans {
		n += len(s.Text)
	}
	b := make([]byte, 0, n)
	for _, s := range p.Spans {
		b = append(b, s.Text...)
	}
	return string(b)
}

// Subheading is a heading within a section.
type Subheading struct {
	// ID is the heading's anchor, unique within the document.
	ID string
	// Text is the heading text.
	Text string
}

// List is a bulleted or numbered list of short items.
type List struct {
	// Ordered marks a numbered list.
	Ordered bool
	// Items are the list's items.
	Items []string
}

// Align is the horizontal alignment of a table column.
type Align int

// The alignments.
const (
	// AlignLeft aligns text to the left, for names and descriptions.
	AlignLeft Align = iota
	// AlignRight aligns text to the right, for amounts and counts.
	AlignRight
)

// Column describes one column of a table.
type Column struct {
	// Header is the column heading.
	Header string
	// Align is the alignment of the column's cells.
	Align Align
	// Width is the column's share of the table width, relative to the
	// other columns' Widths.
	Width float64
}

// Table is a table with a header row that renderers repeat on every page
// the table spans, and an optional total row.
type Table struct {
	// ID is the table's anchor, unique within the document.
	ID string
	// Caption says what the table shows.
	Caption string
	// Columns describe the columns; every row has one cell per column.
	Columns []Column
	// Rows are the body rows. The first cell of each row is the row's
	// heading (HTML marks it up as a row header).
	Rows [][]string
	// Total, when set, is the final row, such as the funding total.
	Total []string
}

// Bar is one bar of a bar chart.
type Bar struct {
	// Label names the bar.
	Label string
	// Value is the bar's length in the chart's unit; it is never negative.
	Value decimal.Decimal
	// Display is the value as displayed, such as "£240,205".
	Display string
}

// BarChart is a horizontal bar chart, drawn in the PDF and given in HTML as
// an accessible list of proportional bars.
type BarChart struct {
	// ID is the chart's anchor, unique within the document.
	ID string
	// Caption says what the chart shows.
	Caption string
	// Bars are the bars, in display order.
	Bars []Bar
}

// Share returns bar i's length as a fraction of the longest bar, between 0
// and 1, for drawing. A chart whose bars are all zero has no lengths.
func (c *BarChart) Share(i int) float64 {
	longest := decimal.Zero
	for _, b := range c.Bars {
		if b.Value.GreaterThan(longest) {
			longest = b.Value
		}
	}
	if !longest.IsPositive() || !c.Bars[i].Value.IsPositive() {
		return 0
	}
	f, _ := c.Bars[i].Value.DivRound(longest, 6).Float64()
	return f
}

// NoteKind says what a note is for, and so how it is shown.
type NoteKind int

// The kinds of note.
const (
	// NoteInfo is a remark set apart from the running text.
	NoteInfo NoteKind = iota
	// NoteWarning flags something the reader must not miss, such as a
	// part of a draft that is still missing.
	NoteWarning
)

// Note is a short boxed remark, with an optional title, such as "Missing
// from this draft" followed by what is lacking.
type Note struct {
	// ID is the note's anchor, unique within the document; it may be
	// empty.
	ID string
	// Kind says how the note is shown.
	Kind NoteKind
	// Title, when set, heads the note.
	Title string
	// Spans are the note's text.
	Spans []Span
}

// Text returns the note's text without styling.
func (n *Note) Text() string { return (&Paragraph{Spans: n.Spans}).Text() }

func (*Paragraph) block()  {}
func (*Note) block()       {}
func (*Subheading) block() {}
func (*List) block()       {}
func (*Table) block()      {}
func (*BarChart) block()   {}

// ContactLine is one line of the contact block.
type ContactLine struct {
	// Label names the line, such as "Email"; empty for address lines.
	Label string
	// Value is the line's text.
	Value string
	// URL, when set, makes Value a link.
	URL string
}

// Contact is the block that closes the document.
type Contact struct {
	// Heading is the block's heading.
	Heading string
	// Intro, when set, is a sentence before the lines, such as "This plan
	// is issued by the Partnership Board."
	Intro string
	// Lines are the contact details, in order.
	Lines []ContactLine
	// Edition is a closing line such as "2nd publication: 29 June 2020".
	Edition string
}

// Headings returns every heading of the document in order: the foreword,
// each section and appendix part, their subheadings, and the contact
// heading. Tests and renderers use it to check outlines and contents.
func (d *Document) Headings() []string {
	var out []string
	for s := range d.Parts() {
		out = append(out, s.Heading())
		for _, b := range s.Blocks {
			if h, ok := b.(*Subheading); ok {
				out = append(out, h.Text)
			}
		}
	}
	if d.Contact != nil {
		out = append(out, d.Contact.Heading)
	}
	return out
}

// Parts yields the document's sections in reading order: the foreword, if
// there is one, then the numbered sections, then the appendix parts.
func (d *Document) Parts() iter.Seq[*Section] {
	return func(yield func(*Section) bool) {
		if d.Foreword != nil && !yield(d.Foreword) {
			return
		}
		for i := range d.Sections {
			if !yield(&d.Sections[i]) {
				return
			}
		}
		for i := range d.Appendix {
			if !yield(&d.Appendix[i]) {
				return
			}
		}
	}
}
