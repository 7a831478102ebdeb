package training

import (
	"fmt"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
)

// Method is a way of delivering multi-agency training.
type Method string

// The five delivery methods.
const (
	MethodELearning      Method = "e-learning"
	MethodFaceToFace     Method = "face-to-face"
	MethodConferences    Method = "conferences"
	MethodCaseStudies    Method = "case-studies"
	MethodActionLearning Method = "action-learning"
)

// EvidenceType is a kind of evidence of the impact of training, as set out
// in the partnership's monitoring and evaluation toolkit.
type EvidenceType string

// The five kinds of evaluation evidence.
const (
	EvidencePractitionerFeedback EvidenceType = "practitioner-feedback"
	EvidencePracticeAudits       EvidenceType = "practice-audits"
	EvidenceSupervision          EvidenceType = "supervision"
	EvidencePracticeChange       EvidenceType = "practice-change"
	EvidenceLearningAudits       EvidenceType = "learning-development-audits"
)

var methodTerms = vocab.Terms[Method]{
	{ID: MethodELearning, Label: "e-learning"},
	{ID: MethodFaceToFace, Label: "face-to-face training"},
	{ID: MethodConferences, Label: "conferences"},
	{ID: MethodCaseStudies, Label: "case studies"},
	{ID: MethodActionLearning, Label: "action learning through the Stay Safe Groups"},
}

var evidenceTerms = vocab.Terms[EvidenceType]{
	{ID: EvidencePractitionerFeedback, Label: "practitioner feedback"},
	{ID: EvidencePracticeAudits, Label: "practice audits"},
	{ID: EvidenceSupervision, Label: "supervision"},
	{ID: EvidencePracticeChange, Label: "examples of practice change from individual action plans"},
	{ID: EvidenceLearningAudits, Label: "learning and development audits"},
}

var sourceLabels = map[vocab.LearningSource]string{
	vocab.SourceBoardPriorities:  "Board priorities",
	vocab.SourcePracticeReviews:  "local safeguarding practice reviews",
	vocab.SourceCaseAudits:       "multi-agency case audits",
	vocab.SourceInspections:      "inspections",
	vocab.SourcePriorities:       "local and national priorities",
	vocab.SourceSection11Audits:  "section 11 audits",
	vocab.SourceTrainingFeedback: "feedback from training",
	vocab.SourceEmergingIssues:   "emerging issues",
}

// Methods lists the five delivery methods in a fixed order.
func Methods() []Method { return methodTerms.IDs() }

// Valid reports whether m is one of the five delivery methods.
func (m Method) Valid() bool { return methodTerms.Has(m) }

// Label returns the partnership model's wording for m, such as
// "face-to-face training".
func (m Method) Label() string { return methodTerms.Label(m) }

// EvidenceTypes lists the five kinds of evaluation evidence in a fixed
// order.
func EvidenceTypes() []EvidenceType { return evidenceTerms.IDs() }

// Valid reports whether e is one of the five kinds of evidence.
func (e EvidenceType) Valid() bool { return evidenceTerms.Has(e) }

// Label returns the partnership model's wording for e, such as
// "practitioner feedback".
func (e EvidenceType) Label() string { return evidenceTerms.Label(e) }

// SourceLabel returns a short English name for a source of learning, such
// as "multi-agency case audits", or the source itself when it is unknown.
func SourceLabel(s vocab.LearningSource) string {
	if l, ok := sourceLabels[s]; ok {
		return l
	}
	return string(s)
}

// arrangements is what the partnership model says about training, with its
// lists mapped to stable IDs.
type arrangements struct {
	name         string
	subCommittee string
	sources      map[vocab.LearningSource]bool
	methods      map[Method]bool
	evidence     map[EvidenceType]bool
	toolkit      string
	reportTo     string
}

// arrangementsOf reads the partnership's training arrangements. Empty
// lists in the model stand for every source, method or evidence type.
func arrangementsOf(p *masa.Partnership) (*arrangements, error) {
	if p == nil {
		return nil, vocab.Invalid("partnership", "required", "", "is missing")
	}
	t := p.Training
	if t == nil {
		return nil, vocab.NotFound("training", p.Name, "is not described: the partnership has no training arrangements")
	}
	a := &arrangements{name: p.Name, subCommittee: string(t.SubCommittee), toolkit: t.Toolkit, reportTo: t.ImpactReport}
	for _, sc := range p.SubCommittees {
		if sc.ID == t.SubCommittee {
			a.subCommittee = sc.Name
		}
	}
	var ps vocab.Problems
	a.sources = make(map[vocab.LearningSource]bool)
	for i, s := range t.Sources {
		if !s.Valid() {
			ps.Add(vocab.Invalid(fmt.Sprintf("training.sources[%d]", i), "learning-source", string(s), "is not one of the eight sources of learning"))
		}
		a.sources[s] = true
	}
	if len(t.Sources) == 0 {
		for _, s := range vocab.LearningSources() {
			a.sources[s] = true
		}
	}
	var mp, ep vocab.Problems
	a.methods, mp = methodTerms.Resolve("training.methods", t.Methods)
	a.evidence, ep = evidenceTerms.Resolve("training.evaluation", t.Evaluation)
	ps = append(append(ps, mp...), ep...)
	if len(ps) > 0 {
		return nil, ps
	}
	return a, nil
}

// MethodsOf returns the delivery methods the partnership's model lists, in
// the fixed order of [Methods]. An error names each entry of
// training.methods whose wording is not known.
func MethodsOf(p *masa.Partnership) ([]Method, error) {
	a, err := arrangementsOf(p)
	if err != nil {
		return nil, fmt.Errorf("training: %w", err)
	}
	return methodTerms.InOrder(a.methods), nil
}

// EvidenceTypesOf returns the kinds of evaluation evidence the
// partnership's model lists, in the fixed order of [EvidenceTypes].
func EvidenceTypesOf(p *masa.Partnership) ([]EvidenceType, error) {
	a, err := arrangementsOf(p)
	if err != nil {
		return nil, fmt.Errorf("training: %w", err)
	}
	return evidenceTerms.InOrder(a.evidence), nil
}
