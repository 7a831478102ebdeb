package pdf

import (
	"testing"

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
