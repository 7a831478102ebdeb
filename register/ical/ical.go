// Package ical writes the register's calendar feed as iCalendar (RFC
// 5545): one all-day event for the due date of each step not yet done,
// with the step's owner and the rule in words, so that a business manager
// can subscribe from a calendar program such as Outlook.
package ical

import (
	"bytes"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/masa-go/masa/register"
	"github.com/masa-go/masa/vocab"
)

// Event is one all-day calendar event.
type Event struct {
	// UID identifies the event across refreshes of the feed, so that a
	// calendar program updates it instead of adding another.
	UID         string
	Date        vocab.Date
	Summary     string
	Description string
	Categories  []string
}

// Domain ends every UID, as RFC 5545 section 3.8.4.7 recommends.
const Domain = "register.masa"

// FromAgenda returns one event for each step of agenda a: the summary
// says the step and the case, the description who owns it, how its due
// date is worked out and where the rule comes from.
func FromAgenda(a *register.Agenda) []Event {
	out := make([]Event, 0, len(a.Steps))
	for _, s := range a.Steps {
		summary := s.Name + " due, case " + s.Ref
		if s.Overdue {
			summary = "OVERDUE: " + summary
		}
		var desc strings.Builder
		desc.WriteString("Case " + s.Ref + ": " + s.Name + ".\n")
		desc.WriteString("Owner: " + s.Owner.String() + ".\n")
		if s.DueRule != "" {
			desc.WriteString("Due: " + s.DueRule + ".\n")
		}
		if s.State == "waiting" {
			desc.WriteString("It waits on an earlier step, but its clock is running.\n")
		}
		if c := s.Citation.String(); c != "" {
			desc.WriteString("Rule: " + c + ".")
		}
		out = append(out, Event{
			UID:         s.Ref + "/" + string(s.Step) + "@" + Domain,
			Date:        s.Due,
			Summary:     summary,
			Description: strings.TrimSuffix(desc.String(), "\n"),
			Categories:  []string{string(s.Stage)},
		})
	}
	return out
}

// Write returns the calendar named name holding events, stamped with
// stamp (DTSTAMP: when the feed was made). Lines end in CRLF and are
// folded at 75 octets; text is escaped as RFC 5545 section 3.3.11 says.
// The same events and stamp always give the same bytes.
func Write(name string, stamp time.Time, events []Event) []byte {
	var b bytes.Buffer
	line := func(s string) { fold(&b, s) }
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//masa//register//EN")
	line("CALSCALE:GREGORIAN")
	line("METHOD:PUBLISH")
	line("X-WR-CALNAME:" + text(name))
	ts := stamp.UTC().Format("20060102T150405Z")
	for _, e := range events {
		line("BEGIN:VEVENT")
		line("UID:" + text(e.UID))
		line("DTSTAMP:" + ts)
		line("DTSTART;VALUE=DATE:" + day(e.Date))
		line("DTEND;VALUE=DATE:" + day(e.Date.AddDays(1)))
		line("SUMMARY:" + text(e.Summary))
		if e.Description != "" {
			line("DESCRIPTION:" + text(e.Description))
		}
		if len(e.Categories) > 0 {
			cats := make([]string, len(e.Categories))
			for i, c := range e.Categories {
				cats[i] = text(c)
			}
			line("CATEGORIES:" + strings.Join(cats, ","))
		}
		line("TRANSP:TRANSPARENT")
		line("END:VEVENT")
	}
	line("END:VCALENDAR")
	return b.Bytes()
}

func day(d vocab.Date) string { return strings.ReplaceAll(d.String(), "-", "") }

// text escapes a TEXT value: backslash, semicolon, comma and newline.
// Other control characters are dropped.
func text(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\' || r == ';' || r == ',':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r < 0x20 || r == 0x7f:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// fold writes content line s, folded so that no line is longer than 75
// octets, never inside a UTF-8 sequence, each ending in CRLF.
func fold(b *bytes.Buffer, s string) {
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		b.WriteString(s[:cut])
		b.WriteString("\r\n ")
		s = s[cut:]
		limit = 74 // the leading space counts
	}
	b.WriteString(s)
	b.WriteString("\r\n")
}
