package workdays

import (
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/masa-go/masa/vocab"
)

// Kind says why a bank holiday falls where it does.
type Kind string

// The kinds of bank holiday.
const (
	// KindRegular is a bank holiday on its usual date. It is the zero
	// Kind, written as an absent "kind" in JSON.
	KindRegular Kind = ""
	// KindSubstitute is a substitute day for a bank holiday that fell on
	// a weekend.
	KindSubstitute Kind = "substitute"
	// KindMoved is a regular bank holiday moved to another date for a
	// year, such as the early May bank holiday on 8 May 2020.
	KindMoved Kind = "moved"
	// KindOneOff is an extra bank holiday proclaimed for one year only,
	// such as the Platinum Jubilee on 3 June 2022.
	KindOneOff Kind = "one-off"
)

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool {
	return k == KindRegular || k == KindSubstitute || k == KindMoved || k == KindOneOff
}

// Holiday is one bank holiday.
type Holiday struct {
	// Date is the day on which the holiday is taken.
	Date vocab.Date `json:"date"`
	// Name is the holiday's name, such as "Boxing Day (substitute day)".
	Name string `json:"name"`
	// Kind says whether the holiday is regular, a substitute day, moved
	// or a one-off.
	Kind Kind `json:"kind,omitempty"`
}

// MaxNameLength is the longest holiday name a File may give.
const MaxNameLength = 200

// File is a list of bank holidays to add to a calendar, in Go or as JSON:
//
//	{
//	  "years": [2028],
//	  "holidays": [{"date": "2028-01-03", "name": "New Year's Day (substitute day)", "kind": "substitute"}],
//	  "cancelled": ["2027-05-03"]
//	}
//
// Years lists the years whose bank holidays the file gives in full: once
// added, the calendar covers them. Holidays may also fall in years the
// calendar already covers, for a one-off day announced later. Cancelled
// removes days that the calendar lists but that are no longer bank
// holidays, such as a regular holiday moved to another date.
type File struct {
	Years     []int        `json:"years,omitempty"`
	Holidays  []Holiday    `json:"holidays"`
	Cancelled []vocab.Date `json:"cancelled,omitempty"`
}

// Calendar is a table of bank holidays over a set of covered years, and
// optionally a standing [Pattern] that gives the bank holidays of any
// later year provisionally. A Calendar never changes once made, so one
// value may be shared by any number of goroutines; [Calendar.Extend]
// returns a new Calendar.
type Calendar struct {
	holidays map[int]Holiday // by day number
	years    []int           // covered years, ascending
	base     int             // day number of 1 January of years[0]
	span     int             // number of days from base to 31 December of the last year
	closed   []uint64        // bit i: day base+i is a weekend or a bank holiday
	known    []uint64        // bit i: day base+i is in a covered year
	pattern  *Pattern        // gives the provisional years, or nil
}

// englandAndWalesJSON holds the years whose bank holidays have been
// announced, and the announced departures from the standing pattern in
// them: the days moved and the one-off days.
//
//go:embed data/england-and-wales.json
var englandAndWalesJSON []byte

var englandAndWales = sync.OnceValue(func() *Calendar {
	f, err := Parse(englandAndWalesJSON)
	if err == nil {
		var c *Calendar
		if c, err = FromPattern(EnglandAndWalesPattern(), f); err == nil {
			return c
		}
	}
	// The embedded table is checked by the package's tests.
	panic(fmt.Sprintf("workdays: embedded bank holidays: %v", err))
})

// EnglandAndWales returns the bank holidays of England and Wales. The
// years 2018 to 2027, whose bank holidays have been announced, are
// covered: each is the standing pattern ([EnglandAndWalesPattern]) with
// the announced changes applied, the early May bank holiday moved to 8 May
// 2020 for VE Day, the spring bank holiday moved to 2 June 2022 with the
// Platinum Jubilee on 3 June, the State Funeral of Queen Elizabeth II on
// 19 September 2022 and the coronation of King Charles III on 8 May 2023.
// A test checks every covered year against the announced lists.
//
// Any later year is provisional: its bank holidays are the standing
// pattern's, which a proclamation may yet change. Arithmetic over such a
// year works, and [Calendar.Provisional] says that it did. Extending the
// calendar with a year's announced bank holidays makes that year covered.
//
// The same Calendar is returned on every call; it cannot be changed.
func EnglandAndWales() *Calendar { return englandAndWales() }

// EnglandAndWalesJSON returns the covered years of EnglandAndWales as a
// File in JSON, every bank holiday listed, a model for files that extend
// it.
func EnglandAndWalesJSON() []byte {
	b, err := vocab.EncodeJSON(EnglandAndWales().File())
	if err != nil {
		// A File of valid dates and strings always encodes.
		panic(fmt.Sprintf("workdays: encoding the embedded calendar: %v", err))
	}
	return b
}

// Parse decodes a File from JSON strictly (unknown fields, wrong types and
// malformed dates are errors naming the JSON path, see vocab.DecodeJSON).
// It checks the form only; [Calendar.Extend] checks the content.
func Parse(data []byte) (File, error) {
	var f File
	if err := vocab.DecodeJSON(data, &f); err != nil {
		return File{}, fmt.Errorf("workdays: bank holiday file: %w", err)
	}
	return f, nil
}

