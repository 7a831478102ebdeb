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

func TestRun(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		golden string
	}{
		{"essex default", nil, 0, "essex.txt"},
		{"essex json", []string{"-json"}, 0, "essex.json"},
		{"gate before the 2019/20 review", []string{"-on", "2020-09-01"}, 0, "essex-2020-09-01.txt"},
		{"plan serving every aim", []string{"-plan", "testdata/plan-all-aims.json"}, 0, "all-aims.txt"},
		{"bad plan", []string{"-plan", "testdata/bad-plan.json"}, 1, "bad-plan.txt"},
		{"bad findings", []string{"-findings", "testdata/bad-findings.json"}, 1, "bad-findings.txt"},
		{"findings with no year: every problem at once", []string{"-findings", "testdata/no-year-findings.json"}, 1, "no-year-findings.txt"},
		{"bad findings json", []string{"-findings", "testdata/bad-findings.json", "-json"}, 1, "bad-findings.out.json"},
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
	for _, args := range [][]string{
		{"-on", "2021-02-30"},
		{"-input", "testdata/does-not-exist.json"},
		{"-findings", "testdata/does-not-exist.json"},
		{"-plan", "testdata/does-not-exist.json"},
		{"-partnership", "testdata/does-not-exist.json"},
		{"-input", "testdata/plan-all-aims.json"},
		{"-plan", "testdata/bad-findings.json"},
		{"-nonsense"},
	} {
		var out, errOut bytes.Buffer
		assert.Equal(t, 2, run(args, &out, &errOut), args)
		assert.NotEmpty(t, errOut.String(), args)
		if args[0] != "-nonsense" {
			assert.True(t, strings.HasPrefix(errOut.String(), "scrutiny: "), "own name first: %s", errOut.String())
		}
	}
}

func TestHelpListsFlagsAndAnExample(t *testing.T) {
	var out, errOut bytes.Buffer
	assert.Equal(t, 0, run([]string{"-h"}, &out, &errOut))
	for _, flag := range []string{"-partnership", "-input", "-findings", "-plan", "-on", "-json", "Example:"} {
		assert.Contains(t, errOut.String(), flag)
	}
}

func TestDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	require.Equal(t, 0, run([]string{"-json"}, &a, &bytes.Buffer{}))
	require.Equal(t, 0, run([]string{"-json"}, &b, &bytes.Buffer{}))
	assert.Equal(t, a.String(), b.String())
}
