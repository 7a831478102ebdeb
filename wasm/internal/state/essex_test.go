package state

import "github.com/masa-go/masa/masa"

// Essex returns the model for the Essex 2020/21 partnership file, the
// tests' sample data: 11 contributors, £389,095, and the 1 July 2022
// succession of the clinical commissioning groups.
func Essex() *Model {
	pt, err := PartnershipOf(masa.Essex())
	if err != nil {
		panic(err)
	}
	return NewModelFor(pt)
}
