package vocab

import (
	"encoding/json"
	"fmt"
	"strconv"
	"time"
)

// FinancialYear is an English public-sector financial year, running from 1
// April to 31 March. It is named by the calendar year in which it starts:
// FinancialYear(2020) is 2020/21, from 1 April 2020 to 31 March 2021.
//
// In JSON a FinancialYear is a string such as "2020/21".
type FinancialYear int

// FinancialYearOf returns the financial year that contains d.
func FinancialYearOf(d Date) FinancialYear {
	if d.Month < time.April {
		return FinancialYear(d.Year - 1)
	}
	return FinancialYear(d.Year)
}

// ParseFinancialYear parses "2020/21" (also "2020-21"). The two-digit end
// must follow the start year. The error names field and the value.
func ParseFinancialYear(field, s string) (FinancialYear, error) {
	bad := Invalid(field, "financial-year", s, "is not a financial year in the form YYYY/YY, such as 2020/21")
	if len(s) != 7 || (s[4] != '/' && s[4] != '-') {
		return 0, bad
	}
	start, err1 := strconv.Atoi(s[:4])
	end, err2 := strconv.Atoi(s[5:])
	if err1 != nil || err2 != nil || s[0] == '+' || s[0] == '-' || s[5] == '+' || s[5] == '-' {
		return 0, bad
	}
	if start < 1000 || (start+1)%100 != end {
		return 0, bad
	}
	return FinancialYear(start), nil
}

// Start returns 1 April of the year.
func (y FinancialYear) Start() Date { return Date{int(y), time.April, 1} }

// End returns 31 March of the following calendar year.
func (y FinancialYear) End() Date { return Date{int(y) + 1, time.March, 31} }

// Period returns the year as a Period.
func (y FinancialYear) Period() Period { return Period{From: y.Start(), To: y.End()} }

// Contains reports whether d falls within the year.
func (y FinancialYear) Contains(d Date) bool { return FinancialYearOf(d) == y }

// Next returns the following financial year.
func (y FinancialYear) Next() FinancialYear { return y + 1 }

// NoYear is how String and Label write the zero FinancialYear (no year
// given), so that a missing year never prints as "0000/01".
const NoYear = "(no year)"

// String formats the year as "2020/21", and the zero year as NoYear.
func (y FinancialYear) String() string {
	if y == 0 {
		return NoYear
	}
	return fmt.Sprintf("%04d/%02d", int(y), (int(y)+1)%100)
}

// Label formats the year as "2020-21", the style used in plan titles, and
// the zero year as NoYear.
func (y FinancialYear) Label() string {
	if y == 0 {
		return NoYear
	}
	return fmt.Sprintf("%04d-%02d", int(y), (int(y)+1)%100)
}

// MarshalJSON encodes the year as "2020/21", and the zero year (no year)
// as "".
func (y FinancialYear) MarshalJSON() ([]byte, error) {
	if y == 0 {
		return []byte(`""`), nil
	}
	return json.Marshal(y.String())
}

// UnmarshalJSON decodes "2020/21", or "" as the zero year.
func (y *FinancialYear) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return Invalid("", "financial-year", string(b), "is not a financial year string such as \"2020/21\"")
	}
	if s == "" {
		*y = 0
		return nil
	}
	v, err := ParseFinancialYear("", s)
	if err != nil {
		return err
	}
	*y = v
	return nil
}
