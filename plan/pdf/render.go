package pdf

import (
	"io"

	"github.com/masa-go/masa/document/pdf"
	"github.com/masa-go/masa/plan"
)

// Render writes the plan d to w as a PDF. It is document/pdf.Render, which
// renders any document.Document; see that package for the layout.
func Render(w io.Writer, d *plan.Document) error { return pdf.Render(w, d) }

// Bytes returns the plan d as a PDF; see document/pdf.Bytes.
func Bytes(d *plan.Document) ([]byte, error) { return pdf.Bytes(d) }
