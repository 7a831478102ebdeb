package workdays

import (
	_ "embed"
	"sync"
	"time"

	"github.com/masa-go/masa/vocab"
)

// londonTZif is the Europe/London entry of the IANA time zone database in
// TZif form (3.6 KB). It is the fallback for machines and builds with no
// zone database, such as a scratch container or a WebAssembly client that
// did not link in time/tzdata: masa's dates are civil dates in England,
// and they must not change with the machine. A program that wants the
// newest zone rules links in time/tzdata (every masa program does) or
// keeps the machine's zone files up to date; both take precedence.
//
//go:embed data/europe-london.tzif
var londonTZif []byte

var london = sync.OnceValue(func() *time.Location {
	if loc, err := time.LoadLocation("Europe/London"); err == nil {
		return loc
	}
	loc, err := time.LoadLocationFromTZData("Europe/London", londonTZif)
	if err != nil {
		// The embedded data is checked by TestEmbeddedLondon; reaching
		// this means the binary was built from a damaged tree. UTC is
		// right for half the year and the error is not silent in tests.
		return time.FixedZone("Europe/London (zone data unreadable)", 0)
	}
	return loc
})

// London returns the Europe/London time zone: Greenwich Mean Time in
// winter and British Summer Time (one hour ahead) from 01:00 UTC on the
// last Sunday of March to 01:00 UTC on the last Sunday of October.
func London() *time.Location { return london() }

// DateInLondon returns the civil date in England of instant t, whatever
// t's own location and the machine's local zone: 23:30 UTC on 30 June 2020
// is 1 July 2020 in London.
func DateInLondon(t time.Time) vocab.Date { return vocab.DateIn(t, london()) }
