package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/masa-go/masa/internal/golden"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// now is a fixed instant for the tests: 23:30 UTC on 22 November 2026 is
// still 22 November in London (GMT).
var now = time.Date(2026, time.November, 22, 23, 30, 0, 0, time.UTC)

func TestRun(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		golden string
	}{
		{"built-in example today", nil, 0, "example-today.txt"},
		{"built-in example on a date", []string{"-on", "2026-11-23"}, 0, "example.txt"},
		{"built-in example as JSON", []string{"-json", "-on", "2026-11-23"}, 0, "example.json"},
		{"a full lifecycle", []string{"-on", "2021-07-20", "../../reviews/testdata/lifecycle-case.json"}, 0, "lifecycle.txt"},
		{"an overdue case", []string{"-on", "2022-10-05", "testdata/overdue-case.json"}, 1, "overdue.txt"},
		{"another partnership with next year's bank holidays", []string{"-on", "2027-12-31", "-partnership", "../../masa/testdata/riverside.json",
			"-holidays", "testdata/holidays-2028.json", "testdata/late-2027-case.json"}, 0, "riverside-2028.txt"},
		{"the documented sample files", []string{"-on", "2027-12-31", "-partnership", "../masa/testdata/mine.json",
			"-holidays", "testdata/extra.json", "testdata/case.json"}, 0, "riverside-2028.txt"},
		{"an owner after the ICBs", []string{"-on", "2022-07-01", "../../reviews/testdata/lifecycle-case.json"}, 0, "lifecycle-2022-07-01.txt"},
		{"an owner after the ICBs, as published", []string{"-on", "2022-07-01", "-as-published", "../../reviews/testdata/lifecycle-case.json"}, 0, "lifecycle-2022-07-01-as-published.txt"},
		{"another partnership, 2028 provisional", []string{"-on", "2027-12-31", "-partnership", "../../masa/testdata/riverside.json",
			"testdata/late-2027-case.json"}, 0, "riverside-2028-provisional.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(tt.args, &out, &errOut, now)
			assert.Equal(t, tt.code, code, errOut.String())
			assert.Empty(t, errOut.String())
			golden.Assert(t, filepath.Join("testdata", tt.golden), out.Bytes())
		})
	}
}

func TestRunProblems(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"a case with problems", []string{"-on", "2021-04-01", "testdata/bad-case.json"},
			[]string{"2 problems:", "events[1].on: is before Notify the Child Safeguarding Practice Review Panel on 5 March 2021", "events[2].step: was already recorded at events[0]"}},
		{"a bad date", []string{"-on", "2021-02-30"}, []string{"-on: is not a real date"}},
		{"a missing case file", []string{"testdata/missing.json"}, []string{"missing.json"}},
		{"a missing partnership", []string{"-partnership", "testdata/missing.json"}, []string{"missing.json"}},
		{"a bad holidays file", []string{"-holidays", "testdata/bad-case.json"}, []string{"unknown-field"}},
		{"a date before the case", []string{"-on", "2026-01-01"}, []string{"on: is before the local authority became aware"}},
		{"two case files", []string{"a.json", "b.json"}, []string{`timeline: unexpected argument "b.json"`}},
		{"an unknown flag", []string{"-colour"}, []string{"flag provided but not defined"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(tt.args, &out, &errOut, now)
			assert.Equal(t, 2, code)
			for _, w := range tt.want {
				assert.Contains(t, errOut.String(), w)
			}
			if tt.name != "an unknown flag" {
				assert.True(t, strings.HasPrefix(errOut.String(), "timeline: "), "the program's own name first: %s", errOut.String())
			}
		})
	}
}

// The built-in example is sound and loads like any case file.
func TestExampleCaseIsSound(t *testing.T) {
	var out, errOut bytes.Buffer
	require.Equal(t, 0, run([]string{"-on", "2026-10-05"}, &out, &errOut, now), errOut.String())
	assert.Contains(t, out.String(), "Case ESCB-2026-019 on Monday 5 October 2026")
}

func TestHelpListsFlagsAndAnExample(t *testing.T) {
	var out, errOut bytes.Buffer
	assert.Equal(t, 0, run([]string{"-h"}, &out, &errOut, now))
	for _, flag := range []string{"-on", "-as-published", "-json", "-partnership", "-holidays", "Example:"} {
		assert.Contains(t, errOut.String(), flag)
	}
}
