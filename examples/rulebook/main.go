// Command rulebook writes every rule in force for a partnership on a date:
// the partnership rule set (who the partners are, what the arrangements
// must contain) and the review lifecycle for an incident the local
// authority becomes aware of that day. For each rule it gives the plain
// statement, the deadline, the owner, the provenance class and the source
// it was checked against, or why it was not verified. A legal reviewer
// reads this one document, not the code.
//
// Usage:
//
//	go run ./examples/rulebook [-partnership FILE] [-on YYYY-MM-DD] [-html FILE]
//
// The text goes to standard output; -html also writes an HTML page. The
// date defaults to the partnership's publication date. The exit status is
// 0 on success and 2 when the input could not be read or the date is
// before every rule set.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	_ "time/tzdata" // Europe/London must not depend on the machine's zone files.

	"github.com/masa-go/masa/internal/cli"
	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/reviews"
	"github.com/masa-go/masa/vocab"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("rulebook", flag.ContinueOnError)
	cli.Usage(fs, stderr, "go run ./examples/rulebook [-partnership FILE] [-on YYYY-MM-DD] [-html FILE]",
		"Writes every rule in force for the partnership on the date, with its\nstatement, deadline, owner, provenance and source.",
		"go run ./examples/rulebook -on 2025-06-01 -html rulebook.html")
	file := fs.String("partnership", "", "partnership JSON `FILE` (default: the embedded Essex 2020-21 arrangements)")
	on := fs.String("on", "", "`date`, YYYY-MM-DD (default: the publication date)")
	htmlFile := fs.String("html", "", "also write the rulebook as an HTML page to `FILE`")
	if status, ok := cli.Parse(fs, args, 0); !ok {
		return status
	}
	fail := func(err error) int { return cli.Fail(stderr, "rulebook", err, 2) }
	p := masa.Essex()
	if *file != "" {
		var err error
		if p, err = masa.Load(*file); err != nil {
			return fail(err)
		}
	}
	d := p.Arrangements.Published
	if *on != "" {
		var err error
		if d, err = vocab.ParseDate("-on", *on); err != nil {
			return fail(err)
		}
	}
	e, err := reviews.New(p)
	if err != nil {
		return fail(err)
	}
	b, err := build(p, e, d)
	if err != nil {
		return fail(err)
	}
	if err := writeText(stdout, b); err != nil {
		return fail(err)
	}
	if *htmlFile != "" {
		f, err := os.Create(*htmlFile)
		if err != nil {
			return fail(err)
		}
		werr := writeHTML(f, b)
		if cerr := f.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			return fail(fmt.Errorf("writing %s: %w", *htmlFile, werr))
		}
	}
	return 0
}