// Read reads at most vocab.MaxDocumentBytes from r and parses them.
func Read(r io.Reader) (File, error) { return vocab.ReadWith(r, Parse) }

// Load reads and parses the bank holiday file at path.
func Load(path string) (File, error) { return vocab.LoadWith(path, Parse) }

// New returns a calendar holding exactly the holidays of f and covering
// exactly f's years. It has no pattern, so it has no provisional years.
func New(f File) (*Calendar, error) { return (&Calendar{}).Extend(f) }

// FromPattern returns a calendar that covers f's years with the bank
// holidays that p gives for each, f's cancelled days removed and f's
// holidays added: f lists only the departures from the pattern. Years
// after p.From that f does not cover are provisional, computed from p.
func FromPattern(p Pattern, f File) (*Calendar, error) {
	if err := p.check(); err != nil {
		return nil, err
	}
	base := File{Years: f.Years}
	for _, y := range f.Years {
		if y >= 1 && y <= 9999 {
			base.Holidays = append(base.Holidays, p.Year(y)...)
		}
	}
	c, err := (&Calendar{pattern: &p}).Extend(base)
	if err != nil {
		return nil, err
	}
	return c.Extend(File{Holidays: f.Holidays, Cancelled: f.Cancelled})
}

// ExtendFile reads the JSON file at path and returns c extended with it.
func (c *Calendar) ExtendFile(path string) (*Calendar, error) {
	f, err := Load(path)
	if err != nil {
		return nil, err
	}
	out, err := c.Extend(f)
	if err != nil {
		return nil, fmt.Errorf("%w (in %s)", err, path)
	}
	return out, nil
}

// Add returns a new calendar with holidays hs added to c, in years c
// already covers, such as a one-off bank holiday announced for a coming
// year. It is Extend(File{Holidays: hs}).
func (c *Calendar) Add(hs ...Holiday) (*Calendar, error) {
	return c.Extend(File{Holidays: hs})
}

// Extend returns a new calendar: c with f's years covered, f's holidays
// added and f's cancelled days removed. c itself is unchanged.
//
// Every problem in f is reported at once as vocab.Problems, each naming
// the field ("holidays[2].date") and the value: a year outside 1 to 9999
// or already covered, a holiday without a name, on a Saturday or Sunday,
// in a year that neither c nor f covers, or on a day that is already a
// bank holiday, and a cancelled day that is not a bank holiday.
func (c *Calendar) Extend(f File) (*Calendar, error) {
	var ps vocab.Problems
	covered := map[int]bool{}
	for _, y := range c.years {
		covered[y] = true
	}
	for i, y := range f.Years {
		field := fmt.Sprintf("years[%d]", i)
		switch {
		case y < 1 || y > 9999:
			ps.Add(vocab.Invalid(field, "year", strconv.Itoa(y), "is not a year between 1 and 9999"))
		case covered[y]:
			ps.Add(vocab.Conflict(field, "unique", strconv.Itoa(y), "is already covered by the calendar or listed twice"))
		default:
			covered[y] = true
		}
	}

	days := make(map[int]Holiday, len(c.holidays)+len(f.Holidays))
	for z, h := range c.holidays {
		days[z] = h
	}
	for i, z := range f.Cancelled {
		field := fmt.Sprintf("cancelled[%d]", i)
		if !z.Valid() {
			ps.Add(vocab.Invalid(field, "date", z.String(), "is not a date"))
			continue
		}
		n := dayNumber(z)
		if _, ok := days[n]; !ok {
			ps.Add(vocab.NotFound(field, z.String(), "is not a bank holiday in the calendar, so it cannot be cancelled"))
			continue
		}
		delete(days, n)
	}
	added := map[int]int{}
	for i, h := range f.Holidays {
		field := fmt.Sprintf("holidays[%d]", i)
		if p := checkHoliday(field, h, covered); p != nil {
			ps.Add(p)
			continue
		}
		n := dayNumber(h.Date)
		if j, dup := added[n]; dup {
			ps.Add(vocab.Conflict(field+".date", "unique", h.Date.String(), fmt.Sprintf("repeats holidays[%d]", j)))
			continue
		}
		if old, exists := days[n]; exists {
			ps.Add(vocab.Conflict(field+".date", "unique", h.Date.String(), "is already a bank holiday ("+old.Name+"); cancel it first to rename it"))
			continue
		}
		added[n] = i
		days[n] = h
	}
	if err := ps.Err(); err != nil {
		return nil, fmt.Errorf("workdays: %w", err)
	}
	years := make([]int, 0, len(covered))
	for y := range covered {
		years = append(years, y)
	}
	slices.Sort(years)
	return build(days, years, c.pattern), nil
}

