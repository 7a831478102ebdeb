package plan

import "github.com/masa-go/masa/document"

// The plan is built as a document.Document, the document model it shares
// with the yearly report and the board's key messages digest. These names
// are kept so that callers written against plan keep working; they are the
// same types, not copies.
type (
	// Document is the published plan; see document.Document.
	Document = document.Document
	// Meta is the document's metadata; see document.Meta.
	Meta = document.Meta
	// Cover is the content of the cover page; see document.Cover.
	Cover = document.Cover
	// Section is one section; see document.Section.
	Section = document.Section
	// Block is one block of section content; see document.Block.
	Block = document.Block
	// Span is a run of text; see document.Span.
	Span = document.Span
	// Paragraph is a paragraph; see document.Paragraph.
	Paragraph = document.Paragraph
	// Subheading is a heading within a section; see document.Subheading.
	Subheading = document.Subheading
	// List is a list; see document.List.
	List = document.List
	// Align is a column alignment; see document.Align.
	Align = document.Align
	// Column describes a table column; see document.Column.
	Column = document.Column
	// Table is a table; see document.Table.
	Table = document.Table
	// Bar is one bar of a chart; see document.Bar.
	Bar = document.Bar
	// BarChart is a bar chart; see document.BarChart.
	BarChart = document.BarChart
	// Note is a boxed remark; see document.Note.
	Note = document.Note
	// ContactLine is one line of the contact block; see
	// document.ContactLine.
	ContactLine = document.ContactLine
	// Contact is the closing contact block; see document.Contact.
	Contact = document.Contact
)

// The alignments; see document.AlignLeft and document.AlignRight.
const (
	AlignLeft  = document.AlignLeft
	AlignRight = document.AlignRight
)
