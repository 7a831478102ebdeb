package server

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/plan"
	"github.com/masa-go/masa/plan/pdf"
	"github.com/masa-go/masa/wasm/internal/state"
	"github.com/masa-go/masa/workdays"
)

// PlanPDF returns the handler for GET /api/plan.pdf?s=…: partnership
// p's draft plan for the scenario's year with the shared scenario
// applied, made by plan.Draft and plan/pdf from the same form the page
// shows. The draft is dated with today's date in England. It is an
// error for p to have no funding table.
func PlanPDF(p *masa.Partnership) (http.Handler, error) {
	pt, err := state.PartnershipOf(p)
	if err != nil {
		return nil, err
	}
	return planPDF{partnership: p, setup: pt, now: time.Now}, nil
}

type planPDF struct {
	partnership *masa.Partnership
	setup       state.Partnership
	now         func() time.Time
}

func (h planPDF) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if len(r.URL.RawQuery) > 2*state.MaxShareLength {
		planError(w, http.StatusRequestURITooLong, "The scenario in the link is too long.")
		return
	}
	m := state.NewModelFor(h.setup)
	f, present, err := m.FromQuery(r.URL.RawQuery)
	if err != nil {
		planError(w, http.StatusBadRequest, err.Error()+".")
		return
	}
	if present {
		m.Load(f)
	}
	if m.Stale {
		var b strings.Builder
		b.WriteString("The scenario has problems, so no draft plan was made:\n")
		for _, p := range m.Problems {
			field := string(p.Field)
			if field == "" {
				field = "scenario"
			}
			fmt.Fprintf(&b, "- %s: %q %s\n", field, p.Value, p.Message)
		}
		planError(w, http.StatusUnprocessableEntity, b.String())
		return
	}
	doc, err := plan.Draft(h.partnership, m.Scenario, workdays.DateInLondon(h.now()))
	if err != nil {
		planError(w, http.StatusUnprocessableEntity, "No draft plan could be made: "+err.Error())
		return
	}
	var buf bytes.Buffer
	if err := pdf.Render(&buf, doc); err != nil {
		planError(w, http.StatusInternalServerError, "The draft plan could not be rendered: "+err.Error())
		return
	}
	name := "draft-plan-" + strings.ReplaceAll(m.Result.Year.String(), "/", "-") + ".pdf"
	hdr := w.Header()
	hdr.Set("Content-Type", "application/pdf")
	hdr.Set("Content-Disposition", `attachment; filename="`+name+`"`)
	hdr.Set("Content-Length", strconv.Itoa(buf.Len()))
	hdr.Set("Cache-Control", "no-store")
	if r.Method != http.MethodHead {
		w.Write(buf.Bytes())
	}
}

func planError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	fmt.Fprintln(w, msg)
}
