package board

import (
	"fmt"
	"strings"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
)

// This file writes every English sentence the package produces, from the
// records the other files compute.

// count formats n with a noun: "1 meeting", "2 meetings", "no meetings".
// The plural adds s unless plural is given.
func count(n int, noun string, plural ...string) string {
	many := noun + "s"
	if len(plural) > 0 {
		many = plural[0]
	}
	switch n {
	case 0:
		return "no " + many
	case 1:
		return "1 " + noun
	}
	return fmt.Sprintf("%d %s", n, many)
}

// Summary says in a sentence what the digest holds; for an empty period it
// says that no meetings are recorded.
func (d *Digest) Summary() string {
	if d.Empty() {
		return "No meetings are recorded for " + periodText(d.Period) + "."
	}
	var bodies []string
	n := map[string]int{}
	for _, m := range d.Meetings {
		if n[m.BodyName] == 0 {
			bodies = append(bodies, m.BodyName)
		}
		n[m.BodyName]++
	}
	parts := make([]string, len(bodies))
	for i, b := range bodies {
		parts[i] = fmt.Sprintf("%s (%d)", b, n[b])
	}
	decisions, actions := 0, 0
	for _, m := range d.Meetings {
		decisions += len(m.Decisions)
		actions += len(m.Actions)
	}
	return fmt.Sprintf("%s for %s: %s. They made %s, endorsed %s and set %s.",
		upperFirst(count(len(d.Meetings), "meeting")), periodText(d.Period), vocab.JoinAnd(parts),
		count(decisions, "decision"), count(len(d.Endorsed), "strategy", "strategies"), count(actions, "action"))
}

