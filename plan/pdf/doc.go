// Package pdf renders the arrangements plan (a plan.Document) as a PDF.
//
// It is a thin wrapper kept for callers of the plan: the layout lives in
// package document/pdf, which renders any document.Document (the plan,
// the yearly report, the board's key messages digest). See that package
// for what the PDF holds. Output is deterministic: the same document
// always gives the same bytes.
package pdf
