package workdays

import (
	"fmt"
	"math/bits"
	"slices"
	"strconv"

	"github.com/masa-go/masa/vocab"
)

// covered reports whether day number z is in a covered year.
func (c *Calendar) covered(z int) bool {
	i := z - c.base
	return i >= 0 && i < c.span && c.known[i/64]&(1<<(i%64)) != 0
}

// working reports whether day number z, which must be covered, is a
// working day.
func (c *Calendar) working(z int) bool {
	i := z - c.base
	return c.closed[i/64]&(1<<(i%64)) == 0
}

// check returns the day number of d, or an error when d is not a real
// date or lies in a year the calendar neither covers nor can compute.
func (c *Calendar) check(d vocab.Date) (int, error) {
	if !d.Valid() {
		return 0, fmt.Errorf("workdays: %w", vocab.Invalid("date", "date", d.String(), "is not a real calendar date"))
	}
	z := dayNumber(d)
	if !c.covered(z) && !c.provisionalYear(d.Year) {
		return 0, c.uncovered(z)
	}
	return z, nil
}

// cursor answers whether days are open, day by day, for counts that leave
// the covered years. It remembers the last provisional year it computed,
// so a count that runs through a year computes it once.
type cursor struct {
	c        *Calendar
	year     int // the provisional year in closed, or 0
	from, to int // day numbers of 1 January and 31 December of year
	closed   []int
}

// open reports whether day z is a working day, or an error when z is in a
// year the calendar neither covers nor can compute.
func (k *cursor) open(z int) (bool, error) {
	if k.c.covered(z) {
		return k.c.working(z), nil
	}
	if k.year == 0 || z < k.from || z > k.to {
		y := dateOf(z).Year
		if z < dayNumber(vocab.NewDate(1, 1, 1)) || !k.c.provisionalYear(y) {
			return false, k.c.uncovered(z)
		}
		k.year = y
		k.from, k.to = dayNumber(vocab.NewDate(y, 1, 1)), dayNumber(vocab.NewDate(y, 12, 31))
		k.closed = k.closed[:0]
		for _, h := range k.c.pattern.Year(y) {
			k.closed = append(k.closed, dayNumber(h.Date))
		}
	}
	if isWeekend(z) {
		return false, nil
	}
	return !slices.Contains(k.closed, z), nil
}

// uncovered returns the error for arithmetic that needs day z.
func (c *Calendar) uncovered(z int) error {
	d := dateOf(z)
	y := strconv.Itoa(d.Year)
	have := "no years"
	if n := len(c.years); n > 0 {
		have = strconv.Itoa(c.years[0]) + " to " + strconv.Itoa(c.years[n-1])
		if n != c.years[n-1]-c.years[0]+1 {
			have = "some of the years " + have
		}
	}
	if c.pattern != nil {
		have += ", and later years provisionally from its standing pattern"
	}
	return fmt.Errorf("workdays: %w", &vocab.FieldError{
		Field: "date", Rule: "covered-year", Value: d.String(), Kind: vocab.ErrNotFound,
		Message: "needs the bank holidays of " + y + ", which the calendar does not have (it covers " + have + "); extend it with the year's bank holidays",
	})
}

// IsWorkingDay reports whether d is a working day: not a Saturday, a
// Sunday or a bank holiday. It is an error when d's year is not covered.
func (c *Calendar) IsWorkingDay(d vocab.Date) (bool, error) {
	z, err := c.check(d)
	if err != nil {
		return false, err
	}
	k := cursor{c: c}
	return k.open(z)
}

// AddWorkingDays returns the nth working day after d, counting d itself as
// day 0 whatever kind of day it is. A deadline "within n working days" of
// d is AddWorkingDays(d, n): the last day on which the thing is on time.
//
// A negative n counts backwards: AddWorkingDays(d, -n) is the nth working
// day before d, the last day on which something due "at least n working
// days before d" is on time. AddWorkingDays(d, 0) is d.
//
// It is an error when d is not a real date or when the count needs a day
// in a year the calendar does not cover.
func (c *Calendar) AddWorkingDays(d vocab.Date, n int) (vocab.Date, error) {
	z, err := c.check(d)
	if err != nil {
		return vocab.Date{}, err
	}
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	k := cursor{c: c}
	for n > 0 {
		z += step
		if c.covered(z) {
			if c.working(z) {
				n--
			}
			continue
		}
		open, err := k.open(z)
		if err != nil {
			return vocab.Date{}, err
		}
		if open {
			n--
		}
	}
	return dateOf(z), nil
}

// WorkingDaysBetween returns the number of working days after from up to
// and including to: the n for which to is the nth working day after from.
// When to is before from the count is negative: minus the number of
// working days from to up to but not including from. Both dates, and every
// day between them, must be in covered years.
//
// For any d and any working day e, AddWorkingDays(d,
// WorkingDaysBetween(d, e)) is e.
func (c *Calendar) WorkingDaysBetween(from, to vocab.Date) (int, error) {
	a, err := c.check(from)
	if err != nil {
		return 0, err
	}
	b, err := c.check(to)
	if err != nil {
		return 0, err
	}
	sign := 1
	if b < a {
		// Count the working days in [to, from) and negate.
		a, b, sign = b-1, a-1, -1
	}
	if b == a {
		return 0, nil
	}
	// Count bits over the days a+1 to b, a word at a time: every day must
	// be covered, and the working days are the covered days not closed.
	lo, hi := a+1-c.base, b-c.base
	if lo < 0 || hi >= c.span {
		return c.countSlowly(a+1, b, sign)
	}
	known, closed := 0, 0
	for w := lo / 64; w <= hi/64; w++ {
		mask := ^uint64(0)
		if w == lo/64 {
			mask &= ^uint64(0) << (lo % 64)
		}
		if w == hi/64 {
			mask &= ^uint64(0) >> (63 - hi%64)
		}
		known += bits.OnesCount64(c.known[w] & mask)
		closed += bits.OnesCount64(c.closed[w] & mask)
	}
	if known != hi-lo+1 {
		return c.countSlowly(a+1, b, sign)
	}
	return sign * (known - closed), nil
}

// countSlowly counts the working days from day a to day b, one at a time,
// for a span that leaves the covered years.
func (c *Calendar) countSlowly(a, b, sign int) (int, error) {
	k := cursor{c: c}
	n := 0
	for z := a; z <= b; z++ {
		open, err := k.open(z)
		if err != nil {
			return 0, err
		}
		if open {
			n++
		}
	}
	return sign * n, nil
}
