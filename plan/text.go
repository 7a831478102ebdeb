package plan

import (
	"strconv"
	"strings"

	"github.com/masa-go/masa/document"
	"github.com/masa-go/masa/vocab"
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

// The package's sentences count and capitalise with vocab's English
// helpers; these short names keep the sentence code readable.
var (
	number     = vocab.Number
	thousands  = vocab.Thousands
	times      = vocab.Times
	ordinal    = vocab.Ordinal
	plural     = vocab.Plural
	capitalise = vocab.Capitalise
)
