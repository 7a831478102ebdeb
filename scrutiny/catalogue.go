package scrutiny

import (
	"fmt"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
)

// Function is a means by which the partnership scrutinises its
// arrangements.
type Function string

// The six scrutiny functions.
const (
	// FunctionYoungPeople is children and young people's groups: children
	// as the partnership's independent scrutiny.
	FunctionYoungPeople Function = "young-peoples-groups"
	// FunctionParentsViews is the views of parents involved in child
	// protection conferences.
	FunctionParentsViews Function = "parents-views"
	// FunctionReviewsAudits is child safeguarding practice reviews and
	// multi-agency case audits.
	FunctionReviewsAudits Function = "reviews-and-audits"
	// FunctionInspections is inspections and peer learning reviews across
	// the statutory agencies.
	FunctionInspections Function = "inspections"
	// FunctionStocktake is a stocktake of what is already known, including
	// from agencies' own inspections.
	FunctionStocktake Function = "stocktake"
	// FunctionPeerReviews is peer review, across the local groups and with
	// comparable partnerships in the region.
	FunctionPeerReviews Function = "peer-reviews"
)

// Aim is something scrutiny is for.
type Aim string

// The five aims of scrutiny.
const (
	// AimEffectiveness is judging how well the arrangements work for
	// children, families and practitioners.
	AimEffectiveness Aim = "effectiveness"
	// AimLeadership is making sure the statutory partners lead strongly.
	AimLeadership Aim = "leadership"
	// AimReports is reporting to the statutory partners on areas of
	// safeguarding.
	AimReports Aim = "reports"
	// AimAnnualReport is reviewing the yearly report before it is
	// published.
	AimAnnualReport Aim = "annual-report"
	// AimChallenge is strategic challenge and reflection for continuous
	// improvement.
	AimChallenge Aim = "challenge"
)

// Voice is a way the voices of children and families reach the
// partnership: a mechanism that involves them, or a data source.
type Voice string

// The voice mechanisms and data sources.
const (
	VoiceCaseAudits      Voice = "case-audits"
	VoiceGroups          Voice = "councils-and-groups"
	VoicePanels          Voice = "service-user-panels"
	VoiceInvolvementTeam Voice = "involvement-team"
	VoicePerformance     Voice = "performance-teams"
	VoiceCommissioning   Voice = "commissioning"
)

// VoiceKind says whether a Voice is a mechanism or a data source.
type VoiceKind string

// The kinds of voice source.
const (
	KindMechanism  VoiceKind = "mechanism"
	KindDataSource VoiceKind = "data-source"
)

// Functions lists the standard scrutiny functions in a fixed order. A
// partnership uses those its file lists under scrutiny.functions, with its
// own wording, together with any it declares as its own.
func Functions() []Function { return masa.StandardAs[Function](masa.ScrutinyFunctions) }

// Aims lists the standard aims in a fixed order.
func Aims() []Aim { return masa.StandardAs[Aim](masa.ScrutinyAims) }

// Voices lists the standard mechanisms and then the standard data sources,
// in a fixed order.
func Voices() []Voice {
	return append(masa.StandardAs[Voice](masa.VoiceMechanisms), masa.StandardAs[Voice](masa.VoiceDataSources)...)
}

// Arrangements is what the partnership's file says about scrutiny and the
// voices of children and families: the IDs it lists, in file order, each
// with the partnership's wording.
type Arrangements struct {
	// LeadArea is the lead area whose holder oversees scrutiny.
	LeadArea vocab.ID `json:"leadArea"`
	// Functions are the partnership's scrutiny functions.
	Functions vocab.Terms[Function] `json:"functions"`
	// Aims are the aims its scrutiny serves.
	Aims vocab.Terms[Aim] `json:"aims"`
	// Mechanisms and DataSources are the ways children and families are
	// heard.
	Mechanisms  vocab.Terms[Voice] `json:"mechanisms"`
	DataSources vocab.Terms[Voice] `json:"dataSources"`
}

// Voices returns the mechanisms and then the data sources as one list of
// terms.
func (a *Arrangements) Voices() vocab.Terms[Voice] {
	return append(append(vocab.Terms[Voice]{}, a.Mechanisms...), a.DataSources...)
}

// Kind says whether v is one of the partnership's mechanisms or data
// sources; it is empty when the partnership lists v as neither.
func (a *Arrangements) Kind(v Voice) VoiceKind {
	switch {
	case a.Mechanisms.Has(v):
		return KindMechanism
	case a.DataSources.Has(v):
		return KindDataSource
	}
	return ""
}

// ArrangementsOf reads p's scrutiny arrangements. The partnership uses
// exactly the functions, aims, mechanisms and data sources its file lists;
// a file with no voice section has no voice sources. Catalogue problems
// (see masa.Partnership.CatalogueProblems) are reported by their path,
// such as "scrutiny.functions[1].id".
func ArrangementsOf(p *masa.Partnership) (*Arrangements, error) {
	if p == nil {
		return nil, fmt.Errorf("scrutiny: %w", vocab.Invalid("partnership", "required", "", "is missing"))
	}
	s := p.Scrutiny
	if s == nil {
		return nil, fmt.Errorf("scrutiny: %w", vocab.NotFound("scrutiny", p.Name, "is not described: the partnership has no independent scrutiny arrangements"))
	}
	if err := p.CatalogueProblems().Err(); err != nil {
		return nil, fmt.Errorf("scrutiny: %w", err)
	}
	return &Arrangements{LeadArea: s.LeadArea,
		Functions:  masa.TermsOf[Function](p, masa.ScrutinyFunctions),
		Aims:       masa.TermsOf[Aim](p, masa.ScrutinyAims),
		Mechanisms: masa.TermsOf[Voice](p, masa.VoiceMechanisms), DataSources: masa.TermsOf[Voice](p, masa.VoiceDataSources)}, nil
}

// VoicesOf returns the voice mechanisms and then the data sources p lists,
// in file order, with p's wording; a file with no voice section lists
// none. It does not need scrutiny arrangements.
func VoicesOf(p *masa.Partnership) (vocab.Terms[Voice], error) {
	if p == nil {
		return nil, fmt.Errorf("scrutiny: %w", vocab.Invalid("partnership", "required", "", "is missing"))
	}
	if err := p.CatalogueProblems().Err(); err != nil {
		return nil, fmt.Errorf("scrutiny: %w", err)
	}
	return append(masa.TermsOf[Voice](p, masa.VoiceMechanisms), masa.TermsOf[Voice](p, masa.VoiceDataSources)...), nil
}

// Lead returns who holds the partnership's scrutiny lead area on date on,
// following the lead-area rotation. In Essex in 2020-21 it is the
// Executive Director of Children's Services.
func Lead(p *masa.Partnership, on vocab.Date) (masa.Holding, error) {
	a, err := ArrangementsOf(p)
	if err != nil {
		return masa.Holding{}, err
	}
	h, err := p.LeadHolder(a.LeadArea, on)
	if err != nil {
		return h, fmt.Errorf("scrutiny: lead on %s: %w", on, err)
	}
	return h, nil
}
