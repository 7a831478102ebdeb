package vocab_test

import (
	"testing"

	"github.com/masa-go/masa/vocab"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDecodeJSONSchemaMember(t *testing.T) {
	type doc struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	}
	const url = `"https://example.org/partnership.schema.json"`
	for _, tt := range []struct {
		name, in string
		want     doc
	}{
		{"first", `{"$schema": ` + url + `, "id": "a", "name": "A"}`, doc{"a", "A"}},
		{"middle", `{"id": "a", "$schema": ` + url + `, "name": "A"}`, doc{"a", "A"}},
		{"last", `{"id": "a", "name": "A", "$schema": ` + url + `}`, doc{"a", "A"}},
		{"alone", `{"$schema": ` + url + `}`, doc{}},
		{"across lines", "{\n  \"$schema\": " + url + ",\n  \"id\": \"a\"\n}", doc{ID: "a"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got doc
			require.NoError(t, vocab.DecodeJSON([]byte(tt.in), &got))
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestDecodeJSONSchemaMemberOnlyAtTheTop(t *testing.T) {
	type inner struct {
		X string `json:"x"`
	}
	type doc struct {
		In inner `json:"in"`
	}
	for _, in := range []string{
		`{"in": {"$schema": "s", "x": "1"}}`, // not at the top level
		`{"$schema": 3}`,                     // not a string
		`{"$schema": "a", "$schema": "b"}`,   // twice
	} {
		var d doc
		err := vocab.DecodeJSON([]byte(in), &d)
		var fe *vocab.FieldError
		assert.ErrorAs(t, err, &fe, in)
	}
	// A later problem still names its line: nothing moved.
	var d struct {
		ID int `json:"id"`
	}
	err := vocab.DecodeJSON([]byte("{\n\"$schema\": \"s\",\n\"id\": \"x\"}"), &d)
	var fe *vocab.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "id", fe.Field)
}
