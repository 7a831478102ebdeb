package document

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// DisplayText returns s made safe to display as one run of text: invalid
// UTF-8, control characters, format characters (such as bidirectional
// overrides, which could make a name read differently from how it is
// stored) and non-characters become U+FFFD, the replacement character, so
// the problem stays visible; tabs, line breaks and the Unicode line and
// paragraph separators become spaces. Both renderers pass every string
// through it, so a name containing such characters is shown as text and
// never changes the structure of the file.
func DisplayText(s string) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || r < ' ' || !displayable(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size <= 1:
			b.WriteRune(utf8.RuneError)
		case r == '\t' || r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			b.WriteByte(' ')
		case !displayable(r):
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// displayable reports whether r may appear in displayed text as it is.
func displayable(r rune) bool {
	switch {
	case r == utf8.RuneError:
		return true
	case unicode.Is(unicode.Cc, r), unicode.Is(unicode.Cf, r), unicode.Is(unicode.Cs, r), unicode.Is(unicode.Co, r):
		return false
	case r == '\u2028' || r == '\u2029':
		return false
	case r&0xFFFE == 0xFFFE || (r >= 0xFDD0 && r <= 0xFDEF):
		return false
	}
	return true
}
