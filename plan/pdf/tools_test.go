package pdf_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/require"
)

// need skips the test when a poppler-utils tool is missing, except in CI,
// where .ci/run installs poppler-utils and a missing tool is a failure.
func need(t *testing.T, tool string) {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s not found: install poppler-utils", tool)
		}
		t.Skipf("%s not found: install poppler-utils (apt-get install poppler-utils)", tool)
	}
}

// writeTemp writes a PDF to a temporary file and returns its path.
func writeTemp(t *testing.T, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "plan.pdf")
	require.NoError(t, os.WriteFile(path, data, 0o644))
	return path
}

// run runs a poppler tool and fails on an error or on anything written to
// standard error, which is where poppler reports damaged files.
func run(t *testing.T, tool string, args ...string) string {
	t.Helper()
	need(t, tool)
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(tool, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	require.NoError(t, cmd.Run(), "%s %v: %s", tool, args, stderr.String())
	require.Empty(t, stderr.String(), "%s reported problems with the file", tool)
	return stdout.String()
}

// pages returns the text of each page, in content order (pdftotext -raw).
func pages(t *testing.T, data []byte) []string {
	t.Helper()
	out := run(t, "pdftotext", "-raw", "-enc", "UTF-8", writeTemp(t, data), "-")
	ps := strings.Split(out, "\f")
	if len(ps) > 0 && strings.TrimSpace(ps[len(ps)-1]) == "" {
		ps = ps[:len(ps)-1]
	}
	return ps
}

// lines returns the non-empty lines of text.
func lines(text string) []string {
	var out []string
	for l := range strings.SplitSeq(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// flat collapses all white space, so text that wraps over lines can be
// found whole.
func flat(text string) string { return strings.Join(strings.Fields(text), " ") }

// info returns pdfinfo's fields.
func info(t *testing.T, data []byte) map[string]string {
	t.Helper()
	out := run(t, "pdfinfo", "-enc", "UTF-8", writeTemp(t, data))
	m := map[string]string{}
	for l := range strings.SplitSeq(out, "\n") {
		k, v, ok := strings.Cut(l, ":")
		if ok {
			m[k] = strings.TrimSpace(v)
		}
	}
	return m
}

// bookmark is one outline entry.
type bookmark struct {
	Level int
	Title string
}

var (
	outlineRoot = regexp.MustCompile(`(\d+) 0 obj\n<</Type /Outlines`)
	outlineItem = regexp.MustCompile(`(?s)(\d+) 0 obj\n<</Title \((.*?)\)\n/Parent (\d+) 0 R`)
)

// outline reads the document outline from the PDF's (uncompressed)
// outline objects, decoding the UTF-16 titles gofpdf writes.
func outline(t *testing.T, data []byte) []bookmark {
	t.Helper()
	m := outlineRoot.FindSubmatch(data)
	require.NotNil(t, m, "no outline")
	root := string(m[1])
	level := map[string]int{root: -1}
	var out []bookmark
	for _, it := range outlineItem.FindAllSubmatch(data, -1) {
		id, parent := string(it[1]), string(it[3])
		lv, ok := level[parent]
		require.True(t, ok, "bookmark %s has an unknown parent %s", id, parent)
		level[id] = lv + 1
		out = append(out, bookmark{Level: lv + 1, Title: pdfString(t, it[2])})
	}
	return out
}

// pdfString decodes the body of a PDF literal string holding UTF-16BE with
// a byte-order mark.
func pdfString(t *testing.T, raw []byte) string {
	t.Helper()
	var b []byte
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c == '\\' && i+1 < len(raw) {
			i++
			switch raw[i] {
			case 'r':
				c = '\r'
			case 'n':
				c = '\n'
			default:
				c = raw[i]
			}
		}
		b = append(b, c)
	}
	require.True(t, len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF, "title %q is not UTF-16 with a byte-order mark", raw)
	b = b[2:]
	require.Zero(t, len(b)%2, "odd UTF-16 length")
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	return string(utf16.Decode(u))
}

// pageCount returns pdfinfo's page count.
func pageCount(t *testing.T, data []byte) int {
	t.Helper()
	n, err := strconv.Atoi(info(t, data)["Pages"])
	require.NoError(t, err)
	return n
}
