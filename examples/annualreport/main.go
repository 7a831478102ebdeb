// Command annualreport writes the yearly report of a partnership's
// safeguarding arrangements as a PDF and, optionally, as accessible HTML.
// By default it writes the report of the embedded Essex 2020-21
// arrangements from a fictional 2020/21 sample input to report.pdf.
//
// Usage:
//
//	go run ./examples/annualreport [-o report.pdf] [-html report.html]
//	    [-partnership file.json] [-input input.json] [-year 2020/21]
//	    [-date YYYY-MM-DD] [-ready YYYY-MM-DD] [-board board.json]
//
// The input is a yearly-report input (see package annualreport): the
// year's activities, practice reviews or reviews cases, effectiveness,
// impact, priorities, review actions, feedback, training and scrutiny.
// -year checks that the input is for that year. -board takes the
// priorities and their progress from a board business file (see package
// board) instead: the assessed priorities of its business plans that
// overlap the year, whose little or no progress the report must explain. The report is a draft,
// dated -date (default: three months after the year ends), with a draft
// notice on every page and a watermark counting the required parts still
// missing. -ready asks annualreport.Report.MarkReady to mark it ready on
// that date; when it refuses, the reasons are printed, the draft is still
// written and the exit status is 1. -o "" writes no PDF. The exit status
// is 0 on success, 1 when the input has problems (all listed with their
// JSON paths) or the report cannot be marked ready, and 2 when a file
// cannot be read or written.
package main

import (
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	_ "time/tzdata" // Europe/London must not depend on the machine's zone files.

	"github.com/masa-go/masa/annualreport"
	"github.com/masa-go/masa/board"
	"github.com/masa-go/masa/document"
	"github.com/masa-go/masa/document/html"
	"github.com/masa-go/masa/document/pdf"
	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
)

//go:embed testdata/sample-2020-21.json
var sample []byte

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("annualreport", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "report.pdf", `PDF file to write ("" for none)`)
	htmlOut := fs.String("html", "", "accessible HTML file to write")
	file := fs.String("partnership", "", "partnership JSON file (default: the embedded Essex 2020-21 arrangements)")
	inputFile := fs.String("input", "", "yearly-report input JSON file (default: the embedded fictional 2020/21 sample)")
	yearFlag := fs.String("year", "", "the financial year the report covers, such as 2020/21 (default: the input's year)")
	dateFlag := fs.String("date", "", "the date the draft is prepared, YYYY-MM-DD (default: three months after the year ends)")
	readyFlag := fs.String("ready", "", "mark the report ready to publish on this date, YYYY-MM-DD")
	boardFile := fs.String("board", "", "board business JSON file whose business-plan priorities for the year replace the input's")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "annualreport: unexpected arguments %q\n", fs.Args())
		return 2
	}
	if *out == "" && *htmlOut == "" {
		fmt.Fprintln(stderr, "annualreport: nothing to write: give -o or -html")
		return 2
	}
	p := masa.Essex()
	if *file != "" {
		var err error
		if p, err = masa.Load(*file); err != nil {
			return fail(stderr, err)
		}
	}
	in, err := annualreport.Parse(sample)
	if *inputFile != "" {
		in, err = annualreport.Load(*inputFile)
	}
	if err != nil {
		return fail(stderr, err)
	}
	if *yearFlag != "" {
		y, err := vocab.ParseFinancialYear("-year", *yearFlag)
		if err != nil {
			return fail(stderr, err)
		}
		if y != in.Year {
			fmt.Fprintf(stderr, "annualreport: the input is for %s, not %s\n", in.Year, y)
			return 1
		}
	}
	if *boardFile != "" {
		if status := boardPriorities(stderr, p, in, *boardFile); status != 0 {
			return status
		}
	}
	prepared := in.Year.End().AddMonths(3)
	if *dateFlag != "" {
		if prepared, err = vocab.ParseDate("-date", *dateFlag); err != nil {
			return fail(stderr, err)
		}
	}
	r, err := annualreport.Assemble(p, in)
	if err != nil {
		return fail(stderr, err)
	}
	status := 0
	if *readyFlag != "" {
		on, err := vocab.ParseDate("-ready", *readyFlag)
		if err != nil {
			return fail(stderr, err)
		}
		if err := r.MarkReady(on); err != nil {
			fmt.Fprintln(stderr, "annualreport: not ready; writing the draft:")
			for _, e := range vocab.AsProblems(err) {
				fmt.Fprintf(stderr, "  %s\n", e)
			}
			status = 1
		}
	}
	d := annualreport.Publish(r, prepared)
	fmt.Fprintln(stdout, d.Meta.Title)
	fmt.Fprintln(stdout, d.Cover.Status)
	for _, m := range r.Missing {
		fmt.Fprintf(stdout, "missing: %s (%s)\n", m.Title, m.Reason)
	}
	if err := emit(stdout, d, *out, *htmlOut); err != nil {
		return fail(stderr, err)
	}
	return status
}

// emit writes the PDF and the HTML that were asked for.
func emit(stdout io.Writer, d *document.Document, pdfPath, htmlPath string) error {
	if pdfPath != "" {
		data, err := pdf.Bytes(d)
		if err != nil {
			return err
		}
		if err := write(stdout, pdfPath, data); err != nil {
			return err
		}
	}
	if htmlPath != "" {
		data, err := html.Bytes(d)
		if err != nil {
			return err
		}
		if err := write(stdout, htmlPath, data); err != nil {
			return err
		}
	}
	return nil
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
	fmt.Fprintln(stderr, "annualreport:", err)
	if errors.Is(err, vocab.ErrInvalid) {
		return 1
	}
	return 2
}

// boardPriorities replaces the input's priorities with the assessed
// priorities that the board business file holds for the input's year.
func boardPriorities(stderr io.Writer, p *masa.Partnership, in *annualreport.Input, path string) int {
	b, err := board.Load(path)
	if err != nil {
		return fail(stderr, err)
	}
	bd, err := board.Bind(p, b)
	if err != nil {
		return fail(stderr, err)
	}
	ps := bd.ReportPriorities(in.Year)
	if len(ps) == 0 {
		fmt.Fprintf(stderr, "annualreport: %s assesses no business-plan priority for %s\n", path, in.Year)
		return 1
	}
	in.Priorities = ps
	return 0
}
