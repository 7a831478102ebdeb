package main

import (
	_ "embed"
	"errors"
	"net/http"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/masa/validate"
	"github.com/masa-go/masa/vocab"
)

//go:embed openapi.json
var openAPIJSON []byte

// healthz answers that the service is up.
func (s *server) healthz(w http.ResponseWriter, _ *http.Request) error {
	return writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// openAPI serves the embedded OpenAPI document.
func (s *server) openAPI(w http.ResponseWriter, _ *http.Request) error {
	writeBytes(w, http.StatusOK, "application/json", openAPIJSON)
	return nil
}

// getPartnership serves the partnership in its canonical encoding.
func (s *server) getPartnership(w http.ResponseWriter, _ *http.Request) error {
	writeBytes(w, http.StatusOK, "application/json", s.partnershipJSON)
	return nil
}

// ruleSetList is the body of GET /v1/rulesets.
type ruleSetList struct {
	RuleSets []masa.RuleSet `json:"ruleSets"`
}

// listRuleSets lists every known rule set, oldest first.
func (s *server) listRuleSets(w http.ResponseWriter, _ *http.Request) error {
	return writeJSON(w, http.StatusOK, ruleSetList{RuleSets: masa.RuleSets()})
}

// ruleSetAnswer is the body of GET /v1/ruleset.
type ruleSetAnswer struct {
	Partnership vocab.ID     `json:"partnership"`
	On          vocab.Date   `json:"on"`
	RuleSet     masa.RuleSet `json:"ruleSet"`
}

// ruleSetOn answers which rule set is in force for the partnership on the
// date in the "on" parameter (today by default).
func (s *server) ruleSetOn(w http.ResponseWriter, r *http.Request) error {
	on, rs, err := s.ruleSetParam(r, s.Partnership)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, ruleSetAnswer{Partnership: s.Partnership.ID, On: on, RuleSet: rs})
}

// ruleSetParam reads the "on" parameter and finds the rule set in force
// for p on that date. A date before any rule set is a 404 naming "on".
func (s *server) ruleSetParam(r *http.Request, p *masa.Partnership) (vocab.Date, masa.RuleSet, error) {
	on, err := s.dateParam(r, "on")
	if err != nil {
		return on, masa.RuleSet{}, err
	}
	rs, err := masa.RuleSetOn(p, on)
	if err != nil {
		if errors.Is(err, vocab.ErrNotFound) {
			return on, rs, unprocessable(inQuery, vocab.NotFound("on", on.String(), "is before any rule set the service knows"))
		}
		return on, rs, err
	}
	return on, rs, nil
}

// holdingView is one lead area's holder on a date, with the area's name
// and any contradiction the holding reveals.
type holdingView struct {
	masa.Holding
	Name string `json:"name"`
	// Conflict, when set, says which facts of the arrangements the
	// holding contradicts; the holding is still the one the rotation
	// gives.
	Conflict *vocab.FieldError `json:"conflict,omitempty"`
}

// holdingsAnswer is the body of GET /v1/lead-areas.
type holdingsAnswer struct {
	Partnership vocab.ID      `json:"partnership"`
	On          vocab.Date    `json:"on"`
	LeadAreas   []holdingView `json:"leadAreas"`
}

// holding returns who holds lead area la on date on.
func (s *server) holding(la *masa.LeadArea, on vocab.Date) (holdingView, error) {
	h, err := s.Partnership.LeadHolder(la.ID, on)
	v := holdingView{Holding: h, Name: la.Name}
	if err != nil {
		var fe *vocab.FieldError
		if !errors.Is(err, vocab.ErrConflict) || !errors.As(err, &fe) {
			return v, err
		}
		v.Conflict = fe
	}
	return v, nil
}

// leadAreas answers who holds each lead area on a date.
func (s *server) leadAreas(w http.ResponseWriter, r *http.Request) error {
	on, err := s.dateParam(r, "on")
	if err != nil {
		return err
	}
	out := holdingsAnswer{Partnership: s.Partnership.ID, On: on, LeadAreas: []holdingView{}}
	for i := range s.Partnership.LeadAreas {
		v, err := s.holding(&s.Partnership.LeadAreas[i], on)
		if err != nil {
			return err
		}
		out.LeadAreas = append(out.LeadAreas, v)
	}
	return writeJSON(w, http.StatusOK, out)
}

// holdingAnswer is the body of GET /v1/lead-areas/{id}.
type holdingAnswer struct {
	Partnership vocab.ID   `json:"partnership"`
	On          vocab.Date `json:"on"`
	holdingView
}

// leadArea answers who holds one lead area on a date.
func (s *server) leadArea(w http.ResponseWriter, r *http.Request) error {
	id := vocab.ID(r.PathValue("id"))
	if err := id.Check("id"); err != nil {
		return badRequest(inPath, err)
	}
	la, ok := s.Partnership.LeadArea(id)
	if !ok {
		return unprocessable(inPath, vocab.NotFound("id", string(id), "is not a lead area of "+s.Partnership.Name))
	}
	on, err := s.dateParam(r, "on")
	if err != nil {
		return err
	}
	v, err := s.holding(la, on)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, holdingAnswer{Partnership: s.Partnership.ID, On: on, holdingView: v})
}

// validAnswer is the body of a successful POST /v1/partnership/validate.
type validAnswer struct {
	Valid       bool       `json:"valid"`
	Partnership vocab.ID   `json:"partnership"`
	On          vocab.Date `json:"on"`
	RuleSet     ruleSetRef `json:"ruleSet"`
}

// ruleSetRef names a rule set.
type ruleSetRef struct {
	ID   vocab.ID `json:"id"`
	Name string   `json:"name"`
}

// validatePartnership checks a posted partnership file against the rule
// set in force on the "on" date (today by default). A file that cannot be
// decoded is 400; a file that breaks rules is 422 listing every problem.
func (s *server) validatePartnership(w http.ResponseWriter, r *http.Request) error {
	data, err := s.readBody(w, r)
	if err != nil {
		return err
	}
	p, err := masa.Parse(data)
	if err != nil {
		return badRequest(inBody, err)
	}
	on, rs, err := s.ruleSetParam(r, p)
	if err != nil {
		return err
	}
	if _, err := validate.Partnership(p, on); err != nil {
		if ps := vocab.AsProblems(err); ps != nil {
			return unprocessable(inBody, ps)
		}
		return err
	}
	return writeJSON(w, http.StatusOK, validAnswer{Valid: true, Partnership: p.ID, On: on, RuleSet: ruleSetRef{ID: rs.ID, Name: rs.Name}})
}
