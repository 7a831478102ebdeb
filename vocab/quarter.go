package vocab

import (
	"strconv"
	"time"
)

// Quarter is a quarter of a financial year: 1 is April to June, 2 is July
// to September, 3 is October to December and 4 is January to March. In
// JSON a Quarter is the number 1, 2, 3 or 4; the zero Quarter is "no
// quarter" and is not valid.
type Quarter int

// QuarterOf returns the quarter of its financial year that d falls in.
func QuarterOf(d Date) Quarter {
	// April (4) is month 0 of the financial year.
	return Quarter((int(d.Month)+8)%12/3 + 1)
}

// Valid reports whether q is 1, 2, 3 or 4.
func (q Quarter) Valid() bool { return q >= 1 && q <= 4 }

// Check returns an error of kind ErrInvalid, naming field, when q is not
// 1, 2, 3 or 4.
func (q Quarter) Check(field string) error {
	if q.Valid() {
		return nil
	}
	return Invalid(field, "quarter", strconv.Itoa(int(q)), "is not a quarter of the financial year: use 1 (April to June), 2 (July to September), 3 (October to December) or 4 (January to March)")
}

// String formats q as "Q1" to "Q4", or as "Q?" followed by the number when
// q is not valid.
func (q Quarter) String() string {
	if !q.Valid() {
		return "Q?" + strconv.Itoa(int(q))
	}
	return "Q" + strconv.Itoa(int(q))
}

// Quarter returns the dates of quarter q of the year, first and last day
// included, or the zero Period when q is not valid.
func (y FinancialYear) Quarter(q Quarter) Period {
	if !q.Valid() {
		return Period{}
	}
	from := Date{int(y), time.April, 1}.AddMonths(3 * (int(q) - 1))
	return Period{From: from, To: from.AddMonths(3).AddDays(-1)}
}

// InQuarter returns, in their order, the items that quarterOf places in
// quarter q: the one filter behind the training and scrutiny plans' views
// of a quarter.
func InQuarter[T any](items []T, q Quarter, quarterOf func(*T) Quarter) []T {
	var out []T
	for i := range items {
		if quarterOf(&items[i]) == q {
			out = append(out, items[i])
		}
	}
	return out
}
