package funding_test

import (
	"fmt"
	"os"

	"github.com/masa-go/masa/funding"
	"github.com/masa-go/masa/vocab"
	"github.com/shopspring/decimal"
)

func ExampleApportion() {
	parts, err := funding.Apportion(decimal.NewFromInt(100), []funding.Share{
		{ID: "police", Weight: decimal.NewFromInt(1)},
		{ID: "health", Weight: decimal.NewFromInt(1)},
		{ID: "local-authority", Weight: decimal.NewFromInt(1)},
	}, funding.Rounding{Unit: funding.Pounds, Policy: funding.LargestRemainder})
	if err != nil {
		fmt.Println(err)
		return
	}
	// Three equal remainders: the tie goes to the first ID, "health".
	fmt.Println(parts)
	// Output:
	// [33 34 33]
}

func ExampleApportion_error() {
	_, err := funding.Apportion(decimal.NewFromInt(100), []funding.Share{
		{ID: "a", Weight: decimal.Zero},
		{ID: "b", Weight: decimal.Zero},
	}, funding.DefaultRounding())
	fmt.Println(err)
	// Output:
	// funding: apportion: shares: has weights that are all zero, so there is nothing to share by (value "0", rule weights)
}

// Re-apportioning the published 2020/21 total by the published shares
// gives back the published table.
func ExampleApply() {
	r, err := funding.Apply(funding.EssexScenario())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range r.Lines {
		fmt.Printf("%-42s %8s\n", l.Name, vocab.FormatPounds(l.Amount.Decimal(), 0))
	}
	fmt.Printf("%-42s %8s\n", "Total", vocab.FormatPounds(r.Total.Decimal(), 0))
	// Output:
	// Essex County Council                       £240,205
	// Essex Police, Fire and Crime Commissioner   £66,426
	// NHS North East Essex CCG                    £15,633
	// NHS Mid Essex CCG                           £14,555
	// City, District and Borough Councils         £14,520
	// NHS West Essex CCG                          £11,440
	// NHS Basildon & Brentwood CCG                £11,321
	// NHS Castle Point & Rochford CCG              £6,948
	// Community Rehabilitation Company             £5,082
	// National Probation Service                   £2,415
	// CAFCASS                                        £550
	// Total                                      £389,095
}

// Changes stack in order, and each explains itself.
func ExampleApply_scenario() {
	s := funding.EssexScenario()
	s.Name = "ICBs at £400,000"
	s.Year = 2022
	s.Changes = []funding.Change{
		{Kind: funding.SetTotal, Amount: funding.MustNumber("400000")},
		{Kind: funding.Fixed, Org: "cafcass", Amount: funding.MustNumber("550")},
		{Kind: funding.Remap, Mapping: funding.MappingID(vocab.MustDate("2022-07-01"))},
	}
	r, err := funding.Apply(s)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, sentence := range r.Sentences() {
		fmt.Println(sentence)
	}
	l, _ := r.Line("nhs-mid-and-south-essex-icb")
	fmt.Println(l.Amount, l.Explanation)
	// Output:
	// Raise the total budget from £389,095 to £400,000 for 2022/23.
	// Fix the contribution of CAFCASS at £550.
	// Apply the mapping for the successions of 1 July 2022: merge NHS Mid Essex CCG, NHS Basildon & Brentwood CCG and NHS Castle Point & Rochford CCG into NHS Mid and South Essex Integrated Care Board, replace NHS North East Essex CCG by NHS Suffolk and North East Essex Integrated Care Board and replace NHS West Essex CCG by NHS Hertfordshire and West Essex Integrated Care Board. The mapping took effect on 1 July 2022, part-way through 2022/23; the whole year is charged to the new contributors.
	// 33781 Pays a share of the £384,930 left after fixed amounts and flat rates, in proportion to the 2020/21 contributions: quota £33,781.0101…, rounded down.
}

func ExampleResult_Compare() {
	s := funding.EssexScenario()
	s.Year = 2021
	s.Changes = []funding.Change{{Kind: funding.Uplift, Percent: funding.MustNumber("3")}}
	r, err := funding.Apply(s)
	if err != nil {
		fmt.Println(err)
		return
	}
	c := r.Compare()
	for _, row := range c.Rows[:2] {
		fmt.Println(row.Name, row.Old, row.New, row.Change, row.Percent)
	}
	fmt.Println(c.Total.Name, c.Total.Old, c.Total.New, c.Total.Change, c.Total.Percent)
	// Output:
	// Essex County Council 240205 247414 7209 3.00
	// Essex Police, Fire and Crime Commissioner 66426 68419 1993 3.00
	// Total 389095 400768 11673 3.00
}

func ExampleProject() {
	s := funding.EssexScenario()
	s.Year = 2021
	p, err := funding.Project(s, 3, funding.MustNumber("2"))
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := p.WriteCSV(os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// org,name,2021/22,2022/23,2023/24
	// essex-county-council,Essex County Council,240205,245011,249909
	// essex-pfcc,"Essex Police, Fire and Crime Commissioner",66426,67755,69109
	// nhs-north-east-essex-ccg,NHS North East Essex CCG,15633,15946,16265
	// nhs-mid-essex-ccg,NHS Mid Essex CCG,14555,14846,15143
	// district-councils,"City, District and Borough Councils",14520,14808,15108
	// nhs-west-essex-ccg,NHS West Essex CCG,11440,11669,11902
	// nhs-basildon-brentwood-ccg,NHS Basildon & Brentwood CCG,11321,11547,11778
	// nhs-castle-point-rochford-ccg,NHS Castle Point & Rochford CCG,6948,7087,7229
	// essex-crc,Community Rehabilitation Company,5082,5184,5287
	// national-probation-service,National Probation Service,2415,2463,2513
	// cafcass,CAFCASS,550,561,572
	// total,Total,389095,396877,404815
}

func ExampleParseScenario() {
	_, err := funding.ParseScenario([]byte(`{
		"name": "bad",
		"baseline": {"year": "2020/21", "lines": [{"org": "a", "name": "A", "amount": "100"}]},
		"changes": [{"kind": "uplift", "percent": "two"}]
	}`))
	fmt.Println(err)
	// Output:
	// funding: scenario: changes[0].percent: is not a decimal number such as 1210 or 2.5 (digits, an optional minus sign and one decimal point only) (value "two", rule number)
}
