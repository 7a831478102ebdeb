package main

import (
	"bytes"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/masa-go/masa/register"
	"github.com/masa-go/masa/register/ical"
	"github.com/masa-go/masa/reviews"
	"github.com/masa-go/masa/vocab"
)

// registerRoutes are the register's endpoints. Each needs a bearer token
// with at least the role given; the stateless endpoints stay open.
func (s *server) registerRoutes() []route {
	return []route{
		{method: http.MethodPost, path: "/v1/register/cases", handle: s.guard(register.RoleRecord, s.createCase)},
		{method: http.MethodGet, path: "/v1/register/cases/{ref}", handle: s.guard(register.RoleRead, s.getCase)},
		{method: http.MethodPost, path: "/v1/register/cases/{ref}/events", handle: s.guard(register.RoleRecord, s.recordEvent)},
		{method: http.MethodPost, path: "/v1/register/cases/{ref}/corrections", handle: s.guard(register.RoleRecord, s.correctEntry)},
		{method: http.MethodGet, path: "/v1/register/cases/{ref}/status", query: []string{"on"}, handle: s.guard(register.RoleRead, s.caseStatus)},
		{method: http.MethodGet, path: "/v1/register/overdue", query: []string{"on"}, handle: s.guard(register.RoleRead, s.registerOverdue)},
		{method: http.MethodGet, path: "/v1/register/due", query: []string{"on", "days"}, handle: s.guard(register.RoleRead, s.registerDue)},
		{method: http.MethodGet, path: "/v1/register/export.csv", handle: s.guard(register.RoleRead, s.registerCSV)},
		{method: http.MethodGet, path: "/v1/register/calendar.ics", query: []string{"on", "token"}, handle: s.guard(register.RoleRead, s.registerCalendar)},
		{method: http.MethodGet, path: "/v1/register/audit", query: []string{"ref"}, handle: s.guard(register.RoleAdmin, s.registerAudit)},
	}
}

// registerHandler is a register endpoint: it gets the register and the
// holder of the token that called it.
type registerHandler func(w http.ResponseWriter, r *http.Request, reg *register.Register, holder string) error

// guard opens the register, checks the request's bearer token for role
// need, and calls h. The token comes in the Authorization header
// ("Bearer masa_…"); the calendar feed also takes it as the "token" query
// parameter, since calendar programs cannot send headers.
func (s *server) guard(need register.Role, h registerHandler) func(http.ResponseWriter, *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		secret, err := bearer(r)
		if err != nil {
			return s.registerError(w, err)
		}
		if s.Register == nil {
			return newClientError(http.StatusNotFound, inPath, vocab.NotFound("", "register", "is not kept by this service"))
		}
		reg, err := s.Register.get(r.Context())
		if err != nil {
			return err
		}
		tok, err := reg.Authenticate(r.Context(), secret, need)
		if err != nil {
			return s.registerError(w, err)
		}
		return h(w, r, reg, tok.Holder)
	}
}

// bearer returns the request's bearer token, or "" when there is none.
func bearer(r *http.Request) (string, error) {
	h := r.Header.Get("Authorization")
	if h == "" {
		if r.URL.Path == "/v1/register/calendar.ics" {
			return r.URL.Query().Get("token"), nil
		}
		return "", nil
	}
	scheme, secret, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(secret) == "" {
		return "", errors.Join(register.ErrUnauthenticated, vocab.Invalid("Authorization", "bearer", "", `is not "Bearer" and a token`))
	}
	return strings.TrimSpace(secret), nil
}

// registerError answers the register's named errors with their statuses;
// anything else is a fault (500).
func (s *server) registerError(w http.ResponseWriter, err error) error {
	switch {
	case errors.Is(err, register.ErrUnauthenticated):
		w.Header().Set("WWW-Authenticate", `Bearer realm="masa register"`)
		return newClientError(http.StatusUnauthorized, inHeader, err)
	case errors.Is(err, register.ErrForbidden):
		return newClientError(http.StatusForbidden, inHeader, err)
	case errors.Is(err, register.ErrUnknownCase), errors.Is(err, register.ErrUnknownToken):
		return newClientError(http.StatusNotFound, inPath, err)
	case errors.Is(err, register.ErrCaseExists), errors.Is(err, register.ErrStale):
		return newClientError(http.StatusConflict, inBody, err)
	case errors.Is(err, register.ErrRefused):
		return newClientError(http.StatusUnprocessableEntity, inBody, err)
	case errors.Is(err, register.ErrBadRequest):
		return newClientError(http.StatusBadRequest, inBody, err)
	}
	return err
}

