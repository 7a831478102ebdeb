package board_test

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/masa-go/masa/annualreport"
	"github.com/masa-go/masa/board"
	"github.com/masa-go/masa/internal/golden"
	"github.com/masa-go/masa/internal/testcheck"
	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
	"github.com/masa-go/masa/workdays"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func essex(t testing.TB) *board.Business {
	t.Helper()
	b, err := board.Parse(board.EssexJSON())
	require.NoError(t, err)
	return b
}

func bind(t testing.TB, b *board.Business) *board.Board {
	t.Helper()
	bd, err := board.Bind(masa.Essex(), b)
	require.NoError(t, err)
	return bd
}

func d(s string) vocab.Date { return vocab.MustDate(s) }

// The embedded data is in the canonical encoding, so a change to it shows
// as a change of facts, not of layout (go test ./board -update rewrites
// it).
func TestEssexDataIsCanonical(t *testing.T) {
	out, err := vocab.EncodeJSON(essex(t))
	require.NoError(t, err)
	golden.Assert(t, filepath.Join("data", "essex-board.json"), out)
}

func TestEssexMeetingLog(t *testing.T) {
	b := essex(t)
	bd := bind(t, b)
	all := bd.Digest(vocab.Period{From: d("2018-06-01"), To: d("2021-03-31")})
	require.Len(t, all.Meetings, len(b.Meetings), "every meeting of the log is between June 2018 and March 2021")
	assert.Equal(t, board.InMonth(2018, time.June), all.Meetings[0].Held)
	assert.Equal(t, board.InMonth(2021, time.March), all.Meetings[len(all.Meetings)-1].Held)

	// The three examples.
	dec2018 := bd.Digest(vocab.Period{From: d("2018-12-01"), To: d("2018-12-31")})
	require.Len(t, dec2018.Meetings, 1)
	assert.Equal(t, "Child abuse and exploitation", dec2018.Meetings[0].Theme)
	assert.Equal(t, "Executive Board, December 2018", dec2018.Meetings[0].Heading())

	dec2019 := bd.Digest(vocab.Period{From: d("2019-12-01"), To: d("2019-12-31")})
	require.Len(t, dec2019.Meetings, 1)
	var endorsed []vocab.ID
	for _, s := range dec2019.Endorsed {
		endorsed = append(endorsed, s.ID)
	}
	assert.Equal(t, []vocab.ID{"set-exploitation-strategy", "set-missing-strategy"}, endorsed)
	assert.Equal(t, vocab.ID("champion-widened"), dec2019.Meetings[0].Decisions[0].ID)

	oct2020 := bd.Digest(vocab.Period{From: d("2020-10-01"), To: d("2020-10-31")})
	require.Len(t, oct2020.Meetings, 1)
	var decided []vocab.ID
	for _, x := range oct2020.Meetings[0].Decisions {
		decided = append(decided, x.ID)
	}
	assert.Equal(t, []vocab.ID{"early-help-recommendations", "think-family-principles"}, decided)
}

func TestOn(t *testing.T) {
	bd := bind(t, essex(t))
	tests := []struct {
		on        string
		edition   vocab.ID
		regime    masa.Regime
		body      vocab.ID
		bodies    int
		next      vocab.ID
		statutory []vocab.ID
	}{
		{"2018-06-01", "lscb-2018", masa.RegimeLSCB, "cdop", 12, "separate-partnerships", []vocab.ID{"cdop", "scr"}},
		{"2019-09-28", "lscb-2018", masa.RegimeLSCB, "district-councils-group", 12, "go-live", []vocab.ID{"cdop", "scr"}},
		{"2019-09-29", "masa-2019", masa.RegimeMASA, "stay-safe-south", 0, "", nil},
		{"2020-06-01", "masa-2019", masa.RegimeMASA, "cspr", 0, "", nil},
	}
	p := masa.Essex()
	for _, tt := range tests {
		t.Run(tt.on, func(t *testing.T) {
			s, err := bd.On(d(tt.on))
			require.NoError(t, err)
			assert.Equal(t, tt.edition, s.Edition)
			assert.Equal(t, tt.regime, s.Regime)
			_, ok := s.Body(tt.body)
			assert.True(t, ok, "body %s", tt.body)
			if tt.bodies > 0 {
				assert.Len(t, s.Bodies, tt.bodies)
			} else {
				// The structure is the partnership file's: its board,
				// assembly, local groups, sub-committees and joint groups.
				want := 1 + 1 + len(p.LocalGroups) + len(p.SubCommittees) + len(p.JointWorking.Groups)
				assert.Len(t, s.Bodies, want)
			}
			var statutory []vocab.ID
			for _, b := range s.Bodies {
				if b.Statutory {
					statutory = append(statutory, b.ID)
				}
			}
			assert.Equal(t, tt.statutory, statutory)
			if tt.next == "" {
				assert.Empty(t, s.Next)
			} else {
				require.NotEmpty(t, s.Next)
				assert.Equal(t, tt.next, s.Next[0].ID)
			}
			assert.Equal(t, len(essex(t).Transition), len(s.Passed)+len(s.Next))
		})
	}
	_, err := bd.On(d("2016-01-01"))
	assert.ErrorIs(t, err, vocab.ErrNotFound)
}

