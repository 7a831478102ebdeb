// Package html renders any document.Document as one self-contained, accessible
// HTML file: the accessible twin of the PDF, which UK public bodies need
// because gofpdf cannot write tagged PDF.
//
// The page declares its language, uses one h1 and nested h2 and h3
// headings, landmarks (header, nav, main, footer), a contents list whose
// entries link to the sections, tables with captions and th cells scoped
// to their columns or rows, and a text-equivalent bar chart. Styles are
// inline, so the file needs nothing else to display or print. All text is
// escaped by html/template, after document.DisplayText has replaced control and
// format characters, so a name containing markup is shown as text.
//
// Output is deterministic: the same document always gives the same bytes.
package html
