package vocab

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// ErrPersonalData reports text that looks like it identifies a person: an
// NHS number, a postcode or a date of birth. masa never holds a child's
// identity, so such text is refused, and the error never repeats it. A
// *FieldError of this kind also matches ErrInvalid.
var ErrPersonalData = errors.New("personal data")

// Screening reads each text once, with a small look-ahead at each
// position (hand-written scanners, not regular expressions, which took
// seconds on a megabyte), so it is bounded work whatever the input.

// nhsNumberValid reports whether ten digits carry a valid NHS number
// check digit (modulus 11: weights 10 down to 2 on the first nine digits;
// 11 minus the remainder, with 11 meaning 0 and 10 meaning no valid
// number, must be the tenth digit).
func nhsNumberValid(digits string) bool {
	if len(digits) != 10 {
		return false
	}
	sum := 0
	for i := range 9 {
		sum += int(digits[i]-'0') * (10 - i)
	}
	check := 11 - sum%11
	if check == 11 {
		check = 0
	}
	return check != 10 && check == int(digits[9]-'0')
}

// PersonalDataProblem returns, as a message fragment, what kind of
// personal data s seems to hold, or "" when it seems to hold none. It
// looks for:
//
//   - an NHS number: ten digits with a valid modulus-11 check digit,
//     written together or grouped 3-3-4 with spaces or hyphens;
//   - a UK postcode, such as "CM1 1QH" (any case) or "CM11QH";
//   - a date of birth: a date in a common format (12/03/2015, 2015-03-12,
//     12 March 2015, March 12, 2015 and the like) after a cue such as
//     "DOB", "born" or "date of birth".
//
// It cannot recognise a name, an address without a postcode, or a date
// with nothing to say it is a birthday; see docs/reliability.md. The
// message never repeats the text.
func PersonalDataProblem(s string) string {
	if s == "" {
		return ""
	}
	if hasDigitRun(s, 10) && hasNHSNumber(s) {
		return "looks like it holds an NHS number"
	}
	if hasPostcode(s) {
		return "looks like it holds a postcode"
	}
	if hasBirthDate(s) {
		return "looks like it holds a date of birth"
	}
	return ""
}

// ReferenceDataProblem is PersonalDataProblem for an opaque reference,
// which has no business holding a date at all: any full date in it is
// taken for a date of birth.
func ReferenceDataProblem(s string) string {
	if msg := PersonalDataProblem(s); msg != "" {
		return msg
	}
	if hasDate(s) {
		return "holds a date, which could be a date of birth"
	}
	return ""
}

// hasNHSNumber reports whether s holds ten digits with a valid NHS number
// check digit, written together or grouped 3-3-4 with single spaces or
// hyphens, and not touching other digits.
func hasNHSNumber(s string) bool {
	digit := func(i int) bool { return i >= 0 && i < len(s) && s[i] >= '0' && s[i] <= '9' }
	var buf [10]byte
	for start := 0; start < len(s); start++ {
		if !digit(start) || digit(start-1) {
			continue
		}
		i, n := start, 0
		for n < 10 && digit(i) {
			buf[n] = s[i]
			n++
			i++
			if (n == 3 || n == 6) && i < len(s) && (s[i] == ' ' || s[i] == '-') && digit(i+1) {
				i++
			}
		}
		if n == 10 && !digit(i) && nhsNumberValid(string(buf[:])) {
			return true
		}
	}
	return false
}

// hasDigitRun reports whether s has at least n digits in all; a cheap
// test before the NHS number pattern.
func hasDigitRun(s string, n int) bool {
	count := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			count++
			if count >= n {
				return true
			}
		}
	}
	return false
}

// ScreenText checks a piece of text that arrives from outside, of any
// kind: it must be plain text (see TextControlProblem) and must not look
// like personal data (see PersonalDataProblem). It returns nil when the
// text is fine. The error names field and the rule ("text" or
// "personal-data") but never repeats the value.
func ScreenText(field, s string) *FieldError {
	if msg := TextControlProblem(s); msg != "" {
		return Invalid(field, "text", "", msg)
	}
	if msg := PersonalDataProblem(s); msg != "" {
		return personalData(field, msg)
	}
	return nil
}

// ScreenReference is ScreenText for an opaque reference (see
// ReferenceDataProblem).
func ScreenReference(field, s string) *FieldError {
	if msg := TextControlProblem(s); msg != "" {
		return Invalid(field, "text", "", msg)
	}
	if msg := ReferenceDataProblem(s); msg != "" {
		return personalData(field, msg)
	}
	return nil
}

