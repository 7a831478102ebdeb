package html

import (
	"io"

	"github.com/masa-go/masa/document/html"
	"github.com/masa-go/masa/plan"
)

// Render writes the plan d to w as a self-contained HTML document. It is
// document/html.Render, which renders any document.Document; see that
// package for the page's structure.
func Render(w io.Writer, d *plan.Document) error { return html.Render(w, d) }

// Bytes returns the plan d as HTML; see document/html.Bytes.
func Bytes(d *plan.Document) ([]byte, error) { return html.Bytes(d) }
