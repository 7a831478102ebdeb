package main

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/masa-go/masa/vocab"
)

// Where a problem was found in the request.
const (
	inBody   = "body"
	inQuery  = "query"
	inPath   = "path"
	inHeader = "header"
)

// problemType is the RFC 9457 type of every problem the service returns:
// "about:blank" says that the status code and its title are the whole
// story, and the "problems" member says which fields are at fault.
const problemType = "about:blank"

// problemJSON is the media type of an RFC 9457 problem details body.
const problemJSON = "application/problem+json"

// problem is an RFC 9457 problem details body with one extension member,
// Problems, listing each field at fault.
type problem struct {
	Type     string         `json:"type"`
	Title    string         `json:"title"`
	Status   int            `json:"status"`
	Detail   string         `json:"detail,omitempty"`
	Instance string         `json:"instance,omitempty"`
	Problems []fieldProblem `json:"problems,omitempty"`
}

// fieldProblem is one problem with one field of the request: a
// vocab.FieldError together with the part of the request it was found in.
type fieldProblem struct {
	// In is "body", "query", "path" or "header".
	In       string          `json:"in"`
	Field    string          `json:"field"`
	Rule     string          `json:"rule"`
	Value    string          `json:"value"`
	Message  string          `json:"message"`
	Citation *vocab.Citation `json:"citation,omitempty"`
}

// clientError is a mistake in the request, answered with a 4xx status. It
// is the only kind of handler error that is not answered with a 500.
type clientError struct {
	status   int
	detail   string
	problems []fieldProblem
}

func (e *clientError) Error() string {
	return fmt.Sprintf("%d %s: %s", e.status, http.StatusText(e.status), e.detail)
}

// newClientError builds a clientError with the given status from err, whose
// vocab.FieldError or vocab.Problems are reported as found in part in of
// the request. An err that carries no field errors is reported as a single
// problem with no field.
func newClientError(status int, in string, err error) *clientError {
	ps := vocab.AsProblems(err)
	out := &clientError{status: status}
	for _, fe := range ps {
		out.problems = append(out.problems, fieldProblem{
			In: in, Field: fe.Field, Rule: fe.Rule, Value: fe.Value, Message: fe.Message, Citation: fe.Citation,
		})
	}
	switch len(ps) {
	case 0:
		out.detail = err.Error()
		out.problems = []fieldProblem{{In: in, Rule: "request", Message: err.Error()}}
	case 1:
		out.detail = describe(in, ps[0])
	default:
		out.detail = strconv.Itoa(len(ps)) + " problems in the request " + in + "; see problems"
	}
	return out
}

// describe says in one sentence what is wrong with one field.
func describe(in string, fe *vocab.FieldError) string {
	if fe.Field == "" {
		return "the request " + in + " " + fe.Message
	}
	return in + " field " + strconv.Quote(fe.Field) + " " + fe.Message
}

// statusFor chooses the 4xx status for a domain error about input found in
// part in. Content of the body that breaks a rule, names something that
// does not exist or contradicts itself is 422 (the request was well formed
// but cannot be processed). A path or query value that names something
// that does not exist is 404, one that conflicts is 409, and any other bad
// value is 400.
func statusFor(in string, err error) int {
	switch {
	case in == inBody:
		return http.StatusUnprocessableEntity
	case errors.Is(err, vocab.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, vocab.ErrConflict):
		return http.StatusConflict
	}
	return http.StatusBadRequest
}

// badRequest is a request that cannot be read: malformed JSON, a value of
// the wrong type, an unknown field or parameter.
func badRequest(in string, err error) error {
	return newClientError(http.StatusBadRequest, in, err)
}

// unprocessable is a well-formed request whose content breaks a rule, or
// refers to something that does not exist, or contradicts itself.
func unprocessable(in string, err error) error {
	return newClientError(statusFor(in, err), in, err)
}

// writeProblem writes e as an application/problem+json response.
func writeProblem(w http.ResponseWriter, r *http.Request, e *clientError) {
	writeProblemBody(w, problem{
		Type: problemType, Title: http.StatusText(e.status), Status: e.status,
		Detail: e.detail, Instance: r.URL.Path, Problems: e.problems,
	})
}

// writeProblemBody encodes p; a problem body always encodes.
func writeProblemBody(w http.ResponseWriter, p problem) {
	body, err := encodeJSON(p)
	if err != nil {
		body = []byte(`{"type":"about:blank","status":500}` + "\n")
	}
	writeBytes(w, p.Status, problemJSON, body)
}
