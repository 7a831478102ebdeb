// Package html renders the arrangements plan (a plan.Document) as one
// self-contained, accessible HTML file.
//
// It is a thin wrapper kept for callers of the plan: the page lives in
// package document/html, which renders any document.Document. See that
// package for the page's structure. Output is deterministic: the same
// document always gives the same bytes.
package html
