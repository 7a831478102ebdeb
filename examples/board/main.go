// Command board prints a partnership's board business: the board on a
// date, the key messages of a period's meetings and the action log, and
// writes the key messages digest as PDF and accessible HTML.
//
// Usage:
//
//	go run ./examples/board [-partnership file.json] [-board board.json]
//	    [-from YYYY-MM-DD] [-to YYYY-MM-DD] [-on YYYY-MM-DD] [-o digest.pdf] [-html digest.html] [-json]
//
// The partnership defaults to the embedded Essex 2020-21 arrangements and
// the board business to the embedded Essex meeting log (June 2018 to
// March 2021). -from and -to default to the first and last month of the
// log; -on, the date of the board's structure and of the action log,
// defaults to -to. -json prints the computed records (the board on the
// date, the digest and the action log) as JSON instead of text. The exit
// status is 0 on success, 1 when the board file
// has problems (each printed with its JSON path) and 2 when a file could
// not be read or written or a flag is wrong.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	_ "time/tzdata" // Europe/London must not depend on the machine's zone files.

	"github.com/masa-go/masa/board"
	"github.com/masa-go/masa/document/html"
	"github.com/masa-go/masa/document/pdf"
	"github.com/masa-go/masa/internal/cli"
	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
)

const program = "board"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet(program, flag.ContinueOnError)
	cli.Usage(fs, stderr, "board [flags]",
		"Prints the board on a date, the key messages of a period's meetings and the action log, and writes the digest as PDF and HTML.",
		"go run ./examples/board -from 2020-04-01 -to 2021-03-31 -o digest.pdf -html digest.html")
	partnership := fs.String("partnership", "", "partnership JSON file (default: the embedded Essex 2020-21 arrangements)")
	boardFile := fs.String("board", "", "board business JSON file (default: the embedded Essex meeting log)")
	fromFlag := fs.String("from", "", "first day of the period, YYYY-MM-DD (default: the first month of the log)")
	toFlag := fs.String("to", "", "last day of the period, YYYY-MM-DD (default: the last month of the log)")
	onFlag := fs.String("on", "", "date of the board's structure and the action log, YYYY-MM-DD (default: -to)")
	pdfOut := fs.String("o", "", "write the digest as PDF to this file")
	htmlOut := fs.String("html", "", "write the digest as HTML to this file")
	asJSON := fs.Bool("json", false, "print the board on the date, the digest and the action log as JSON instead of text")
	if status, ok := cli.Parse(fs, args, 0); !ok {
		return status
	}
	p := masa.Essex()
	if *partnership != "" {
		var err error
		if p, err = masa.Load(*partnership); err != nil {
			return cli.Fail(stderr, program, err, 2)
		}
	}
	var b *board.Business
	var err error
	if *boardFile != "" {
		b, err = board.Load(*boardFile)
	} else {
		b, err = board.Parse(board.EssexJSON())
	}
	if err != nil {
		return cli.Fail(stderr, program, err, 2)
	}
	bd, err := board.Bind(p, b)
	if err != nil {
		return cli.Fail(stderr, program, err, 1)
	}
	period := logPeriod(b)
	for _, f := range []struct {
		name string
		val  string
		to   *vocab.Date
	}{{"-from", *fromFlag, &period.From}, {"-to", *toFlag, &period.To}} {
		if f.val == "" {
			continue
		}
		if *f.to, err = vocab.ParseDate(f.name, f.val); err != nil {
			return cli.Fail(stderr, program, err, 2)
		}
	}
	if !period.From.IsZero() && !period.To.IsZero() && period.To.Before(period.From) {
		return cli.Fail(stderr, program, fmt.Errorf("-to %s is before -from %s", period.To, period.From), 2)
	}
	on := period.To
	if *onFlag != "" {
		if on, err = vocab.ParseDate("-on", *onFlag); err != nil {
			return cli.Fail(stderr, program, err, 2)
		}
	}
	if on.IsZero() {
		return cli.Fail(stderr, program, fmt.Errorf("the board file has no meetings; give -on"), 2)
	}
	dg := bd.Digest(period)
	log, err := bd.Actions(nil, on)
	if err != nil {
		return cli.Fail(stderr, program, err, 2)
	}
	if *asJSON {
		s, _ := bd.On(on) // nil when no edition covers the date
		data, err := vocab.EncodeJSON(output{Board: s, Digest: dg, Actions: log})
		if err != nil {
			return cli.Fail(stderr, program, err, 2)
		}
		if _, err := stdout.Write(data); err != nil {
			return cli.Fail(stderr, program, err, 2)
		}
	} else {
		printText(stdout, bd, dg, log, on)
	}
	structure, _ := bd.On(on) // nil, and no appendix, when no edition covers the date
	doc := board.Publish(dg, log, structure, on)
	if err := doc.Check(); err != nil {
		return cli.Fail(stderr, program, err, 2)
	}
	if *pdfOut != "" {
		if err := write(*pdfOut, func(w io.Writer) error { return pdf.Render(w, doc) }); err != nil {
			return cli.Fail(stderr, program, err, 2)
		}
	}
	if *htmlOut != "" {
		if err := write(*htmlOut, func(w io.Writer) error { return html.Render(w, doc) }); err != nil {
			return cli.Fail(stderr, program, err, 2)
		}
	}
	return 0
}

// output is what the program prints with -json.
type output struct {
	// Board is the board on the date, or null when no edition covers it.
	Board   *board.Structure `json:"board"`
	Digest  *board.Digest    `json:"digest"`
	Actions *board.ActionLog `json:"actions"`
}

// logPeriod is the span of whole months from the first meeting of the log
// to the last.
func logPeriod(b *board.Business) vocab.Period {
	var p vocab.Period
	for _, m := range b.Meetings {
		if p.From.IsZero() || m.Held.First().Before(p.From) {
			p.From = board.InMonth(m.Held.Year, m.Held.Month).First()
		}
		if p.To.IsZero() || m.Held.Last().After(p.To) {
			p.To = board.InMonth(m.Held.Year, m.Held.Month).Last()
		}
	}
	return p
}

func printText(w io.Writer, bd *board.Board, dg *board.Digest, log *board.ActionLog, on vocab.Date) {
	if s, err := bd.On(on); err == nil {
		fmt.Fprintln(w, s.Summary())
		for i := range s.Bodies {
			fmt.Fprintf(w, "  %s\n", s.Bodies[i].Line())
		}
	} else {
		fmt.Fprintf(w, "The board on %s: %v\n", on.Long(), err)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, dg.Summary())
	for i := range dg.Meetings {
		m := &dg.Meetings[i]
		fmt.Fprintf(w, "  %s: %s\n", m.Heading(), m.Counts())
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, log.Summary())
	for i := range log.Actions {
		fmt.Fprintf(w, "  %s\n", log.Actions[i].Line())
	}
}

// write creates path and writes to it with render, removing the file when
// rendering fails.
func write(path string, render func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := render(f); err != nil {
		f.Close()
		os.Remove(path)
		return err
	}
	return f.Close()
}
