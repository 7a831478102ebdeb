package vocab

import (
	"bytes"
	"encoding/json"
)

// EncodeJSON returns the canonical JSON encoding of v used for the masa
// packages' outputs: two-space indentation, fields in declaration order,
// map keys sorted, no HTML escaping and a final newline. Sums of money
// held as decimal.Decimal encode as strings. The same value always encodes
// to the same bytes.
func EncodeJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