// newCase is the body of POST /v1/register/cases.
type newCase struct {
	Ref   string        `json:"ref"`
	Facts reviews.Facts `json:"facts"`
}

// caseAnswer is a case as the register holds it, with its trail.
type caseAnswer struct {
	*register.Case
	// Events is the trail the rules see: the entries with corrections
	// applied.
	Events []reviews.Event `json:"events"`
}

func answerCase(c *register.Case) caseAnswer {
	return caseAnswer{Case: c, Events: c.Trail().Events}
}

// decodeBody reads and strictly decodes a JSON body: an unknown field,
// such as a name or date of birth, is refused with 400.
func (s *server) decodeBody(w http.ResponseWriter, r *http.Request, v any) error {
	data, err := s.readBody(w, r)
	if err != nil {
		return err
	}
	if err := vocab.DecodeJSON(data, v); err != nil {
		return badRequest(inBody, err)
	}
	return nil
}

func (s *server) createCase(w http.ResponseWriter, r *http.Request, reg *register.Register, holder string) error {
	var body newCase
	if err := s.decodeBody(w, r, &body); err != nil {
		return err
	}
	c, err := reg.Create(r.Context(), holder, body.Ref, body.Facts)
	if err != nil {
		return s.registerError(w, err)
	}
	w.Header().Set("Location", "/v1/register/cases/"+url.PathEscape(c.Ref))
	return writeRegister(w, http.StatusCreated, answerCase(c))
}

func (s *server) getCase(w http.ResponseWriter, r *http.Request, reg *register.Register, _ string) error {
	c, err := reg.Case(r.Context(), r.PathValue("ref"))
	if err != nil {
		return s.registerError(w, err)
	}
	return writeRegister(w, http.StatusOK, answerCase(c))
}

// recordRequest is the body of POST /v1/register/cases/{ref}/events.
type recordRequest struct {
	// ExpectedVersion is the case's version as the writer read it.
	ExpectedVersion *int          `json:"expectedVersion"`
	Event           reviews.Event `json:"event"`
}

// expected returns the writer's expected version, which is required.
func expected(v *int) (int, error) {
	if v == nil {
		return 0, badRequest(inBody, vocab.Invalid("expectedVersion", "required", "", "is required: the version of the case as you read it"))
	}
	return *v, nil
}

func (s *server) recordEvent(w http.ResponseWriter, r *http.Request, reg *register.Register, holder string) error {
	var body recordRequest
	if err := s.decodeBody(w, r, &body); err != nil {
		return err
	}
	v, err := expected(body.ExpectedVersion)
	if err != nil {
		return err
	}
	c, err := reg.Record(r.Context(), holder, r.PathValue("ref"), v, body.Event)
	if err != nil {
		return s.registerError(w, err)
	}
	return writeRegister(w, http.StatusCreated, answerCase(c))
}

// correctionRequest is the body of POST /v1/register/cases/{ref}/corrections.
type correctionRequest struct {
	ExpectedVersion *int `json:"expectedVersion"`
	register.Correction
}

func (s *server) correctEntry(w http.ResponseWriter, r *http.Request, reg *register.Register, holder string) error {
	var body correctionRequest
	if err := s.decodeBody(w, r, &body); err != nil {
		return err
	}
	v, err := expected(body.ExpectedVersion)
	if err != nil {
		return err
	}
	c, err := reg.Correct(r.Context(), holder, r.PathValue("ref"), v, body.Correction)
	if err != nil {
		return s.registerError(w, err)
	}
	return writeRegister(w, http.StatusCreated, answerCase(c))
}

// statusAnswer is a stored case's status with the version it was read at.
type statusAnswer struct {
	Version int `json:"version"`
	*reviews.Status
}

