package board

import (
	"strconv"

	"github.com/masa-go/masa/document"
	"github.com/masa-go/masa/vocab"
)

// Publish lays a digest out as a document.Document, which package
// document/pdf prints and document/html publishes as accessible HTML: a
// summary with a cross-reference to each meeting, a part for each
// meeting (theme, items, decisions, strategies endorsed, actions and the
// source), the action log when log is given and holds actions, and the
// business-plan priorities the period's meetings took up; when s is given,
// an appendix shows the board on s's date (its bodies) and the transition
// timeline. A digest of a period with no meetings has a summary saying so
// and no meeting parts. on is the document's date.
//
// The digest and the log stay the computed records; Publish only places
// the sentences written in explain.go.
func Publish(dg *Digest, log *ActionLog, s *Structure, on vocab.Date) *document.Document {
	title := "Key messages"
	d := &document.Document{
		Meta: document.Meta{
			Title:    dg.Partnership + ": " + title + ", " + periodText(dg.Period),
			Author:   dg.Partnership,
			Subject:  "Key messages from the meetings of " + dg.Partnership + ", " + periodText(dg.Period),
			Keywords: []string{"safeguarding", "key messages", "board meetings"},
			Language: "en-GB",
			Date:     on,
		},
		Cover: document.Cover{Partnership: dg.Partnership, Title: title,
			Status: "Meetings of " + periodText(dg.Period), Notes: []string{"Prepared " + on.Long() + "."}},
	}
	d.Sections = append(d.Sections, summarySection(dg))
	for i := range dg.Meetings {
		d.Sections = append(d.Sections, meetingSection(&dg.Meetings[i]))
	}
	if log != nil && len(log.Actions) > 0 {
		d.Sections = append(d.Sections, actionSection(log))
	}
	if len(dg.Priorities) > 0 {
		d.Sections = append(d.Sections, prioritySection(dg))
	}
	for i := range d.Sections {
		d.Sections[i].Number = strconv.Itoa(i + 1)
	}
	if s != nil {
		d.Appendix = append(d.Appendix, structureSection(s))
		if len(s.Passed)+len(s.Next) > 0 {
			d.Appendix = append(d.Appendix, transitionSection(s))
		}
		for i := range d.Appendix {
			d.Appendix[i].Number = string(rune('A' + i))
		}
	}
	return d
}

func structureSection(s *Structure) document.Section {
	sec := document.Section{ID: "structure", Title: "The board on " + s.On.Long(), Blocks: []document.Block{text(s.Summary())}}
	t := &document.Table{ID: "structure-bodies", Caption: "Boards and groups of the edition in force on " + s.On.Long(),
		Columns: []document.Column{{Header: "Board or group", Width: 3}, {Header: "Kind", Width: 1.5}, {Header: "Notes", Width: 4}}}
	for i := range s.Bodies {
		b := &s.Bodies[i]
		t.Rows = append(t.Rows, []string{b.Name, b.KindText(), b.Notes()})
	}
	sec.Blocks = append(sec.Blocks, t)
	if s.Source != nil {
		sec.Blocks = append(sec.Blocks, &document.Note{Kind: document.NoteInfo, Spans: []document.Span{{Text: sourceText(s.Source)}}})
	}
	return sec
}

func transitionSection(s *Structure) document.Section {
	sec := document.Section{ID: "transition", Title: "The transition"}
	t := &document.Table{ID: "transition-timeline", Caption: "Milestones, with those still to come on " + s.On.Long() + " marked",
		Columns: []document.Column{{Header: "When", Width: 1.5}, {Header: "What happened", Width: 6}}}
	for _, m := range s.Passed {
		t.Rows = append(t.Rows, []string{m.When.Long(), m.Text})
	}
	for _, m := range s.Next {
		t.Rows = append(t.Rows, []string{m.When.Long(), toComeText(m.Text)})
	}
	sec.Blocks = append(sec.Blocks, t)
	return sec
}

func text(s string) *document.Paragraph {
	return &document.Paragraph{Spans: []document.Span{{Text: s}}}
}

// anchor is the document anchor of a meeting, or of a part of it.
func anchor(m vocab.ID, part ...string) string {
	s := "meeting-" + string(m)
	for _, p := range part {
		s += "-" + p
	}
	return s
}

