// Package document is the publication model shared by every document masa
// publishes: the arrangements plan (package plan), the yearly report
// (package annualreport) and the board's key messages digest (package
// board). It knows nothing of safeguarding; a domain package builds a
// [Document] from its own records, and the adapter packages named for
// the format lay it out: document/pdf (A4 PDF with embedded, subset fonts)
// and document/html (one self-contained, accessible HTML file). Neither
// renderer is imported here, so a program that only needs HTML does not
// carry the PDF library.
//
// # Building a document
//
// Every string is final display text: write the sentences in the domain
// package (from its structured records, in one place such as explain.go),
// then place them in the document. Renderers only lay out.
//
//	d := &document.Document{
//		Meta: document.Meta{Title: "Riverside: Key messages, spring 2021",
//			Author: "Riverside Safeguarding Children Partnership",
//			Language: "en-GB", Date: published},
//		Cover: document.Cover{Partnership: "Riverside Safeguarding Children Partnership",
//			Title: "Key messages, spring 2021", Status: "Published 1 May 2021"},
//		Sections: []document.Section{{
//			ID: "meetings", Number: "1", Title: "Meetings",
//			Blocks: []document.Block{
//				&document.Paragraph{Spans: []document.Span{
//					{Text: "The board met twice; see "},
//					{Text: "the decisions", Ref: "decisions"}, // a cross-reference
//					{Text: "."}}},
//				&document.Subheading{ID: "decisions", Text: "Decisions"},
//				&document.List{Items: []string{"…", "…"}},
//				&document.Table{ID: "actions", Caption: "Open actions",
//					Columns: []document.Column{{Header: "Action", Width: 3},
//						{Header: "Due", Width: 1, Align: document.AlignRight}},
//					Rows: [][]string{{"…", "30 June 2021"}}},
//				&document.BarChart{ID: "spend", Caption: "…", Bars: bars},
//				&document.Note{Kind: document.NoteWarning, Title: "Missing", Spans: …},
//			},
//		}},
//	}
//	if err := d.Check(); err != nil { … } // duplicate anchors, dangling references
//	err = pdf.Render(w, d)                // package document/pdf
//	err = html.Render(w, d)               // package document/html
//
// Rules of the model:
//
//   - Sections are the numbered parts, listed in the contents; Number is
//     "1", "2", … or an appendix letter ("A" reads "Appendix A: …"), or
//     empty for an unnumbered part. Foreword, when set, comes before the
//     contents and is not listed. Appendix parts start on a new page in
//     the PDF. Contact, when set, closes the document in a box.
//   - IDs (sections, subheadings, tables, charts, notes) are anchors:
//     unique within the document, used as HTML ids and as targets of a
//     Span's Ref. [Document.Check] reports clashes and dangling refs.
//   - Table rows have one cell per column; the first cell is the row's
//     heading. Total, when set, is a closing bold row.
//   - A chart's bars have non-negative Values; Display is the figure shown.
//   - A section with nothing to say should be left out, not filled with
//     "None listed": the reader cannot act on an empty heading.
//   - Meta.Draft marks a draft on the cover and every page (Meta.Notice);
//     Meta.Watermark draws a faint diagonal line of text across every PDF
//     page and a banner in HTML: use it for what keeps a draft from
//     publication, such as "DRAFT: 3 PARTS MISSING".
//   - Meta.Date is the file's creation date, so the same document gives the
//     same bytes.
package document
