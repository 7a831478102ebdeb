// Command scenarios shows the funding package at work on the Essex
// partnership's budget: the published 2020/21 table re-apportioned by its
// own shares (which gives it back exactly), a stacked what-if scenario set
// beside that baseline, and a projection of the scenario over several
// financial years at a yearly uplift.
//
// Usage:
//
//	go run ./examples/scenarios [-partnership FILE] [-scenario FILE] [-format text|csv|json] [-only section] [-years 3] [-uplift 2]
//
// Without -scenario the program uses a built-in scenario for 2022/23:
// raise the budget to £400,000, fix CAFCASS at £550, charge the councils
// £1,250 each, merge the clinical commissioning groups into the integrated
// care boards that replaced them on 1 July 2022, and cap Essex County
// Council at £245,000. A scenario file is JSON as read by
// funding.ParseScenario; examples/scenarios/testdata/scenario.json is a
// sample, and more are in funding/testdata/scenarios. With -partnership
// FILE the baseline is that partnership's published funding table.
//
// The sections are baseline, result, comparison and projection; -only
// prints one of them. As CSV, each section starts with a line "# name"
// and sections are separated by a blank line, so use -only for a file a
// spreadsheet can open directly. As JSON, the output is one object with a
// member per section (and the scenario itself).
//
// With -format csv, -bom starts the output with a UTF-8 byte order mark,
// which Excel on Windows needs to read "£" and accented names correctly
// (finance teams: use -only result -format csv -bom > allocation.csv).
// Text cells that a spreadsheet would run as a formula (starting with =,
// +, -, @, a tab or a carriage return) are written with a leading
// apostrophe; amounts stay numbers.
//
// The exit status is 0 on success and 2 when the flags or the scenario
// are wrong; errors name the field of the scenario file and its value.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	_ "time/tzdata" // Europe/London must not depend on the machine's zone files.

	"github.com/masa-go/masa/funding"
	"github.com/masa-go/masa/internal/cli"
	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// sections lists the output sections in order.
var sections = []string{"baseline", "result", "comparison", "projection"}

// output is the JSON form of everything the program prints.
type output struct {
	Scenario   *funding.Scenario   `json:"scenario,omitempty"`
	Baseline   *funding.Result     `json:"baseline,omitempty"`
	Result     *funding.Result     `json:"result,omitempty"`
	Comparison *funding.Comparison `json:"comparison,omitempty"`
	Projection *funding.Projection `json:"projection,omitempty"`
}

