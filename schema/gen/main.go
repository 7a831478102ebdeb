// Command gen writes the JSON Schemas of masa's input files into the
// schema directory. Run it with go generate ./schema from the repository
// root.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/masa-go/masa/schema"
)

func main() {
	// go generate runs in the schema directory; the repository root is
	// its parent.
	files, err := schema.Generate()
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(".", name), data, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
	}
}
