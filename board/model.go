package board

import (
	"github.com/masa-go/masa/annualreport"
	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
)

// Limits on the text of a board file, in bytes.
const (
	MaxTitleBytes = 200
	MaxTextBytes  = 2000
)

// Business is one partnership's board business: the editions of its
// structure, the transition between them, its meetings and its business
// plans. It is joined to the partnership file by IDs: the partnership's
// ID, organisation IDs for action owners and, for an edition that takes
// its structure from the partnership file, the IDs of the board, the
// sub-committees and the local groups there.
type Business struct {
	// Partnership is the ID of the partnership the file belongs to.
	Partnership vocab.ID `json:"partnership"`
	// Editions are the dated editions of the partnership's structure, in
	// date order; their periods do not overlap.
	Editions []Edition `json:"editions"`
	// Transition lists the milestones of the move from one regime to the
	// next, in date order.
	Transition []Milestone `json:"transition,omitempty"`
	// Meetings is the meeting log.
	Meetings []Meeting `json:"meetings"`
	// Plans are the business plans and their priorities.
	Plans []Plan `json:"plans,omitempty"`
}

// Edition is the structure of the partnership over a period: its board,
// assembly, local groups and sub-committees.
type Edition struct {
	// ID identifies the edition; meetings name it.
	ID vocab.ID `json:"id"`
	// Name says what the edition is, such as "Local Safeguarding
	// Children Board, 2018".
	Name string `json:"name"`
	// Regime is the statutory regime of the edition: lscb or masa.
	Regime masa.Regime `json:"regime"`
	// Period is when the edition was in force. From is required; a zero
	// To means it is still in force.
	Period vocab.Period `json:"period"`
	// Described is the date of the source that describes the structure.
	Described vocab.Date `json:"described,omitzero"`
	// Source names that source.
	Source *vocab.Citation `json:"source,omitempty"`
	// FromPartnership says that the edition's structure is the one in the
	// partnership file (its executive board, assembly, local groups,
	// sub-committees and joint groups). Bodies is then empty.
	FromPartnership bool `json:"fromPartnership,omitempty"`
	// Bodies lists the edition's boards and groups, when the structure is
	// not the partnership file's.
	Bodies []Body `json:"bodies,omitempty"`
}

// BodyKind classifies a board or group.
type BodyKind string

// The kinds of body.
const (
	// KindBoard is the executive board.
	KindBoard BodyKind = "board"
	// KindAssembly is the wider assembly of partners.
	KindAssembly BodyKind = "assembly"
	// KindLocalGroup is a local practice group, such as a Stay Safe Group.
	KindLocalGroup BodyKind = "local-group"
	// KindSubCommittee is a sub-committee of the board.
	KindSubCommittee BodyKind = "sub-committee"
	// KindForum is a standing forum or group that reports to the board
	// without being one of its sub-committees.
	KindForum BodyKind = "forum"
	// KindJointGroup is a group shared with neighbouring partnerships.
	KindJointGroup BodyKind = "joint-group"
)

// BodyKinds lists the kinds of body in display order.
func BodyKinds() []BodyKind {
	return []BodyKind{KindBoard, KindAssembly, KindLocalGroup, KindSubCommittee, KindForum, KindJointGroup}
}

// Valid reports whether k is a known kind.
func (k BodyKind) Valid() bool {
	for _, v := range BodyKinds() {
		if k == v {
			return true
		}
	}
	return false
}

// Body is a board or group of one edition.
type Body struct {
	ID   vocab.ID `json:"id"`
	Name string   `json:"name"`
	Kind BodyKind `json:"kind"`
	// Statutory marks a group the regime requires, such as a Local
	// Safeguarding Children Board's child death overview panel.
	Statutory bool `json:"statutory,omitempty"`
	// JointWith names the other board the group is shared with, such as
	// the adults' safeguarding board.
	JointWith string `json:"jointWith,omitempty"`
	// Linked names groups that work beside this one, such as a joint
	// group across neighbouring areas.
	Linked []string `json:"linked,omitempty"`
	// Membership says in a phrase who sits on the body, where the source
	// says.
	Membership string `json:"membership,omitempty"`
	// Count is the number of groups the entry stands for, such as four
	// local groups; 0 means one.
	Count int `json:"count,omitempty"`
}

