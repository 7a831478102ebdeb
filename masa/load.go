package masa

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/masa-go/masa/vocab"
)

//go:embed data/essex-2020-21.json
var essexJSON []byte

// EssexJSON returns the embedded Essex 2020-21 partnership file, as bytes
// in the canonical encoding that [Encode] produces.
func EssexJSON() []byte { return bytes.Clone(essexJSON) }

// Essex returns the Essex Safeguarding Children Board's Multi-Agency
// Safeguarding Arrangements 2020-21, the default dataset. It is decoded
// from the embedded file by [Decode], the same path as any other
// partnership's file, and each call returns a fresh copy.
func Essex() *Partnership {
	p, err := Decode(essexJSON)
	if err != nil {
		// The embedded file is checked by the package's tests.
		panic(fmt.Sprintf("masa: embedded Essex data: %v", err))
	}
	return p
}

// Decode decodes a partnership file. Decoding is strict: unknown fields,
// values of the wrong type, malformed dates and trailing data are errors
// that name the JSON path of the offending value (see vocab.DecodeJSON).
// Decode checks the form of the file only; package masa/validate checks
// the partnership against the rules in force on a date.
func Decode(data []byte) (*Partnership, error) {
	var p Partnership
	if err := vocab.DecodeJSON(data, &p); err != nil {
		return nil, fmt.Errorf("masa: partnership file: %w", err)
	}
	return &p, nil
}

// Load reads and decodes a partnership file from r.
func Load(r io.Reader) (*Partnership, error) {
	data, err := io.ReadAll(io.LimitReader(r, vocab.MaxDocumentBytes+1))
	if err != nil {
		return nil, fmt.Errorf("masa: reading partnership file: %w", err)
	}
	return Decode(data)
}

// LoadFile reads and decodes the partnership file at path.
func LoadFile(path string) (*Partnership, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("masa: %w", err)
	}
	defer f.Close()
	p, err := Load(f)
	if err != nil {
		return nil, fmt.Errorf("%w (in %s)", err, path)
	}
	return p, nil
}

// Encode returns the canonical JSON encoding of p: two-space indentation,
// fields in declaration order, map keys sorted, amounts as decimal
// strings, no HTML escaping, and a final newline. The same partnership
// always encodes to the same bytes, and Decode(Encode(p)) equals p.
func Encode(p *Partnership) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(p); err != nil {
		return nil, fmt.Errorf("masa: encoding partnership: %w", err)
	}
	return buf.Bytes(), nil
}
