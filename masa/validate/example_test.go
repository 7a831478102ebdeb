package validate_test

import (
	"fmt"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/masa/validate"
	"github.com/masa-go/masa/vocab"
)

func ExamplePartnership() {
	p := masa.Essex()
	rs, err := validate.Partnership(p, vocab.MustDate("2020-06-29"))
	fmt.Println(rs.Name, "- problems:", len(vocab.AsProblems(err)))

	// The same data a year after clinical commissioning groups were
	// abolished.
	_, err = validate.Partnership(p, vocab.MustDate("2023-06-01"))
	ps := vocab.AsProblems(err)
	fmt.Println(len(ps), "problems, the first:", ps[0].Field, ps[0].Rule, ps[0].Value)
	fmt.Println("because:", ps[0].Citation)
	// Output:
	// Working Together to Safeguard Children 2018 - problems: 0
	// 5 problems, the first: statutoryPartners[2].body health-body ccg
	// because: Health and Care Act 2022, abolition of clinical commissioning groups, in force 1 July 2022
}