func personalData(field, msg string) *FieldError {
	fe := Invalid(field, "personal-data", "", msg+"; masa never holds a child's identity, so leave it out (the value is not repeated here)")
	fe.Kind = ErrPersonalData
	return fe
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isAlnum(c byte) bool  { return isDigit(c) || isLetter(c) }

// run returns the end of the run of bytes from i that satisfy f.
func run(s string, i int, f func(byte) bool) int {
	for i < len(s) && f(s[i]) {
		i++
	}
	return i
}

// outward reports whether w is the first part of a UK postcode: one or
// two letters, a digit, and an optional letter or digit.
func outward(w string) bool {
	n := run(w, 0, isLetter)
	if n < 1 || n > 2 || n >= len(w) || !isDigit(w[n]) {
		return false
	}
	rest := w[n+1:]
	return len(rest) == 0 || (len(rest) == 1 && isAlnum(rest[0]))
}

// inward reports whether w is the second part of a UK postcode: a digit
// and two letters (not C, I, K, M, O or V).
func inward(w string) bool {
	if len(w) != 3 || !isDigit(w[0]) {
		return false
	}
	for _, c := range []byte{w[1] | 0x20, w[2] | 0x20} {
		if c < 'a' || c > 'z' || strings.IndexByte("cikmov", c) >= 0 {
			return false
		}
	}
	return true
}

// hasPostcode reports whether s holds a UK postcode: two words such as
// "CM1 1QH" (any case) separated by one space, or one word in capitals
// such as "CM11QH".
func hasPostcode(s string) bool {
	for i := 0; i < len(s); {
		if !isAlnum(s[i]) {
			i++
			continue
		}
		end := run(s, i, isAlnum)
		w := s[i:end]
		if strings.EqualFold(w, "GIR") && end+4 <= len(s) && s[end] == ' ' && strings.EqualFold(s[end+1:end+4], "0AA") && (end+4 == len(s) || !isAlnum(s[end+4])) {
			return true
		}
		if outward(w) && end+1 < len(s) && s[end] == ' ' {
			next := run(s, end+1, isAlnum)
			if inward(s[end+1 : next]) {
				return true
			}
		}
		if len(w) >= 5 && len(w) <= 7 && strings.ToUpper(w) == w && outward(w[:len(w)-3]) && inward(w[len(w)-3:]) {
			return true
		}
		i = end
	}
	return false
}

var months = []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}

// monthAt returns the end of a month's name or abbreviation ("Mar",
// "March", "Sept") at i, or -1.
func monthAt(s string, i int) int {
	end := run(s, i, isLetter)
	w := strings.ToLower(s[i:end])
	if len(w) < 3 {
		return -1
	}
	for _, m := range months {
		if w == m || w == m[:3] || (m == "september" && w == "sept") {
			return end
		}
	}
	return -1
}

// digitsAt returns the end of a run of lo to hi digits at i that is not
// followed by another digit, or -1.
func digitsAt(s string, i, lo, hi int) int {
	end := run(s, i, isDigit)
	if n := end - i; n < lo || n > hi {
		return -1
	}
	return end
}

// dayAt reads a day of the month with an optional "st", "nd", "rd" or
// "th" at i and returns its end, or -1.
func dayAt(s string, i int) int {
	end := digitsAt(s, i, 1, 2)
	if end < 0 {
		return -1
	}
	if end+2 <= len(s) {
		switch strings.ToLower(s[end : end+2]) {
		case "st", "nd", "rd", "th":
			if end+2 == len(s) || !isLetter(s[end+2]) {
				end += 2
			}
		}
	}
	return end
}

// skip returns i moved past any of the bytes in set.
func skip(s string, i int, set string) int {
	for i < len(s) && strings.IndexByte(set, s[i]) >= 0 {
		i++
	}
	return i
}