func TestStructureSummary(t *testing.T) {
	bd := bind(t, essex(t))
	s, err := bd.On(d("2018-06-01"))
	require.NoError(t, err)
	assert.Equal(t, "On 1 June 2018 the partnership worked as a Local Safeguarding Children Board (Local Safeguarding Children Board, as described in February 2018, in force 1 April 2017 to 28 September 2019), with 12 boards and groups. Next in the transition, June 2018: The Executive agreed that each of the three areas would have its own partnership, broadly like its board, with joint work strengthened where possible.", s.Summary())
	b, _ := s.Body("learning-development")
	assert.Equal(t, "Learning and Development sub-committee: joint with the Essex Safeguarding Adults Board", b.Line())
	b, _ = s.Body("stay-safe-groups")
	assert.Equal(t, "Stay Safe Groups (4): agency leads in each quadrant of the county", b.Line())
}

func TestActions(t *testing.T) {
	bd := bind(t, essex(t))
	type want struct {
		action        vocab.ID
		state         board.ActionState
		left, overdue int
	}
	tests := []struct {
		on   string
		want []want
	}{
		// The December 2018 meeting has not happened yet.
		{"2018-11-30", nil},
		// The month of the meeting: the actions may have been set.
		// Working days counted by hand: 19 in December after the 1st
		// (less Christmas and Boxing Day), 22 in January, 20 in February
		// and 21 in March; 20 in April 2019 (less Easter), 21 in May
		// (less two bank holidays), 20 in June and 23 in July.
		{"2018-12-01", []want{{"draft-arrangements", board.StateOpen, 82, 0}, {"county-lines-sessions", board.StateOpen, 166, 0}}},
		// Due by Sunday 31 March 2019: not overdue until a working day
		// has passed.
		{"2019-03-31", []want{{"draft-arrangements", board.StateOpen, 0, 0}, {"county-lines-sessions", board.StateOpen, 84, 0}}},
		{"2019-04-01", []want{{"draft-arrangements", board.StateOverdue, 0, 1}, {"county-lines-sessions", board.StateOpen, 83, 0}}},
		// 1 to 5, 8 to 12 and 15 April 2019.
		{"2019-04-15", []want{{"draft-arrangements", board.StateOverdue, 0, 11}, {"county-lines-sessions", board.StateOpen, 73, 0}}},
		// Done in June 2019: counted once June has ended.
		{"2019-06-30", []want{{"draft-arrangements", board.StateDone, 0, 0}, {"county-lines-sessions", board.StateOpen, 23, 0}}},
		{"2019-08-01", []want{{"draft-arrangements", board.StateDone, 0, 0}, {"county-lines-sessions", board.StateOverdue, 0, 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.on, func(t *testing.T) {
			log, err := bd.Actions(nil, d(tt.on))
			require.NoError(t, err)
			var got []want
			for _, a := range log.Actions {
				got = append(got, want{a.Action, a.State, a.WorkingDaysLeft, a.WorkingDaysOverdue})
			}
			assert.Equal(t, tt.want, got)
			assert.Equal(t, len(log.Actions), log.Open+log.Overdue+log.Done)
			assert.Equal(t, log.Open+log.Overdue, len(log.Pending()))
		})
	}
}

func TestActionsOutsideTheCalendar(t *testing.T) {
	bd := bind(t, essex(t))
	only2018, err := workdays.New(workdays.File{Years: []int{2018}, Holidays: []workdays.Holiday{}})
	require.NoError(t, err)
	_, err = bd.Actions(only2018, d("2019-04-15"))
	assert.ErrorIs(t, err, vocab.ErrNotFound)

	// Years after the announced ones count by the standing pattern, and
	// the log says so.
	log, err := bd.Actions(nil, d("2100-01-06"))
	require.NoError(t, err)
	require.NotEmpty(t, log.Actions)
	assert.True(t, log.Actions[len(log.Actions)-1].Provisional)
	assert.Contains(t, log.Actions[len(log.Actions)-1].Line(), "provisional")
}

func TestActionLines(t *testing.T) {
	bd := bind(t, essex(t))
	log, err := bd.Actions(nil, d("2019-04-15"))
	require.NoError(t, err)
	assert.Equal(t, "On 15 April 2019: 1 action open, 1 action overdue and no actions done.", log.Summary())
	assert.Equal(t, "Overdue by 11 working days: Bring the draft arrangements to the Executive for agreement before publication in June 2019. Owner: Essex County Council; due by 31 March 2019; set by the Executive Board, December 2018.", log.Actions[0].Line())
	empty, err := bd.Actions(nil, d("2018-06-01"))
	require.NoError(t, err)
	assert.Equal(t, "No actions had been set by 1 June 2018.", empty.Summary())
}

func TestDigestEmptyPeriod(t *testing.T) {
	bd := bind(t, essex(t))
	dg := bd.Digest(vocab.Period{From: d("2017-04-01"), To: d("2017-04-30")})
	assert.True(t, dg.Empty())
	assert.Equal(t, "No meetings are recorded for 1 April 2017 to 30 April 2017.", dg.Summary())
	assert.NotNil(t, dg.Meetings)
	assert.NotNil(t, dg.Endorsed)
	assert.NotNil(t, dg.Priorities)
}

func TestDigestSummary(t *testing.T) {
	bd := bind(t, essex(t))
	dg := bd.Digest(vocab.FinancialYear(2020).Period())
	assert.Equal(t, "5 meetings for 1 April 2020 to 31 March 2021: Executive Board (4) and South Stay Safe Group (1). They made 5 decisions, endorsed no strategies and set no actions.", dg.Summary())
}

// Consecutive periods share no meeting and miss none.
func TestDigestPartitionsTheLog(t *testing.T) {
	b := essex(t)
	bd := bind(t, b)
	seen := map[vocab.ID]int{}
	for m := d("2018-01-01"); m.Before(d("2022-01-01")); m = m.AddMonths(1) {
		for _, md := range bd.Digest(vocab.Period{From: m, To: m.AddMonths(1).AddDays(-1)}).Meetings {
			seen[md.ID]++
		}
	}
	require.Len(t, seen, len(b.Meetings))
	for id, n := range seen {
		assert.Equal(t, 1, n, id)
	}
}

func TestPlans(t *testing.T) {
	bd := bind(t, essex(t))
	ps := bd.Plans()
	require.Len(t, ps, 1)
	p := ps[0]
	var ids []vocab.ID
	for _, pr := range p.Priorities {
		ids = append(ids, pr.Priority)
	}
	assert.Equal(t, []vocab.ID{"domestic-abuse", "neglect", "cse-gangs-youth-offending", "early-help", "mental-health", "partnership-learning"}, ids)
	// No source states the progress of the 2017-19 priorities.
	assert.Equal(t, ids, p.Unassessed)
	assert.Empty(t, p.Slow)
	assert.Equal(t, []vocab.ID{"executive-2018-06", "executive-2018-09", "executive-2018-12"}, p.Priorities[2].Meetings)
	assert.Empty(t, p.Priorities[1].Meetings, "no meeting in the log took up neglect")
	assert.Empty(t, bd.ReportPriorities(2018))
}

// Priorities with little or no progress reach the yearly report's section.
func TestReportPrioritiesFeedTheYearlyReport(t *testing.T) {
	b := essex(t)
	b.Plans = append(b.Plans, board.Plan{ID: "business-plan-2020-22", Name: "Business Plan 2020-22",
		Period: vocab.Period{From: d("2020-04-01"), To: d("2022-03-31")},
		Priorities: []board.Priority{
			{ID: "p-one", Name: "Priority one", Progress: annualreport.ProgressGood},
			{ID: "p-two", Name: "Priority two", Progress: annualreport.ProgressLittle, Note: "Work paused for most of the year."},
			{ID: "p-three", Name: "Priority three"},
		}})
	bd := bind(t, b)
	got := bd.ReportPriorities(2020)
	assert.Equal(t, []annualreport.Priority{
		{Name: "Priority one", Progress: annualreport.ProgressGood},
		{Name: "Priority two", Progress: annualreport.ProgressLittle, Note: "Work paused for most of the year."},
	}, got)
	assert.Empty(t, bd.ReportPriorities(2022))

	in, err := annualreport.Load(filepath.Join("..", "annualreport", "testdata", "input-2020-21.json"))
	require.NoError(t, err)
	in.Priorities = got
	r, err := annualreport.Assemble(masa.Essex(), in)
	require.NoError(t, err)
	s, ok := r.Section(annualreport.SectionLittleProgress)
	require.True(t, ok)
	require.Len(t, s.Items, 1)
	assert.Equal(t, "Priority two", s.Items[0].Label)
	assert.Equal(t, "Work paused for most of the year.", s.Items[0].Text)
}

func TestBindProblems(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(b *board.Business)
		field string
		rule  string
		kind  error
	}{
		{"meeting outside its edition", func(b *board.Business) { b.Meetings[0].Held = board.InMonth(2020, time.January) },
			"meetings[0].held", "in-edition", vocab.ErrInvalid},
		{"meeting day outside its edition", func(b *board.Business) { b.Meetings[5].Held = board.On(d("2019-09-28")) },
			"meetings[5].held", "in-edition", vocab.ErrInvalid},
		{"action without an owner", func(b *board.Business) { b.Meetings[2].Actions[0].Owner = "" },
			"meetings[2].actions[0].owner", "required", vocab.ErrInvalid},
		{"owner not in the partnership", func(b *board.Business) { b.Meetings[2].Actions[1].Owner = "somewhere-else" },
			"meetings[2].actions[1].owner", "exists", vocab.ErrNotFound},
		{"sharer not in the partnership", func(b *board.Business) { b.Meetings[2].Actions[0].With[0] = "nhs-elsewhere-ccg" },
			"meetings[2].actions[0].with[0]", "exists", vocab.ErrNotFound},
		{"owner that did not yet exist", func(b *board.Business) { b.Meetings[2].Actions[1].Owner = "nhs-mid-and-south-essex-icb" },
			"meetings[2].actions[1].owner", "member-on-date", vocab.ErrConflict},
		{"owner already replaced", func(b *board.Business) {
			b.Meetings[9].Actions = []board.Action{{ID: "a", Text: "Do it.", Owner: "essex-police", With: []vocab.ID{"nhs-mid-essex-ccg"}, Due: board.InMonth(2021, time.June)}}
			b.Meetings[9].Held = board.InMonth(2022, time.July)
		},
			"meetings[9].actions[0].with[0]", "member-on-date", vocab.ErrConflict},
		{"progress outside the set", func(b *board.Business) { b.Plans[0].Priorities[1].Progress = "great" },
			"plans[0].priorities[1].progress", "progress", vocab.ErrInvalid},
		{"little progress without a note", func(b *board.Business) { b.Plans[0].Priorities[1].Progress = annualreport.ProgressNone },
			"plans[0].priorities[1].note", "required", vocab.ErrInvalid},
		{"unknown edition", func(b *board.Business) { b.Meetings[1].Edition = "lscb-2010" },
			"meetings[1].edition", "exists", vocab.ErrNotFound},
		{"body not in the edition", func(b *board.Business) { b.Meetings[1].Body = "stay-safe-south" },
			"meetings[1].body", "exists", vocab.ErrNotFound},
		{"unknown item", func(b *board.Business) { b.Meetings[1].Decisions[0].Item = "nothing" },
			"meetings[1].decisions[0].item", "exists", vocab.ErrNotFound},
		{"unknown priority", func(b *board.Business) { b.Meetings[0].Items[0].Priorities = []vocab.ID{"nothing"} },
			"meetings[0].items[0].priorities[0]", "exists", vocab.ErrNotFound},
		{"priority of a plan that has ended", func(b *board.Business) { b.Meetings[3].Items[0].Priorities = []vocab.ID{"neglect"} },
			"meetings[3].items[0].priorities[0]", "plan-period", vocab.ErrInvalid},
		{"due before the meeting", func(b *board.Business) { b.Meetings[2].Actions[0].Due = board.InMonth(2018, time.November) },
			"meetings[2].actions[0].due", "after-meeting", vocab.ErrConflict},
		{"action without a due date", func(b *board.Business) { b.Meetings[2].Actions[0].Due = board.When{} },
			"meetings[2].actions[0].due", "required", vocab.ErrInvalid},
		{"duplicate meeting", func(b *board.Business) { b.Meetings[1].ID = b.Meetings[0].ID },
			"meetings[1].id", "unique", vocab.ErrConflict},
		{"go-live disagrees with the partnership", func(b *board.Business) { b.Transition[len(b.Transition)-1].When = board.On(d("2019-09-30")) },
			"transition[6].when", "go-live", vocab.ErrConflict},
		{"edition starts at another go-live", func(b *board.Business) { b.Editions[1].Period.From = d("2019-10-01") },
			"editions[1].period.from", "go-live", vocab.ErrConflict},
		{"overlapping editions", func(b *board.Business) { b.Editions[0].Period.To = d("2019-10-31") },
			"editions[1].period.from", "overlap", vocab.ErrConflict},
		{"another partnership", func(b *board.Business) { b.Partnership = "riverside" },
			"partnership", "partnership", vocab.ErrConflict},
		{"milestones out of order", func(b *board.Business) { b.Transition[1].When = board.InMonth(2016, time.May) },
			"transition[1].when", "order", vocab.ErrConflict},
		{"meeting without items", func(b *board.Business) { b.Meetings[0].Items = nil; b.Meetings[0].Decisions = nil },
			"meetings[0].items", "required", vocab.ErrInvalid},
		{"body of an unknown kind", func(b *board.Business) { b.Editions[0].Bodies[0].Kind = "committee" },
			"editions[0].bodies[0].kind", "body-kind", vocab.ErrInvalid},
		{"theme with a line break", func(b *board.Business) { b.Meetings[2].Theme = "Child abuse\nand exploitation" },
			"meetings[2].theme", "text", vocab.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := essex(t)
			tt.edit(b)
			_, err := board.Bind(masa.Essex(), b)
			got := testcheck.Problems(t, err)
			assert.Equal(t, tt.rule, got[tt.field], "problems: %v", err)
			for _, fe := range vocab.AsProblems(err) {
				if fe.Field == tt.field {
					assert.ErrorIs(t, fe, tt.kind)
				}
			}
		})
	}
}

