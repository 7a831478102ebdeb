package plan_test

import (
	"fmt"

	"github.com/masa-go/masa/funding"
	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/plan"
	"github.com/masa-go/masa/vocab"
)

func ExampleBuild() {
	d, err := plan.Build(masa.Essex())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Cover.Partnership)
	fmt.Println(d.Cover.Title)
	for _, s := range d.Sections {
		fmt.Println(s.Heading())
	}
	for _, s := range d.Appendix {
		fmt.Println(s.Heading())
	}
	// Output:
	// Essex Safeguarding Children Board
	// Multi-Agency Safeguarding Arrangements 2020-21
	// 1. Introduction and background
	// 2. Safeguarding arrangements and statutory partners
	// 3. Vision and values
	// 4. Structure
	// 5. Relevant agencies
	// 6. Practice reviews and learning
	// 7. Multi-agency training
	// 8. Independent scrutiny
	// 9. Voice of children and families
	// 10. Dispute resolution and escalation
	// 11. Funding and business support
	// Appendix A: Designated relevant agencies
	// Appendix B: Lead areas of the statutory partners
}

func ExampleBuild_texts() {
	p := masa.Essex()
	p.Texts = map[string]string{"vision": "Every child in Essex is safe, heard and helped early."}
	d, err := plan.Build(p)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Sections[2].Blocks[0].(*plan.Paragraph).Text())

	p.Texts = map[string]string{"visoin": "a typo"}
	_, err = plan.Build(p)
	fmt.Println(err)
	// Output:
	// Every child in Essex is safe, heard and helped early.
	// plan: texts.visoin: is not a section of the plan; use one of foreword, introduction, arrangements, vision, structure, relevant-agencies, reviews, training, scrutiny, voice, dispute-resolution, funding, appendix-agencies, appendix-lead-areas (value "visoin", rule exists)
}

func ExampleDraft() {
	s := funding.EssexScenario()
	s.Name = "A budget of £400,000"
	s.Year = 0 // the year after the baseline's: 2021/22
	s.Changes = []funding.Change{{Kind: funding.SetTotal, Amount: funding.MustNumber("400000")}}
	d, err := plan.Draft(masa.Essex(), s, vocab.MustDate("2021-02-01"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Cover.Title)
	fmt.Println(d.Cover.Status)
	for _, b := range d.Sections[10].Blocks {
		if t, ok := b.(*plan.Table); ok {
			fmt.Println(t.Rows[0], t.Total)
		}
	}
	// Output:
	// Multi-Agency Safeguarding Arrangements 2021-22
	// Draft prepared 1 February 2021
	// [Essex County Council £240,205 £247,198] [Total £389,095 £400,000]
}
