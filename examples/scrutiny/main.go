// Command scrutiny prints, for a partnership (the embedded Essex 2020-21
// arrangements by default) and a year's input (a fictional 2020/21 sample
// by default), the ranked training needs, the coverage of scrutiny aims by
// functions with any aim left uncovered, the publication gate for the
// yearly reports, and the parts of the yearly report still missing.
//
// Usage:
//
//	go run ./examples/scrutiny [-partnership FILE] [-input FILE]
//	    [-findings FILE] [-plan FILE] [-on YYYY-MM-DD] [-json]
//
// The input is a yearly-report input (see package annualreport) holding
// the training input and the scrutiny plan; -findings and -plan replace
// those two parts with separate files (see packages training and
// scrutiny). -on is the date the publication gate is checked on; it
// defaults to six months after the end of the input's year. The exit
// status is 0 when the input is valid, 1 when it has problems (each
// printed with its JSON path) and 2 when it could not be read.
package main

import (
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	_ "time/tzdata" // Europe/London must not depend on the machine's zone files.

	"github.com/masa-go/masa/annualreport"
	"github.com/masa-go/masa/internal/cli"
	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/scrutiny"
	"github.com/masa-go/masa/training"
	"github.com/masa-go/masa/vocab"
)

//go:embed testdata/sample-2020-21.json
var sample []byte

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// output is what the program prints with -json.
type output struct {
	Partnership string                 `json:"partnership"`
	Year        vocab.FinancialYear    `json:"year"`
	Needs       []training.Need        `json:"needs"`
	Gaps        []training.Gap         `json:"gaps"`
	Unevaluated []training.Gap         `json:"unevaluated"`
	Overseer    masa.Holding           `json:"overseer"`
	Coverage    scrutiny.Coverage      `json:"coverage"`
	Gates       []scrutiny.GateStatus  `json:"gates"`
	Missing     []annualreport.Missing `json:"missing"`
}

// problemOutput is what the program prints with -json when the input has
// problems.
type problemOutput struct {
	Partnership string              `json:"partnership"`
	Year        vocab.FinancialYear `json:"year"`
	Problems    []*vocab.FieldError `json:"problems"`
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("scrutiny", flag.ContinueOnError)
	cli.Usage(fs, stderr, "go run ./examples/scrutiny [-partnership FILE] [-input FILE] [-findings FILE] [-plan FILE] [-on YYYY-MM-DD] [-json]",
		"Prints the ranked training needs, the coverage of scrutiny aims, the\npublication gate and the parts of the yearly report still missing. Every\nproblem in the input is printed at once, each with its JSON path.",
		"go run ./examples/scrutiny -findings examples/scrutiny/testdata/bad-findings.json")
	partnership := fs.String("partnership", "", "partnership JSON `FILE` (default: the embedded Essex 2020-21 arrangements)")
	inputFile := fs.String("input", "", "yearly-report input JSON `FILE` (default: the embedded fictional 2020/21 sample)")
	findingsFile := fs.String("findings", "", "training input JSON `FILE`, replacing the input's training part")
	planFile := fs.String("plan", "", "scrutiny plan JSON `FILE`, replacing the input's scrutiny part")
	onFlag := fs.String("on", "", "`date` to check the publication gate on, YYYY-MM-DD (default: six months after the year ends)")
	asJSON := fs.Bool("json", false, "print JSON instead of text")
	if status, ok := cli.Parse(fs, args, 0); !ok {
		return status
	}
	fail := func(err error) int { return cli.Fail(stderr, "scrutiny", err, 2) }
	p, in, err := load(*partnership, *inputFile, *findingsFile, *planFile)
	if err != nil {
		return fail(err)
	}
	on := in.Year.End().AddMonths(6)
	if *onFlag != "" {
		if on, err = vocab.ParseDate("-on", *onFlag); err != nil {
			return fail(err)
		}
	}
	r, err := annualreport.Assemble(p, in)
	if err != nil {
		ps := vocab.AsProblems(err)
		if len(ps) == 0 {
			return fail(err)
		}
		if *asJSON {
			return writeJSON(stdout, stderr, problemOutput{Partnership: p.Name, Year: in.Year, Problems: ps}, 1)
		}
		fmt.Fprintf(stdout, "The input has %d problem(s):\n", len(ps))
		for _, e := range ps {
			fmt.Fprintf(stdout, "  %s\n", e)
		}
		return 1
	}
	out, err := collect(p, in, r, on)
	if err != nil {
		return fail(err)
	}
	if *asJSON {
		return writeJSON(stdout, stderr, out, 0)
	}
	printText(stdout, out, on)
	return 0
}

// load reads the partnership and the input, applying -findings and -plan.
func load(partnership, inputFile, findingsFile, planFile string) (*masa.Partnership, *annualreport.Input, error) {
	p := masa.Essex()
	if partnership != "" {
		var err error
		if p, err = masa.Load(partnership); err != nil {
			return nil, nil, err
		}
	}
	data := sample
	if inputFile != "" {
		var err error
		if data, err = os.ReadFile(inputFile); err != nil {
			return nil, nil, err
		}
	}
	in, err := annualreport.Parse(data)
	if err != nil {
		return nil, nil, fmt.Errorf("%w (in %s)", err, name(inputFile, "the embedded sample"))
	}
	if findingsFile != "" {
		data, err := os.ReadFile(findingsFile)
		if err != nil {
			return nil, nil, err
		}
		if in.Training, err = training.Parse(data); err != nil {
			return nil, nil, fmt.Errorf("%w (in %s)", err, findingsFile)
		}
	}
	if planFile != "" {
		data, err := os.ReadFile(planFile)
		if err != nil {
			return nil, nil, err
		}
		if in.Scrutiny, err = scrutiny.ParsePlan(data); err != nil {
			return nil, nil, fmt.Errorf("%w (in %s)", err, planFile)
		}
	}
	return p, in, nil
}

