package ical_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/masa-go/masa/register/ical"
	"github.com/masa-go/masa/vocab"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// parse reads a feed with a real iCalendar parser.
func parse(t *testing.T, feed []byte) *ics.Calendar {
	t.Helper()
	cal, err := ics.ParseCalendar(bytes.NewReader(feed))
	require.NoError(t, err)
	return cal
}

func TestWriteParses(t *testing.T) {
	long := strings.Repeat("Safeguarding partners’ rapid review; ", 6) // multi-byte runes across the fold
	events := []ical.Event{
		{UID: "ESCB-2020-07/rapid-review@register.masa", Date: vocab.MustDate("2020-11-26"),
			Summary: "Rapid review due, case ESCB-2020-07", Description: "Owner: the partners, police; health.\nDue: 15 working days\\after.\n" + long,
			Categories: []string{"rapid-review", "a,b"}},
		{UID: "X/y@register.masa", Date: vocab.MustDate("2020-12-31"), Summary: "New Year's Eve\x07 step"},
	}
	stamp := time.Date(2020, 11, 6, 9, 30, 0, 0, time.UTC)
	feed := ical.Write("ESCB register", stamp, events)
	for _, l := range strings.SplitAfter(string(feed), "\r\n") {
		assert.LessOrEqual(t, len(l), 77, "line %q is longer than 75 octets", l)
	}
	assert.True(t, bytes.HasSuffix(feed, []byte("END:VCALENDAR\r\n")))
	assert.Equal(t, feed, ical.Write("ESCB register", stamp, events), "the same input gives the same bytes")

	cal := parse(t, feed)
	got := cal.Events()
	require.Len(t, got, 2)
	for i, e := range got {
		assert.Equal(t, events[i].UID, e.Id())
		start, err := e.GetAllDayStartAt()
		require.NoError(t, err)
		assert.Equal(t, events[i].Date.String(), start.Format("2006-01-02"))
		end, err := e.GetAllDayEndAt()
		require.NoError(t, err)
		assert.Equal(t, events[i].Date.AddDays(1).String(), end.Format("2006-01-02"))
		stampGot, err := e.GetDtStampTime()
		require.NoError(t, err)
		assert.True(t, stamp.Equal(stampGot))
	}
	assert.Equal(t, events[0].Summary, got[0].GetProperty(ics.ComponentPropertySummary).Value)
	assert.Equal(t, events[0].Description, got[0].GetProperty(ics.ComponentPropertyDescription).Value)
	assert.Equal(t, "New Year's Eve step", got[1].GetProperty(ics.ComponentPropertySummary).Value, "control characters are dropped")
}
