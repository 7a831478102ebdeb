package masa_test

import (
	"fmt"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
)

func ExampleEssex() {
	p := masa.Essex()
	fmt.Println(p.Name, p.Arrangements.Year)
	fmt.Println(len(p.StatutoryPartners), "statutory partners,", len(p.RelevantAgencies), "relevant agencies")
	fmt.Println("funding total:", vocab.FormatPounds(p.Funding.Total(), 0))
	// Output:
	// Essex Safeguarding Children Board 2020/21
	// 7 statutory partners, 35 relevant agencies
	// funding total: £389,095
}

func ExampleRuleSetOn() {
	p := masa.Essex()
	for _, d := range []string{"2019-06-01", "2020-06-29", "2022-07-01", "2025-06-01"} {
		rs, _ := masa.RuleSetOn(p, vocab.MustDate(d))
		fmt.Printf("%s: %s (%s)\n", d, rs.Name, rs.ReviewName)
	}
	// Output:
	// 2019-06-01: Local Safeguarding Children Board, transitional period (Serious Case Review)
	// 2020-06-29: Working Together to Safeguard Children 2018 (Child Safeguarding Practice Review)
	// 2022-07-01: Working Together to Safeguard Children 2018, with integrated care boards (Child Safeguarding Practice Review)
	// 2025-06-01: Working Together to Safeguard Children 2023 (Child Safeguarding Practice Review)
}

func ExamplePartnership_LeadHolder() {
	p := masa.Essex()
	h, err := p.LeadHolder("cspr-ratification", vocab.MustDate("2020-06-29"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(h.Title, "for", h.Orgs)
	// Output: Assistant Chief Constable for [essex-police]
}
