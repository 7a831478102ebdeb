package masa

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"

	"github.com/masa-go/masa/vocab"
)

//go:embed data/essex-2020-21.json
var essexJSON []byte

// EssexJSON returns the embedded Essex 2020-21 partnership file, as bytes
// in the canonical encoding that [Encode] produces.
func EssexJSON() []byte { return bytes.Clone(essexJSON) }

// Essex returns the Essex Safeguarding Children Board's Multi-Agency
// Safeguarding Arrangements 2020-21, the default dataset. It is decoded
// from the embedded file by [Parse], the same path as any other
// partnership's file, and each call returns a fresh copy.
func Essex() *Partnership {
	p, err := Parse(essexJSON)
	if err != nil {
		// The embedded file is checked by the package's tests.
		panic(fmt.Sprintf("masa: embedded Essex data: %v", err))
	}
	return p
}

// Parse decodes a partnership file. Decoding is strict: unknown fields,
// values of the wrong type, malformed dates and trailing data are errors
// that name the JSON path of the offending value (see vocab.DecodeJSON).
// Parse also checks the catalogue lists (see
// [Partnership.CatalogueProblems]): an ID listed twice, or wording for an
// ID that is neither standard nor declared as the partnership's own, is an
// error at its JSON path. Beyond that it checks the form of the file only;
// package masa/validate checks the partnership against the rules in force
// on a date.
func Parse(data []byte) (*Partnership, error) {
	var p Partnership
	if err := vocab.DecodeJSON(data, &p); err != nil {
		return nil, fmt.Errorf("masa: partnership file: %w", err)
	}
	if err := p.CatalogueProblems().Err(); err != nil {
		return nil, fmt.Errorf("masa: partnership file: %w", err)
	}
	return &p, nil
}

// Read reads at most vocab.MaxDocumentBytes from r and parses them with
// [Parse].
func Read(r io.Reader) (*Partnership, error) { return vocab.ReadWith(r, Parse) }

// Load reads and parses the partnership file at path. Until masa v0.2 it
// took an io.Reader; that form is now [Read].
func Load(path string) (*Partnership, error) { return vocab.LoadWith(path, Parse) }

// Decode is the former name of [Parse].
//
// Deprecated: use Parse; Decode will be removed in the next release.
func Decode(data []byte) (*Partnership, error) { return Parse(data) }

// LoadFile is the former name of [Load].
//
// Deprecated: use Load; LoadFile will be removed in the next release.
func LoadFile(path string) (*Partnership, error) { return Load(path) }

// Encode returns the canonical JSON encoding of p (see vocab.EncodeJSON):
// two-space indentation, fields in declaration order, map keys sorted,
// amounts as decimal strings, no HTML escaping, and a final newline. The
// same partnership always encodes to the same bytes, and Parse(Encode(p))
// equals p.
func Encode(p *Partnership) ([]byte, error) {
	b, err := vocab.EncodeJSON(p)
	if err != nil {
		return nil, fmt.Errorf("masa: encoding partnership: %w", err)
	}
	return b, nil
}
