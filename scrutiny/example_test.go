package scrutiny_test

import (
	"fmt"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/scrutiny"
	"github.com/masa-go/masa/vocab"
)

func ExampleLead() {
	h, err := scrutiny.Lead(masa.Essex(), vocab.MustDate("2020-06-29"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(h.Title, h.Orgs)
	// Output: Executive Director of Children's Services [essex-county-council]
}

func ExampleBuild() {
	pl, err := scrutiny.ParsePlan([]byte(`{
	  "year": "2020/21",
	  "activities": [
	    {"id": "challenge-session", "title": "Young people's challenge session", "quarter": 2,
	     "function": "young-peoples-groups", "aims": ["effectiveness", "challenge"], "voice": ["councils-and-groups"]},
	    {"id": "report-review", "title": "Young people review the yearly report", "quarter": 2,
	     "function": "young-peoples-groups", "aims": ["annual-report"]}
	  ]
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	s, err := scrutiny.Build(masa.Essex(), pl)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("led by:", s.Activities[0].Lead.Name)
	fmt.Println("uncovered:", s.Coverage.Uncovered)
	fmt.Println(s.Coverage.Check())
	// Output:
	// led by: Executive Director of Children's Services
	// uncovered: [leadership reports]
	// 2 problems:
	//   aims[1]: is not served by any activity in the scrutiny plan (strong leadership by the statutory partners) (value "leadership", rule aim-served)
	//   aims[2]: is not served by any activity in the scrutiny plan (reports to the statutory partners on areas of safeguarding) (value "reports", rule aim-served)
}

func ExampleBuild_unknownAim() {
	pl := &scrutiny.Plan{Year: 2020, Activities: []scrutiny.Activity{{
		ID: "audit", Title: "Case audit", Quarter: 5, Function: scrutiny.FunctionReviewsAudits, Aims: []scrutiny.Aim{"world-peace"},
	}}}
	_, err := scrutiny.Build(masa.Essex(), pl)
	fmt.Println(err)
	// Output:
	// scrutiny: 2 problems:
	//   activities[0].quarter: is not a quarter of the financial year: use 1 (April to June), 2 (July to September), 3 (October to December) or 4 (January to March) (value "5", rule quarter)
	//   activities[0].aims[0]: is not declared in the partnership file's scrutiny.aims (it declares effectiveness, leadership, reports, annual-report, challenge) (value "world-peace", rule declared)
}

func ExampleGate_CanPublish() {
	g := scrutiny.NewGate(2020)
	on := vocab.MustDate("2021-09-30")
	fmt.Println(g.CanPublish(on))
	_ = g.Record(scrutiny.Review{ReportYear: 2020, Date: vocab.MustDate("2021-07-14"), Outcome: "Endorsed"})
	fmt.Println(g.CanPublish(on))
	// Output:
	// scrutiny: reportReview: has no scrutiny review of the 2020/21 yearly report recorded, so the report cannot be marked ready to publish (value "2021-09-30", rule publication-gate)
	// <nil>
}
