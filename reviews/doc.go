// Package reviews routes serious child safeguarding incidents through
// their statutory lifecycle and says, for any case on any date, what stage
// it has reached, what is due next, who owns each step on that date and
// whether anything is overdue.
//
// The lifecycle is data (see DefaultRules and data/rules.json), with a
// citation for every step: notification of the incident to the national
// Child Safeguarding Practice Review Panel, to the safeguarding partners
// and, for the death of a looked-after child, to the Secretary of State
// and Ofsted; child death review alongside; the rapid review; the Panel's
// decision on a national review; otherwise the local recommendation, its
// ratification by the holder of the partnership's ratification lead area
// on the date, and telling the Panel, Ofsted and the Department for
// Education; then the local review, its final report, sending it to the
// Panel and the Secretary of State, publication, and the learning. Before
// a partnership went live with its safeguarding arrangements the same
// incident led to a Serious Case Review decided by the Local Safeguarding
// Children Board; the masa rule set in force on the date the local
// authority became aware of the incident chooses the rules for the whole
// case (see Engine.RulesOn), so the step names and owners follow it.
//
// The rule sets differ where the guidance does: under Working Together
// 2018 the 15 working days of the rapid review run from the date of
// becoming aware, under Working Together 2023 from the notification to the
// Panel.
//
// # Deadlines
//
// Working days are counted by package workdays with its convention: the
// day of becoming aware (or any other anchor) is day 0, and "within 5
// working days" means on or before the 5th working day after it, skipping
// weekends and bank holidays in England and Wales. Months are calendar
// months with the month-end rule: a review decided on 31 August is due 6
// months later on 28 February (29 February in a leap year), because
// February has no 31st. A step is overdue on the day after its due date.
//
// # Cases and the audit trail
//
// A Case is keyed by an opaque reference and holds only the facts the
// rules turn on (when the local authority became aware, death or serious
// harm, abuse or neglect known or suspected, looked after, where) and its
// audit trail of Events: which step, on what date, decided or done by
// which post, with the outcome and criteria of decisions. There is no
// field for a child's name, date of birth, address or NHS number. The
// trail is the state: Engine.Status replays it, and Engine.Record appends
// to it only what replays cleanly, so a trail saved and loaded again gives
// the same state. Problems are errors naming the field, such as
// "events[3].on".
//
// Engine.Overdue reports the overdue steps of many cases at once,
// Engine.Learning exports a completed review's learning as
// []vocab.Learning for the training needs analysis, and Engine.Dispute
// follows a professional disagreement up the partnership's escalation
// levels to the statutory partners, overseen by the holder of the dispute
// lead area on the date.
package reviews
