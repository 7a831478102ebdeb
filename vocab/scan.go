package vocab

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// MaxDepth is the deepest nesting of objects and arrays that DecodeJSON
// accepts. Real masa documents nest at most about eight levels; the limit
// keeps the work and the size of an error message small for hostile input
// such as ten thousand "[".
const MaxDepth = 32

// MaxNumberChars is the longest number DecodeJSON accepts, written either
// as a JSON number or as a string of digits (amounts are strings such as
// "389095.00"). Parsing a decimal of a million digits takes seconds, so
// longer ones are refused before decoding; 16,384 characters take well
// under a millisecond, and hold any decimal the decoder accepts written
// out in full ("1e10000" is 10,001 digits), so a value read once can be
// written and read again.
const MaxNumberChars = 16 << 10

// maxPathBytes bounds the JSON path written into an error, and
// maxValueBytes the value quoted in it, so that an error never grows with
// the input.
const (
	maxPathBytes  = 256
	maxKeyInPath  = 40
	maxValueBytes = 100
)

// TextControlProblem reports, as a message fragment, the first character
// in s that no masa text may hold: a control character (C0, DEL or C1,
// line breaks and tabs included), a bidirectional formatting override
// (U+202A to U+202E, U+2066 to U+2069) or invalid UTF-8. It returns "" when
// s has none. The message names the code point and its position but never
// repeats the text. Every decoder uses it through DecodeJSON, and
// TextProblem uses it for text that arrives by other routes.
func TextControlProblem(s string) string {
	pos := 0
	for i, r := range s {
		pos++
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size <= 1 {
				return "is not valid UTF-8 text (at character " + strconv.Itoa(pos) + ")"
			}
		}
		if forbiddenRune(r) {
			return "contains the control character " + runeName(r) + " at character " + strconv.Itoa(pos) + "; text must be plain, without line breaks, tabs, escape sequences or direction overrides"
		}
	}
	return ""
}

func forbiddenRune(r rune) bool {
	return unicode.IsControl(r) || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)
}

func runeName(r rune) string {
	return "U+" + strings.ToUpper(strconv.FormatInt(int64(r)+0x10000, 16)[1:])
}

// cutText cuts s to at most n bytes on a rune boundary, adding "…" when
// it cut anything.
func cutText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return strings.ToValidUTF8(s[:cut], "") + "…"
}

// safeValue returns s fit to quote in an error: at most maxValueBytes,
// valid UTF-8, and with no control characters (they are written as
// U+XXXX).
func safeValue(s string) string {
	s = cutText(s, maxValueBytes)
	if TextControlProblem(s) == "" {
		return s
	}
	var b strings.Builder
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		if forbiddenRune(r) {
			b.WriteString(runeName(r))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// segment is one step of a JSON path: an object key or an array index.
type segment struct {
	key   string
	index int
	array bool
}

// formatPath writes a path such as "events[2].by". Keys that are not
// plain words are written as ["key"]; long keys are cut; a path longer than
// maxPathBytes keeps its last part after "…".
func formatPath(segs []segment) string {
	var b strings.Builder
	for _, s := range segs {
		if s.array {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(s.index))
			b.WriteByte(']')
			continue
		}
		if plainKey(s.key) && len(s.key) <= maxKeyInPath {
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(s.key)
			continue
		}
		key := s.key
		if len(key) > maxKeyInPath {
			key = cutText(key, maxKeyInPath)
			key = key[:len(key)-len("…")]
			b.WriteString("[" + strconv.Quote(key) + "…]")
			continue
		}
		b.WriteString("[" + strconv.Quote(key) + "]")
	}
	p := b.String()
	if len(p) > maxPathBytes {
		p = "…" + p[len(p)-maxPathBytes:]
		p = strings.ToValidUTF8(p, "")
	}
	return p
}

func plainKey(k string) bool {
	if k == "" {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '@' || c == '$') {
			return false
		}
	}
	return true
}

// scanner checks a whole JSON document before it is decoded: its syntax,
// its nesting depth, duplicate object keys, and the text of every string
// and key. Its first problem is a *FieldError naming the JSON path. Its
// memory is bounded by the depth limit and the keys of the open objects.
type scanner struct {
	data []byte
	i    int
	path []segment
	buf  []byte
}

// scanJSON returns the first problem in data, or nil.
func scanJSON(data []byte) *FieldError {
	s := &scanner{data: data}
	s.space()
	if err := s.value(0); err != nil {
		return err
	}
	s.space()
	if s.i < len(s.data) {
		return Invalid("", "json", "offset "+strconv.Itoa(s.i), "has data after the end of the JSON document")
	}
	return nil
}

func (s *scanner) here() string { return formatPath(s.path) }

