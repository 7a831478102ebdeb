// Package board models a safeguarding partnership's board business: its
// meetings, decisions, endorsed strategies and actions, the key messages
// digest of a period, the action log on a date, the progress of its
// business-plan priorities, and the dated editions of its structure with
// the transition between them.
//
// The business is data: a JSON file ([Parse], [Read], [Load]) joined to
// the partnership file by IDs. Meetings name an edition and one of its
// bodies; action owners are members of the partnership (statutory
// partners, relevant agencies and other partners) by organisation ID;
// meeting items name business-plan priorities by ID. An edition either
// lists its own bodies (a Local Safeguarding Children Board's
// sub-committees, say) or takes its structure from the partnership file
// (fromPartnership), so the board on a date ([Board.On]) answers for the
// years before the arrangements as well as after.
//
// Dates are [When] values: a day, or only a month where the source gives
// no day, as published key messages do. A meeting known by its month
// belongs to an edition its month overlaps and to the digest period that
// holds the first of the month; an action due in a month is due by its
// last day.
//
// [Bind] checks the business against the partnership and returns every
// problem at once as vocab.Problems, each naming its JSON path: a meeting
// dated outside its edition ("meetings[3].held", rule in-edition), an
// action without an owner ("meetings[3].actions[0].owner", rule
// required), an owner who is not a member (rule exists, matching
// vocab.ErrNotFound) or not one on the meeting's date because a
// succession had replaced it or had not yet created it (rule
// member-on-date), a progress outside annualreport.Progresses
// ("plans[0].priorities[1].progress", rule progress).
//
// [Board.Actions] counts working days with package workdays: an action
// not done is overdue once a working day has passed since it was due.
// [Board.Digest] of a period with no meetings is an empty digest whose
// Summary says so. [Board.ReportPriorities] feeds the yearly report's
// "priorities with little or no progress" section (package
// annualreport). Sentences are written in one place, explain.go, from the
// computed records.
//
// [EssexJSON] is the Essex Safeguarding Children Board's meeting log from
// June 2018 to March 2021, its 2018 structure and its transition to the
// arrangements that went live on 29 September 2019, written as facts in
// the project's own words from the board's published key messages and a
// February 2018 briefing paper; each meeting cites its source.
package board
