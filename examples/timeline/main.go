// Command timeline prints a serious incident's timeline on a date: every
// step that applies under the rules in force, its owner on the date, its
// due date and how that date is worked out, what has been done and by
// whom, and what is due next.
//
// Usage:
//
//	go run ./examples/timeline [-on YYYY-MM-DD] [-as-published] [-json] [-partnership FILE] [-holidays FILE] [CASE.json]
//
// Without a case file it uses a built-in fictional case (ESCB-2026-019).
// The date defaults to today in Europe/London. -partnership loads another
// partnership instead of the embedded Essex 2020-21 arrangements, and
// -as-published takes owners from the edition exactly as published
// instead of the partnership on the date (every succession up to the date
// applied); the output says which it used. -holidays extends the England and Wales bank holidays with a file such
// as {"years":[2028],"holidays":[{"date":"2028-01-03","name":"..."}]}.
// The exit status is 0 when nothing is overdue, 1 when something is, and 2
// when the input could not be read or has problems (each printed with its
// field).
package main

import (
	_ "embed"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	_ "time/tzdata" // Europe/London must not depend on the machine's zone files.

	"github.com/masa-go/masa/internal/cli"
	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/reviews"
	"github.com/masa-go/masa/vocab"
	"github.com/masa-go/masa/workdays"
)

//go:embed example-case.json
var exampleCase []byte

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, time.Now()))
}

func run(args []string, stdout, stderr io.Writer, now time.Time) int {
	fs := flag.NewFlagSet("timeline", flag.ContinueOnError)
	cli.Usage(fs, stderr, "go run ./examples/timeline [-on YYYY-MM-DD] [-as-published] [-json] [-partnership FILE] [-holidays FILE] [CASE.json]",
		"Prints a serious incident's timeline on a date: every step under the rules in\nforce, its owner on the date (the partnership with every succession up to the\ndate applied, unless -as-published), its due date and what is due next.\nWithout a case file it uses a built-in fictional case.",
		"go run ./examples/timeline -on 2021-07-20 reviews/testdata/lifecycle-case.json")
	on := fs.String("on", "", "`date`, YYYY-MM-DD (default: today in Europe/London)")
	asJSON := fs.Bool("json", false, "print the status as JSON")
	asPublished := fs.Bool("as-published", false, "owners from the edition exactly as published, with no succession applied")
	partnership := fs.String("partnership", "", "partnership JSON `FILE` (default: the embedded Essex 2020-21 arrangements)")
	holidays := fs.String("holidays", "", "JSON `FILE` of bank holidays to add to the England and Wales calendar")
	if status, ok := cli.Parse(fs, args, 1); !ok {
		return status
	}
	fail := func(err error) int { return cli.Fail(stderr, "timeline", err, 2) }

	date := workdays.DateInLondon(now)
	if *on != "" {
		d, err := vocab.ParseDate("-on", *on)
		if err != nil {
			return fail(err)
		}
		date = d
	}
	p := masa.Essex()
	if *partnership != "" {
		var err error
		if p, err = masa.Load(*partnership); err != nil {
			return fail(err)
		}
	}
	v, err := p.ViewOn(date, *asPublished)
	if err != nil {
		return fail(err)
	}
	if *asPublished {
		// The engine applies the successions a partnership records; the
		// edition as published is the one with none recorded.
		p = v.Partnership
		p.Successions = nil
	}
	var opts []reviews.Option
	if *holidays != "" {
		cal, err := workdays.EnglandAndWales().ExtendFile(*holidays)
		if err != nil {
			return fail(err)
		}
		opts = append(opts, reviews.WithCalendar(cal))
	}
	e, err := reviews.New(p, opts...)
	if err != nil {
		return fail(err)
	}
	var c *reviews.Case
	if fs.NArg() == 1 {
		c, err = reviews.LoadCase(fs.Arg(0))
	} else {
		c, err = reviews.ParseCase(exampleCase)
	}
	if err != nil {
		return fail(err)
	}
	st, err := e.Status(c, date)
	if err != nil {
		return fail(err)
	}
	if *asJSON {
		data, err := vocab.EncodeJSON(answer{Status: st, Basis: v.Basis})
		if err != nil {
			return fail(err)
		}
		stdout.Write(data)
	} else {
		printStatus(stdout, st, c)
		fmt.Fprintf(stdout, "\nOwners from: %s\n", v.Basis)
	}
	if st.Overdue {
		return 1
	}
	return 0
}

