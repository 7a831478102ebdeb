package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/masa-go/masa/internal/golden"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRun runs the program as a user would and compares what it prints,
// and the PDF and HTML digest it writes, with the golden files. Before
// committing a changed golden PDF, look at its pages (pdftoppm -r 50 -png
// testdata/essex-2020-21.pdf page).
func TestRun(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		golden string
		pages  bool // the digest has files to compare
	}{
		{"essex 2020/21", []string{"-from", "2020-04-01", "-to", "2021-03-31", "-o", "$DIR/d.pdf", "-html", "$DIR/d.html"}, "essex-2020-21", true},
		{"essex 2018/19 with actions", []string{"-from", "2018-04-01", "-to", "2019-03-31", "-on", "2019-04-15", "-o", "$DIR/d.pdf", "-html", "$DIR/d.html"}, "essex-2018-19", true},
		{"empty period", []string{"-from", "2021-04-01", "-to", "2021-06-30", "-o", "$DIR/d.pdf", "-html", "$DIR/d.html"}, "empty", true},
		{"whole log", nil, "whole-log", false},
		{"json", []string{"-from", "2019-12-01", "-to", "2019-12-31", "-json"}, "december-2019.golden.json", false},
		{"the board in 2018", []string{"-from", "2018-10-01", "-to", "2018-10-31", "-on", "2018-10-01"}, "on-2018", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			args := make([]string, len(tt.args))
			for i, a := range tt.args {
				args[i] = strings.ReplaceAll(a, "$DIR", dir)
			}
			var out, errOut bytes.Buffer
			require.Equal(t, 0, run(args, &out, &errOut), errOut.String())
			name := tt.golden
			if filepath.Ext(name) == "" {
				name += ".txt"
			}
			golden.Assert(t, filepath.Join("testdata", name), out.Bytes())
			if !tt.pages {
				return
			}
			for _, ext := range []string{".pdf", ".html"} {
				data, err := os.ReadFile(filepath.Join(dir, "d"+ext))
				require.NoError(t, err)
				golden.Assert(t, filepath.Join("testdata", tt.golden+ext), data)
			}
		})
	}
}

// The golden PDFs read back as text with the facts in them, and every
// page rasterises.
func TestGoldenPDFsReadBack(t *testing.T) {
	for _, tool := range []string{"pdftotext", "pdftoppm"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed (poppler-utils); CI installs it", tool)
		}
	}
	tests := []struct {
		file string
		want []string
	}{
		{"essex-2020-21.pdf", []string{"Key messages", "Executive Board, October 2020", "Think Family", "South Stay Safe Group, September 2020", "Page 2 of"}},
		{"essex-2018-19.pdf", []string{"Theme: Child abuse and exploitation", "Overdue by 11", "Business-plan priorities", "not assessed", "Appendix A: The board on 15 April 2019", "Child Death Overview Panel", "Appendix B: The transition"}},
		{"empty.pdf", []string{"No meetings are recorded for 1 April 2021 to 30 June 2021."}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", tt.file)
			text, err := exec.Command("pdftotext", "-layout", path, "-").Output()
			require.NoError(t, err)
			flat := strings.Join(strings.Fields(string(text)), " ")
			for _, w := range tt.want {
				assert.Contains(t, flat, w)
			}
			out := t.TempDir()
			require.NoError(t, exec.Command("pdftoppm", "-r", "20", "-png", path, filepath.Join(out, "page")).Run())
			pages, err := filepath.Glob(filepath.Join(out, "page*.png"))
			require.NoError(t, err)
			assert.NotEmpty(t, pages)
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
		{"bad date", []string{"-from", "2020-02-30"}, 2, "-from"},
		{"period backwards", []string{"-from", "2021-01-01", "-to", "2020-01-01"}, 2, "is before -from"},
		{"board file with problems", []string{"-board", "testdata/bad-board.json"}, 1, "meetings[0].actions[0].owner"},
		{"board of another partnership", []string{"-board", "testdata/bad-board.json"}, 1, "partnership"},
		{"missing board file", []string{"-board", "testdata/nowhere.json"}, 2, "nowhere.json"},
		{"stray argument", []string{"extra"}, 2, "unexpected argument"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			assert.Equal(t, tt.status, run(tt.args, &out, &errOut))
			assert.Contains(t, errOut.String(), tt.want)
			assert.True(t, strings.HasPrefix(errOut.String(), "board: "), errOut.String())
		})
	}
}
