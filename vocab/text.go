package vocab

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// TextProblem checks a required piece of free text, such as a theme or a
// title, and returns nil when it is fine. Text must not be empty, must be
// valid UTF-8 of at most maxBytes bytes, must have no control characters
// (line breaks included), no leading or trailing white space, and nothing
// that looks like personal data (see PersonalDataProblem). The problem
// names field and the value (cut to 100 bytes), except for personal data,
// whose value is never repeated. The text is never
// trimmed or otherwise changed on the caller's behalf.
func TextProblem(field, s string, maxBytes int) *FieldError {
	value := s
	if len(value) > 100 {
		value = strings.ToValidUTF8(value[:100], "")
	}
	switch {
	case s == "":
		return Invalid(field, "required", "", "is empty")
	case !utf8.ValidString(s):
		return Invalid(field, "text", strings.ToValidUTF8(value, "\uFFFD"), "is not valid UTF-8 text")
	case len(s) > maxBytes:
		return Invalid(field, "max-length", value, "is longer than "+strconv.Itoa(maxBytes)+" bytes")
	case TextControlProblem(s) != "":
		return Invalid(field, "text", safeValue(value), TextControlProblem(s))
	case strings.TrimSpace(s) != s:
		return Invalid(field, "trimmed", value, "starts or ends with white space")
	case PersonalDataProblem(s) != "":
		return personalData(field, PersonalDataProblem(s))
	}
	return nil
}

// JoinAnd joins items as an English list: "", "a", "a and b", "a, b and
// c". Generated sentences in every package list names this way.
func JoinAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}
