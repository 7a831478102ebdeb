package schema_test

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/masa-go/masa/internal/golden"
	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/schema"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// outputs are the JSON files in the repository that are not input files:
// programs' and packages' golden outputs, the OpenAPI document and the
// schemas themselves, and anything under a testdata/golden directory. Any
// other JSON file must match a Kind's patterns.
var outputs = []string{
	"*.golden.json", "*.canonical.json", "*.result.json", "*.out.json", "*.schema.json",
	"examples/service/openapi.json",
	"examples/masa/testdata/essex.json", "examples/scrutiny/testdata/essex.json",
	"examples/scenarios/testdata/default.json", "examples/timeline/testdata/example.json",
}

// TestSchemasAreGenerated fails when a Go type (or its doc comment) has
// changed and the schemas were not regenerated with go generate ./schema.
func TestSchemasAreGenerated(t *testing.T) {
	files, err := schema.Generate()
	require.NoError(t, err)
	require.ElementsMatch(t, schema.Names(), keys(files))
	for _, name := range schema.Names() {
		if golden.Updating() {
			require.NoError(t, os.WriteFile(name, files[name], 0o644))
			continue
		}
		have, err := os.ReadFile(name)
		require.NoError(t, err, "%s is missing: run go generate ./schema", name)
		if !bytes.Equal(have, files[name]) {
			t.Errorf("%s differs from the Go types (%s): run go generate ./schema", name, golden.FirstDiff(have, files[name]))
		}
	}
	on, err := filepath.Glob("*.schema.json")
	require.NoError(t, err)
	assert.ElementsMatch(t, schema.Names(), on, "a schema file of no kind: remove it or add its kind")
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// compile compiles every schema from its file.
func compile(t *testing.T) map[string]*jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	for _, name := range schema.Names() {
		f, err := os.Open(name)
		require.NoError(t, err)
		doc, err := jsonschema.UnmarshalJSON(f)
		f.Close()
		require.NoError(t, err, name)
		require.NoError(t, c.AddResource(schema.BaseURL+name, doc), name)
	}
	out := map[string]*jsonschema.Schema{}
	for _, name := range schema.Names() {
		s, err := c.Compile(schema.BaseURL + name)
		require.NoError(t, err, name)
		out[name] = s
	}
	return out
}

func validate(s *jsonschema.Schema, data []byte) error {
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return err
	}
	return s.Validate(v)
}

func matches(patterns []string, rel string) bool {
	return slices.ContainsFunc(patterns, func(p string) bool {
		if !strings.Contains(p, "/") {
			ok, _ := path.Match(p, path.Base(rel))
			return ok
		}
		ok, _ := path.Match(p, rel)
		return ok
	})
}

// TestShippedFilesValidate checks every shipped and testdata input file
// against the schema of its kind, and that every JSON file in the
// repository is either an input file of a known kind or an output.
func TestShippedFilesValidate(t *testing.T) {
	schemas := compile(t)
	seen := map[string]int{}
	err := filepath.WalkDir("..", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(p, ".."+string(filepath.Separator)))
		if d.IsDir() {
			if name := d.Name(); name == "fuzz" || name == "node_modules" || (strings.HasPrefix(name, ".") && name != "..") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(rel, ".json") || matches(outputs, rel) || strings.Contains(rel, "testdata/golden/") {
			return nil
		}
		var kind *schema.Kind
		for _, k := range schema.Kinds() {
			if matches(k.Patterns, rel) {
				kind = &k
				break
			}
		}
		if kind == nil {
			t.Errorf("%s is a JSON file of no known kind: add its path to a Kind's patterns in schema/schema.go, or to the outputs in schema/schema_test.go", rel)
			return nil
		}
		seen[kind.Name]++
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		if err := validate(schemas[kind.File()], data); err != nil {
			t.Errorf("%s does not match %s:\n%v", rel, kind.File(), err)
		}
		return nil
	})
	require.NoError(t, err)
	for _, k := range schema.Kinds() {
		assert.Positive(t, seen[k.Name], "no shipped file of kind %s: its patterns match nothing", k.Name)
	}
}

// TestSchemasReject checks that the schemas are not vacuous: each mistake
// an editor should flag is flagged.
func TestSchemasReject(t *testing.T) {
	schemas := compile(t)
	essex, err := os.ReadFile("../masa/data/essex-2020-21.json")
	require.NoError(t, err)
	require.NoError(t, validate(schemas["partnership.schema.json"], essex))
	named := bytes.Replace(essex, []byte("{"), []byte(`{"$schema": "`+schema.BaseURL+`partnership.schema.json",`), 1)
	assert.NoError(t, validate(schemas["partnership.schema.json"], named), "a file may name its schema")
	p, err := masa.Parse(named)
	require.NoError(t, err, "and masa still reads it")
	assert.Equal(t, masa.Essex(), p)
	tests := []struct {
		name, schema, from, to string
		data                   []byte
	}{
		{name: "unknown member", schema: "partnership.schema.json", data: essex,
			from: `"shortName": "ESCB",`, to: `"shortName": "ESCB", "colour": "blue",`},
		{name: "date in the wrong form", schema: "partnership.schema.json", data: essex,
			from: `"published": "2020-06-29"`, to: `"published": "29/06/2020"`},
		{name: "financial year in the wrong form", schema: "partnership.schema.json", data: essex,
			from: `"year": "2020/21"`, to: `"year": "2020"`},
		{name: "unknown role", schema: "partnership.schema.json", data: essex,
			from: `"holder": "police"`, to: `"holder": "fire"`},
		{name: "a number of the wrong type", schema: "partnership.schema.json", data: essex,
			from: `"population": 1470000`, to: `"population": "many"`},
		{name: "scenario amount not a decimal", schema: "scenario.schema.json",
			data: []byte(`{"name": "x", "baseline": {"year": "2020/21", "lines": [{"org": "a", "name": "A", "amount": "12,000"}]}, "changes": []}`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := tt.data
			if tt.from != "" {
				require.Contains(t, string(data), tt.from)
				data = bytes.Replace(data, []byte(tt.from), []byte(tt.to), 1)
			}
			assert.Error(t, validate(schemas[tt.schema], data))
		})
	}
}
