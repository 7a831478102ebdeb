// Command plan writes a partnership's published Multi-Agency Safeguarding
// Arrangements as a PDF and, optionally, as accessible HTML. By default it
// writes the embedded Essex 2020-21 plan to plan.pdf.
//
// Usage:
//
//	go run ./examples/plan [-o plan.pdf] [-html plan.html] [-partnership file.json] [-scenario scenario.json [-date YYYY-MM-DD]]
//
// With -scenario, a funding scenario (the JSON that package funding reads
// and writes) is applied to the partnership's published funding table to
// make a draft plan for the scenario's year, or the following year when
// the scenario names none; -date is the date the draft is prepared
// (default today in London). -o "" writes no PDF. The partnership is
// validated first, as masa validate does: an invalid one is not rendered. The exit status is 0 on success,
// 1 when the partnership or scenario has problems, which are all listed,
// and 2 when the input cannot be read or a file cannot be written.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"
	_ "time/tzdata" // Europe/London must not depend on the machine's zone files.

	"github.com/masa-go/masa/funding"
	"github.com/masa-go/masa/internal/cli"
	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/plan"
	planhtml "github.com/masa-go/masa/plan/html"
	"github.com/masa-go/masa/plan/pdf"
	"github.com/masa-go/masa/vocab"
	"github.com/masa-go/masa/workdays"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	return runAt(args, stdout, stderr, time.Now())
}

// runAt is run with the clock read once, at now.
func runAt(args []string, stdout, stderr io.Writer, now time.Time) int {
	fs := flag.NewFlagSet("plan", flag.ContinueOnError)
	cli.Usage(fs, stderr, "go run ./examples/plan [-o FILE.pdf] [-html FILE.html] [-partnership FILE] [-scenario FILE [-date YYYY-MM-DD]]",
		"Writes the published arrangements plan as PDF and, with -html, as accessible\nHTML; with -scenario, next year's draft plan with that funding scenario.",
		"go run ./examples/plan -partnership examples/masa/testdata/mine.json -o mine.pdf")
	out := fs.String("o", "plan.pdf", `PDF file to write ("" for none)`)
	htmlOut := fs.String("html", "", "accessible HTML file to write")
	file := fs.String("partnership", "", "partnership JSON file (default: the embedded Essex 2020-21 arrangements)")
	scenario := fs.String("scenario", "", "funding scenario JSON file: write a draft plan for the scenario's year")
	date := fs.String("date", "", "with -scenario, the date the draft is prepared, YYYY-MM-DD (default: today)")
	if status, ok := cli.Parse(fs, args, 0); !ok {
		return status
	}
	if *out == "" && *htmlOut == "" {
		fmt.Fprintln(stderr, "plan: nothing to write: give -o or -html")
		return 2
	}
	if *date != "" && *scenario == "" {
		fmt.Fprintln(stderr, "plan: -date applies only with -scenario")
		return 2
	}

	p := masa.Essex()
	if *file != "" {
		var err error
		if p, err = masa.Load(*file); err != nil {
			return fail(stderr, err)
		}
	}
	// Only a valid model is published (issue 13, bug 5).
	if err := plan.Validate(p); err != nil {
		return fail(stderr, err)
	}
	var d *plan.Document
	var err error
	if *scenario == "" {
		d, err = plan.Build(p)
	} else {
		d, err = draft(p, *scenario, *date, now)
	}
	if err != nil {
		return fail(stderr, err)
	}

	fmt.Fprintln(stdout, d.Meta.Title)
	fmt.Fprintln(stdout, d.Cover.Status)
	if *out != "" {
		data, err := pdf.Bytes(d)
		if err != nil {
			return fail(stderr, err)
		}
		if err := write(stdout, *out, data); err != nil {
			return fail(stderr, err)
		}
	}
	if *htmlOut != "" {
		data, err := planhtml.Bytes(d)
		if err != nil {
			return fail(stderr, err)
		}
		if err := write(stdout, *htmlOut, data); err != nil {
			return fail(stderr, err)
		}
	}
	return 0
}

// draft reads the scenario file and builds the draft plan.
func draft(p *masa.Partnership, path, date string, now time.Time) (*plan.Document, error) {
	// Today in London, whatever the machine's zone (issue 13, bug 7).
	prepared := workdays.DateInLondon(now)
	if date != "" {
		var err error
		if prepared, err = vocab.ParseDate("-date", date); err != nil {
			return nil, err
		}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	s, err := funding.ReadScenario(f)
	if err != nil {
		return nil, fmt.Errorf("%w (in %s)", err, path)
	}
	return plan.Draft(p, s, prepared)
}

// write writes a file and says so.
func write(stdout io.Writer, path string, data []byte) error {
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s (%d bytes)\n", path, len(data))
	return nil
}

// fail prints err and returns the exit status: 1 for problems with the
// input's content, 2 for anything else.
func fail(stderr io.Writer, err error) int {
	fmt.Fprintln(stderr, err)
	if errors.Is(err, vocab.ErrInvalid) {
		return 1
	}
	return 2
}
