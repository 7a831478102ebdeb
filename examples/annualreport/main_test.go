package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/masa-go/masa/internal/golden"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRun runs the program as a user would and compares what it prints,
// and the PDF and HTML it writes, with the golden files.
func TestRun(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		status int
		golden string // prefix of the golden files in testdata
	}{
		{"essex draft", []string{"-o", "$DIR/report.pdf", "-html", "$DIR/report.html"}, 0, "essex-2020-21"},
		{"ready to publish", []string{"-o", "$DIR/report.pdf", "-html", "$DIR/report.html", "-year", "2020/21", "-ready", "2021-07-20"}, 0, "essex-2020-21-ready"},
		{"parts missing", []string{"-o", "$DIR/report.pdf", "-html", "$DIR/report.html", "-input", "testdata/missing-parts.json", "-ready", "2021-07-20"}, 1, "essex-2020-21-missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			args := make([]string, len(tt.args))
			for i, a := range tt.args {
				args[i] = strings.ReplaceAll(a, "$DIR", dir)
			}
			var out, errOut bytes.Buffer
			require.Equal(t, tt.status, run(args, &out, &errOut), errOut.String())
			got := strings.ReplaceAll(out.String()+errOut.String(), dir, "$DIR")
			golden.Assert(t, filepath.Join("testdata", tt.golden+".txt"), []byte(got))
			for _, ext := range []string{".pdf", ".html"} {
				data, err := os.ReadFile(filepath.Join(dir, "report"+ext))
				require.NoError(t, err)
				golden.Assert(t, filepath.Join("testdata", tt.golden+ext), data)
			}
		})
	}
}

func TestBadInvocations(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		status int
		want   string
	}{
		{"wrong year", []string{"-o", "$DIR/r.pdf", "-year", "2021/22"}, 1, "the input is for 2020/21, not 2021/22"},
		{"bad year", []string{"-o", "$DIR/r.pdf", "-year", "2021"}, 1, "-year"},
		{"nothing to write", []string{"-o", ""}, 2, "nothing to write"},
		{"missing input", []string{"-o", "$DIR/r.pdf", "-input", "testdata/nowhere.json"}, 2, "nowhere.json"},
		{"bad date", []string{"-o", "$DIR/r.pdf", "-ready", "2021-02-30"}, 1, "-ready"},
		{"stray argument", []string{"-o", "$DIR/r.pdf", "extra"}, 2, "unexpected arguments"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			args := make([]string, len(tt.args))
			for i, a := range tt.args {
				args[i] = strings.ReplaceAll(a, "$DIR", dir)
			}
			var out, errOut bytes.Buffer
			assert.Equal(t, tt.status, run(args, &out, &errOut))
			assert.Contains(t, errOut.String(), tt.want)
		})
	}
}

// -board takes the priorities from a board business file: those with
// little or no progress reach the report's section; a file that assesses
// none for the year is refused.
func TestBoardPriorities(t *testing.T) {
	dir := t.TempDir()
	var out, errOut bytes.Buffer
	require.Equal(t, 0, run([]string{"-o", "", "-html", filepath.Join(dir, "r.html"), "-board", "testdata/board-sample.json"}, &out, &errOut), errOut.String())
	page, err := os.ReadFile(filepath.Join(dir, "r.html"))
	require.NoError(t, err)
	assert.Contains(t, string(page), "Transition to adult services (fictional sample)")
	assert.Contains(t, string(page), "did not start in the year (fictional sample)")
	assert.NotContains(t, string(page), "Neglect (fictional sample)", "a priority not assessed is left out")

	out.Reset()
	errOut.Reset()
	assert.Equal(t, 1, run([]string{"-o", "", "-html", filepath.Join(dir, "e.html"), "-board", "../../board/data/essex-board.json"}, &out, &errOut))
	assert.Contains(t, errOut.String(), "assesses no business-plan priority for 2020/21")
}