func (s *scanner) syntax(msg string) *FieldError {
	if s.i >= len(s.data) {
		return Invalid(s.here(), "json", "end of input", "is not valid JSON: the document ends early")
	}
	return Invalid(s.here(), "json", "offset "+strconv.Itoa(s.i), "is not valid JSON: "+msg)
}

func (s *scanner) space() {
	for s.i < len(s.data) {
		switch s.data[s.i] {
		case ' ', '\t', '\r', '\n':
			s.i++
		default:
			return
		}
	}
}

func (s *scanner) value(depth int) *FieldError {
	if s.i >= len(s.data) {
		return s.syntax("")
	}
	switch c := s.data[s.i]; {
	case c == '{':
		if depth >= MaxDepth {
			return Invalid(s.here(), "depth", "", "is nested more than "+strconv.Itoa(MaxDepth)+" levels deep")
		}
		return s.object(depth + 1)
	case c == '[':
		if depth >= MaxDepth {
			return Invalid(s.here(), "depth", "", "is nested more than "+strconv.Itoa(MaxDepth)+" levels deep")
		}
		return s.array(depth + 1)
	case c == '"':
		str, err := s.str()
		if err != nil {
			return err
		}
		if msg := TextControlProblem(str); msg != "" {
			return Invalid(s.here(), "text", "", msg)
		}
		if len(str) > MaxNumberChars && numeric(str) {
			return s.longNumber()
		}
		return nil
	case c == '-' || (c >= '0' && c <= '9'):
		start := s.i
		if err := s.number(); err != nil {
			return err
		}
		if s.i-start > MaxNumberChars {
			return s.longNumber()
		}
		return nil
	case c == 't':
		return s.literal("true")
	case c == 'f':
		return s.literal("false")
	case c == 'n':
		return s.literal("null")
	}
	return s.syntax("expected a value (a string, number, object, list, true, false or null) but found " + describeByte(s.data[s.i]))
}

func describeByte(c byte) string {
	if c >= 0x20 && c < 0x7f {
		return strconv.QuoteRune(rune(c))
	}
	return "byte 0x" + strconv.FormatInt(int64(c)+0x100, 16)[1:]
}

func (s *scanner) literal(word string) *FieldError {
	if len(s.data)-s.i < len(word) || string(s.data[s.i:s.i+len(word)]) != word {
		return s.syntax("expected " + word)
	}
	s.i += len(word)
	return nil
}

func (s *scanner) longNumber() *FieldError {
	return Invalid(s.here(), "number", "", "is a number of more than "+strconv.Itoa(MaxNumberChars)+" characters, more than any amount needs")
}

// numeric reports whether s looks like a number: digits, with signs,
// points and exponents, and nothing else.
func numeric(s string) bool {
	digit := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digit = true
		case c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E':
		default:
			return false
		}
	}
	return digit
}

func (s *scanner) number() *FieldError {
	d := s.data
	if s.i < len(d) && d[s.i] == '-' {
		s.i++
	}
	digits := func() int {
		n := 0
		for s.i < len(d) && d[s.i] >= '0' && d[s.i] <= '9' {
			s.i++
			n++
		}
		return n
	}
	start := s.i
	if n := digits(); n == 0 {
		return s.syntax("expected a digit in a number")
	} else if n > 1 && d[start] == '0' {
		return s.syntax("a number may not start with 0")
	}
	if s.i < len(d) && d[s.i] == '.' {
		s.i++
		if digits() == 0 {
			return s.syntax("expected a digit after the decimal point")
		}
	}
	if s.i < len(d) && (d[s.i] == 'e' || d[s.i] == 'E') {
		s.i++
		if s.i < len(d) && (d[s.i] == '+' || d[s.i] == '-') {
			s.i++
		}
		if digits() == 0 {
			return s.syntax("expected a digit in the exponent")
		}
	}
	return nil
}

