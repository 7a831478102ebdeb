package main

import (
	"net/http"
	"strings"

	"github.com/masa-go/masa/annualreport"
	"github.com/masa-go/masa/document"
	"github.com/masa-go/masa/document/html"
	"github.com/masa-go/masa/document/pdf"
	"github.com/masa-go/masa/vocab"
)

// postAnnualReport renders the served partnership's yearly report from a
// posted yearly-report input (see package annualreport) as PDF (the
// default) or accessible HTML. The report is a draft, prepared on the
// "prepared" date (today by default), with a watermark counting the
// required parts still missing. With "ready", annualreport's
// Report.MarkReady is asked to mark it ready on that date: when it
// refuses, the answer is 422 naming every reason, so a client never
// receives a draft it asked to have published.
func (s *server) postAnnualReport(w http.ResponseWriter, r *http.Request) error {
	f, err := negotiate(r, formatPDF, formatHTML)
	if err != nil {
		return err
	}
	prepared, err := s.dateParam(r, "prepared")
	if err != nil {
		return err
	}
	var ready vocab.Date
	if r.URL.Query().Has("ready") {
		if ready, err = s.dateParam(r, "ready"); err != nil {
			return err
		}
	}
	data, err := s.readBody(w, r)
	if err != nil {
		return err
	}
	in, err := annualreport.Parse(data)
	if err != nil {
		return badRequest(inBody, err)
	}
	rep, err := annualreport.Assemble(s.Partnership, in)
	if err != nil {
		return rulesBroken(err)
	}
	if !ready.IsZero() {
		if err := rep.MarkReady(ready); err != nil {
			return rulesBroken(err)
		}
	}
	body, err := renderAny(annualreport.Publish(rep, prepared), f)
	if err != nil {
		return err
	}
	h := w.Header()
	if f == formatPDF {
		h.Set("Content-Disposition", `inline; filename="report-`+strings.ReplaceAll(rep.Year.String(), "/", "-")+`.pdf"`)
	} else {
		h.Set("Content-Security-Policy", planCSP)
	}
	writeBytes(w, http.StatusOK, f.contentType(), body)
	return nil
}

// renderAny renders a document in format f.
func renderAny(d *document.Document, f format) ([]byte, error) {
	if f == formatPDF {
		return pdf.Bytes(d)
	}
	return html.Bytes(d)
}
