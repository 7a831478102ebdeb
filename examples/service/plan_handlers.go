package main

import (
	"bytes"
	"net/http"
	"sync"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/plan"
	"github.com/masa-go/masa/plan/html"
	"github.com/masa-go/masa/plan/pdf"
)

// planCSP is the Content-Security-Policy of a rendered HTML plan: the
// document is self-contained, with inline styles and nothing else, so
// it may load nothing, run nothing and submit nothing, even when it was
// rendered from a posted file.
const planCSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// planCache holds the served partnership's rendered plan. Rendering is
// deterministic, so each format is rendered once, on first request.
type planCache struct {
	pdf, html func() ([]byte, error)
}

func newPlanCache(p *masa.Partnership) *planCache {
	return &planCache{
		pdf:  sync.OnceValues(func() ([]byte, error) { return renderPlan(p, formatPDF) }),
		html: sync.OnceValues(func() ([]byte, error) { return renderPlan(p, formatHTML) }),
	}
}

// renderPlan validates p, builds its plan and renders it in format f.
// Problems with p (its validation problems, or those that stop the plan
// being built) are returned as vocab.Problems: only a valid model is
// rendered (issue 13, bug 5).
func renderPlan(p *masa.Partnership, f format) ([]byte, error) {
	if err := plan.Validate(p); err != nil {
		return nil, err
	}
	doc, err := plan.Build(p)
	if err != nil {
		return nil, err
	}
	return renderDocument(doc, f)
}

// renderDocument renders a built plan in format f.
func renderDocument(doc *plan.Document, f format) ([]byte, error) {
	var err error
	var buf bytes.Buffer
	if f == formatPDF {
		err = pdf.Render(&buf, doc)
	} else {
		err = html.Render(&buf, doc)
	}
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// writePlan writes a rendered plan.
func writePlan(w http.ResponseWriter, f format, body []byte) {
	h := w.Header()
	if f == formatPDF {
		h.Set("Content-Disposition", `inline; filename="plan.pdf"`)
	} else {
		h.Set("Content-Security-Policy", planCSP)
	}
	writeBytes(w, http.StatusOK, f.contentType(), body)
}

// getPlan renders the served partnership's published plan as PDF (the
// default) or HTML.
func (s *server) getPlan(w http.ResponseWriter, r *http.Request) error {
	f, err := negotiate(r, formatPDF, formatHTML)
	if err != nil {
		return err
	}
	render := s.plans.pdf
	if f == formatHTML {
		render = s.plans.html
	}
	body, err := render()
	if err != nil {
		return err
	}
	writePlan(w, f, body)
	return nil
}

// postPlan renders the plan of a posted partnership file.
func (s *server) postPlan(w http.ResponseWriter, r *http.Request) error {
	f, err := negotiate(r, formatPDF, formatHTML)
	if err != nil {
		return err
	}
	data, err := s.readBody(w, r)
	if err != nil {
		return err
	}
	p, err := masa.Parse(data)
	if err != nil {
		return badRequest(inBody, err)
	}
	body, err := renderPlan(p, f)
	if err != nil {
		return rulesBroken(err)
	}
	writePlan(w, f, body)
	return nil
}

// draftPlan renders a draft of next year's plan for the served
// partnership with a posted funding scenario applied, marked as prepared
// on the "prepared" date (today by default). The scenario's baseline must
// be the partnership's published funding table.
func (s *server) draftPlan(w http.ResponseWriter, r *http.Request) error {
	f, err := negotiate(r, formatPDF, formatHTML)
	if err != nil {
		return err
	}
	prepared, err := s.dateParam(r, "prepared")
	if err != nil {
		return err
	}
	sc, err := s.readScenario(w, r)
	if err != nil {
		return err
	}
	doc, err := plan.Draft(s.Partnership, sc, prepared)
	if err != nil {
		return rulesBroken(err)
	}
	body, err := renderDocument(doc, f)
	if err != nil {
		return err
	}
	writePlan(w, f, body)
	return nil
}
