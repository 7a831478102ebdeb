package pdf

import (
	"regexp"
	"sync"
	"testing"

	"golang.org/x/image/font/sfnt"

	"github.com/stretchr/testify/assert"
)

func TestTextKeepsWhatTheFontsDraw(t *testing.T) {
	tests := []struct{ in, want string }{
		{"£389,095 “quoted” ‘single’ – — …", "£389,095 “quoted” ‘single’ – — …"},
		{"Łódź Ærø Ελληνική Жуковский Ğüneş", "Łódź Ærø Ελληνική Жуковский Ğüneş"},
		{"中文", "\uFFFD\uFFFD"},
		{"emoji \U0001F600", "emoji \uFFFD"},
		{"nul\x00 tab\t", "nul\uFFFD tab "},
		{"bad\xff", "bad\uFFFD"},
		{"", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, text(tt.in), "%q", tt.in)
	}
}

func TestCoverage(t *testing.T) {
	c := glyphs()
	for _, r := range "£€“”‘’–—•…ŁłØøΩЖ\uFFFD" {
		assert.True(t, c.has(r), "%q", r)
	}
	for _, r := range []rune{'中', 0x1F600, -1, 0x10000, '\x00'} {
		assert.False(t, c.has(r), "%q", r)
	}
}

// TestSubsetNamesKeepOffsets checks the invariant nameSubsets relies on:
// each subset name is as long as the name gofpdf writes, so swapping them
// moves no byte offset, and each has the six-capital tag that marks a
// subset.
func TestSubsetNamesKeepOffsets(t *testing.T) {
	tag := regexp.MustCompile(`^[A-Z]{6}\+[A-Za-z]+$`)
	for _, f := range fonts {
		assert.Len(t, f.subset, len("utf8"+f.key), f.subset)
		assert.Regexp(t, tag, f.subset)
	}
}

// TestCoverageConcurrent asks about every rune from several goroutines at
// once and compares the answers with the fonts' own, one rune at a time.
func TestCoverageConcurrent(t *testing.T) {
	c := glyphs()
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for r := rune(g); r < 1<<16; r += 4 {
				c.has(r)
			}
		})
	}
	wg.Wait()
	var buf sfnt.Buffer
	for _, r := range []rune{' ', 'A', '£', 'Ł', 'Ж', '中', '\uFFFD', 0x1F} {
		want := r >= ' '
		for _, face := range c.faces {
			if g, err := face.GlyphIndex(&buf, r); err != nil || g == 0 {
				want = false
			}
		}
		assert.Equal(t, want, c.has(r), "%q", r)
	}
}
