package main

import (
	"bytes"
	"errors"
	"net/http"
	"strconv"

	"github.com/masa-go/masa/funding"
	"github.com/masa-go/masa/vocab"
)

// rulesBroken turns an error from a domain function applied to the
// request body into a 422 naming the fields, when it carries field
// errors; any other error is a fault of the service and is returned as
// is.
func rulesBroken(err error) error {
	if ps := vocab.AsProblems(err); ps != nil {
		return unprocessable(inBody, ps)
	}
	return err
}

// fundingBaseline serves the partnership's published funding table as a
// scenario with no changes: the starting point for a client's own
// scenario.
func (s *server) fundingBaseline(w http.ResponseWriter, _ *http.Request) error {
	sc, err := funding.BaselineScenario(s.Partnership)
	if errors.Is(err, vocab.ErrNotFound) {
		return &clientError{status: http.StatusNotFound, detail: "the partnership this service answers for has no funding table"}
	}
	if err != nil {
		return err
	}
	body, err := funding.EncodeScenario(sc)
	if err != nil {
		return err
	}
	writeBytes(w, http.StatusOK, formatJSON.contentType(), body)
	return nil
}

// readScenario reads a funding scenario from the request body: a body
// that is not a well-formed scenario document is 400, a scenario whose
// form breaks a rule is 422.
func (s *server) readScenario(w http.ResponseWriter, r *http.Request) (*funding.Scenario, error) {
	data, err := s.readBody(w, r)
	if err != nil {
		return nil, err
	}
	var sc funding.Scenario
	if err := vocab.DecodeJSON(data, &sc); err != nil {
		return nil, badRequest(inBody, err)
	}
	if err := sc.Check(); err != nil {
		return nil, rulesBroken(err)
	}
	return &sc, nil
}

// writeFunding writes v, a funding result, comparison or projection, as
// JSON (funding.EncodeJSON) or as CSV (writeCSV). With ?bom=true the CSV
// starts with a UTF-8 byte order mark, for Excel on Windows.
func writeFunding(w http.ResponseWriter, r *http.Request, f format, v any, writeCSV func(*bytes.Buffer) error) error {
	bom, err := boolParam(r, "bom")
	if err != nil {
		return err
	}
	if f == formatCSV {
		var buf bytes.Buffer
		if bom {
			buf.WriteString(funding.UTF8BOM)
		}
		if err := writeCSV(&buf); err != nil {
			return err
		}
		w.Header().Set("Content-Disposition", `inline; filename="funding.csv"`)
		writeBytes(w, http.StatusOK, f.contentType(), buf.Bytes())
		return nil
	}
	body, err := vocab.EncodeJSON(v)
	if err != nil {
		return err
	}
	writeBytes(w, http.StatusOK, f.contentType(), body)
	return nil
}

// applyPosted negotiates the answer's format (JSON or CSV), reads the
// posted scenario and applies it: the start of apportion and compare.
func (s *server) applyPosted(w http.ResponseWriter, r *http.Request) (format, *funding.Result, error) {
	f, err := negotiate(r, formatJSON, formatCSV)
	if err != nil {
		return f, nil, err
	}
	sc, err := s.readScenario(w, r)
	if err != nil {
		return f, nil, err
	}
	res, err := funding.Apply(sc)
	if err != nil {
		return f, nil, rulesBroken(err)
	}
	return f, res, nil
}

// apportion applies a posted scenario and answers with every
// contributor's amount, how it was set and a sentence per change.
func (s *server) apportion(w http.ResponseWriter, r *http.Request) error {
	f, res, err := s.applyPosted(w, r)
	if err != nil {
		return err
	}
	return writeFunding(w, r, f, res, func(b *bytes.Buffer) error { return res.WriteCSV(b) })
}

// compare applies a posted scenario and sets the result beside its
// baseline, contributor by contributor.
func (s *server) compare(w http.ResponseWriter, r *http.Request) error {
	f, res, err := s.applyPosted(w, r)
	if err != nil {
		return err
	}
	c := res.Compare()
	return writeFunding(w, r, f, c, func(b *bytes.Buffer) error { return c.WriteCSV(b) })
}

// project carries a posted scenario forward over the number of years in
// the "years" parameter at the yearly uplift in "percent".
func (s *server) project(w http.ResponseWriter, r *http.Request) error {
	f, err := negotiate(r, formatJSON, formatCSV)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	var ps vocab.Problems
	years, err := strconv.Atoi(q.Get("years"))
	switch {
	case !q.Has("years"):
		ps.Add(vocab.Invalid("years", "required", "", "is required: the number of financial years, such as 3"))
	case err != nil:
		ps.Add(vocab.Invalid("years", "integer", q.Get("years"), "must be a whole number of years, such as 3"))
	case years < 1 || years > funding.MaxProjectionYears:
		ps.Add(vocab.Invalid("years", "range", q.Get("years"), "must be between 1 and "+strconv.Itoa(funding.MaxProjectionYears)))
	}
	percent, err := funding.ParseNumber("percent", q.Get("percent"))
	if err != nil {
		ps = append(ps, vocab.AsProblems(err)...)
	}
	if ps.Err() != nil {
		return badRequest(inQuery, ps)
	}
	sc, err := s.readScenario(w, r)
	if err != nil {
		return err
	}
	p, err := funding.Project(sc, years, percent)
	if err != nil {
		if onlyFields(err, "years", "percent") {
			return badRequest(inQuery, err)
		}
		return rulesBroken(err)
	}
	return writeFunding(w, r, f, p, func(b *bytes.Buffer) error { return p.WriteCSV(b) })
}

// onlyFields reports whether err carries field errors and all of them
// name one of fields.
func onlyFields(err error, fields ...string) bool {
	ps := vocab.AsProblems(err)
	if len(ps) == 0 {
		return false
	}
	for _, fe := range ps {
		ok := false
		for _, f := range fields {
			ok = ok || fe.Field == f
		}
		if !ok {
			return false
		}
	}
	return true
}
