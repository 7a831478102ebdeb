package vocab_test

import (
	"fmt"

	"github.com/masa-go/masa/vocab"
	"github.com/shopspring/decimal"
)

func ExampleDate_AddMonths() {
	decided := vocab.MustDate("2020-08-31")
	fmt.Println(decided.AddMonths(6))
	// Output: 2021-02-28
}

func ExampleFinancialYearOf() {
	y := vocab.FinancialYearOf(vocab.MustDate("2020-06-29"))
	fmt.Println(y, y.Start().Long(), "to", y.End().Long())
	// Output: 2020/21 1 April 2020 to 31 March 2021
}

func ExampleFormatPounds() {
	fmt.Println(vocab.FormatPounds(decimal.NewFromInt(389095), 0))
	// Output: £389,095
}

func ExampleDecodeJSON() {
	var v struct {
		Published vocab.Date `json:"published"`
	}
	err := vocab.DecodeJSON([]byte(`{"published":"2020-06-31"}`), &v)
	fmt.Println(err)
	// Output: published: is not a real date in the form YYYY-MM-DD (value "2020-06-31", rule date)
}
