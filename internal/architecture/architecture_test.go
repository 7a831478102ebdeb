// Package architecture holds the test that keeps docs/architecture.md
// true: the import graph it draws is the one go list reports, vocab
// imports no other masa package, and no domain package imports an
// adapter's dependency (a PDF library, net/http, a database driver or the
// browser app's framework).
package architecture

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/masa-go/masa/internal/golden"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const module = "github.com/masa-go/masa"

// adapters are the packages that may import a driver, a renderer or a
// framework: each sits beside the domain it serves.
var adapters = []string{
	"document/pdf", "document/html", "plan/pdf", "plan/html",
	"register/sqlite", "register/postgres", "register/internal/",
	"wasm/", "examples/",
}

// forbidden are the imports a domain package may not have.
var forbidden = []string{
	"github.com/jung-kurt/gofpdf", "net/http", "database/sql",
	"modernc.org/sqlite", "github.com/jackc/pgx", "github.com/maxence-charriere/go-app",
}

type pkg struct {
	ImportPath string
	Imports    []string
	Name       string
}

// list returns masa's packages, tests aside, as go list reports them.
func list(t *testing.T) []pkg {
	t.Helper()
	cmd := exec.Command("go", "list", "-json", "./...")
	cmd.Dir = filepath.Join("..", "..")
	cmd.Env = append(os.Environ(), "GOOS=linux", "GOARCH=amd64")
	out, err := cmd.Output()
	require.NoError(t, err)
	var pkgs []pkg
	dec := json.NewDecoder(bytes.NewReader(out))
	for dec.More() {
		var p pkg
		require.NoError(t, dec.Decode(&p))
		p.ImportPath = strings.TrimPrefix(strings.TrimPrefix(p.ImportPath, module), "/")
		pkgs = append(pkgs, p)
	}
	return pkgs
}

func isAdapter(path string) bool {
	for _, a := range adapters {
		if path == strings.TrimSuffix(a, "/") || strings.HasPrefix(path, a) || strings.HasPrefix(path, a+"/") {
			return true
		}
	}
	return false
}

// library reports whether a package is drawn in the docs' graph: the
// library and the browser app's packages, not programs, shared test
// helpers or internal conveniences.
func library(p pkg) bool {
	switch {
	case p.Name == "main", strings.HasPrefix(p.ImportPath, "examples/"), strings.HasSuffix(p.ImportPath, "test"):
		return false
	case strings.HasPrefix(p.ImportPath, "wasm/internal/"):
		return true
	}
	return !strings.HasPrefix(p.ImportPath, "internal/") && !strings.Contains(p.ImportPath, "/internal/")
}

func TestDomainPackagesImportNoAdapter(t *testing.T) {
	for _, p := range list(t) {
		if isAdapter(p.ImportPath) || p.Name == "main" {
			continue
		}
		for _, imp := range p.Imports {
			for _, f := range forbidden {
				assert.False(t, imp == f || strings.HasPrefix(imp, f+"/"), "domain package %s imports %s", p.ImportPath, imp)
			}
			if in, ok := strings.CutPrefix(imp, module+"/"); ok {
				assert.False(t, isAdapter(in), "domain package %s imports the adapter %s", p.ImportPath, in)
			}
		}
	}
}

func TestVocabImportsNoMasaPackage(t *testing.T) {
	for _, p := range list(t) {
		if p.ImportPath != "vocab" {
			continue
		}
		for _, imp := range p.Imports {
			assert.False(t, strings.HasPrefix(imp, module), "vocab imports %s", imp)
		}
	}
}

// graph draws the import graph among the library packages, one line a
// package: "reviews -> masa, vocab, workdays".
func graph(pkgs []pkg) string {
	var lines []string
	width := 0
	for _, p := range pkgs {
		if library(p) {
			width = max(width, len(p.ImportPath))
		}
	}
	for _, p := range pkgs {
		if !library(p) {
			continue
		}
		var deps []string
		for _, imp := range p.Imports {
			if in, ok := strings.CutPrefix(imp, module+"/"); ok {
				deps = append(deps, in)
			}
		}
		slices.Sort(deps)
		name := fmt.Sprintf("%-*s", width, p.ImportPath)
		if len(deps) == 0 {
			lines = append(lines, name+" (imports no masa package)")
			continue
		}
		lines = append(lines, name+" -> "+strings.Join(deps, ", "))
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n") + "\n"
}

// The graph in docs/architecture.md is the real one. Refresh it with
// go test ./internal/architecture -update.
func TestArchitectureDocGraph(t *testing.T) {
	doc := filepath.Join("..", "..", "docs", "architecture.md")
	text, err := os.ReadFile(doc)
	require.NoError(t, err)
	const begin, end = "<!-- import graph: begin -->\n```\n", "```\n<!-- import graph: end -->"
	i, j := bytes.Index(text, []byte(begin)), bytes.Index(text, []byte(end))
	require.True(t, i >= 0 && j > i, "docs/architecture.md lacks the import graph markers")
	want := append(append(append([]byte{}, text[:i+len(begin)]...), graph(list(t))...), text[j:]...)
	golden.Assert(t, doc, want)
}
