package ical_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/masa-go/masa/board"
	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/register/ical"
	"github.com/masa-go/masa/vocab"
	"github.com/masa-go/masa/workdays"
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

func TestFromBoardParses(t *testing.T) {
	b, err := board.Parse(board.EssexJSON())
	require.NoError(t, err)
	// The Essex log gives months only; give the first meeting its day.
	monthOnly := len(b.Meetings)
	b.Meetings[0].Held = board.On(b.Meetings[0].Held.First().AddDays(9))
	bd, err := board.Bind(masa.Essex(), b)
	require.NoError(t, err)
	events, err := ical.FromBoard(bd, workdays.EnglandAndWales(), vocab.MustDate("2019-01-15"))
	require.NoError(t, err)
	meetings, actions := 0, 0
	for _, e := range events {
		switch e.Categories[0] {
		case "meeting":
			meetings++
		case "board-action":
			actions++
			assert.Contains(t, e.Description, "Owner: ")
		}
	}
	assert.Equal(t, 1, meetings, "a meeting known only by its month is left out (%d of them)", monthOnly-1)
	cal := parse(t, ical.Write("ESCB", time.Date(2019, 1, 15, 9, 0, 0, 0, time.UTC), events))
	require.Len(t, cal.Events(), len(events))
	for i, e := range cal.Events() {
		start, err := e.GetAllDayStartAt()
		require.NoError(t, err)
		assert.Equal(t, events[i].Date.String(), start.Format("2006-01-02"))
		assert.True(t, strings.HasPrefix(e.GetProperty(ics.ComponentPropertySummary).Value, events[i].Summary[:8]))
	}
	t.Logf("%d meetings, %d actions pending", meetings, actions)
}
