package reviews_test

import (
	"fmt"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/reviews"
	"github.com/masa-go/masa/vocab"
)

// A serious incident the local authority became aware of on Friday 1 May
// 2020, just before the VE Day bank holiday: what is due, by when, and
// who owns it.
func ExampleEngine_Status() {
	e, err := reviews.New(masa.Essex())
	if err != nil {
		fmt.Println(err)
		return
	}
	notLookedAfter := false
	c := &reviews.Case{
		Ref: "ESCB-2020-031",
		Facts: reviews.Facts{
			Aware: vocab.MustDate("2020-05-01"), Harm: reviews.HarmSerious,
			AbuseOrNeglect: reviews.AbuseSuspected, Location: reviews.InArea, LookedAfter: &notLookedAfter,
		},
	}
	st, err := e.Status(c, vocab.MustDate("2020-05-06"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(st.Rules.Name, "-", st.Stage)
	for _, s := range st.Steps {
		fmt.Printf("%-8s %-54s due %-10s %s\n", s.State, s.Name, s.Due, s.Owner)
	}
	// Output:
	// Working Together to Safeguard Children 2018, chapter 4 - notification
	// open     Notify the Child Safeguarding Practice Review Panel    due 2020-05-11 Executive Director of Children's Services, Essex County Council
	// open     Tell the safeguarding partners of the incident         due 2020-05-11 Executive Director of Children's Services, Essex County Council
	// waiting  Complete the rapid review and send it to the Panel     due            the safeguarding partners
	// waiting  Panel decides whether a national review is appropriate due            the Child Safeguarding Practice Review Panel
}

// Recording steps: the audit trail only takes what replays cleanly.
func ExampleEngine_Record() {
	e, _ := reviews.New(masa.Essex())
	no := false
	c := &reviews.Case{Ref: "ESCB-2021-004", Facts: reviews.Facts{
		Aware: vocab.MustDate("2021-03-01"), Harm: reviews.HarmDied,
		AbuseOrNeglect: reviews.AbuseKnown, Location: reviews.InArea, LookedAfter: &no,
	}}
	err := e.Record(c, reviews.Event{Step: "notify-panel", On: vocab.MustDate("2021-03-03"), By: "Director of Children's Services"})
	fmt.Println(err)
	err = e.Record(c, reviews.Event{Step: "panel-decision", On: vocab.MustDate("2021-03-20"), By: "Panel", Outcome: "no-national-review"})
	fmt.Println(err)
	st, _ := e.Status(c, vocab.MustDate("2021-03-04"))
	fmt.Println(len(c.Events), "event recorded; next:", st.Next)
	// Output:
	// <nil>
	// reviews: case ESCB-2021-004: events[1].step: is recorded before the step it follows: Complete the rapid review and send it to the Panel (value "panel-decision", rule order)
	// 1 event recorded; next: [inform-partners rapid-review child-death-review]
}

// The due date of one step of the fictional case, and who ratified the
// decision that started its clock: whoever held the ratification lead
// area on the date, in Essex 2020-21 the Assistant Chief Constable.
func ExampleEngine_Due() {
	e, _ := reviews.New(masa.Essex())
	c, err := reviews.LoadCase("testdata/lifecycle-case.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	due, ok, err := e.Due(c, "final-report", vocab.MustDate("2021-01-04"))
	fmt.Println(due.Long(), ok, err)
	st, _ := e.Status(c, vocab.MustDate("2021-01-04"))
	r, _ := st.Step("ratify-decision")
	fmt.Println(r.Done.Outcome, "ratified by", r.Owner)
	f, _ := st.Step("final-report")
	fmt.Println(f.DueRule)
	// Output:
	// 30 June 2021 true <nil>
	// local-review ratified by Assistant Chief Constable, Essex Police
	// within 6 months of the decision to hold the review: 31 December 2020 plus 6 months is 30 June 2021, as June has no 31st (a date past the end of a shorter month moves back to its last day)
}

func ExampleEngine_Overdue() {
	e, _ := reviews.New(masa.Essex())
	no := false
	facts := reviews.Facts{Harm: reviews.HarmSerious, AbuseOrNeglect: reviews.AbuseSuspected, Location: reviews.InArea, LookedAfter: &no}
	a, b := facts, facts
	a.Aware, b.Aware = vocab.MustDate("2022-09-14"), vocab.MustDate("2022-09-26")
	cases := []reviews.Case{{Ref: "ESCB-2022-101", Facts: a}, {Ref: "ESCB-2022-102", Facts: b}}
	r, err := e.Overdue(cases, vocab.MustDate("2022-10-05"))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range r.Overdue {
		fmt.Println(s.Ref, s.Step, "due", s.Due, "-", s.DaysOverdue, "days overdue -", s.Owner.Name)
	}
	// Output:
	// ESCB-2022-101 notify-panel due 2022-09-22 - 13 days overdue - Essex County Council
	// ESCB-2022-101 inform-partners due 2022-09-22 - 13 days overdue - Essex County Council
	// ESCB-2022-102 notify-panel due 2022-10-03 - 2 days overdue - Essex County Council
	// ESCB-2022-102 inform-partners due 2022-10-03 - 2 days overdue - Essex County Council
}

// Learning from a completed review, for the training needs analysis.
func ExampleEngine_Learning() {
	e, _ := reviews.New(masa.Essex())
	c, _ := reviews.LoadCase("testdata/lifecycle-case.json")
	items, err := e.Learning(c)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range items {
		fmt.Println(l.Source, l.Date, l.Severity, l.Audience, l.Theme)
	}
	// Output:
	// practice-reviews 2021-09-14 4 children information sharing between health services and children's social care
	// practice-reviews 2021-09-14 3 both recognising neglect of adolescents
}

// A professional disagreement escalated to the statutory partners,
// overseen by the holder of the dispute-resolution lead area.
func ExampleEngine_Dispute() {
	e, _ := reviews.New(masa.Essex())
	d := &reviews.Dispute{Ref: "DR-2020-12", Events: []reviews.DisputeEvent{
		{Action: reviews.DisputeRaised, On: vocab.MustDate("2020-10-01"), By: "health visitor"},
		{Action: reviews.DisputeEscalated, On: vocab.MustDate("2020-10-08"), By: "named nurse"},
	}}
	st, err := e.Dispute(d, vocab.MustDate("2020-10-09"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("level", st.Level.Level, st.Level.Name)
	fmt.Println(st.Next)
	top := st.NextLevel
	fmt.Println("then:", top.Owner, "- overseen by", top.Overseer.Post)
	// Output:
	// level 2 Senior managers
	// Senior managers within the agencies concerned try to resolve it; if they cannot, escalate to level 3, Statutory partners: the three statutory partners
	// then: the three statutory partners - overseen by Clinical Commissioning Group leads
}