func (s *server) caseStatus(w http.ResponseWriter, r *http.Request, reg *register.Register, _ string) error {
	on, err := s.dateParam(r, "on")
	if err != nil {
		return err
	}
	st, v, err := reg.Status(r.Context(), r.PathValue("ref"), on)
	if err != nil {
		if onlyFields(err, "on") {
			return unprocessable(inQuery, err)
		}
		return s.registerError(w, err)
	}
	return writeRegister(w, http.StatusOK, statusAnswer{Version: v, Status: st})
}

// registerReport is the overdue report over the register. Problems lists
// the stored cases the rules no longer accept, which the report leaves
// out.
type registerReport struct {
	*reviews.Report
	Problems vocab.Problems `json:"problems,omitempty"`
}

func (s *server) registerOverdue(w http.ResponseWriter, r *http.Request, reg *register.Register, _ string) error {
	on, err := s.dateParam(r, "on")
	if err != nil {
		return err
	}
	rep, err := reg.Overdue(r.Context(), on)
	if rep == nil {
		if onlyFields(err, "on") {
			return unprocessable(inQuery, err)
		}
		return err
	}
	return writeRegister(w, http.StatusOK, registerReport{Report: rep, Problems: vocab.AsProblems(err)})
}

// registerAgenda is the steps due; Problems as in registerReport.
type registerAgenda struct {
	*register.Agenda
	Problems vocab.Problems `json:"problems,omitempty"`
}

func (s *server) registerDue(w http.ResponseWriter, r *http.Request, reg *register.Register, _ string) error {
	on, err := s.dateParam(r, "on")
	if err != nil {
		return err
	}
	days := 10
	if q := r.URL.Query(); q.Has("days") {
		n, err := strconv.Atoi(q.Get("days"))
		if err != nil {
			return badRequest(inQuery, vocab.Invalid("days", "integer", q.Get("days"), "is not a whole number of working days"))
		}
		days = n
	}
	a, err := reg.DueWithin(r.Context(), on, days)
	if a == nil {
		if errors.Is(err, register.ErrBadRequest) {
			return badRequest(inQuery, err)
		}
		return err
	}
	return writeRegister(w, http.StatusOK, registerAgenda{Agenda: a, Problems: vocab.AsProblems(err)})
}

func (s *server) registerCSV(w http.ResponseWriter, r *http.Request, reg *register.Register, _ string) error {
	var buf bytes.Buffer
	if err := reg.ExportCSV(r.Context(), &buf); err != nil {
		return err
	}
	w.Header().Set("Content-Disposition", `attachment; filename="register.csv"`)
	writeBytes(w, http.StatusOK, "text/csv; charset=utf-8", buf.Bytes())
	return nil
}

// registerCalendar is the iCalendar feed of every step not yet done with
// a due date, stamped with the time of the request.
func (s *server) registerCalendar(w http.ResponseWriter, r *http.Request, reg *register.Register, _ string) error {
	on, err := s.dateParam(r, "on")
	if err != nil {
		return err
	}
	a, err := reg.Open(r.Context(), on)
	if a == nil {
		if errors.Is(err, register.ErrBadRequest) {
			return badRequest(inQuery, err)
		}
		return err
	}
	name := s.Partnership.ShortName
	if name == "" {
		name = s.Partnership.Name
	}
	events := ical.FromAgenda(a)
	if s.Board != nil {
		more, err := ical.FromBoard(s.Board, s.reviews.Calendar(), on)
		if err != nil {
			return err
		}
		events = append(events, more...)
	}
	feed := ical.Write(name+" review register", s.Now(), events)
	writeBytes(w, http.StatusOK, "text/calendar; charset=utf-8", feed)
	return nil
}

func (s *server) registerAudit(w http.ResponseWriter, r *http.Request, reg *register.Register, _ string) error {
	recs, err := reg.Store().Audit(r.Context(), r.URL.Query().Get("ref"))
	if err != nil {
		return err
	}
	return writeRegister(w, http.StatusOK, struct {
		Audit []register.AuditRecord `json:"audit"`
	}{recs})
}

// writeRegister writes v as canonical JSON with status.
func writeRegister(w http.ResponseWriter, status int, v any) error {
	body, err := vocab.EncodeJSON(v)
	if err != nil {
		return err
	}
	writeBytes(w, status, "application/json", body)
	return nil
}