func TestParseNamesThePath(t *testing.T) {
	tests := []struct {
		name, doc, field, rule string
	}{
		{"bad month", `{"partnership":"escb","editions":[],"meetings":[{"id":"m","edition":"e","body":"b","held":"2019-13","items":[]}]}`, "meetings[0].held", "month"},
		{"bad day", `{"partnership":"escb","editions":[],"meetings":[{"id":"m","edition":"e","body":"b","held":"2019-02-30","items":[]}]}`, "meetings[0].held", "date"},
		{"unknown field", `{"partnership":"escb","editions":[],"meetings":[],"chair":"x"}`, "chair", "unknown-field"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := board.Parse([]byte(tt.doc))
			got := testcheck.Problems(t, err)
			assert.Equal(t, tt.rule, got[tt.field], "%v", err)
		})
	}
}

func TestBindNil(t *testing.T) {
	_, err := board.Bind(nil, essex(t))
	assert.ErrorIs(t, err, vocab.ErrInvalid)
	_, err = board.Bind(masa.Essex(), nil)
	assert.ErrorIs(t, err, vocab.ErrInvalid)
}

func TestWhen(t *testing.T) {
	tests := []struct {
		in          string
		first, last string
		long        string
		ok          bool
	}{
		{"2019-12", "2019-12-01", "2019-12-31", "December 2019", true},
		{"2020-02", "2020-02-01", "2020-02-29", "February 2020", true},
		{"2019-09-29", "2019-09-29", "2019-09-29", "29 September 2019", true},
		{"2019-00", "", "", "", false},
		{"2019-1", "", "", "", false},
		{"19-12-01", "", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			w, err := board.ParseWhen("held", tt.in)
			if !tt.ok {
				require.Error(t, err)
				var fe *vocab.FieldError
				require.True(t, errors.As(err, &fe))
				assert.Equal(t, "held", fe.Field)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.first, w.First().String())
			assert.Equal(t, tt.last, w.Last().String())
			assert.Equal(t, tt.long, w.Long())
			assert.Equal(t, tt.in, w.String())
		})
	}
	assert.Negative(t, board.InMonth(2019, time.December).Compare(board.On(d("2019-12-01"))), "a month sorts before its days")
}
