// Command masa loads a partnership's arrangements (the embedded Essex
// 2020-21 plan by default) and prints, for a date, the rule set in force,
// who holds each lead area, and every validation problem.
//
// Usage:
//
//	go run ./examples/masa [-partnership FILE] [-rulesets FILE] [-on YYYY-MM-DD] [-as-published] [-json]
//
// -rulesets reads the rule sets from a file in the form of
// masa/data/rulesets.json instead of the embedded ones, so that a new
// edition of the statutory guidance needs a data file, not a release.
//
// The date defaults to the partnership's publication date. The answer is
// for the partnership on the date: the published edition with every
// succession recorded up to the date applied (such as clinical
// commissioning groups replaced by integrated care boards on 1 July 2022),
// as masa.Partnership.On gives it. -as-published checks the edition
// exactly as published instead. Either way the output says which edition,
// date and successions it used. The exit status is 0 when the partnership
// is valid on the date, 1 when it has problems and 2 when the input could
// not be read or the date is before every rule set.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	_ "time/tzdata" // Europe/London must not depend on the machine's zone files.

	"github.com/masa-go/masa/internal/cli"
	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/masa/validate"
	"github.com/masa-go/masa/vocab"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// report is what the program prints, as text or JSON.
type report struct {
	Partnership string              `json:"partnership"`
	Date        vocab.Date          `json:"date"`
	Basis       masa.Basis          `json:"basis"`
	RuleSet     ruleSet             `json:"ruleSet"`
	LeadAreas   []leadArea          `json:"leadAreas"`
	Problems    []*vocab.FieldError `json:"problems"`
}

type ruleSet struct {
	ID         vocab.ID         `json:"id"`
	Name       string           `json:"name"`
	Body       string           `json:"body"`
	ReviewName string           `json:"reviewName"`
	Citations  []vocab.Citation `json:"citations"`
}

type leadArea struct {
	ID       vocab.ID     `json:"id"`
	Name     string       `json:"name"`
	Role     vocab.Role   `json:"role"`
	Title    string       `json:"title"`
	Orgs     []string     `json:"orgs"`
	Period   vocab.Period `json:"period,omitzero"`
	Conflict string       `json:"conflict,omitempty"`
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("masa", flag.ContinueOnError)
	cli.Usage(fs, stderr, "go run ./examples/masa [-partnership FILE] [-rulesets FILE] [-on YYYY-MM-DD] [-as-published] [-json]",
		"Prints the rule set in force, who holds each lead area and every validation\nproblem for the partnership on a date: the published edition with every\nsuccession recorded up to the date applied, unless -as-published.",
		"go run ./examples/masa -partnership examples/masa/testdata/mine.json -on 2025-06-01")
	file := fs.String("partnership", "", "partnership JSON `FILE` (default: the embedded Essex 2020-21 arrangements)")
	on := fs.String("on", "", "`date` to check, YYYY-MM-DD (default: the publication date)")
	asJSON := fs.Bool("json", false, "print JSON instead of text")
	asPublished := fs.Bool("as-published", false, "check the edition exactly as published, with no succession applied")
	ruleSets := fs.String("rulesets", "", "rule-sets JSON `FILE` to use instead of the embedded rule sets (see docs/schemas.md)")
	fs.Bool("successions", true, "deprecated: successions up to the date are always applied unless -as-published is given")
	if status, ok := cli.Parse(fs, args, 0); !ok {
		return status
	}
	fail := func(err error) int { return cli.Fail(stderr, "masa", err, 2) }
	p := masa.Essex()
	if *file != "" {
		var err error
		if p, err = masa.Load(*file); err != nil {
			return fail(err)
		}
	}
	if *ruleSets != "" {
		sets, err := masa.LoadRuleSets(*ruleSets)
		if err == nil {
			p, err = p.WithRuleSets(sets)
		}
		if err != nil {
			return fail(err)
		}
	}
	date := p.Arrangements.Published
	if *on != "" {
		var err error
		if date, err = vocab.ParseDate("-on", *on); err != nil {
			return fail(err)
		}
	}
	if !date.Valid() {
		fmt.Fprintln(stderr, "masa: the partnership has no publication date; give one with -on")
		return 2
	}
	v, err := p.ViewOn(date, *asPublished)
	if err != nil {
		return fail(err)
	}
	if _, err := v.RuleSet(); err != nil {
		first := p.RuleSets()[0]
		fmt.Fprintf(stderr, "masa: -on %s is before every rule set masa knows: the earliest, %s, starts on %s\n", date, first.Name, first.From.Long())
		return 2
	}
	rs, err := validate.Partnership(v.Partnership, date)
	problems := vocab.AsProblems(err)
	if err != nil && problems == nil {
		return fail(err)
	}
	r := report{
		Partnership: p.Name,
		Date:        date,
		Basis:       v.Basis,
		RuleSet:     ruleSet{rs.ID, rs.Name, rs.Body, rs.ReviewName, rs.Citations},
		Problems:    problems,
	}
	names := map[vocab.ID]string{}
	for _, o := range v.Partnership.Organisations {
		names[o.ID] = o.Name
	}
	for _, la := range v.Partnership.LeadAreas {
		h, err := v.LeadHolder(la.ID)
		l := leadArea{ID: la.ID, Name: la.Name, Role: h.Role, Title: h.Title, Period: h.Period}
		for _, id := range h.Orgs {
			l.Orgs = append(l.Orgs, cmp(names[id], string(id)))
		}
		var fe *vocab.FieldError
		if errors.As(err, &fe) {
			l.Conflict = fe.Message
		}
		r.LeadAreas = append(r.LeadAreas, l)
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(r); err != nil {
			return fail(err)
		}
	} else {
		writeText(stdout, r)
	}
	if len(problems) > 0 {
		return 1
	}
	return 0
}

