// Command masa loads a partnership's arrangements (the embedded Essex
// 2020-21 plan by default) and prints, for a date, the rule set in force,
// who holds each lead area, and every validation problem.
//
// Usage:
//
//	go run ./examples/masa [-partnership file.json] [-on YYYY-MM-DD] [-successions] [-json]
//
// The date defaults to the partnership's publication date. The data is
// checked as published; with -successions, recorded successions that have
// taken effect by the date (such as clinical commissioning groups replaced
// by integrated care boards on 1 July 2022) are applied first. The exit status
// is 0 when the partnership is valid on the date, 1 when it has problems
// and 2 when the input could not be read.
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
	ID       vocab.ID   `json:"id"`
	Name     string     `json:"name"`
	Role     vocab.Role `json:"role"`
	Title    string     `json:"title"`
	Orgs     []string   `json:"orgs"`
	Conflict string     `json:"conflict,omitempty"`
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("masa", flag.ContinueOnError)
	fs.SetOutput(stderr)
	file := fs.String("partnership", "", "partnership JSON file (default: the embedded Essex 2020-21 arrangements)")
	on := fs.String("on", "", "date to check, YYYY-MM-DD (default: the publication date)")
	asJSON := fs.Bool("json", false, "print JSON instead of text")
	successions := fs.Bool("successions", false, "apply recorded successions (such as CCGs to ICBs) that have taken effect by the date")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	p := masa.Essex()
	if *file != "" {
		var err error
		if p, err = masa.Load(*file); err != nil {
			fmt.Fprintln(stderr, err)
			return 2
		}
	}
	date := p.Arrangements.Published
	if *on != "" {
		var err error
		if date, err = vocab.ParseDate("-on", *on); err != nil {
			fmt.Fprintln(stderr, err)
			return 2
		}
	}
	if !date.Valid() {
		fmt.Fprintln(stderr, "masa: the partnership has no publication date; give one with -on")
		return 2
	}
	if *successions {
		var err error
		if p, err = p.AsOf(date); err != nil {
			fmt.Fprintln(stderr, err)
			return 2
		}
	}
	rs, err := validate.Partnership(p, date)
	problems := vocab.AsProblems(err)
	if err != nil && problems == nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	r := report{
		Partnership: p.Name,
		Date:        date,
		RuleSet:     ruleSet{rs.ID, rs.Name, rs.Body, rs.ReviewName, rs.Citations},
		Problems:    problems,
	}
	names := map[vocab.ID]string{}
	for _, o := range p.Organisations {
		names[o.ID] = o.Name
	}
	for _, la := range p.LeadAreas {
		h, err := p.LeadHolder(la.ID, date)
		l := leadArea{ID: la.ID, Name: la.Name, Role: h.Role, Title: h.Title}
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
			fmt.Fprintln(stderr, err)
			return 2
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
	fmt.Fprintf(w, "%s on %s\n\n", r.Partnership, r.Date.Long())
	fmt.Fprintf(w, "Rule set in force: %s\n", r.RuleSet.Name)
	fmt.Fprintf(w, "  local body: %s; local reviews are %ss\n", r.RuleSet.Body, r.RuleSet.ReviewName)
	for _, c := range r.RuleSet.Citations {
		fmt.Fprintf(w, "  under %s\n", c)
	}
	fmt.Fprintf(w, "\nLead areas:\n")
	for _, l := range r.LeadAreas {
		fmt.Fprintf(w, "  %s\n    held by the %s partner: %s (%s)\n", l.Name, l.Role.Label(), l.Title, strings.Join(l.Orgs, "; "))
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