// answer is what -json prints: the case's status and the basis its owners
// rest on, as the service's POST /v1/reviews/timeline answers.
type answer struct {
	*reviews.Status
	Basis masa.Basis `json:"basis"`
}

func printStatus(w io.Writer, st *reviews.Status, c *reviews.Case) {
	fmt.Fprintf(w, "Case %s on %s %s\n", st.Ref, st.On.Weekday(), st.On.Long())
	fmt.Fprintf(w, "Rules: %s, in force on the date of becoming aware (a review is a %s)\n", st.Rules.Name, st.Rules.ReviewName)
	serious := "no: the incident is not notifiable to the national Panel"
	if st.SeriousIncident {
		serious = "yes: notifiable to the national Panel"
	}
	fmt.Fprintf(w, "Became aware: %s (day 0 of the working-day clocks)\n", c.Facts.Aware.Long())
	fmt.Fprintf(w, "Serious incident: %s\n", serious)
	overdue := "nothing overdue"
	if st.Overdue {
		overdue = "OVERDUE"
	}
	fmt.Fprintf(w, "Stage: %s; %s\n\n", st.Stage, overdue)

	for i, s := range st.Steps {
		fmt.Fprintf(w, "%2d. [%s] %s\n", i+1, label(s), s.Name)
		fmt.Fprintf(w, "    owner: %s\n", s.Owner)
		if s.DueRule != "" {
			due := "not yet known"
			if !s.Due.IsZero() {
				due = s.Due.Weekday().String() + " " + s.Due.Long()
				if s.Provisional {
					due += " (provisional)"
				}
			}
			fmt.Fprintf(w, "    due:   %s\n", due)
			fmt.Fprintf(w, "           %s\n", s.DueRule)
		}
		if !s.NotBefore.IsZero() {
			fmt.Fprintf(w, "    not before: %s\n", s.NotBefore.Long())
		}
		if s.Done != nil {
			fmt.Fprintf(w, "    done:  %s\n", done(s))
		}
		fmt.Fprintf(w, "    cites: %s\n", s.Citation)
	}
	fmt.Fprintln(w)
	next := st.NextSteps()
	if len(next) == 0 {
		fmt.Fprintln(w, "Next: nothing to do now.")
		return
	}
	fmt.Fprintln(w, "Next:")
	for _, s := range next {
		due := "no deadline"
		if !s.Due.IsZero() {
			due = "due " + s.Due.Long()
		}
		fmt.Fprintf(w, "  - %s: %s (%s)\n", s.Name, s.Owner, due)
	}
}

func label(s reviews.StepStatus) string {
	switch {
	case s.Overdue:
		return fmt.Sprintf("OVERDUE by %d days", s.DaysOverdue)
	case s.Done != nil && s.Done.Late:
		return "done late"
	}
	return string(s.State)
}

func done(s reviews.StepStatus) string {
	d := s.Done
	if d.Event < 0 {
		return d.On.Long() + " (automatically)"
	}
	var parts []string
	parts = append(parts, d.On.Long()+" by "+d.By)
	if d.Outcome != "" {
		parts = append(parts, "decided "+d.Outcome)
	}
	if len(d.Criteria) > 0 {
		ids := make([]string, len(d.Criteria))
		for i, c := range d.Criteria {
			ids[i] = string(c)
		}
		parts = append(parts, "on the criteria "+strings.Join(ids, ", "))
	}
	if !d.Planned.IsZero() {
		parts = append(parts, "publication planned for "+d.Planned.Long())
	}
	return strings.Join(parts, "; ")
}