func cmp(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func writeText(w io.Writer, r report) {
	fmt.Fprintf(w, "%s on %s\n", r.Partnership, r.Date.Long())
	fmt.Fprintf(w, "Based on: %s\n", r.Basis)
	for _, a := range r.Basis.Successions {
		fmt.Fprintf(w, "  %s\n", a)
	}
	if !r.Basis.AsPublished {
		fmt.Fprintf(w, "  (-as-published checks the edition exactly as published)\n")
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "Rule set in force: %s\n", r.RuleSet.Name)
	fmt.Fprintf(w, "  local body: %s; local reviews are %ss\n", r.RuleSet.Body, r.RuleSet.ReviewName)
	for _, c := range r.RuleSet.Citations {
		fmt.Fprintf(w, "  under %s\n", c)
	}
	fmt.Fprintf(w, "\nLead areas:\n")
	for _, l := range r.LeadAreas {
		fmt.Fprintf(w, "  %s\n    held by the %s partner: %s (%s)\n", l.Name, l.Role.Label(), l.Title, strings.Join(l.Orgs, "; "))
		if l.Period != (vocab.Period{}) {
			fmt.Fprintf(w, "    for %s\n", periodText(l.Period))
		}
		if l.Conflict != "" {
			fmt.Fprintf(w, "    CONFLICT: %s\n", l.Conflict)
		}
	}
	if len(r.Problems) == 0 {
		fmt.Fprintf(w, "\nValidation: no problems.\n")
		return
	}
	fmt.Fprintf(w, "\nValidation: %d problem(s):\n", len(r.Problems))
	for _, p := range r.Problems {
		fmt.Fprintf(w, "  %s [%s] value %q: %s\n", p.Field, p.Rule, p.Value, p.Message)
		if p.Citation != nil {
			fmt.Fprintf(w, "    rule from: %s\n", p.Citation)
		}
	}
}

// periodText says over which dates a holding applies.
func periodText(p vocab.Period) string {
	switch {
	case p.From.IsZero():
		return "the period up to " + p.To.Long()
	case p.To.IsZero():
		return "the period from " + p.From.Long()
	}
	return "the period " + p.From.Long() + " to " + p.To.Long()
}
