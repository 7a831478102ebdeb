package state_test

import (
	"fmt"
	"github.com/masa-go/masa/masa"

	"github.com/masa-go/masa/wasm/internal/state"
)

// The page's model: edits go in as typed, and the result, the comparison
// with the baseline and any problems come out.
func ExampleModel() {
	m := essexModel()
	m.Set(state.FieldBudget, "400000")
	m.Set(state.FieldICB, "true")
	fmt.Println(m.Result.Total, len(m.Result.Lines), m.Comparison.Total.Percent)
	for _, s := range m.Result.Steps {
		fmt.Println(s.Kind)
	}

	m.Set(state.FieldBudget, "400,000 pounds")
	for _, p := range m.Problems {
		fmt.Printf("%s: %q %s\n", p.Field, p.Value, p.Message)
	}
	fmt.Println("still showing", m.Result.Total, "stale:", m.Stale)
	// Output:
	// 400000 8 2.80
	// map
	// set-total
	// budget: "400,000 pounds" is not a decimal number such as 1210 or 2.5 (digits, an optional minus sign and one decimal point only)
	// still showing 400000 stale: true
}

// A form travels in a URL as versioned base64url JSON.
func ExampleEncode() {
	m := essexModel()
	m.Set(state.FieldUplift, "2.5")
	link := "http://127.0.0.1:7070/?" + state.ShareQuery(m.Form)

	f, err := state.Decode(state.Encode(m.Form))
	fmt.Println(len(link) < 200, f.Uplift, err)

	_, err = state.Decode("1.not a form!")
	fmt.Println(err)
	// Output:
	// true 2.5 <nil>
	// the shared scenario could not be read: it is not base64url text
}

// essexModel returns the model for the Essex 2020/21 partnership file,
// the tests' sample data.
func essexModel() *state.Model {
	pt, err := state.PartnershipOf(masa.Essex())
	if err != nil {
		panic(err)
	}
	return state.NewModelFor(pt)
}
