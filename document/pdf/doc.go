// Package pdf renders any document.Document (the plan, the yearly report, the
// key messages digest) as a PDF with gofpdf.
//
// The Go fonts (regular and bold, from golang.org/x/image) are embedded and
// subset, so the pound sign, curly quotes, dashes and names beyond Latin-1
// print correctly, in the text and in the outline. The PDF has a cover, a
// contents page whose entries link to their sections and show real page
// numbers, a bookmark for every section and subheading, "Page X of Y"
// footers, tables that repeat their header row on each page they span, a
// bar chart of the funding contributions, and document metadata. Emphasis
// is shown in colour rather than italics, which public-sector style guides
// advise against. gofpdf cannot write tagged PDF, so package plan/html
// renders the accessible twin of the same document.
//
// Output is deterministic: the same document always gives the same bytes.
package pdf