// str reads a string at s.i and returns it unescaped. Invalid UTF-8 and
// unpaired surrogates are errors (the standard decoder would replace them
// with U+FFFD silently).
func (s *scanner) str() (string, *FieldError) {
	d := s.data
	s.i++ // opening quote
	b := s.buf[:0]
	for {
		if s.i >= len(d) {
			return "", s.syntax("")
		}
		c := d[s.i]
		switch {
		case c == '"':
			s.i++
			s.buf = b
			return string(b), nil
		case c < 0x20:
			return "", Invalid(s.here(), "text", "", "contains the control character "+runeName(rune(c))+" inside a string, which JSON does not allow")
		case c == '\\':
			s.i++
			if s.i >= len(d) {
				return "", s.syntax("")
			}
			e := d[s.i]
			s.i++
			switch e {
			case '"', '\\', '/':
				b = append(b, e)
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				r, ok := s.hex4()
				if !ok {
					return "", s.syntax(`expected four hex digits after \u`)
				}
				if utf16.IsSurrogate(r) {
					var r2 rune = -1
					if s.i+1 < len(d) && d[s.i] == '\\' && d[s.i+1] == 'u' {
						s.i += 2
						r2, ok = s.hex4()
						if !ok {
							return "", s.syntax(`expected four hex digits after \u`)
						}
					}
					r = utf16.DecodeRune(r, r2)
					if r == utf8.RuneError {
						return "", Invalid(s.here(), "text", "", "contains an unpaired UTF-16 surrogate escape, which is not text")
					}
				}
				b = utf8.AppendRune(b, r)
			default:
				s.i--
				return "", s.syntax("unknown escape \\" + string(rune(e)))
			}
		case c < utf8.RuneSelf:
			b = append(b, c)
			s.i++
		default:
			r, size := utf8.DecodeRune(d[s.i:])
			if r == utf8.RuneError && size <= 1 {
				return "", Invalid(s.here(), "text", "", "is not valid UTF-8 text (byte offset "+strconv.Itoa(s.i)+")")
			}
			b = append(b, d[s.i:s.i+size]...)
			s.i += size
		}
	}
}

func (s *scanner) hex4() (rune, bool) {
	if len(s.data)-s.i < 4 {
		return 0, false
	}
	v, err := strconv.ParseUint(string(s.data[s.i:s.i+4]), 16, 32)
	if err != nil {
		return 0, false
	}
	s.i += 4
	return rune(v), true
}

func (s *scanner) object(depth int) *FieldError {
	s.i++ // {
	s.path = append(s.path, segment{})
	top := len(s.path) - 1
	parent := func() string { return formatPath(s.path[:top]) }
	var few []string
	var many map[string]struct{}
	s.space()
	if s.i < len(s.data) && s.data[s.i] == '}' {
		s.i++
		s.path = s.path[:top]
		return nil
	}
	for n := 0; ; n++ {
		s.space()
		if s.i >= len(s.data) || s.data[s.i] != '"' {
			if n > 0 && s.i < len(s.data) && s.data[s.i] == '}' {
				return Invalid(parent(), "json", "offset "+strconv.Itoa(s.i), "is not valid JSON: a comma follows the last field of the object")
			}
			s.path = s.path[:top]
			return s.syntax("expected a field name in double quotes")
		}
		key, err := s.str()
		if err != nil {
			return err
		}
		s.path[top] = segment{key: key}
		if msg := TextControlProblem(key); msg != "" {
			return Invalid(s.here(), "text", "", "is a field name that "+strings.TrimPrefix(msg, "is "))
		}
		dup := false
		if many != nil {
			_, dup = many[key]
			many[key] = struct{}{}
		} else {
			for _, k := range few {
				dup = dup || k == key
			}
			few = append(few, key)
			if len(few) > 16 {
				many = make(map[string]struct{}, 32)
				for _, k := range few {
					many[k] = struct{}{}
				}
				few = nil
			}
		}
		if dup {
			return Invalid(s.here(), "duplicate-key", safeValue(key), "appears more than once in the same object; each field may be given only once")
		}
		s.space()
		if s.i >= len(s.data) || s.data[s.i] != ':' {
			return s.syntax("expected ':' after a field name")
		}
		s.i++
		s.space()
		if err := s.value(depth); err != nil {
			return err
		}
		s.space()
		if s.i >= len(s.data) {
			s.path = s.path[:top]
			return s.syntax("")
		}
		switch s.data[s.i] {
		case ',':
			s.i++
		case '}':
			s.i++
			s.path = s.path[:top]
			return nil
		default:
			return s.syntax("expected ',' or '}' after a field's value but found " + describeByte(s.data[s.i]))
		}
	}
}

func (s *scanner) array(depth int) *FieldError {
	s.i++ // [
	s.path = append(s.path, segment{array: true})
	top := len(s.path) - 1
	s.space()
	if s.i < len(s.data) && s.data[s.i] == ']' {
		s.i++
		s.path = s.path[:top]
		return nil
	}
	for n := 0; ; n++ {
		s.path[top].index = n
		s.space()
		if n > 0 && s.i < len(s.data) && s.data[s.i] == ']' {
			return Invalid(formatPath(s.path[:top]), "json", "offset "+strconv.Itoa(s.i), "is not valid JSON: a comma follows the last item of the list")
		}
		if err := s.value(depth); err != nil {
			return err
		}
		s.space()
		if s.i >= len(s.data) {
			s.path = s.path[:top]
			return s.syntax("")
		}
		switch s.data[s.i] {
		case ',':
			s.i++
		case ']':
			s.i++
			s.path = s.path[:top]
			return nil
		default:
			return s.syntax("expected ',' or ']' after a list item but found " + describeByte(s.data[s.i]))
		}
	}
}