// defaultScenario is the built-in what-if.
func defaultScenario() *funding.Scenario {
	s := funding.EssexScenario()
	s.Name = "ICB merger at £400,000"
	s.Year = 2022
	s.Changes = []funding.Change{
		{Kind: funding.SetTotal, Amount: funding.MustNumber("400000")},
		{Kind: funding.Fixed, Org: "cafcass", Amount: funding.MustNumber("550")},
		{Kind: funding.FlatRate, Org: "district-councils", Rate: funding.MustNumber("1250")},
		{Kind: funding.Remap, Mapping: funding.MappingID(vocab.MustDate("2021-06-26"))},
		{Kind: funding.Remap, Mapping: funding.MappingID(vocab.MustDate("2022-07-01"))},
		{Kind: funding.Cap, Org: "essex-county-council", Amount: funding.MustNumber("245000")},
	}
	return s
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("scenarios", flag.ContinueOnError)
	cli.Usage(fs, stderr, "go run ./examples/scenarios [-partnership FILE] [-scenario FILE] [-format text|csv|json] [-only SECTION] [-years N] [-uplift PERCENT] [-bom]",
		"Prints the published funding table re-apportioned, a what-if scenario beside\nit and a projection over several years. With -partnership, the baseline is\nthat partnership's published funding table (and a -scenario file's baseline\nis replaced by it); without -scenario, a built-in Essex scenario for 2022/23\n(or, with -partnership, the table with no change).",
		"go run ./examples/scenarios -scenario examples/scenarios/testdata/scenario.json -years 5 -uplift 2.5")
	partnership := fs.String("partnership", "", "partnership JSON `FILE` whose published funding table is the baseline (default: the embedded Essex 2020-21 table)")
	file := fs.String("scenario", "", "scenario JSON `FILE` (default: a built-in Essex scenario for 2022/23)")
	format := fs.String("format", "text", "output `format`: text, csv or json")
	only := fs.String("only", "", "print one `section`: baseline, result, comparison or projection")
	years := fs.Int("years", 3, "`years` in the projection, the scenario's year first")
	uplift := fs.String("uplift", "2", "yearly uplift for the projection, in `percent` (negative for a cut)")
	bom := fs.Bool("bom", false, "with -format csv, start with a UTF-8 byte order mark for Excel on Windows")
	if status, ok := cli.Parse(fs, args, 0); !ok {
		return status
	}
	fail := func(err error) int { return cli.Fail(stderr, "scenarios", err, 2) }

	// Every flag problem at once, each printed once.
	var ps vocab.Problems
	if !slices.Contains([]string{"text", "csv", "json"}, *format) {
		ps.Add(vocab.Invalid("-format", "one-of", *format, "must be text, csv or json"))
	}
	if *bom && *format != "csv" {
		ps.Add(vocab.Invalid("-bom", "csv-only", *format, "-bom is for -format csv, not "+*format))
	}
	if *only != "" && !slices.Contains(sections, *only) {
		ps.Add(vocab.Invalid("-only", "one-of", *only, "must be baseline, result, comparison or projection"))
	}
	if *years < 1 || *years > funding.MaxProjectionYears {
		ps.Add(vocab.Invalid("-years", "range", strconv.Itoa(*years), "must be between 1 and "+strconv.Itoa(funding.MaxProjectionYears)))
	}
	percent, err := funding.ParseNumber("-uplift", *uplift)
	ps = append(ps, vocab.AsProblems(err)...)
	if err := ps.Err(); err != nil {
		return fail(err)
	}
	s := defaultScenario()
	var table *funding.Baseline
	if *partnership != "" {
		p, err := masa.Load(*partnership)
		if err != nil {
			return fail(err)
		}
		if s, err = funding.BaselineScenario(p); err != nil {
			return fail(err)
		}
		table = &s.Baseline
	}
	if *file != "" {
		if s, err = funding.LoadScenario(*file); err != nil {
			return fail(err)
		}
		if table != nil {
			s.Baseline = *table
		}
	}
	if *partnership != "" {
		p, err := masa.Load(*partnership)
		if err != nil {
			return fail(err)
		}
		// A mapping named by date is that partnership's successions.
		funding.InlineMappings(s, p)
	}

	var out output
	base := *s
	base.Name = s.Baseline.Partnership + " " + s.Baseline.Year.String() + " re-apportioned"
	base.Year, base.Changes = s.Baseline.Year, nil
	if out.Baseline, err = funding.Apply(&base); err != nil {
		return fail(err)
	}
	if out.Result, err = funding.Apply(s); err != nil {
		return fail(err)
	}
	out.Comparison = out.Result.Compare()
	if out.Projection, err = funding.Project(s, *years, percent); err != nil {
		return fail(err)
	}
	out.Scenario = s
	if *only != "" {
		keep := out
		out = output{}
		switch *only {
		case "baseline":
			out.Baseline = keep.Baseline
		case "result":
			out.Result = keep.Result
		case "comparison":
			out.Comparison = keep.Comparison
		case "projection":
			out.Projection = keep.Projection
		}
	}
	if *bom {
		if err := funding.WriteBOM(stdout); err != nil {
			return fail(err)
		}
	}
	if err := write(stdout, &out, *format); err != nil {
		return cli.Fail(stderr, "scenarios", err, 1)
	}
	return 0
}

// writer is what the funding results offer for text and CSV.
type writer interface {
	WriteText(io.Writer) error
	WriteCSV(io.Writer) error
}

func write(w io.Writer, out *output, format string) error {
	if format == "json" {
		data, err := vocab.EncodeJSON(out)
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	}
	parts := []struct {
		name string
		w    writer
		ok   bool
	}{
		{"baseline", out.Baseline, out.Baseline != nil},
		{"result", out.Result, out.Result != nil},
		{"comparison", out.Comparison, out.Comparison != nil},
		{"projection", out.Projection, out.Projection != nil},
	}
	n := 0
	for _, p := range parts {
		if !p.ok {
			continue
		}
		if n > 0 {
			fmt.Fprintln(w)
		}
		n++
		var err error
		if format == "csv" {
			if out.Scenario != nil {
				fmt.Fprintf(w, "# %s\n", p.name)
			}
			err = p.w.WriteCSV(w)
		} else {
			err = p.w.WriteText(w)
		}
		if err != nil {
			return err
		}
	}
	if n == 0 {
		return errors.New("nothing to print")
	}
	return nil
}
