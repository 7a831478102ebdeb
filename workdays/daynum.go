package workdays

import (
	"time"

	"github.com/masa-go/masa/vocab"
)

// dayNumber returns the number of days from 1 January 1970 to d in the
// proleptic Gregorian calendar. It is exact for every valid vocab.Date and
// much cheaper than going through time.Time.
func dayNumber(d vocab.Date) int {
	y, m := d.Year, int(d.Month)
	if m <= 2 {
		y--
	}
	era := y / 400 // y >= 0 for every valid date
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d.Day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// dateOf is the inverse of dayNumber.
func dateOf(z int) vocab.Date {
	z += 719468
	era := z / 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if mp >= 10 {
		m = mp - 9
	}
	if m <= 2 {
		y++
	}
	return vocab.NewDate(y, time.Month(m), d)
}

// weekdayOf returns the day of the week of day number z (1 January 1970
// was a Thursday).
func weekdayOf(z int) time.Weekday {
	return time.Weekday((z%7 + 11) % 7)
}

// isWeekend reports whether day number z is a Saturday or a Sunday.
func isWeekend(z int) bool {
	w := weekdayOf(z)
	return w == time.Saturday || w == time.Sunday
}
