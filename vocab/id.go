package vocab

import (
	"fmt"
	"strconv"
	"unicode/utf8"
)

// ID identifies an organisation, group, lead area or other named thing
// within one partnership's data. IDs are lower-case ASCII words joined by
// single hyphens, such as "essex-county-council" or "nhs-mid-essex-ccg",
// at most 64 characters long. They are stable keys: display names may
// change, IDs should not.
type ID string

// MaxIDLength is the longest ID allowed.
const MaxIDLength = 64

// Check returns an error of kind ErrInvalid, naming field, when id is not a
// well-formed ID.
func (id ID) Check(field string) error {
	if fe := id.Problem(field); fe != nil {
		return fe
	}
	return nil
}

// Problem is Check for callers that collect problems: it returns the
// *FieldError itself, or nil when id is well formed, so no caller needs a
// type assertion on an error.
func (id ID) Problem(field string) *FieldError {
	if msg := idProblem(string(id)); msg != "" {
		return Invalid(field, "id", string(id), msg)
	}
	return nil
}

// Valid reports whether id is well formed.
func (id ID) Valid() bool { return idProblem(string(id)) == "" }

func idProblem(s string) string {
	if s == "" {
		return "is empty"
	}
	if len(s) > MaxIDLength {
		return "is longer than " + strconv.Itoa(MaxIDLength) + " characters"
	}
	prevHyphen := true // no leading hyphen
	pos := 0
	for i, c := range s {
		pos++
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			prevHyphen = false
		case c == '-':
			if prevHyphen {
				return fmt.Sprintf("has a misplaced hyphen at character %d (IDs are lower-case words joined by single hyphens)", pos)
			}
			prevHyphen = true
		case c == utf8.RuneError && isBadByte(s[i:]):
			return fmt.Sprintf("is not valid UTF-8 at character %d (IDs use a-z, 0-9 and single hyphens)", pos)
		case forbiddenRune(c):
			return fmt.Sprintf("has the control character %s at character %d (IDs use a-z, 0-9 and single hyphens)", runeName(c), pos)
		default:
			return fmt.Sprintf("has the character %q at character %d (IDs use a-z, 0-9 and single hyphens)", c, pos)
		}
	}
	if prevHyphen {
		return "ends with a hyphen"
	}
	return ""
}

// Role is one of the statutory safeguarding partner roles that the
// legislation names for a local authority area.
type Role string

// The statutory safeguarding partner roles (Children Act 2004 s16E as
// inserted by the Children and Social Work Act 2017).
const (
	// LocalAuthority is the local authority for the area.
	LocalAuthority Role = "local-authority"
	// Police is the chief officer of police for a police area any part of
	// which falls within the local authority area.
	Police Role = "police"
	// Health is the health body for the area: clinical commissioning
	// groups until 30 June 2022, integrated care boards from 1 July 2022.
	Health Role = "health"
)

// Roles lists the statutory roles in their conventional order.
func Roles() []Role { return []Role{LocalAuthority, Police, Health} }

// Valid reports whether r is one of the statutory roles.
func (r Role) Valid() bool {
	return r == LocalAuthority || r == Police || r == Health
}

// Label returns a short English name for the role.
func (r Role) Label() string {
	switch r {
	case LocalAuthority:
		return "local authority"
	case Police:
		return "police"
	case Health:
		return "health"
	}
	return string(r)
}

// isBadByte reports whether s starts with a byte that is not the start of
// a valid UTF-8 encoding.
func isBadByte(s string) bool {
	_, size := utf8.DecodeRuneInString(s)
	return size <= 1
}