func summarySection(dg *Digest) document.Section {
	s := document.Section{ID: "summary", Title: "Summary", Blocks: []document.Block{text(dg.Summary())}}
	if dg.Empty() {
		return s
	}
	spans := []document.Span{{Text: "The meetings: "}}
	for i := range dg.Meetings {
		m := &dg.Meetings[i]
		spans = append(spans, document.Span{Text: m.Heading(), Ref: anchor(m.ID)}, document.Span{Text: listSep(i, len(dg.Meetings))})
	}
	s.Blocks = append(s.Blocks, &document.Paragraph{Spans: spans})
	if len(dg.Endorsed) > 0 {
		names := make([]string, len(dg.Endorsed))
		for i, e := range dg.Endorsed {
			names[i] = e.Name
		}
		s.Blocks = append(s.Blocks, text(endorsedText(names)))
	}
	return s
}

func meetingSection(m *MeetingDigest) document.Section {
	s := document.Section{ID: anchor(m.ID), Title: m.Heading()}
	add := func(b document.Block) { s.Blocks = append(s.Blocks, b) }
	if m.Theme != "" {
		add(&document.Paragraph{Spans: []document.Span{{Text: "Theme: ", Strong: true}, {Text: m.Theme + "."}}})
	}
	add(&document.Subheading{ID: anchor(m.ID, "items"), Text: "Items"})
	for _, it := range m.Items {
		spans := []document.Span{{Text: it.Title + ".", Strong: true}}
		if it.Summary != "" {
			spans = append(spans, document.Span{Text: " " + it.Summary})
		}
		add(&document.Paragraph{Spans: spans})
	}
	if len(m.Decisions) > 0 {
		add(&document.Subheading{ID: anchor(m.ID, "decisions"), Text: "Decisions"})
		items := make([]string, len(m.Decisions))
		for i, x := range m.Decisions {
			items[i] = x.Text
		}
		add(&document.List{Items: items})
	}
	if len(m.Endorsed) > 0 {
		add(&document.Subheading{ID: anchor(m.ID, "endorsed"), Text: "Strategies endorsed"})
		items := make([]string, len(m.Endorsed))
		for i, x := range m.Endorsed {
			items[i] = x.Name
		}
		add(&document.List{Items: items})
	}
	if len(m.Actions) > 0 {
		t := &document.Table{ID: anchor(m.ID, "actions"), Caption: "Actions set at the meeting",
			Columns: []document.Column{{Header: "Action", Width: 5}, {Header: "Owner", Width: 3}, {Header: "Due by", Width: 2}}}
		for i := range m.Actions {
			a := &m.Actions[i]
			t.Rows = append(t.Rows, []string{a.Text, a.OwnerText(), a.Due.Last().Long()})
		}
		add(t)
	}
	if m.Source != nil {
		add(&document.Note{Kind: document.NoteInfo, Spans: []document.Span{{Text: sourceText(m.Source)}}})
	}
	return s
}

func actionSection(log *ActionLog) document.Section {
	s := document.Section{ID: "actions", Title: "Actions on " + log.On.Long(), Blocks: []document.Block{text(log.Summary())}}
	t := &document.Table{ID: "action-log", Caption: "Every action set by " + log.On.Long() + ", by due date",
		Columns: []document.Column{{Header: "Action", Width: 5}, {Header: "Owner", Width: 3}, {Header: "Due by", Width: 2}, {Header: "On " + log.On.Long(), Width: 2}}}
	for i := range log.Actions {
		a := &log.Actions[i]
		t.Rows = append(t.Rows, []string{a.Text, a.OwnerName, a.DueBy.Long(), a.StateText()})
	}
	s.Blocks = append(s.Blocks, t)
	return s
}

func prioritySection(dg *Digest) document.Section {
	s := document.Section{ID: "priorities", Title: "Business-plan priorities", Blocks: []document.Block{text(prioritiesText(len(dg.Priorities)))}}
	t := &document.Table{ID: "priority-table", Caption: "Priorities and the meetings that took them up",
		Columns: []document.Column{{Header: "Priority", Width: 4}, {Header: "Progress", Width: 1.5}, {Header: "Meetings", Width: 3}}}
	headings := map[vocab.ID]string{}
	for i := range dg.Meetings {
		headings[dg.Meetings[i].ID] = dg.Meetings[i].Held.Long()
	}
	for i := range dg.Priorities {
		p := &dg.Priorities[i]
		var when []string
		for _, m := range p.Meetings {
			when = append(when, headings[m])
		}
		t.Rows = append(t.Rows, []string{p.Name, p.ProgressText(), vocab.JoinAnd(when)})
	}
	s.Blocks = append(s.Blocks, t)
	return s
}
