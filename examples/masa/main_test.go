package main

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/masa-go/masa/internal/golden"

	"github.com/stretchr/testify/assert"
)

func TestRun(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		golden string
	}{
		{"essex default", nil, 0, "essex.txt"},
		{"essex json", []string{"-json"}, 0, "essex.json"},
		{"essex after ICBs", []string{"-on", "2023-06-01"}, 0, "essex-2023.txt"},
		{"essex after ICBs as published", []string{"-on", "2023-06-01", "-as-published"}, 1, "essex-2023-as-published.txt"},
		{"essex after ICBs, former flag", []string{"-on", "2023-06-01", "-successions"}, 0, "essex-2023.txt"},
		{"the day before the ICBs", []string{"-on", "2022-06-30"}, 0, "essex-2022-06-30.txt"},
		{"another partnership", []string{"-partnership", "../../masa/testdata/riverside.json", "-on", "2025-06-01"}, 0, "riverside.txt"},
		{"the documented sample", []string{"-partnership", "testdata/mine.json", "-on", "2025-06-01"}, 0, "riverside.txt"},
		{"a new edition from a rule-sets file", []string{"-rulesets", "../../masa/testdata/rulesets/with-2027.json", "-on", "2027-06-01"}, 0, "essex-2027-rulesets.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(tt.args, &out, &errOut)
			assert.Equal(t, tt.code, code, errOut.String())
			golden.Assert(t, filepath.Join("testdata", tt.golden), out.Bytes())
		})
	}
}

func TestRunBadInput(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"-on", "2020-02-30"}, "masa: -on"},
		{[]string{"-on", "1990-01-01"}, "masa: -on 1990-01-01 is before every rule set masa knows"},
		{[]string{"-partnership", "testdata/does-not-exist.json"}, "masa: "},
		{[]string{"-nonsense"}, "flag provided but not defined"},
		{[]string{"stray"}, "masa: unexpected argument"},
		{[]string{"-rulesets", "../../masa/testdata/riverside.json"}, "masa: rule sets: must be a list"},
	} {
		var out, errOut bytes.Buffer
		assert.Equal(t, 2, run(tt.args, &out, &errOut), tt.args)
		assert.Contains(t, errOut.String(), tt.want, tt.args)
		assert.Empty(t, out.String(), "nothing half-printed on stdout for %v", tt.args)
	}
}

func TestHelpListsFlagsAndAnExample(t *testing.T) {
	var out, errOut bytes.Buffer
	assert.Equal(t, 0, run([]string{"-h"}, &out, &errOut))
	for _, flag := range []string{"-partnership", "-on", "-as-published", "-json", "Example:"} {
		assert.Contains(t, errOut.String(), flag)
	}
}
