package vocab

import (
	"fmt"
	"io"
	"os"
)

// Every masa package reads its input files with the same three verbs:
//
//	Parse(data []byte) (T, error)  // decode and check the form of a document in memory
//	Read(r io.Reader) (T, error)   // read at most MaxDocumentBytes from r, then Parse
//	Load(path string) (T, error)   // open the file at path, then Read
//
// A package with more than one kind of input adds the kind to the verb
// (funding.ParseScenario, reviews.LoadCase). ReadWith and LoadWith give
// every package the same Read and Load from its own Parse.

// ReadWith reads at most MaxDocumentBytes (and one byte more, so that
// DecodeJSON can report a document that is too large) from r and passes
// them to parse.
func ReadWith[T any](r io.Reader, parse func([]byte) (T, error)) (T, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxDocumentBytes+1))
	if err != nil {
		var zero T
		return zero, fmt.Errorf("reading: %w", err)
	}
	return parse(data)
}

// LoadWith opens the file at path and reads it with ReadWith. Errors name
// the path, after the problem.
func LoadWith[T any](path string, parse func([]byte) (T, error)) (T, error) {
	var zero T
	f, err := os.Open(path)
	if err != nil {
		return zero, err
	}
	v, err := ReadWith(f, parse)
	if cerr := f.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		return zero, fmt.Errorf("%w (in %s)", err, path)
	}
	return v, nil
}
