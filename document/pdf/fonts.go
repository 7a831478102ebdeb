package pdf

import (
	"bytes"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/masa-go/masa/document"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// fonts lists the embedded faces. There is no italic: public-sector
// style guides advise against italics, which are harder to read, so
// emphasis is shown in colour instead.
//
// Each face is registered with gofpdf as a family of its own, under a key
// chosen so that the name gofpdf writes into the file ("utf8" + key) is
// exactly as long as the subset font's proper name ("MASAGR+GoRegular"):
// gofpdf embeds only the glyphs the document uses but does not name the
// fonts as subsets, so Render swaps the names in place, which moves no
// byte offset. pdffonts then reports the fonts as subset, which they are.
var fonts = []struct {
	style  string // the style the renderer asks for: "" or "B"
	key    string // the gofpdf family
	subset string // the name written into the PDF
	ttf    []byte
}{
	{"", "goregularsub", "MASAGR+GoRegular", goregular.TTF},
	{"B", "goboldsub", "MASAGB+GoBold", gobold.TTF},
}

// familyOf returns the gofpdf family and style for a renderer style such as
// "B" or "BU".
func familyOf(style string) (string, string) {
	if strings.Contains(style, "B") {
		return fonts[1].key, strings.Replace(style, "B", "", 1)
	}
	return fonts[0].key, style
}

// nameSubsets gives the embedded fonts their subset names in a PDF that
// gofpdf wrote, in place.
func nameSubsets(pdf []byte) []byte {
	for _, f := range fonts {
		for _, field := range []string{"/BaseFont /", "/FontName /"} {
			from, to := []byte(field+"utf8"+f.key+"\n"), []byte(field+f.subset+"\n")
			pdf = bytes.ReplaceAll(pdf, from, to)
			from, to = []byte(field+"utf8"+f.key+" "), []byte(field+f.subset+" ")
			pdf = bytes.ReplaceAll(pdf, from, to)
		}
	}
	return pdf
}

// coverage is a bit set of the runes in the Basic Multilingual Plane that
// every embedded face has a glyph for. It is filled in lazily, 64 runes at
// a time, as text asks about them: asking the fonts about all 65,536
// runes up front took about 13 ms, a fixed cost paid by every process
// that rendered a PDF, when a document uses a handful of blocks. It is
// safe for concurrent use.
type coverage struct {
	mu    sync.Mutex
	faces []*sfnt.Font
	buf   sfnt.Buffer
	known [1 << 16 / 64]atomic.Bool
	bits  [1 << 16 / 64]atomic.Uint64
}

func (c *coverage) has(r rune) bool {
	if r < 0 || r >= 1<<16 {
		return false
	}
	b := r / 64
	if !c.known[b].Load() {
		c.fill(b)
	}
	return c.bits[b].Load()&(1<<(uint(r)%64)) != 0
}

// fill works out block b: the runes b*64 to b*64+63.
func (c *coverage) fill(b rune) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.known[b].Load() {
		return
	}
	var bits uint64
	for r := max(b*64, ' '); r < (b+1)*64; r++ {
		all := true
		for _, face := range c.faces {
			if g, err := face.GlyphIndex(&c.buf, r); err != nil || g == 0 {
				all = false
				break
			}
		}
		if all {
			bits |= 1 << (uint(r) % 64)
		}
	}
	c.bits[b].Store(bits)
	c.known[b].Store(true)
}

// glyphs returns the coverage of the embedded faces, whose fonts are
// parsed once.
var glyphs = sync.OnceValue(func() *coverage {
	c := &coverage{}
	for _, f := range fonts {
		face, err := sfnt.Parse(f.ttf)
		if err != nil {
			// The fonts are compiled into the binary; they always parse.
			panic("document/pdf: parsing an embedded Go font: " + err.Error())
		}
		c.faces = append(c.faces, face)
	}
	return c
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