func name(file, fallback string) string {
	if file == "" {
		return fallback
	}
	return file
}

// collect gathers what the program prints. It runs the training and
// scrutiny packages again (Assemble has already validated the input) to
// reach their detailed results.
func collect(p *masa.Partnership, in *annualreport.Input, r *annualreport.Report, on vocab.Date) (output, error) {
	out := output{Partnership: p.Name, Year: in.Year, Missing: r.Missing, Needs: []training.Need{}, Gaps: []training.Gap{}, Unevaluated: []training.Gap{}}
	if in.Training != nil {
		res, err := training.Run(p, in.Training)
		if err != nil {
			return out, err
		}
		out.Needs, out.Gaps, out.Unevaluated = res.Analysis.Needs, res.Plan.Gaps, res.Impact.Unevaluated
	}
	years := []vocab.FinancialYear{}
	if in.Scrutiny != nil {
		s, err := scrutiny.Build(p, in.Scrutiny)
		if err != nil {
			return out, err
		}
		out.Overseer, out.Coverage = s.Overseer, s.Coverage
		for _, rv := range s.ReportReviews {
			if !slices.Contains(years, rv.ReportYear) {
				years = append(years, rv.ReportYear)
				out.Gates = append(out.Gates, s.Gate(rv.ReportYear).Status(on))
			}
		}
	} else {
		h, err := scrutiny.Lead(p, in.Year.Start())
		if err != nil && !errors.Is(err, vocab.ErrConflict) {
			return out, err
		}
		out.Overseer = h
	}
	if !slices.Contains(years, in.Year) {
		out.Gates = append(out.Gates, r.Gate.Status(on))
	}
	return out, nil
}

func writeJSON(stdout, stderr io.Writer, v any, code int) int {
	data, err := vocab.EncodeJSON(v)
	if err != nil {
		return cli.Fail(stderr, "scrutiny", err, 2)
	}
	stdout.Write(data)
	return code
}

func printText(w io.Writer, out output, on vocab.Date) {
	fmt.Fprintf(w, "%s, %s\n\n", out.Partnership, out.Year)

	fmt.Fprintln(w, "Ranked training needs")
	fmt.Fprintln(w, "(score = sum of source weight x severity x quarter, times the number of distinct sources)")
	if len(out.Needs) == 0 {
		fmt.Fprintln(w, "  none: no training input")
	} else {
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "  rank\tscore\tfindings\tsources\tworkforce\tThink Family\ttheme")
		for _, n := range out.Needs {
			fmt.Fprintf(tw, "  %d\t%d\t%d\t%d\t%s\t%s\t%s\n", n.Rank, n.Score, n.Findings, len(n.Sources), n.Audience, yesNo(n.ThinkFamily), n.Theme)
		}
		tw.Flush()
	}
	for _, g := range out.Gaps {
		fmt.Fprintf(w, "  gap: need %d, %s, %s\n", g.Rank, g.Theme, g.Message)
	}
	for _, g := range out.Unevaluated {
		fmt.Fprintf(w, "  for the Executive: need %d, %s, %s\n", g.Rank, g.Theme, g.Message)
	}

	fmt.Fprintf(w, "\nIndependent scrutiny, overseen by the %s (%s)\n", out.Overseer.Title, strings.Join(ids(out.Overseer.Orgs), ", "))
	c := out.Coverage
	if len(c.Functions) == 0 {
		fmt.Fprintln(w, "  no scrutiny plan")
	} else {
		fmt.Fprintln(w, "Coverage: activities for each function (rows) and aim (columns)")
		width := 0
		for _, f := range c.Functions {
			width = max(width, len(f))
		}
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		header := strings.Repeat(" ", width) + "\t"
		for _, a := range c.Aims {
			header += string(a) + "\t"
		}
		fmt.Fprintln(tw, header)
		for i, f := range c.Functions {
			row := fmt.Sprintf("%-*s\t", width, f)
			for _, n := range c.Cells[i] {
				row += cell(n) + "\t"
			}
			fmt.Fprintln(tw, row)
		}
		tw.Flush()
		if len(c.Uncovered) == 0 {
			fmt.Fprintln(w, "  every aim is served")
		}
		for _, a := range c.Uncovered {
			fmt.Fprintf(w, "  UNCOVERED aim %s: %s\n", a, c.AimLabel(a))
		}
		for _, f := range c.Unused {
			fmt.Fprintf(w, "  unused function %s: %s\n", f, c.FunctionLabel(f))
		}
	}

	fmt.Fprintf(w, "\nPublication gate on %s\n", on.Long())
	for _, g := range out.Gates {
		fmt.Fprintf(w, "  %s yearly report: %s\n", g.ReportYear, g.Message)
	}

	fmt.Fprintf(w, "\nYearly report %s: ", out.Year)
	if len(out.Missing) == 0 {
		fmt.Fprintln(w, "no required part is missing")
		return
	}
	fmt.Fprintf(w, "%d required part(s) missing\n", len(out.Missing))
	for _, m := range out.Missing {
		fmt.Fprintf(w, "  %s: %s\n", m.Section, m.Reason)
	}
}

func cell(n int) string {
	if n == 0 {
		return "."
	}
	return strconv.Itoa(n)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func ids(v []vocab.ID) []string {
	out := make([]string, len(v))
	for i, id := range v {
		out[i] = string(id)
	}
	return out
}
