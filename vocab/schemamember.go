package vocab

import (
	"bytes"
	"encoding/json"
)

// schemaKey is the member by which a document names its JSON Schema.
const schemaKey = "$schema"

// withoutSchemaMember returns data with a top-level "$schema" string
// member blanked out with spaces, so that a file may name its JSON Schema
// for an editor and still be read strictly. Nothing else changes, not
// even an offset or a line number, so errors still point at the right
// place. data must be a well-formed document (scanJSON has passed it);
// anything else, including a "$schema" that is not a string or is not at
// the top level, is returned as it is.
func withoutSchemaMember(data []byte) []byte {
	if !bytes.Contains(data, []byte(`"`+schemaKey+`"`)) {
		return data
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return data
	}
	first := true
	for dec.More() {
		start := dec.InputOffset() // after "{" or the previous value, before any comma
		key, err := dec.Token()
		if err != nil {
			return data
		}
		var value json.RawMessage
		if err := dec.Decode(&value); err != nil {
			return data
		}
		if key != schemaKey || len(value) == 0 || value[0] != '"' {
			first = false
			continue
		}
		end := int(dec.InputOffset())
		if first {
			// The comma after the member goes with it.
			for i := end; i < len(data); i++ {
				if data[i] == ',' {
					end = i + 1
					break
				}
				if !bytes.ContainsRune([]byte(" \t\r\n"), rune(data[i])) {
					break
				}
			}
		}
		out := bytes.Clone(data)
		for i := int(start); i < end; i++ {
			if out[i] != '\n' && out[i] != '\r' {
				out[i] = ' '
			}
		}
		return out
	}
	return data
}
