package workdays

import (
	"fmt"
	"sync"
	"time"
	_ "time/tzdata" // the zone database, for machines without zone files

	"github.com/masa-go/masa/vocab"
)

var london = sync.OnceValue(func() *time.Location {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		// time/tzdata is linked in, so this cannot fail.
		panic(fmt.Sprintf("workdays: loading Europe/London: %v", err))
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
