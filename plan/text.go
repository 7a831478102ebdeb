package plan

import (
	"github.com/masa-go/masa/document"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// DisplayText returns s made safe to display as one run of text; see
// document.DisplayText, which it calls.
func DisplayText(s string) string { return document.DisplayText(s) }

// paragraphs splits a text block supplied by a partnership into
// paragraphs at blank lines, joining the lines within a paragraph with
// single spaces.
func paragraphs(text string) []string {
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, " "))
			cur = nil
		}
	}
	for line := range strings.SplitSeq(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		words := strings.Fields(line)
		if len(words) == 0 {
			flush()
			continue
		}
		cur = append(cur, strings.Join(words, " "))
	}
	flush()
	return out
}

var smallNumbers = [...]string{"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}

// number writes n in words up to twelve and in figures above, with
// thousands separators.
func number(n int) string {
	if n >= 0 && n < len(smallNumbers) {
		return smallNumbers[n]
	}
	return thousands(n)
}

// thousands formats n with comma thousands separators: 1862 is "1,862".
func thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// times writes how often something happens in a year: "once", "twice",
// "4 times".
func times(n int) string {
	switch n {
	case 1:
		return "once"
	case 2:
		return "twice"
	}
	return number(n) + " times"
}

// population writes a head count the way a plan would: "1.47 million" for
// counts of a million or more, "311,000" below.
func population(n int) string {
	if n < 1_000_000 {
		return thousands(n)
	}
	whole, hundredths := n/1_000_000, (n%1_000_000+5_000)/10_000
	if hundredths == 100 {
		whole, hundredths = whole+1, 0
	}
	s := thousands(whole)
	switch {
	case hundredths == 0:
	case hundredths%10 == 0:
		s += "." + strconv.Itoa(hundredths/10)
	default:
		s += "." + strconv.Itoa(hundredths/10) + strconv.Itoa(hundredths%10)
	}
	return s + " million"
}

// ordinal writes n as "1st", "2nd", "3rd", "4th", "11th", "22nd".
func ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
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

// plural returns one when n is 1 and many otherwise.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// capitalise upper-cases the first letter of s.
func capitalise(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}
