package register

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/masa-go/masa/vocab"
)

// kindError is a named error of the register that also matches one of
// vocab's sentinel errors with errors.Is.
type kindError struct {
	msg  string
	kind error
}

func (e *kindError) Error() string { return e.msg }

// Is reports whether target is the vocab sentinel the error belongs to.
func (e *kindError) Is(target error) bool { return target == e.kind }

// The register's named errors. Each matches a vocab sentinel too, given
// in brackets, and the service answers each with the status given.
var (
	// ErrUnknownCase: no case has the reference (vocab.ErrNotFound; 404).
	ErrUnknownCase error = &kindError{"register: unknown case", vocab.ErrNotFound}
	// ErrCaseExists: a case with the reference is already stored
	// (vocab.ErrConflict; 409).
	ErrCaseExists error = &kindError{"register: case already exists", vocab.ErrConflict}
	// ErrStale: the writer's expected version is not the case's version
	// (vocab.ErrConflict; 409).
	ErrStale error = &kindError{"register: stale version", vocab.ErrConflict}
	// ErrRefused: the rules refuse the case or event (vocab.ErrInvalid; 422).
	ErrRefused error = &kindError{"register: refused by the rules", vocab.ErrInvalid}
	// ErrBadRequest: a request is malformed, such as a version below
	// zero or a correction that names no event (vocab.ErrInvalid; 400).
	ErrBadRequest error = &kindError{"register: bad request", vocab.ErrInvalid}
	// ErrUnauthenticated: no token, or an unknown or revoked one
	// (vocab.ErrInvalid; 401).
	ErrUnauthenticated error = &kindError{"register: not authenticated", vocab.ErrInvalid}
	// ErrForbidden: the token's role does not allow the action
	// (vocab.ErrInvalid; 403).
	ErrForbidden error = &kindError{"register: forbidden", vocab.ErrInvalid}
	// ErrUnknownToken: no token has the ID (vocab.ErrNotFound; 404).
	ErrUnknownToken error = &kindError{"register: unknown token", vocab.ErrNotFound}
)

// UnknownCase returns the error for a reference that names no case. Store
// adapters use it so that every store words its errors alike.
func UnknownCase(ref string) error {
	return fmt.Errorf("%w: %w", ErrUnknownCase, vocab.NotFound("ref", clip(ref), "names no case in the register"))
}

// CaseExists returns the error for creating a case whose reference is
// taken.
func CaseExists(ref string) error {
	return fmt.Errorf("%w: %w", ErrCaseExists, vocab.Conflict("ref", "unique", clip(ref), "is already a case in the register"))
}

// StaleVersion returns the error for a write that expected version
// expected of a case whose version is actual.
func StaleVersion(ref string, expected, actual int) error {
	return fmt.Errorf("%w: %w", ErrStale, vocab.Conflict("expectedVersion", "version", strconv.Itoa(expected),
		"is not the version of case "+clip(ref)+", which is "+strconv.Itoa(actual)+": read the case again and decide on what it now says"))
}

// UnknownToken returns the error for a token ID that names no token.
func UnknownToken(id string) error {
	return fmt.Errorf("%w: %w", ErrUnknownToken, vocab.NotFound("id", clip(id), "names no token"))
}

// clip shortens a value quoted in an error to 64 bytes of valid UTF-8.
func clip(s string) string {
	if len(s) > 64 {
		s = s[:64]
	}
	return strings.ToValidUTF8(s, "")
}

func isUnknownToken(err error) bool { return errors.Is(err, ErrUnknownToken) }