// periodText formats a period for a sentence.
func periodText(p vocab.Period) string {
	switch {
	case p.From.IsZero() && p.To.IsZero():
		return "all dates"
	case p.From.IsZero():
		return "the dates up to " + p.To.Long()
	case p.To.IsZero():
		return p.From.Long() + " onwards"
	}
	return p.From.Long() + " to " + p.To.Long()
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// Heading names the meeting: its body and date, such as "Executive Board,
// December 2018".
func (m *MeetingDigest) Heading() string { return m.BodyName + ", " + m.Held.Long() }

// ThemeText says what the meeting's theme was, or "" when it had none.
func (m *MeetingDigest) ThemeText() string {
	if m.Theme == "" {
		return ""
	}
	return "Theme: " + m.Theme + "."
}

// Line describes the action for the digest: what, who and by when.
func (a *DigestAction) Line() string {
	s := a.Text + " Owner: " + a.OwnerName
	if len(a.WithNames) > 0 {
		s += ", with " + vocab.JoinAnd(a.WithNames)
	}
	s += "; due by " + a.Due.Last().Long() + "."
	return s
}

// Line describes a logged action and its state on the log's date.
func (a *LoggedAction) Line() string {
	return fmt.Sprintf("%s: %s Owner: %s; due by %s; set by the %s, %s.", a.StateText(), a.Text, a.OwnerName, a.DueBy.Long(), a.BodyName, a.Held.Long())
}

// Summary says in a sentence how many actions are open, overdue and done.
func (l *ActionLog) Summary() string {
	if len(l.Actions) == 0 {
		return "No actions had been set by " + l.On.Long() + "."
	}
	return fmt.Sprintf("On %s: %s open, %s overdue and %s done.", l.On.Long(),
		count(l.Open, "action"), count(l.Overdue, "action"), count(l.Done, "action"))
}

// regimeText names a regime in a sentence.
func regimeText(r masa.Regime) string {
	switch r {
	case masa.RegimeLSCB:
		return "worked as a Local Safeguarding Children Board"
	case masa.RegimeMASA:
		return "worked under multi-agency safeguarding arrangements"
	}
	return "worked under the " + string(r) + " regime"
}

// Summary says what the board was on the date: the regime, the edition
// and its bodies, and the next transition milestone.
func (s *Structure) Summary() string {
	var b strings.Builder
	fmt.Fprintf(&b, "On %s the partnership %s (%s, in force %s), with %s.",
		s.On.Long(), regimeText(s.Regime), s.Name, periodText(s.Period), count(len(s.Bodies), "board or group", "boards and groups"))
	if len(s.Next) > 0 {
		fmt.Fprintf(&b, " Next in the transition, %s: %s", s.Next[0].When.Long(), s.Next[0].Text)
	}
	return b.String()
}

// KindText names a body's kind in a word or two.
func (b *Body) KindText() string {
	switch b.Kind {
	case KindBoard:
		return "board"
	case KindAssembly:
		return "assembly"
	case KindLocalGroup:
		return "local group"
	case KindSubCommittee:
		return "sub-committee"
	case KindForum:
		return "forum"
	case KindJointGroup:
		return "joint group"
	}
	return string(b.Kind)
}

// Notes says what the structure records about a body beyond its name:
// statutory, joint, linked groups, membership and count.
func (b *Body) Notes() string {
	var extra []string
	if b.Count > 1 {
		extra = append(extra, fmt.Sprintf("%d groups", b.Count))
	}
	extra = append(extra, b.notes()...)
	return upperFirst(strings.Join(extra, "; "))
}

func (b *Body) notes() []string {
	var extra []string
	if b.Statutory {
		extra = append(extra, "statutory")
	}
	if b.JointWith != "" {
		extra = append(extra, "joint with the "+b.JointWith)
	}
	if len(b.Linked) > 0 {
		extra = append(extra, "beside the "+vocab.JoinAnd(b.Linked))
	}
	if b.Membership != "" {
		extra = append(extra, b.Membership)
	}
	return extra
}

// toComeText marks a milestone still to come on the structure's date.
func toComeText(s string) string { return "(Still to come) " + s }

// Line describes a body of a structure: its name, kind and links.
func (b *Body) Line() string {
	extra := b.notes()
	name := b.Name
	if b.Count > 1 {
		name = fmt.Sprintf("%s (%d)", name, b.Count)
	}
	if len(extra) == 0 {
		return name
	}
	return name + ": " + strings.Join(extra, "; ")
}

// ProgressText names a priority's progress in a phrase.
func (t *PriorityTouch) ProgressText() string {
	if t.Progress == "" {
		return "not assessed"
	}
	return string(t.Progress)
}

// listSep is the text after item i of n in a sentence list whose items
// hold commas of their own (meeting headings): "; ", "; and " or ".".
func listSep(i, n int) string {
	switch {
	case i == n-1:
		return "."
	case i == n-2 && n == 2:
		return " and "
	case i == n-2:
		return "; and "
	}
	return "; "
}

// endorsedText says which strategies a period's meetings endorsed.
func endorsedText(names []string) string {
	return "Strategies endorsed: " + vocab.JoinAnd(names) + "."
}

// OwnerText names the action's owner and those who share the work.
func (a *DigestAction) OwnerText() string {
	if len(a.WithNames) == 0 {
		return a.OwnerName
	}
	return a.OwnerName + ", with " + vocab.JoinAnd(a.WithNames)
}

// StateText says where a logged action stands: "Done (June 2019)",
// "Overdue by 11 working days" or "Open, 20 working days left".
func (a *LoggedAction) StateText() string {
	var s string
	switch a.State {
	case StateDone:
		s = "Done (" + a.Done.Long() + ")"
	case StateOverdue:
		s = "Overdue by " + count(a.WorkingDaysOverdue, "working day")
	default:
		if a.WorkingDaysLeft == 0 {
			s = "Open, due now"
		} else {
			s = "Open, " + count(a.WorkingDaysLeft, "working day") + " left"
		}
	}
	if a.Provisional {
		s += " (provisional: a year's bank holidays are not yet announced)"
	}
	return s
}

// sourceText names the record a meeting's facts come from.
func sourceText(c *vocab.Citation) string { return "Source: " + c.String() + "." }

// prioritiesText introduces the priorities a period's meetings took up.
func prioritiesText(n int) string {
	return "The meetings took up " + count(n, "business-plan priority", "business-plan priorities") + ". Progress is as the plan records it; a priority whose progress has not been assessed says so."
}

// Counts says in a phrase how much the meeting covered: "3 items, 2
// decisions, no strategies endorsed and no actions".
func (m *MeetingDigest) Counts() string {
	return count(len(m.Items), "item") + ", " + count(len(m.Decisions), "decision") + ", " +
		count(len(m.Endorsed), "strategy", "strategies") + " endorsed and " + count(len(m.Actions), "action")
}
