package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/masa-go/masa/internal/golden"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The rulebook for Essex on the day its 2020-21 arrangements were
// published, and on 1 June 2025 under Working Together 2023, as text and
// HTML.
func TestRun(t *testing.T) {
	for _, tt := range []struct{ on, name string }{
		{"2020-06-29", "essex-2020-06-29"},
		{"2025-06-01", "essex-2025-06-01"},
	} {
		t.Run(tt.on, func(t *testing.T) {
			html := filepath.Join(t.TempDir(), "book.html")
			var out, errOut bytes.Buffer
			code := run([]string{"-on", tt.on, "-html", html}, &out, &errOut)
			require.Equal(t, 0, code, errOut.String())
			golden.Assert(t, filepath.Join("testdata", tt.name+".txt"), out.Bytes())
			page, err := os.ReadFile(html)
			require.NoError(t, err)
			golden.Assert(t, filepath.Join("testdata", tt.name+".html"), page)
		})
	}
}

func TestRunBadInput(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"-on", "2020-02-30"}, "rulebook: -on"},
		{[]string{"-on", "1990-01-01"}, "rulebook: "},
		{[]string{"-partnership", "testdata/does-not-exist.json"}, "rulebook: "},
		{[]string{"stray"}, "rulebook: unexpected argument"},
	} {
		var out, errOut bytes.Buffer
		assert.Equal(t, 2, run(tt.args, &out, &errOut), tt.args)
		assert.Contains(t, errOut.String(), tt.want, tt.args)
	}
}
