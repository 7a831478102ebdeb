package vocab

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The English helpers below are the one place where masa's packages turn
// numbers into words. Generated sentences use them so that every
// publication counts, orders and capitalises the same way: numbers up to
// twelve in words, larger ones in figures with thousands separators.

var smallNumbers = [...]string{"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}

// Number writes n in words up to twelve ("no" for 0) and in figures above,
// with thousands separators: Number(4) is "four", Number(1862) "1,862".
func Number(n int) string {
	if n >= 0 && n < len(smallNumbers) {
		return smallNumbers[n]
	}
	return Thousands(n)
}

// Thousands writes n in figures with comma thousands separators: 1862 is
// "1,862", -12000 is "-12,000".
func Thousands(n int) string {
	s := strconv.Itoa(n)
	digits := strings.TrimPrefix(s, "-")
	var b strings.Builder
	b.Grow(len(s) + len(digits)/3)
	if len(digits) != len(s) {
		b.WriteByte('-')
	}
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// Times writes how often something happens: "once", "twice", "four
// times", "15 times".
func Times(n int) string {
	switch n {
	case 1:
		return "once"
	case 2:
		return "twice"
	}
	return Number(n) + " times"
}

// Ordinal writes n as "1st", "2nd", "3rd", "4th", "11th", "22nd", "113th".
func Ordinal(n int) string {
	suffix := "th"
	if m := n % 100; m < 11 || m > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}

// Plural returns one when n is 1 and many otherwise.
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Capitalise upper-cases the first letter of s, whatever its script, and
// leaves the rest alone.
func Capitalise(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 || r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}
