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
	return writeJSON(w, http.StatusOK, ruleSetList{RuleSets: s.Partnership.RuleSets()})
}

// ruleSetAnswer is the body of GET /v1/ruleset.
type ruleSetAnswer struct {
	Partnership vocab.ID     `json:"partnership"`
	On          vocab.Date   `json:"on"`
	Basis       masa.Basis   `json:"basis"`
	RuleSet     masa.RuleSet `json:"ruleSet"`
}

// ruleSetOn answers which rule set is in force for the partnership on the
// date in the "on" parameter (today by default).
func (s *server) ruleSetOn(w http.ResponseWriter, r *http.Request) error {
	v, err := s.viewParams(r, s.Partnership)
	if err != nil {
		return err
	}
	rs, err := s.ruleSetOf(v)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, ruleSetAnswer{Partnership: s.Partnership.ID, On: v.Basis.On, Basis: v.Basis, RuleSet: rs})
}

// viewParams reads the "on" and "asPublished" parameters and returns p on
// that date: with every succession up to the date applied, or as
// published when asPublished=true. Every problem with the two parameters
// is reported at once.
func (s *server) viewParams(r *http.Request, p *masa.Partnership) (*masa.View, error) {
	var ps vocab.Problems
	on := vocab.DateIn(s.Now(), s.Zone)
	if q := r.URL.Query(); q.Has("on") {
		var err error
		if on, err = vocab.ParseDate("on", q.Get("on")); err != nil {
			ps = append(ps, vocab.AsProblems(err)...)
		}
	}
	asPublished, err := boolParam(r, "asPublished")
	if err != nil {
		ps.Add(vocab.Invalid("asPublished", "boolean", r.URL.Query().Get("asPublished"), "must be true or false"))
	}
	if err := ps.Err(); err != nil {
		return nil, badRequest(inQuery, err)
	}
	v, err := p.ViewOn(on, asPublished)
	if err != nil {
		if errors.Is(err, vocab.ErrNotFound) {
			return nil, unprocessable(inBody, err)
		}
		return nil, err
	}
	return v, nil
}

// ruleSetOf finds the rule set in force for the view's partnership on its
// date. A date before any rule set is a 422 naming "on".
func (s *server) ruleSetOf(v *masa.View) (masa.RuleSet, error) {
	rs, err := v.RuleSet()
	if err != nil {
		if errors.Is(err, vocab.ErrNotFound) {
			return rs, unprocessable(inQuery, vocab.NotFound("on", v.Basis.On.String(), "is before any rule set the service knows"))
		}
		return rs, err
	}
	return rs, nil
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
	Basis       masa.Basis    `json:"basis"`
	LeadAreas   []holdingView `json:"leadAreas"`
}

// holding returns who holds lead area id in view v.
func holding(v *masa.View, la *masa.LeadArea) (holdingView, error) {
	h, err := v.LeadHolder(la.ID)
	out := holdingView{Holding: h, Name: la.Name}
	if err != nil {
		var fe *vocab.FieldError
		if !errors.Is(err, vocab.ErrConflict) || !errors.As(err, &fe) {
			return out, err
		}
		out.Conflict = fe
	}
	return out, nil
}

// leadAreas answers who holds each lead area on a date.
func (s *server) leadAreas(w http.ResponseWriter, r *http.Request) error {
	v, err := s.viewParams(r, s.Partnership)
	if err != nil {
		return err
	}
	out := holdingsAnswer{Partnership: s.Partnership.ID, On: v.Basis.On, Basis: v.Basis, LeadAreas: []holdingView{}}
	for i := range v.Partnership.LeadAreas {
		h, err := holding(v, &v.Partnership.LeadAreas[i])
		if err != nil {
			return err
		}
		out.LeadAreas = append(out.LeadAreas, h)
	}
	return writeJSON(w, http.StatusOK, out)
}

// holdingAnswer is the body of GET /v1/lead-areas/{id}.
type holdingAnswer struct {
	Partnership vocab.ID   `json:"partnership"`
	On          vocab.Date `json:"on"`
	Basis       masa.Basis `json:"basis"`
	holdingView
}

// leadArea answers who holds one lead area on a date.
func (s *server) leadArea(w http.ResponseWriter, r *http.Request) error {
	id := vocab.ID(r.PathValue("id"))
	if err := id.Check("id"); err != nil {
		return badRequest(inPath, err)
	}
	if _, ok := s.Partnership.LeadArea(id); !ok {
		return unprocessable(inPath, vocab.NotFound("id", string(id), "is not a lead area of "+s.Partnership.Name))
	}
	v, err := s.viewParams(r, s.Partnership)
	if err != nil {
		return err
	}
	la, _ := v.Partnership.LeadArea(id)
	h, err := holding(v, la)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, holdingAnswer{Partnership: s.Partnership.ID, On: v.Basis.On, Basis: v.Basis, holdingView: h})
}

// validAnswer is the body of a successful POST /v1/partnership/validate.
type validAnswer struct {
	Valid       bool       `json:"valid"`
	Partnership vocab.ID   `json:"partnership"`
	On          vocab.Date `json:"on"`
	Basis       masa.Basis `json:"basis"`
	RuleSet     ruleSetRef `json:"ruleSet"`
}

// ruleSetRef names a rule set.
type ruleSetRef struct {
	ID   vocab.ID `json:"id"`
	Name string   `json:"name"`
}

// validatePartnership checks a posted partnership file against the rule
// set in force on the "on" date (today by default), with the successions
// recorded up to that date applied unless asPublished=true. A file that cannot be
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
	v, err := s.viewParams(r, p)
	if err != nil {
		return err
	}
	rs, err := s.ruleSetOf(v)
	if err != nil {
		return err
	}
	if _, err := validate.Partnership(v.Partnership, v.Basis.On); err != nil {
		if ps := vocab.AsProblems(err); ps != nil {
			return unprocessable(inBody, ps)
		}
		return err
	}
	return writeJSON(w, http.StatusOK, validAnswer{Valid: true, Partnership: p.ID, On: v.Basis.On, Basis: v.Basis, RuleSet: ruleSetRef{ID: rs.ID, Name: rs.Name}})
}
