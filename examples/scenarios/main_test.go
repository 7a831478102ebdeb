package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/masa-go/masa/internal/golden"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func assertGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Assert(t, filepath.Join("testdata", name), got)
}

func TestRun(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		golden string
	}{
		{"text", nil, "default.txt"},
		{"csv", []string{"-format", "csv"}, "default.csv"},
		{"json", []string{"-format", "json"}, "default.json"},
		{"one section as csv", []string{"-format", "csv", "-only", "comparison"}, "comparison.csv"},
		{"scenario file", []string{"-scenario", filepath.Join("..", "..", "funding", "testdata", "scenarios", "statutory-thirds.json"), "-years", "2", "-uplift", "-1.5"}, "statutory-thirds.txt"},
		{"another partnership's table", []string{"-partnership", filepath.Join("..", "..", "masa", "testdata", "riverside.json"), "-years", "2"}, "riverside.txt"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(tc.args, &out, &errOut)
			require.Equal(t, 0, code, errOut.String())
			assert.Empty(t, errOut.String())
			assertGolden(t, tc.golden, out.Bytes())

			// Deterministic: a second run prints the same bytes.
			var again bytes.Buffer
			run(tc.args, &again, &errOut)
			assert.Equal(t, out.String(), again.String())
		})
	}
}

func TestRunErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"bad format", []string{"-format", "xml"}, []string{`-format: must be text, csv or json (value "xml"`}},
		{"bad section", []string{"-only", "all"}, []string{`-only: must be baseline, result, comparison or projection (value "all"`}},
		{"every flag problem at once", []string{"-uplift", "abc", "-years", "100", "-format", "x"}, []string{"scenarios: 3 problems:", "-uplift: is not a decimal number", "-years: must be between 1 and 30", "-format: must be"}},
		{"missing partnership", []string{"-partnership", "testdata/none.json"}, []string{"scenarios: ", "none.json"}},
		{"bad uplift", []string{"-uplift", "two"}, []string{`-uplift: is not a decimal number`}},
		{"bad years", []string{"-years", "0"}, []string{"years: must be between 1 and 30"}},
		{"missing file", []string{"-scenario", "testdata/none.json"}, []string{"none.json"}},
		{"bad scenario", []string{"-scenario", "testdata/bad.json"}, []string{`changes[0].amount: has pence, but the rounding unit is whole pounds (value "100.50"`, "(in testdata/bad.json)"}},
		{"unknown flag", []string{"-colour"}, []string{"flag provided but not defined"}},
		{"extra argument", []string{"extra"}, []string{`unexpected argument "extra"`}},
		{"bom without csv", []string{"-bom"}, []string{"-bom is for -format csv"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			assert.Equal(t, 2, run(tc.args, &out, &errOut))
			for _, w := range tc.want {
				assert.Contains(t, errOut.String(), w)
				if !strings.Contains(w, "flag provided") {
					assert.Equal(t, 1, strings.Count(errOut.String(), w), "printed once: %s", errOut.String())
				}
			}
			if tc.name != "unknown flag" {
				assert.True(t, strings.HasPrefix(errOut.String(), "scenarios: "), errOut.String())
			}
		})
	}
}

// TestBOMForExcel: -bom starts the CSV with a UTF-8 byte order mark and
// the pound sign survives (issue 13, bug 3).
func TestBOMForExcel(t *testing.T) {
	var out, errOut bytes.Buffer
	require.Equal(t, 0, run([]string{"-format", "csv", "-only", "result", "-bom"}, &out, &errOut), errOut.String())
	assert.True(t, bytes.HasPrefix(out.Bytes(), []byte("\xef\xbb\xbforg,name,")), "starts with the BOM, then the header")
	assert.Contains(t, out.String(), "£")
}

func TestHelpListsFlagsAndAnExample(t *testing.T) {
	var out, errOut bytes.Buffer
	assert.Equal(t, 0, run([]string{"-h"}, &out, &errOut))
	for _, flag := range []string{"-partnership", "-scenario", "-format", "-only", "-years", "-uplift", "-bom", "Example:"} {
		assert.Contains(t, errOut.String(), flag)
	}
}
