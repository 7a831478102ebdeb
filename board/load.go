package board

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"

	"github.com/masa-go/masa/vocab"
)

//go:embed data/essex-board.json
var essexJSON []byte

// EssexJSON returns the embedded board business of the Essex Safeguarding
// Children Board (June 2018 to March 2021), joined by IDs to the embedded
// Essex partnership file (masa.Essex).
func EssexJSON() []byte { return bytes.Clone(essexJSON) }

// Parse decodes a board business file strictly: unknown fields, values of
// the wrong type, malformed dates and trailing data are errors naming the
// JSON path of the bad value. It checks the form only; [Bind] checks the
// content against the partnership.
func Parse(data []byte) (*Business, error) {
	var b Business
	if err := vocab.DecodeJSON(data, &b); err != nil {
		return nil, fmt.Errorf("board: business file: %w", err)
	}
	return &b, nil
}

// Read reads at most vocab.MaxDocumentBytes from r and parses them with
// [Parse].
func Read(r io.Reader) (*Business, error) { return vocab.ReadWith(r, Parse) }

// Load reads and parses the board business file at path.
func Load(path string) (*Business, error) { return vocab.LoadWith(path, Parse) }
