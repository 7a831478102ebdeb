// Command scenarios shows the funding package at work on the Essex
// partnership's budget: the published 2020/21 table re-apportioned by its
// own shares (which gives it back exactly), a stacked what-if scenario set
// beside that baseline, and a projection of the scenario over several
// financial years at a yearly uplift.
//
// Usage:
//
//	go run ./examples/scenarios [-scenario file.json] [-format text|csv|json] [-only section] [-years 3] [-uplift 2]
//
// Without -scenario the program uses a built-in scenario for 2022/23:
// raise the budget to £400,000, fix CAFCASS at £550, charge the councils
// £1,250 each, merge the clinical commissioning groups into the integrated
// care boards that replaced them on 1 July 2022, and cap Essex County
// Council at £245,000. A scenario file is JSON as read by
// funding.ParseScenario; examples are in funding/testdata/scenarios.
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
	_ "time/tzdata" // Europe/London must not depend on the machine's zone files.

	"github.com/masa-go/masa/funding"
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
		{Kind: funding.Remap, Mapping: funding.EssexICB2022ID},
		{Kind: funding.Cap, Org: "essex-county-council", Amount: funding.MustNumber("245000")},
	}
	return s
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("scenarios", flag.ContinueOnError)
	fs.SetOutput(stderr)
	file := fs.String("scenario", "", "scenario JSON file (default: a built-in Essex scenario for 2022/23)")
	format := fs.String("format", "text", "output format: text, csv or json")
	only := fs.String("only", "", "print one section: baseline, result, comparison or projection")
	years := fs.Int("years", 3, "years in the projection, the scenario's year first")
	uplift := fs.String("uplift", "2", "yearly uplift for the projection, in percent (negative for a cut)")
	bom := fs.Bool("bom", false, "with -format csv, start with a UTF-8 byte order mark for Excel on Windows")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	fail := func(err error) int {
		fmt.Fprintln(stderr, "scenarios:", err)
		for _, p := range vocab.AsProblems(err) {
			fmt.Fprintf(stderr, "  %s: %s (value %q)\n", p.Field, p.Message, p.Value)
		}
		return 2
	}
	if fs.NArg() > 0 {
		return fail(fmt.Errorf("unexpected argument %q", fs.Arg(0)))
	}
	if !slices.Contains([]string{"text", "csv", "json"}, *format) {
		return fail(fmt.Errorf("-format %q: use text, csv or json", *format))
	}
	if *bom && *format != "csv" {
		return fail(fmt.Errorf("-bom is for -format csv, not %s", *format))
	}
	if *only != "" && !slices.Contains(sections, *only) {
		return fail(fmt.Errorf("-only %q: use baseline, result, comparison or projection", *only))
	}
	percent, err := funding.ParseNumber("-uplift", *uplift)
	if err != nil {
		return fail(err)
	}
	s := defaultScenario()
	if *file != "" {
		f, err := os.Open(*file)
		if err != nil {
			return fail(err)
		}
		s, err = funding.ReadScenario(f)
		f.Close()
		if err != nil {
			return fail(err)
		}
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
		fmt.Fprintln(stderr, "scenarios:", err)
		return 1
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