func checkHoliday(field string, h Holiday, covered map[int]bool) *vocab.FieldError {
	switch {
	case h.Date.IsZero():
		return vocab.Invalid(field+".date", "required", "", "is required")
	case !h.Date.Valid():
		return vocab.Invalid(field+".date", "date", h.Date.String(), "is not a real calendar date")
	case h.Name == "":
		return vocab.Invalid(field+".name", "required", "", "is required: give the holiday's name")
	case len(h.Name) > MaxNameLength:
		return vocab.Invalid(field+".name", "max-length", strings.ToValidUTF8(h.Name[:MaxNameLength], ""), "is longer than "+strconv.Itoa(MaxNameLength)+" bytes")
	case vocab.ScreenText(field+".name", h.Name) != nil:
		return vocab.ScreenText(field+".name", h.Name)
	case !h.Kind.Valid():
		return vocab.Invalid(field+".kind", "kind", string(h.Kind), `is not a kind of bank holiday ("substitute", "moved", "one-off", or absent for a regular holiday)`)
	case isWeekend(dayNumber(h.Date)):
		return vocab.Invalid(field+".date", "weekday", h.Date.String(), "falls on a "+h.Date.Weekday().String()+"; bank holidays are taken on weekdays (a holiday that falls on a weekend has a substitute day)")
	case !covered[h.Date.Year]:
		y := strconv.Itoa(h.Date.Year)
		return vocab.Invalid(field+".date", "covered-year", h.Date.String(), "is in "+y+", a year the calendar does not cover; list "+y+" under years and give all of its bank holidays")
	}
	return nil
}

// build makes the lookup tables for holidays over the covered years.
func build(days map[int]Holiday, years []int, p *Pattern) *Calendar {
	c := &Calendar{holidays: days, years: years, pattern: p}
	if len(years) == 0 {
		return c
	}
	first, last := years[0], years[len(years)-1]
	c.base = dayNumber(vocab.NewDate(first, 1, 1))
	c.span = dayNumber(vocab.NewDate(last, 12, 31)) - c.base + 1
	words := (c.span + 63) / 64
	c.closed = make([]uint64, words)
	c.known = make([]uint64, words)
	for _, y := range years {
		from := dayNumber(vocab.NewDate(y, 1, 1))
		to := dayNumber(vocab.NewDate(y, 12, 31))
		for z := from; z <= to; z++ {
			i := z - c.base
			c.known[i/64] |= 1 << (i % 64)
			if isWeekend(z) {
				c.closed[i/64] |= 1 << (i % 64)
			}
		}
	}
	for z := range days {
		i := z - c.base
		c.closed[i/64] |= 1 << (i % 64)
	}
	return c
}

// Years returns the covered years in ascending order.
func (c *Calendar) Years() []int { return slices.Clone(c.years) }

// Covers reports whether the calendar covers year y.
func (c *Calendar) Covers(y int) bool {
	_, ok := slices.BinarySearch(c.years, y)
	return ok
}

// Holidays returns the bank holidays of year y in date order. For a
// provisional year they are the pattern's; for a year the calendar
// neither covers nor can compute, Holidays returns nil.
func (c *Calendar) Holidays(y int) []Holiday {
	if c.provisionalYear(y) {
		return c.pattern.Year(y)
	}
	var out []Holiday
	for _, h := range c.holidays {
		if h.Date.Year == y {
			out = append(out, h)
		}
	}
	slices.SortFunc(out, func(a, b Holiday) int { return a.Date.Compare(b.Date) })
	return out
}

// Holiday returns the bank holiday on d, if d is one.
func (c *Calendar) Holiday(d vocab.Date) (Holiday, bool) {
	if !d.Valid() {
		return Holiday{}, false
	}
	if c.provisionalYear(d.Year) {
		for _, h := range c.pattern.Year(d.Year) {
			if h.Date == d {
				return h, true
			}
		}
		return Holiday{}, false
	}
	h, ok := c.holidays[dayNumber(d)]
	return h, ok
}

// Pattern returns the standing pattern that gives the calendar's
// provisional years, if it has one.
func (c *Calendar) Pattern() (Pattern, bool) {
	if c.pattern == nil {
		return Pattern{}, false
	}
	return *c.pattern, true
}

// Provisional reports whether any day from one date to the other, in
// either order, lies in a provisional year: a year the calendar does not
// cover, whose bank holidays come from its standing pattern. A deadline
// counted over such a day may move when the year's bank holidays are
// announced.
func (c *Calendar) Provisional(from, to vocab.Date) bool {
	a, b := from.Year, to.Year
	if b < a {
		a, b = b, a
	}
	for y := a; y <= b; y++ {
		if c.provisionalYear(y) {
			return true
		}
	}
	return false
}

// provisionalYear reports whether year y is computed from the pattern.
func (c *Calendar) provisionalYear(y int) bool {
	return c.pattern != nil && y >= c.pattern.From && y <= 9999 && !c.Covers(y)
}

// File returns the calendar's contents as a File, holidays in date order:
// New(c.File()) is a calendar equal to c.
func (c *Calendar) File() File {
	f := File{Years: c.Years()}
	for _, y := range c.years {
		f.Holidays = append(f.Holidays, c.Holidays(y)...)
	}
	return f
}
