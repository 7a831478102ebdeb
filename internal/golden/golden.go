// Package golden compares test output with golden files and rewrites them
// when the tests run with -update:
//
//	go test ./masa -update
//
// Every package's tests share the one -update flag this package defines.
package golden

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata instead of comparing with them")

// Updating reports whether the tests run with -update.
func Updating() bool { return *update }

// Assert compares got with the golden file at path. With -update it writes
// got to path first, creating directories as needed. On a difference it
// reports the file, the sizes and the first line that differs.
func Assert(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden file: %v (run go test with -update to create it)", err)
	}
	if !bytes.Equal(want, got) {
		t.Errorf("output differs from golden file %s (%d bytes, want %d); run go test with -update if the change is intended\n%s",
			path, len(got), len(want), FirstDiff(want, got))
	}
}

// FirstDiff describes the first line at which want and got differ.
func FirstDiff(want, got []byte) string {
	w := strings.Split(string(want), "\n")
	g := strings.Split(string(got), "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d:\n  want %q\n  got  %q", i+1, clip(wl), clip(gl))
		}
	}
	return "the files differ only in line endings"
}

func clip(s string) string {
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}
