package pdf

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/masa-go/masa/document"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// family is the name under which the Go fonts are registered.
const family = "go"

// fonts lists the embedded faces by gofpdf style. There is no italic:
// public-sector style guides advise against italics, which are harder to
// read, so emphasis is shown in colour instead; and gofpdf parses and
// hashes every font for every document, about 7% of the rendering time
// each.
var fonts = []struct {
	style string
	ttf   []byte
}{
	{"", goregular.TTF},
	{"B", gobold.TTF},
}

// coverage is a bit set of the runes in the Basic Multilingual Plane that
// every embedded face has a glyph for.
type coverage [1 << 16 / 64]uint64

func (c *coverage) has(r rune) bool {
	return r >= 0 && r < 1<<16 && c[r/64]&(1<<(uint(r)%64)) != 0
}

// glyphs returns the runes all the embedded faces can draw, computed once.
var glyphs = sync.OnceValue(func() *coverage {
	var c coverage
	var faces []*sfnt.Font
	for _, f := range fonts {
		face, err := sfnt.Parse(f.ttf)
		if err != nil {
			// The fonts are compiled into the binary; they always parse.
			panic("document/pdf: parsing an embedded Go font: " + err.Error())
		}
		faces = append(faces, face)
	}
	var buf sfnt.Buffer
	for r := rune(' '); r < 1<<16; r++ {
		all := true
		for _, face := range faces {
			if g, err := face.GlyphIndex(&buf, r); err != nil || g == 0 {
				all = false
				break
			}
		}
		if all {
			c[r/64] |= 1 << (uint(r) % 64)
		}
	}
	return &c
})

// text returns s ready for gofpdf: document.DisplayText's replacements, and
// U+FFFD for any character the embedded fonts cannot draw (which includes
// every character outside the Basic Multilingual Plane, which gofpdf
// cannot encode). The replacement keeps the problem visible rather than
// dropping text.
func text(s string) string {
	s = document.DisplayText(s)
	cov := glyphs()
	ok := true
	for _, r := range s {
		if !cov.has(r) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if cov.has(r) {
			b.WriteRune(r)
		} else {
			b.WriteRune(utf8.RuneError)
		}
	}
	return b.String()
}
