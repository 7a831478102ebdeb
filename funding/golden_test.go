package funding

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/masa-go/masa/internal/golden"
	"github.com/masa-go/masa/vocab"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// golden compares got with testdata/golden/name, or rewrites the file
// with -update.
func assertGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Assert(t, filepath.Join("testdata", "golden", name), got)
}

// loadScenario reads testdata/scenarios/name.json.
func loadScenario(t testing.TB, name string) *Scenario {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "scenarios", name+".json"))
	require.NoError(t, err)
	s, err := ParseScenario(data)
	require.NoError(t, err)
	return s
}

func scenarioNames(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "scenarios", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	var names []string
	for _, f := range files {
		names = append(names, strings.TrimSuffix(filepath.Base(f), ".json"))
	}
	return names
}

func TestGolden(t *testing.T) {
	for _, name := range scenarioNames(t) {
		t.Run(name, func(t *testing.T) {
			s := loadScenario(t, name)
			r, err := Apply(s)
			require.NoError(t, err)
			c := r.Compare()

			js, err := vocab.EncodeJSON(r)
			require.NoError(t, err)
			assertGolden(t, name+".result.json", js)

			var b bytes.Buffer
			require.NoError(t, r.WriteCSV(&b))
			assertGolden(t, name+".result.csv", b.Bytes())

			b.Reset()
			require.NoError(t, r.WriteText(&b))
			require.NoError(t, c.WriteText(&b))
			assertGolden(t, name+".txt", b.Bytes())

			js, err = vocab.EncodeJSON(c)
			require.NoError(t, err)
			assertGolden(t, name+".comparison.json", js)

			b.Reset()
			require.NoError(t, c.WriteCSV(&b))
			assertGolden(t, name+".comparison.csv", b.Bytes())

			// The same input gives byte-identical output.
			r2, err := Apply(loadScenario(t, name))
			require.NoError(t, err)
			js2, err := vocab.EncodeJSON(r2)
			require.NoError(t, err)
			js1, _ := vocab.EncodeJSON(r)
			assert.Equal(t, js1, js2)
		})
	}
}

func TestGoldenProjection(t *testing.T) {
	p, err := Project(loadScenario(t, "icb-merger-2022"), 3, MustNumber("2"))
	require.NoError(t, err)
	js, err := vocab.EncodeJSON(p)
	require.NoError(t, err)
	assertGolden(t, "icb-merger-2022.projection.json", js)
	var b bytes.Buffer
	require.NoError(t, p.WriteCSV(&b))
	assertGolden(t, "icb-merger-2022.projection.csv", b.Bytes())
	b.Reset()
	require.NoError(t, p.WriteText(&b))
	assertGolden(t, "icb-merger-2022.projection.txt", b.Bytes())
}

func TestGoldenEssexScenario(t *testing.T) {
	js, err := EncodeScenario(EssexScenario())
	require.NoError(t, err)
	assertGolden(t, "essex-baseline.scenario.json", js)
}
