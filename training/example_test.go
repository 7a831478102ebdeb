package training_test

import (
	"fmt"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/training"
	"github.com/masa-go/masa/vocab"
)

func ExampleAnalyse() {
	findings := []training.Finding{
		{Ref: "cspr-2020-01", Source: vocab.SourcePracticeReviews, Theme: "neglect", Date: vocab.MustDate("2020-05-12"), Severity: 5, Audience: vocab.AudienceChildren},
		{Ref: "maca-2020-q2", Source: vocab.SourceCaseAudits, Theme: "neglect", Date: vocab.MustDate("2020-08-20"), Severity: 4, Audience: vocab.AudienceChildren},
		{Ref: "cspr-2020-02", Source: vocab.SourcePracticeReviews, Theme: "parental mental health", Date: vocab.MustDate("2020-11-03"), Severity: 4, Audience: vocab.AudienceBoth},
	}
	a, err := training.Analyse(masa.Essex(), 2020, findings, training.DefaultScoring())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, n := range a.Needs {
		fmt.Printf("%d. %s (score %d, Think Family %t)\n", n.Rank, n.Theme, n.Score, n.ThinkFamily)
	}
	// Output:
	// 1. neglect (score 114, Think Family false)
	// 2. parental mental health (score 60, Think Family true)
}

func ExampleAnalyse_unknownSource() {
	findings := []training.Finding{
		{Ref: "x-1", Source: "rumour", Theme: "neglect", Date: vocab.MustDate("2020-05-12"), Severity: 3, Audience: vocab.AudienceChildren},
	}
	_, err := training.Analyse(masa.Essex(), 2020, findings, training.DefaultScoring())
	fmt.Println(err)
	// Output: training: findings[0].source: is not declared in the partnership file's training.sources (it declares board-priorities, practice-reviews, case-audits, inspections, local-national-priorities, section-11-audits, training-feedback, emerging-issues) (value "rumour", rule declared)
}

func ExampleRun() {
	in, err := training.Parse([]byte(`{
	  "year": "2020/21",
	  "findings": [
	    {"ref": "jtai-2020", "source": "inspections", "theme": "domestic abuse", "date": "2020-10-15", "severity": 4, "audience": "children"},
	    {"ref": "eval-2020", "source": "training-feedback", "theme": "domestic abuse", "date": "2020-12-01", "severity": 2, "audience": "adults"}
	  ],
	  "delivery": [
	    {"theme": "domestic abuse", "methods": ["case-studies"], "audience": "children", "quarter": 3}
	  ]
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := training.Run(masa.Essex(), in)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, g := range res.Plan.Gaps {
		fmt.Println(g.Theme, g.Message)
	}
	for _, g := range res.Impact.Unevaluated {
		fmt.Println(g.Theme, g.Message)
	}
	// Output:
	// domestic abuse is a Think Family need, but its delivery reaches only the children's workforce
	// domestic abuse has no evaluation evidence
}
