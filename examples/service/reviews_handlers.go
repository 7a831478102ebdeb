package main

import (
	"net/http"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/reviews"
	"github.com/masa-go/masa/vocab"
)

// writeReviews writes v with the reviews package's deterministic encoding.
func writeReviews(w http.ResponseWriter, v any) error {
	body, err := vocab.EncodeJSON(v)
	if err != nil {
		return err
	}
	writeBytes(w, http.StatusOK, formatJSON.contentType(), body)
	return nil
}

// dateOrRules classifies an error from the reviews engine: a problem with
// the "on" parameter alone is the query's fault, anything else the
// body's.
func dateOrRules(err error) error {
	if onlyFields(err, "on") {
		return unprocessable(inQuery, err)
	}
	return rulesBroken(err)
}

// timeline answers where a posted case stands on the "on" date (today by
// default): its stage, every step with its state, owner on the date and
// due date, what is due next and whether anything is overdue.
func (s *server) timeline(w http.ResponseWriter, r *http.Request) error {
	v, engine, err := s.reviewsParams(r)
	if err != nil {
		return err
	}
	on := v.Basis.On
	data, err := s.readBody(w, r)
	if err != nil {
		return err
	}
	var c reviews.Case
	if err := vocab.DecodeJSON(data, &c); err != nil {
		return badRequest(inBody, err)
	}
	st, err := engine.Status(&c, on)
	if err != nil {
		return dateOrRules(err)
	}
	return writeReviews(w, timelineAnswer{Status: st, Basis: v.Basis})
}

// timelineAnswer is the body of a successful POST /v1/reviews/timeline.
type timelineAnswer struct {
	*reviews.Status
	Basis masa.Basis `json:"basis"`
}

// reviewsParams reads the "on" and "asPublished" parameters and returns
// the partnership's view on that date with the engine that answers for
// it.
func (s *server) reviewsParams(r *http.Request) (*masa.View, *reviews.Engine, error) {
	v, err := s.viewParams(r, s.Partnership)
	if err != nil {
		return nil, nil, err
	}
	if v.Basis.AsPublished {
		return v, s.reviewsAsPublished, nil
	}
	return v, s.reviews, nil
}

// overdueRequest is the body of POST /v1/reviews/overdue.
type overdueRequest struct {
	Cases []reviews.Case `json:"cases"`
}

// overdueAnswer is the body of a successful POST /v1/reviews/overdue.
type overdueAnswer struct {
	*reviews.Report
	Basis masa.Basis `json:"basis"`
	// CaseProblems lists the problems of the cases left out of the
	// report, which Report.Problems counts; only a partial report
	// (partial=true) has any.
	CaseProblems []fieldProblem `json:"caseProblems,omitempty"`
}

// overdue answers the overdue steps of the posted cases on the "on" date,
// each with its owner on that date. A case with a problem makes the whole
// request a 422 listing every problem, unless partial=true asks for the
// report of the sound cases with the problems beside it.
func (s *server) overdue(w http.ResponseWriter, r *http.Request) error {
	v, engine, err := s.reviewsParams(r)
	if err != nil {
		return err
	}
	on := v.Basis.On
	partial, err := boolParam(r, "partial")
	if err != nil {
		return err
	}
	data, err := s.readBody(w, r)
	if err != nil {
		return err
	}
	var req overdueRequest
	if err := vocab.DecodeJSON(data, &req); err != nil {
		return badRequest(inBody, err)
	}
	if req.Cases == nil {
		return unprocessable(inBody, vocab.Invalid("cases", "required", "", "is missing; give a list of cases, which may be empty"))
	}
	rep, err := engine.OverdueContext(r.Context(), req.Cases, on)
	if rep == nil || (err != nil && !partial) {
		return dateOrRules(err)
	}
	out := overdueAnswer{Report: rep, Basis: v.Basis}
	if err != nil {
		ps := vocab.AsProblems(err)
		if ps == nil {
			return err
		}
		out.CaseProblems = newClientError(http.StatusUnprocessableEntity, inBody, ps).problems
	}
	return writeReviews(w, out)
}

// escalationAnswer is the body of GET /v1/reviews/escalation.
type escalationAnswer struct {
	Partnership vocab.ID        `json:"partnership"`
	On          vocab.Date      `json:"on"`
	Basis       masa.Basis      `json:"basis"`
	Levels      []reviews.Level `json:"levels"`
}

// escalation answers the levels of dispute resolution on the "on" date,
// each with the holder of the lead area that oversees it.
func (s *server) escalation(w http.ResponseWriter, r *http.Request) error {
	v, engine, err := s.reviewsParams(r)
	if err != nil {
		return err
	}
	levels, err := engine.Escalation(v.Basis.On)
	if err != nil {
		return dateOrRules(err)
	}
	return writeReviews(w, escalationAnswer{Partnership: s.Partnership.ID, On: v.Basis.On, Basis: v.Basis, Levels: levels})
}

// boolParam reads a true/false query parameter; absent is false.
func boolParam(r *http.Request, name string) (bool, error) {
	q := r.URL.Query()
	if !q.Has(name) {
		return false, nil
	}
	switch v := q.Get(name); v {
	case "true":
		return true, nil
	case "false":
		return false, nil
	default:
		return false, badRequest(inQuery, vocab.Invalid(name, "boolean", v, "must be true or false"))
	}
}
