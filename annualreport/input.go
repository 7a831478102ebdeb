package annualreport

import (
	"fmt"
	"github.com/masa-go/masa/reviews"
	"io"

	"github.com/masa-go/masa/scrutiny"
	"github.com/masa-go/masa/training"
	"github.com/masa-go/masa/vocab"
)

// Limits on the text of the input, in bytes.
const (
	MaxTitleBytes = 200
	MaxTextBytes  = 2000
	MaxRefBytes   = 64
)

// Entry is a titled statement in the report, such as something the
// partners did or a piece of evidence of impact.
type Entry struct {
	// Title names the entry in a few words.
	Title string `json:"title"`
	// Text says what happened or what was found, in a sentence or two.
	Text string `json:"text"`
	// Date, when given, must fall within the report's year.
	Date vocab.Date `json:"date,omitzero"`
}

// ReviewKind is the kind of a practice review.
type ReviewKind string

// The kinds of practice review.
const (
	// KindRapidReview is a rapid review of a serious incident.
	KindRapidReview ReviewKind = "rapid-review"
	// KindPracticeReview is a local child safeguarding practice review.
	KindPracticeReview ReviewKind = "practice-review"
	// KindLearningReview is another local learning review.
	KindLearningReview ReviewKind = "learning-review"
)

// ReviewStatus is where a practice review stood at the end of the year.
type ReviewStatus string

// The review statuses.
const (
	StatusStarted   ReviewStatus = "started"
	StatusCompleted ReviewStatus = "completed"
	StatusPublished ReviewStatus = "published"
)

// PracticeReview is a practice review the partners worked on in the year.
// It is keyed by an opaque reference and holds no details of any child.
type PracticeReview struct {
	// Ref is the review's opaque reference, unique in the input.
	Ref string `json:"ref"`
	// Kind is rapid-review, practice-review or learning-review.
	Kind ReviewKind `json:"kind"`
	// Status is started, completed or published.
	Status ReviewStatus `json:"status"`
	// Date is the date of the latest step in the year (started, completed
	// or published).
	Date vocab.Date `json:"date"`
	// Learning summarises the learning in a sentence, when there is some.
	Learning string `json:"learning,omitempty"`
}

// Progress is how far a priority moved in the year.
type Progress string

// The degrees of progress.
const (
	ProgressGood   Progress = "good"
	ProgressSome   Progress = "some"
	ProgressLittle Progress = "little"
	ProgressNone   Progress = "none"
)

// Progresses lists the degrees of progress, most first: the stated set
// every priority's progress is one of.
func Progresses() []Progress {
	return []Progress{ProgressGood, ProgressSome, ProgressLittle, ProgressNone}
}

// Valid reports whether p is one of [Progresses].
func (p Progress) Valid() bool {
	for _, v := range Progresses() {
		if p == v {
			return true
		}
	}
	return false
}

// Slow reports whether p is little or none: a priority the yearly report
// must explain.
func (p Progress) Slow() bool { return p == ProgressLittle || p == ProgressNone }

// Priority is one of the partners' agreed priorities and its progress.
type Priority struct {
	// Name is the priority as the partners agreed it.
	Name string `json:"name"`
	// Progress is good, some, little or none.
	Progress Progress `json:"progress"`
	// Note explains the progress; it is required when progress is little
	// or none, since the report must analyse why.
	Note string `json:"note,omitempty"`
}

// Scope says whether a review recommendation is local or national.
type Scope string

// The scopes.
const (
	ScopeLocal    Scope = "local"
	ScopeNational Scope = "national"
)

// ActionStatus says whether an action has been taken or is planned.
type ActionStatus string

// The action statuses.
const (
	ActionTaken   ActionStatus = "taken"
	ActionPlanned ActionStatus = "planned"
)

// ReviewAction is an action on a recommendation of a local or national
// child safeguarding practice review.
type ReviewAction struct {
	// Ref is the opaque reference of the review.
	Ref string `json:"ref"`
	// Scope is local or national.
	Scope Scope `json:"scope"`
	// Recommendation is the review's recommendation, in brief.
	Recommendation string `json:"recommendation"`
	// Action is what the partners did or will do about it.
	Action string `json:"action"`
	// Status is taken or planned.
	Status ActionStatus `json:"status"`
	// Improvement says what improved as a result, when known.
	Improvement string `json:"improvement,omitempty"`
}

// Feedback says how feedback from children and families was sought
// through one voice mechanism or data source, and how it was used.
type Feedback struct {
	// Voice is the mechanism or data source, by its scrutiny.Voice ID.
	Voice scrutiny.Voice `json:"voice"`
	// Sought says how feedback was sought.
	Sought string `json:"sought"`
	// Used says how the feedback was used.
	Used string `json:"used"`
}

// Input is what the partners supply for one year's report besides the
// partnership model. A list left out flags its part of the report as
// missing; an empty list says there was nothing of that kind.
type Input struct {
	// Year is the financial year the report covers, such as "2020/21".
	Year vocab.FinancialYear `json:"year"`
	// Activities are what the partners did under the arrangements.
	Activities []Entry `json:"activities"`
	// Reviews are the practice reviews worked on in the year.
	Reviews []PracticeReview `json:"reviews"`
	// Cases, when given, are the year's serious-incident cases as package
	// reviews records them (opaque references and audit trails, no
	// personal data). The practice-reviews part is then written from
	// them, evaluated at the end of the year; Reviews, if also given, is
	// listed after them.
	Cases []reviews.Case `json:"cases,omitempty"`
	// Effectiveness are the partners' judgements of how well the
	// arrangements worked, with their evidence.
	Effectiveness []Entry `json:"effectiveness"`
	// Impact is evidence of the impact of the partners' work.
	Impact []Entry `json:"impact"`
	// Priorities are the agreed priorities and their progress.
	Priorities []Priority `json:"priorities"`
	// ReviewActions are actions on review recommendations.
	ReviewActions []ReviewAction `json:"reviewActions"`
	// Feedback says how feedback from children and families was sought
	// and used.
	Feedback []Feedback `json:"feedback"`
	// Training is the year's training input (see package training).
	Training *training.Input `json:"training,omitempty"`
	// Scrutiny is the year's scrutiny plan (see package scrutiny).
	Scrutiny *scrutiny.Plan `json:"scrutiny,omitempty"`
	// ReportReviews are scrutiny reviews of this report, recorded after
	// the year ended; they open the publication gate.
	ReportReviews []scrutiny.Review `json:"reportReviews,omitempty"`
}

// Read reads at most vocab.MaxDocumentBytes from r and parses them with
// [Parse].
func Read(r io.Reader) (*Input, error) { return vocab.ReadWith(r, Parse) }

// Load reads and parses the report input file at path.
func Load(path string) (*Input, error) { return vocab.LoadWith(path, Parse) }

// Decode is the former name of [Parse].
//
// Deprecated: use Parse; Decode will be removed in the next release.
func Decode(data []byte) (*Input, error) { return Parse(data) }

// Parse decodes a report input strictly: unknown fields, values of the
// wrong type, malformed dates and trailing data are errors naming the JSON
// path of the bad value. It checks the form only; [Assemble] checks the
// content.
func Parse(data []byte) (*Input, error) {
	var in Input
	if err := vocab.DecodeJSON(data, &in); err != nil {
		return nil, fmt.Errorf("annualreport: input: %w", err)
	}
	return &in, nil
}
