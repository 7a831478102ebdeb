package vocab

import (
	"fmt"
	"strconv"
)

// Check returns an error of kind ErrInvalid, naming field, when y is the
// zero year (missing) or outside 1000/01 to 9998/99.
func (y FinancialYear) Check(field string) error {
	switch {
	case y == 0:
		return Invalid(field, "required", "", `is missing; give the financial year, such as "2020/21"`)
	case y < 1000 || y > 9998:
		return Invalid(field, "financial-year", strconv.Itoa(int(y)), "is not a financial year between 1000/01 and 9998/99")
	}
	return nil
}

// DateProblem returns a problem naming field when d is missing, is not a
// real date, or falls outside y, and nil otherwise.
func (y FinancialYear) DateProblem(field string, d Date) *FieldError {
	switch {
	case d.IsZero():
		return Invalid(field, "required", "", "is missing; give a date in the form YYYY-MM-DD")
	case !d.Valid():
		return Invalid(field, "date", d.String(), "is not a real calendar date")
	case !y.Contains(d):
		return Invalid(field, "in-year", d.String(), fmt.Sprintf("is outside the financial year %s (%s)", y, y.Period()))
	}
	return nil
}