// Milestone is one step of a transition, such as the date new
// arrangements were published or went live.
type Milestone struct {
	ID   vocab.ID `json:"id"`
	When When     `json:"when"`
	// Text says what happened, in a sentence.
	Text string `json:"text"`
	// GoLive marks the day the new arrangements went live; it must agree
	// with the partnership file's go-live date.
	GoLive bool            `json:"goLive,omitempty"`
	Source *vocab.Citation `json:"source,omitempty"`
}

// Meeting is one meeting of a board, assembly or group.
type Meeting struct {
	// ID identifies the meeting in the file.
	ID vocab.ID `json:"id"`
	// Edition is the ID of the edition the meeting belongs to; Held must
	// fall within the edition's period.
	Edition vocab.ID `json:"edition"`
	// Body is the ID of the board or group that met, one of the
	// edition's bodies.
	Body vocab.ID `json:"body"`
	// Held is the date of the meeting, or its month when the source gives
	// no day.
	Held When `json:"held"`
	// Theme is the meeting's overarching theme, where it had one.
	Theme string `json:"theme,omitempty"`
	// Items are the matters discussed.
	Items []Item `json:"items"`
	// Decisions are what the meeting agreed.
	Decisions []Decision `json:"decisions,omitempty"`
	// Endorsed are the strategies the meeting endorsed.
	Endorsed []Strategy `json:"endorsed,omitempty"`
	// Actions are the actions the meeting set.
	Actions []Action `json:"actions,omitempty"`
	// Source names the record the facts come from.
	Source *vocab.Citation `json:"source,omitempty"`
}

// Item is one matter a meeting discussed.
type Item struct {
	ID    vocab.ID `json:"id"`
	Title string   `json:"title"`
	// Summary says in a sentence or two what was discussed.
	Summary string `json:"summary,omitempty"`
	// Priorities are the IDs of business-plan priorities the item bears
	// on.
	Priorities []vocab.ID `json:"priorities,omitempty"`
}

// Decision is something a meeting agreed.
type Decision struct {
	ID vocab.ID `json:"id"`
	// Item is the ID of the item the decision belongs to, if any.
	Item vocab.ID `json:"item,omitempty"`
	// Text states the decision.
	Text string `json:"text"`
}

// Strategy is a strategy a meeting endorsed.
type Strategy struct {
	ID   vocab.ID `json:"id"`
	Item vocab.ID `json:"item,omitempty"`
	Name string   `json:"name"`
}

// Action is an action a meeting set, with an owner and a due date.
type Action struct {
	ID   vocab.ID `json:"id"`
	Item vocab.ID `json:"item,omitempty"`
	// Text says what is to be done.
	Text string `json:"text"`
	// Owner is the ID of the partnership member that owns the action.
	Owner vocab.ID `json:"owner"`
	// With are the IDs of other members that share the work.
	With []vocab.ID `json:"with,omitempty"`
	// Due is the day, or the month, by which the action is due; an
	// action due in a month is due by its last day.
	Due When `json:"due"`
	// Done is when the action was completed, where a record says so.
	Done When `json:"done,omitzero"`
}

// Plan is a business plan with its priorities.
type Plan struct {
	ID   vocab.ID `json:"id"`
	Name string   `json:"name"`
	// Period is the span the plan covers; both ends are required.
	Period     vocab.Period    `json:"period"`
	Source     *vocab.Citation `json:"source,omitempty"`
	Priorities []Priority      `json:"priorities"`
}

// Priority is one business-plan priority and its progress.
type Priority struct {
	// ID identifies the priority across the file; meeting items name it.
	ID   vocab.ID `json:"id"`
	Name string   `json:"name"`
	// Progress is one of annualreport.Progresses, or empty when it has
	// not been assessed.
	Progress annualreport.Progress `json:"progress,omitempty"`
	// Note explains the progress; it is required when progress is little
	// or none.
	Note string `json:"note,omitempty"`
}