// dateAt reports whether a date in a common format starts at i:
// 12/03/2015, 12-3-15, 12.03.2015, 2015-03-12, 12 March 2015, 12th Mar
// 2015, March 12, 2015. The look-ahead is a few dozen bytes at most.
func dateAt(s string, i int) bool {
	if i > 0 && isAlnum(s[i-1]) {
		return false
	}
	sep := func(c byte) bool { return c == '/' || c == '.' || c == '-' }
	if isDigit(s[i]) {
		// 2015-03-12
		if e := digitsAt(s, i, 4, 4); e >= 0 && e < len(s) && s[e] == '-' {
			if e2 := digitsAt(s, e+1, 1, 2); e2 >= 0 && e2 < len(s) && s[e2] == '-' && digitsAt(s, e2+1, 1, 2) >= 0 {
				return true
			}
		}
		// 12/03/2015
		if e := digitsAt(s, i, 1, 2); e >= 0 && e < len(s) && sep(s[e]) {
			if e2 := digitsAt(s, e+1, 1, 2); e2 >= 0 && e2 < len(s) && sep(s[e2]) && digitsAt(s, e2+1, 2, 4) >= 0 {
				return true
			}
		}
		// 12 March 2015
		if e := dayAt(s, i); e >= 0 && e < len(s) && s[e] == ' ' {
			if m := monthAt(s, e+1); m >= 0 {
				y := skip(s, m, ".,")
				if y < len(s) && s[y] == ' ' && digitsAt(s, y+1, 2, 4) >= 0 {
					return true
				}
			}
		}
		return false
	}
	// March 12, 2015
	if m := monthAt(s, i); m >= 0 {
		d := skip(s, m, ".")
		if d < len(s) && s[d] == ' ' {
			if e := dayAt(s, d+1); e >= 0 {
				y := skip(s, e, ",")
				if y < len(s) && s[y] == ' ' && digitsAt(s, y+1, 4, 4) >= 0 {
					return true
				}
			}
		}
	}
	return false
}

// hasDate reports whether s holds a date in a common format anywhere.
func hasDate(s string) bool {
	for i := 0; i < len(s); i++ {
		if isAlnum(s[i]) && dateAt(s, i) {
			return true
		}
	}
	return false
}

// birthCues are words that say a date that follows is a date of birth.
var birthCues = []string{"date of birth", "birth date", "birthdate", "birthday", "born", "d.o.b", "d o b", "dob"}

// hasBirthDate reports whether s holds a date within three words after a
// cue such as "DOB", "born" or "date of birth".
func hasBirthDate(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isLetter(s[i]) || (i > 0 && isAlnum(s[i-1])) {
			continue
		}
		end := -1
		for _, cue := range birthCues {
			if len(s)-i >= len(cue) && strings.EqualFold(s[i:i+len(cue)], cue) && (i+len(cue) == len(s) || !isAlnum(s[i+len(cue)])) {
				end = i + len(cue)
				break
			}
		}
		if end < 0 {
			continue
		}
		// Up to three words, then the date.
		j := skip(s, end, ".:;,- ")
		for w := 0; w <= 3 && j < len(s); w++ {
			if dateAt(s, j) {
				return true
			}
			j = run(s, j, isAlnum)
			j = skip(s, j, ".:;,- ")
		}
	}
	return false
}

// ScreenAll checks every string in v, a struct, slice, map or pointer to
// one, with ScreenText: every name, title, free text and ID, each at its
// JSON path (built from the fields' json tags, as "funding.lines[2].org").
// skip, when not nil, leaves out a subtree by its path, such as a
// partnership's own published contact block, whose address has a postcode
// by right. The problems come in the order of the fields; a value is
// never repeated. The walk visits each value once.
func ScreenAll(v any, skip func(path string) bool) Problems {
	w := &screenWalk{skip: skip}
	w.walk(reflect.ValueOf(v))
	return w.probs
}

type screenWalk struct {
	path  []segment
	skip  func(string) bool
	probs Problems
}

func (w *screenWalk) walk(v reflect.Value) {
	if w.skip != nil && len(w.path) > 0 && w.skip(formatPath(w.path)) {
		return
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			w.walk(v.Elem())
		}
	case reflect.String:
		if fe := ScreenText(formatPath(w.path), v.String()); fe != nil {
			w.probs = append(w.probs, fe)
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "-" {
				continue
			}
			if name == "" {
				name = f.Name
			}
			w.path = append(w.path, segment{key: name})
			w.walk(v.Field(i))
			w.path = w.path[:len(w.path)-1]
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			w.path = append(w.path, segment{index: i, array: true})
			w.walk(v.Index(i))
			w.path = w.path[:len(w.path)-1]
		}
	case reflect.Map:
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(fmt.Sprint(a), fmt.Sprint(b)) })
		for _, k := range keys {
			key := fmt.Sprint(k)
			w.path = append(w.path, segment{key: key})
			if k.Kind() == reflect.String {
				if fe := ScreenText(formatPath(w.path), key); fe != nil {
					w.probs = append(w.probs, fe)
				}
			}
			w.walk(v.MapIndex(k))
			w.path = w.path[:len(w.path)-1]
		}
	}
}
