package vocab

// LearningSource names where a piece of learning came from. The eight
// sources are those a partnership's annual training needs analysis draws
// on.
type LearningSource string

// The sources of learning.
const (
	SourceBoardPriorities  LearningSource = "board-priorities"
	SourcePracticeReviews  LearningSource = "practice-reviews"
	SourceCaseAudits       LearningSource = "case-audits"
	SourceInspections      LearningSource = "inspections"
	SourcePriorities       LearningSource = "local-national-priorities"
	SourceSection11Audits  LearningSource = "section-11-audits"
	SourceTrainingFeedback LearningSource = "training-feedback"
	SourceEmergingIssues   LearningSource = "emerging-issues"
)

// LearningSources lists the eight sources in a fixed order.
func LearningSources() []LearningSource {
	return []LearningSource{
		SourceBoardPriorities, SourcePracticeReviews, SourceCaseAudits, SourceInspections,
		SourcePriorities, SourceSection11Audits, SourceTrainingFeedback, SourceEmergingIssues,
	}
}

// Valid reports whether s is one of the eight sources.
func (s LearningSource) Valid() bool {
	for _, v := range LearningSources() {
		if s == v {
			return true
		}
	}
	return false
}

// Audience is the workforce a piece of learning or training is for. The
// learning and development sub-committee is joint for children and adults.
type Audience string

// The audiences.
const (
	AudienceChildren Audience = "children"
	AudienceAdults   Audience = "adults"
	AudienceBoth     Audience = "both"
)

// Valid reports whether a is a known audience.
func (a Audience) Valid() bool {
	return a == AudienceChildren || a == AudienceAdults || a == AudienceBoth
}

// Learning is one item of learning that one package produces and another
// consumes: a finding of a practice review handed to the training needs
// analysis, for example. It carries a theme, never a child's details; Ref
// is an opaque reference to the review, audit or inspection it came from.
type Learning struct {
	Ref      string         `json:"ref"`
	Source   LearningSource `json:"source"`
	Theme    string         `json:"theme"`
	Date     Date           `json:"date"`
	Severity int            `json:"severity"`
	Audience Audience       `json:"audience"`
}
