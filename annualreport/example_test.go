package annualreport_test

import (
	"fmt"

	"github.com/masa-go/masa/annualreport"
	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
)

func ExampleAssemble() {
	in, err := annualreport.Parse([]byte(`{
	  "year": "2020/21",
	  "activities": [{"title": "Moved the board online", "text": "All board meetings were held online."}],
	  "reviews": [],
	  "priorities": [{"name": "Neglect", "progress": "good"}]
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := annualreport.Assemble(masa.Essex(), in)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range r.Missing {
		fmt.Printf("%s: %s\n", m.Section, m.Reason)
	}
	// Output:
	// effectiveness: no judgement of effectiveness is recorded (input field effectiveness)
	// impact: there is no evidence of impact: neither impact entries (input field impact) nor evaluated training
	// review-actions: actions on review recommendations are not recorded (input field reviewActions)
	// voice: how feedback was sought and used is not recorded (input field feedback)
}

func ExampleReport_MarkReady() {
	in := &annualreport.Input{
		Year:          2020,
		Activities:    []annualreport.Entry{{Title: "Board", Text: "The board met four times."}},
		Reviews:       []annualreport.PracticeReview{},
		Effectiveness: []annualreport.Entry{{Title: "Survey", Text: "Practitioners knew how to escalate."}},
		Impact:        []annualreport.Entry{{Title: "Audit", Text: "Audits found the tool in use."}},
		Priorities:    []annualreport.Priority{},
		ReviewActions: []annualreport.ReviewAction{},
		Feedback:      []annualreport.Feedback{{Voice: "service-user-panels", Sought: "A parents' panel met.", Used: "Letters were rewritten."}},
	}
	r, err := annualreport.Assemble(masa.Essex(), in)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.MarkReady(vocab.MustDate("2021-09-30")))
	fmt.Println(r.Status)
	// Output:
	// annualreport: the 2020/21 report cannot be marked ready: reportReview: has no scrutiny review of the 2020/21 yearly report recorded, so the report cannot be marked ready to publish (value "2021-09-30", rule publication-gate)
	// draft
}
