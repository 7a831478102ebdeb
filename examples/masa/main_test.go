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
		{"essex after ICBs", []string{"-on", "2023-06-01"}, 1, "essex-2023.txt"},
		{"essex after ICBs with successions", []string{"-on", "2023-06-01", "-successions"}, 0, "essex-2023-successions.txt"},
		{"another partnership", []string{"-partnership", "../../masa/testdata/riverside.json", "-on", "2025-06-01"}, 0, "riverside.txt"},
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
		{"-on", "2020-02-30"},
		{"-partnership", "testdata/does-not-exist.json"},
		{"-nonsense"},
	} {
		var out, errOut bytes.Buffer
		assert.Equal(t, 2, run(args, &out, &errOut), args)
		assert.NotEmpty(t, errOut.String(), args)
	}
}
