package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/masa-go/masa/internal/golden"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRun(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		golden string
	}{
		{"essex pdf and html", []string{"-o", "$DIR/plan.pdf", "-html", "$DIR/plan.html"}, "essex.txt"},
		{"another partnership", []string{"-o", "$DIR/plan.pdf", "-partnership", "../../masa/testdata/riverside.json"}, "riverside.txt"},
		{"draft for the next year", []string{"-o", "$DIR/plan.pdf", "-scenario", "testdata/raise-2021.json", "-date", "2021-02-01"}, "draft-2021.txt"},
		{"draft after the ICBs, HTML only", []string{"-o", "", "-html", "$DIR/plan.html", "-scenario", "testdata/icb-2023.json", "-date", "2023-02-01"}, "draft-2023.txt"},
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
			got := strings.ReplaceAll(out.String(), dir, "$DIR")
			golden.Assert(t, filepath.Join("testdata", tt.golden), []byte(got))
			for _, name := range []string{"plan.pdf", "plan.html"} {
				if strings.Contains(got, "$DIR/"+name) {
					data, err := os.ReadFile(filepath.Join(dir, name))
					require.NoError(t, err)
					assert.NotEmpty(t, data)
				}
			}
		})
	}
}

func TestDefaultOutputIsThePublishedEssexPlan(t *testing.T) {
	dir := t.TempDir()
	var out, errOut bytes.Buffer
	require.Equal(t, 0, run([]string{"-o", filepath.Join(dir, "plan.pdf"), "-html", filepath.Join(dir, "plan.html")}, &out, &errOut), errOut.String())
	for got, want := range map[string]string{
		"plan.pdf":  "../../plan/pdf/testdata/essex-2020-21.pdf",
		"plan.html": "../../plan/html/testdata/essex-2020-21.html",
	} {
		a, err := os.ReadFile(filepath.Join(dir, got))
		require.NoError(t, err)
		b, err := os.ReadFile(want)
		require.NoError(t, err)
		assert.True(t, bytes.Equal(a, b), "%s differs from the renderer's golden file %s", got, want)
	}
}

func TestRunBadInput(t *testing.T) {
	dir := t.TempDir()
	pdfPath := filepath.Join(dir, "plan.pdf")
	bad := filepath.Join(dir, "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"name": "x", "bogus": 1}`), 0o644))
	empty := filepath.Join(dir, "empty.json")
	require.NoError(t, os.WriteFile(empty, []byte(`{}`), 0o644))
	negative := filepath.Join(dir, "negative.json")
	riverside, err := os.ReadFile("../../masa/testdata/riverside.json")
	require.NoError(t, err)
	neg := bytes.Replace(riverside, []byte(`"amount": "`), []byte(`"amount": "-`), 1)
	require.NotEqual(t, riverside, neg, "riverside has a funding line")
	require.NoError(t, os.WriteFile(negative, neg, 0o644))
	tests := []struct {
		name string
		args []string
		code int
		says string
	}{
		{"unknown flag", []string{"-nonsense"}, 2, "flag provided but not defined"},
		{"extra argument", []string{"-o", pdfPath, "extra"}, 2, "unexpected argument"},
		{"nothing to write", []string{"-o", ""}, 2, "nothing to write"},
		{"date without scenario", []string{"-o", pdfPath, "-date", "2021-02-01"}, 2, "-date applies only with -scenario"},
		{"missing partnership", []string{"-o", pdfPath, "-partnership", filepath.Join(dir, "none.json")}, 2, "no such file"},
		{"missing scenario", []string{"-o", pdfPath, "-scenario", filepath.Join(dir, "none.json")}, 2, "no such file"},
		{"bad date", []string{"-o", pdfPath, "-scenario", "testdata/raise-2021.json", "-date", "2021-02-30"}, 1, "-date"},
		{"bad scenario", []string{"-o", pdfPath, "-scenario", bad}, 1, "bogus"},
		{"scenario for another partnership", []string{"-o", pdfPath, "-partnership", "../../masa/testdata/riverside.json", "-scenario", "testdata/raise-2021.json", "-date", "2021-02-01"}, 1, "baseline.year"},
		// Issue 13, bug 5: only a valid model is rendered.
		{"empty partnership", []string{"-o", pdfPath, "-partnership", empty}, 1, "arrangements.published: is required"},
		{"negative funding", []string{"-o", pdfPath, "-partnership", negative}, 1, "funding.lines[0].amount: is negative"},
		{"unwritable output", []string{"-o", filepath.Join(dir, "no-such-dir", "plan.pdf")}, 2, "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			assert.Equal(t, tt.code, run(tt.args, &out, &errOut))
			assert.Contains(t, errOut.String(), tt.says)
		})
	}
}

// TestDraftDateIsLondon is the regression test for bug 7 of issue 13: at
// 02:18 UTC on 2 December the draft said 1 December under
// TZ=America/New_York. The date comes from London, whatever the zone.
func TestDraftDateIsLondon(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	now := time.Date(2020, 12, 2, 2, 18, 0, 0, time.UTC).In(ny)
	var out, errOut bytes.Buffer
	code := runAt([]string{"-o", "", "-html", filepath.Join(t.TempDir(), "p.html"), "-scenario", "testdata/raise-2021.json"}, &out, &errOut, now)
	require.Equal(t, 0, code, errOut.String())
	assert.Contains(t, out.String(), "Draft prepared 2 December 2020")
}
