package vocab

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// MaxDocumentBytes is the largest JSON document DecodeJSON reads by
// default: 8 MiB, well above any real partnership or scenario file.
const MaxDocumentBytes = 8 << 20

// DecodeJSON decodes one JSON document from data into v, strictly: unknown
// fields, trailing data, a document larger than MaxDocumentBytes, values
// of the wrong type, nesting deeper than MaxDepth, a field given twice in
// one object, invalid UTF-8 and control characters in any string (see
// TextControlProblem) are errors. Every error is a *FieldError (kind
// ErrInvalid) whose Field is the JSON path of the offending value, such as
// "statutoryPartners[2].role", so that the person who wrote the file can
// find it. An error's path and value are cut to a few hundred bytes
// whatever the input.
//
// A top-level "$schema" string member, by which a file names its JSON
// Schema for an editor (see docs/schemas.md), is read as if it were not
// there.
func DecodeJSON(data []byte, v any) error {
	if len(data) > MaxDocumentBytes {
		return Invalid("", "size", strconv.Itoa(len(data))+" bytes", "is larger than the "+strconv.Itoa(MaxDocumentBytes)+"-byte limit for a document")
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return Invalid("", "json", "", "is empty; expected a JSON object")
	}
	if fe := scanJSON(data); fe != nil {
		return fe
	}
	data = withoutSchemaMember(data)
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		fe := jsonProblem(data, err)
		fe.Value = safeValue(fe.Value)
		fe.Field = cutText(fe.Field, maxPathBytes)
		return fe
	}
	end := dec.InputOffset()
	if _, err := dec.Token(); err != io.EOF {
		for end < int64(len(data)) && strings.ContainsRune(" \t\r\n", rune(data[end])) {
			end++
		}
		off := strconv.FormatInt(end, 10)
		return Invalid("", "json", "offset "+off, "has data after the end of the JSON document")
	}
	return nil
}

// ReadJSON reads at most MaxDocumentBytes from r and decodes it with
// DecodeJSON.
func ReadJSON(r io.Reader, v any) error {
	data, err := io.ReadAll(io.LimitReader(r, MaxDocumentBytes+1))
	if err != nil {
		return err
	}
	return DecodeJSON(data, v)
}

func jsonProblem(data []byte, err error) *FieldError {
	var fe *FieldError
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &fe):
		out := *fe
		if out.Field == "" {
			out.Field = pathOfString(data, fe.Value)
		}
		return &out
	case errors.As(err, &syn):
		return Invalid(pathAtOffset(data, syn.Offset), "json", "offset "+strconv.FormatInt(syn.Offset, 10), "is not valid JSON: "+strings.TrimPrefix(syn.Error(), "json: "))
	case errors.As(err, &typ):
		field, literal := valueAtOffset(data, typ.Offset)
		if field == "" {
			field = typ.Field
		}
		if literal == "" {
			literal = typ.Value
		}
		return Invalid(field, "type", literal, "must be "+typeName(typ.Type.Kind().String())+", not "+typ.Value)
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		return Invalid("", "json", "end of input", "is not valid JSON: the document ends early")
	}
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
		name, _ = strconv.Unquote(name)
		return Invalid(pathOfKey(data, name), "unknown-field", name, "is not a known field")
	}
	// A value's own decoder (such as a decimal's) may name the value in
	// single quotes, as '"1e99999"'; find its path from that.
	field := ""
	if _, rest, ok := strings.Cut(msg, "'"); ok {
		if lit, _, ok := strings.Cut(rest, "'"); ok {
			if v, err := strconv.Unquote(lit); err == nil {
				field = pathOfString(data, v)
			}
		}
	}
	return Invalid(field, "json", "", "could not be decoded: "+strings.TrimPrefix(msg, "json: "))
}

func typeName(kind string) string {
	switch kind {
	case "string":
		return "a string"
	case "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64":
		return "a whole number"
	case "float32", "float64":
		return "a number"
	case "bool":
		return "true or false"
	case "slice", "array":
		return "a list"
	case "struct", "map":
		return "an object"
	}
	return "a " + kind
}

// walk visits every scalar value and container in data in document order,
// calling visit with its JSON path, its decoded token and the input offset
// just after it. It stops when visit returns true or at the first error.
// The path is built only when visit asks for it, so a walk costs memory
// in proportion to the nesting depth, not to the depth times the number of
// values.
func walk(data []byte, visit func(path func() string, isKey bool, tok json.Token, end int64) bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var stack []segment
	var inKey []bool
	here := func() string { return formatPath(stack) }
	for {
		tok, err := dec.Token()
		if err != nil {
			return
		}
		end := dec.InputOffset()
		if len(stack) > 0 {
			top := &stack[len(stack)-1]
			if !top.array && inKey[len(inKey)-1] {
				if d, ok := tok.(json.Delim); ok && d == '}' {
					stack, inKey = stack[:len(stack)-1], inKey[:len(inKey)-1]
					advance(stack, inKey)
					continue
				}
				top.key, _ = tok.(string)
				inKey[len(inKey)-1] = false
				if visit(here, true, tok, end) {
					return
				}
				continue
			}
		}
		switch d, _ := tok.(json.Delim); d {
		case '{', '[':
			if visit(here, false, tok, end) {
				return
			}
			stack = append(stack, segment{array: d == '['})
			inKey = append(inKey, d == '{')
		case '}', ']':
			stack, inKey = stack[:len(stack)-1], inKey[:len(inKey)-1]
			advance(stack, inKey)
		default:
			if visit(here, false, tok, end) {
				return
			}
			advance(stack, inKey)
		}
	}
}

// advance moves the innermost container past the value just read.
func advance(stack []segment, inKey []bool) {
	if len(stack) == 0 {
		return
	}
	if stack[len(stack)-1].array {
		stack[len(stack)-1].index++
	} else {
		inKey[len(inKey)-1] = true
	}
}

// pathOfString returns the path of the first string value equal to s.
func pathOfString(data []byte, s string) string {
	found := ""
	walk(data, func(path func() string, isKey bool, tok json.Token, _ int64) bool {
		if str, ok := tok.(string); ok && str == s && !isKey {
			found = path()
			return true
		}
		return false
	})
	return found
}

// pathOfKey returns the path of the first object key equal to name.
func pathOfKey(data []byte, name string) string {
	found := name
	walk(data, func(path func() string, isKey bool, tok json.Token, _ int64) bool {
		if isKey && tok == name {
			found = path()
			return true
		}
		return false
	})
	return found
}

// pathAtOffset returns the path of the first value that ends at or after
// offset.
func pathAtOffset(data []byte, offset int64) string {
	path, _ := valueAtOffset(data, offset)
	return path
}

// valueAtOffset returns the path of the first value that ends at or after
// offset, and the value as text when it is a scalar (a string, number,
// true, false or null). The text is cut to 100 bytes.
func valueAtOffset(data []byte, offset int64) (string, string) {
	found, text := "", ""
	walk(data, func(path func() string, isKey bool, tok json.Token, end int64) bool {
		if isKey || end < offset {
			return false
		}
		found = path()
		switch v := tok.(type) {
		case json.Delim:
			text = ""
		case string:
			text = v
		case nil:
			text = "null"
		default:
			text = fmt.Sprint(v)
		}
		return true
	})
	return found, safeValue(text)
}
