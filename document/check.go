package document

import (
	"fmt"

	"github.com/masa-go/masa/vocab"
)

// Anchors returns every anchor ID in the document in reading order:
// sections, then within each section its subheadings, tables, charts and
// notes that have an ID.
func (d *Document) Anchors() []string {
	var out []string
	for s := range d.Parts() {
		if s.ID != "" {
			out = append(out, s.ID)
		}
		for _, b := range s.Blocks {
			if id := blockID(b); id != "" {
				out = append(out, id)
			}
		}
	}
	return out
}

func blockID(b Block) string {
	switch v := b.(type) {
	case *Subheading:
		return v.ID
	case *Table:
		return v.ID
	case *BarChart:
		return v.ID
	case *Note:
		return v.ID
	}
	return ""
}

// Check reports, all at once, anchors used twice and cross-references
// (Span.Ref) to anchors the document does not have. Builders call it
// before handing a document to a renderer; renderers draw a reference
// whose target is missing as plain text.
func (d *Document) Check() error {
	var ps vocab.Problems
	seen := map[string]bool{}
	for _, id := range d.Anchors() {
		if seen[id] {
			ps.Add(vocab.Conflict("anchors", "unique", id, "is used by more than one part of the document"))
		}
		seen[id] = true
	}
	i := 0
	for s := range d.Parts() {
		for j, b := range s.Blocks {
			for k, sp := range spansOf(b) {
				if sp.Ref != "" && !seen[sp.Ref] {
					ps.Add(vocab.Invalid(fmt.Sprintf("parts[%d].blocks[%d].spans[%d].ref", i, j, k), "known-anchor", sp.Ref, "names no part of the document"))
				}
			}
		}
		i++
	}
	return ps.Err()
}

func spansOf(b Block) []Span {
	switch v := b.(type) {
	case *Paragraph:
		return v.Spans
	case *Note:
		return v.Spans
	}
	return nil
}
