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

// Methods lists the standard delivery methods in a fixed order. A
// partnership uses those its file lists under training.methods, with its
// own wording, together with any it declares as its own.
func Methods() []Method { return masa.StandardAs[Method](masa.TrainingMethods) }

// EvidenceTypes lists the standard kinds of evaluation evidence in a fixed
// order.
func EvidenceTypes() []EvidenceType { return masa.StandardAs[EvidenceType](masa.TrainingEvaluation) }

// arrangements is what the partnership's file says about training: the
// IDs it lists, in file order, with its wording.
type arrangements struct {
	name         string
	subCommittee string
	sources      vocab.Terms[vocab.LearningSource]
	methods      vocab.Terms[Method]
	evidence     vocab.Terms[EvidenceType]
	toolkit      string
	reportTo     string
}

// arrangementsOf reads the partnership's training arrangements. The
// partnership uses exactly the sources, methods and kinds of evidence its
// file lists.
func arrangementsOf(p *masa.Partnership) (*arrangements, error) {
	if p == nil {
		return nil, vocab.Invalid("partnership", "required", "", "is missing")
	}
	t := p.Training
	if t == nil {
		return nil, vocab.NotFound("training", p.Name, "is not described: the partnership has no training arrangements")
	}
	if ps := p.CatalogueProblems(); len(ps) > 0 {
		return nil, ps
	}
	a := &arrangements{name: p.Name, subCommittee: string(t.SubCommittee), toolkit: t.Toolkit, reportTo: t.ImpactReport,
		sources: masa.TermsOf[vocab.LearningSource](p, masa.TrainingSources), methods: masa.TermsOf[Method](p, masa.TrainingMethods),
		evidence: masa.TermsOf[EvidenceType](p, masa.TrainingEvaluation)}
	for _, sc := range p.SubCommittees {
		if sc.ID == t.SubCommittee {
			a.subCommittee = sc.Name
		}
	}
	return a, nil
}

// MethodsOf returns the delivery methods the partnership's file lists, in
// file order, with its wording.
func MethodsOf(p *masa.Partnership) (vocab.Terms[Method], error) {
	a, err := arrangementsOf(p)
	if err != nil {
		return nil, fmt.Errorf("training: %w", err)
	}
	return a.methods, nil
}

// EvidenceTypesOf returns the kinds of evaluation evidence the
// partnership's file lists, in file order, with its wording.
func EvidenceTypesOf(p *masa.Partnership) (vocab.Terms[EvidenceType], error) {
	a, err := arrangementsOf(p)
	if err != nil {
		return nil, fmt.Errorf("training: %w", err)
	}
	return a.evidence, nil
}

// SourcesOf returns the sources of learning the partnership's file lists,
// in file order, with its wording.
func SourcesOf(p *masa.Partnership) (vocab.Terms[vocab.LearningSource], error) {
	a, err := arrangementsOf(p)
	if err != nil {
		return nil, fmt.Errorf("training: %w", err)
	}
	return a.sources, nil
}
