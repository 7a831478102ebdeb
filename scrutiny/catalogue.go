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

var functionTerms = vocab.Terms[Function]{
	{ID: FunctionYoungPeople, Label: "children and young people's groups"},
	{ID: FunctionParentsViews, Label: "parents' views from child protection conferences"},
	{ID: FunctionReviewsAudits, Label: "child safeguarding practice reviews and multi-agency case audits"},
	{ID: FunctionInspections, Label: "inspections and peer learning reviews across the statutory agencies"},
	{ID: FunctionStocktake, Label: "a stocktake of what is already known"},
	{ID: FunctionPeerReviews, Label: "peer reviews across the Stay Safe Groups and with comparable partnerships in the Eastern region"},
}

var aimTerms = vocab.Terms[Aim]{
	{ID: AimEffectiveness, Label: "how effectively the arrangements work for children, families and practitioners"},
	{ID: AimLeadership, Label: "strong leadership by the statutory partners"},
	{ID: AimReports, Label: "reports to the statutory partners on areas of safeguarding"},
	{ID: AimAnnualReport, Label: "review of the annual report before publication"},
	{ID: AimChallenge, Label: "effective strategic challenge and reflection for continuous improvement"},
}

var mechanismTerms = vocab.Terms[Voice]{
	{ID: VoiceCaseAudits, Label: "Multi-agency case audits"},
	{ID: VoiceGroups, Label: "School councils, youth groups and support groups"},
	{ID: VoicePanels, Label: "Service user panels"},
}

var dataSourceTerms = vocab.Terms[Voice]{
	{ID: VoiceInvolvementTeam, Label: "The Children & Young People's Involvement Team (Essex County Council)"},
	{ID: VoicePerformance, Label: "Performance teams across the partnership"},
	{ID: VoiceCommissioning, Label: "Commissioning"},
}

// Functions lists the six functions in a fixed order.
func Functions() []Function { return functionTerms.IDs() }

// Valid reports whether f is one of the six functions.
func (f Function) Valid() bool { return functionTerms.Has(f) }

// Label returns the partnership model's wording for f.
func (f Function) Label() string { return functionTerms.Label(f) }

// Aims lists the five aims in a fixed order.
func Aims() []Aim { return aimTerms.IDs() }

// Valid reports whether a is one of the five aims.
func (a Aim) Valid() bool { return aimTerms.Has(a) }

// Label returns the partnership model's wording for a.
func (a Aim) Label() string { return aimTerms.Label(a) }

// Voices lists the three mechanisms and then the three data sources, in a
// fixed order.
func Voices() []Voice { return append(mechanismTerms.IDs(), dataSourceTerms.IDs()...) }

// Valid reports whether v is a known mechanism or data source.
func (v Voice) Valid() bool { return v.Kind() != "" }

// Kind says whether v is a mechanism or a data source; it is empty when v
// is not valid.
func (v Voice) Kind() VoiceKind {
	switch {
	case mechanismTerms.Has(v):
		return KindMechanism
	case dataSourceTerms.Has(v):
		return KindDataSource
	}
	return ""
}

// Label returns the partnership model's wording for v.
func (v Voice) Label() string {
	if v.Kind() == KindDataSource {
		return dataSourceTerms.Label(v)
	}
	return mechanismTerms.Label(v)
}

// Arrangements is what the partnership model says about scrutiny and the
// voices of children and families, mapped to stable IDs, in the fixed
// orders of Functions, Aims and Voices.
type Arrangements struct {
	// LeadArea is the lead area whose holder oversees scrutiny.
	LeadArea vocab.ID `json:"leadArea"`
	// Functions are the partnership's scrutiny functions.
	Functions []Function `json:"functions"`
	// Aims are the aims its scrutiny serves.
	Aims []Aim `json:"aims"`
	// Voices are the mechanisms and data sources through which children
	// and families are heard.
	Voices []Voice `json:"voices"`
}

// ArrangementsOf reads p's scrutiny arrangements. Empty lists in the model
// stand for every function, aim, mechanism or data source; a model with
// no voice section has no voice sources. Wording the package does not know
// is reported by its path, such as "scrutiny.functions[1]".
func ArrangementsOf(p *masa.Partnership) (*Arrangements, error) {
	if p == nil {
		return nil, fmt.Errorf("scrutiny: %w", vocab.Invalid("partnership", "required", "", "is missing"))
	}
	s := p.Scrutiny
	if s == nil {
		return nil, fmt.Errorf("scrutiny: %w", vocab.NotFound("scrutiny", p.Name, "is not described: the partnership has no independent scrutiny arrangements"))
	}
	fs, ps := functionTerms.Resolve("scrutiny.functions", s.Functions)
	as, aps := aimTerms.Resolve("scrutiny.aims", s.Aims)
	ps = append(ps, aps...)
	a := &Arrangements{LeadArea: s.LeadArea, Functions: functionTerms.InOrder(fs), Aims: aimTerms.InOrder(as)}
	var vps vocab.Problems
	a.Voices, vps = voicesOf(p)
	if err := append(ps, vps...).Err(); err != nil {
		return nil, fmt.Errorf("scrutiny: %w", err)
	}
	return a, nil
}

// VoicesOf returns the voice mechanisms and data sources p names, in the
// fixed order of [Voices]; a model with no voice section names none. It
// does not need scrutiny arrangements. Wording the package does not know
// is reported by its path, such as "voice.mechanisms[1]".
func VoicesOf(p *masa.Partnership) ([]Voice, error) {
	if p == nil {
		return nil, fmt.Errorf("scrutiny: %w", vocab.Invalid("partnership", "required", "", "is missing"))
	}
	vs, ps := voicesOf(p)
	if err := ps.Err(); err != nil {
		return nil, fmt.Errorf("scrutiny: %w", err)
	}
	return vs, nil
}

func voicesOf(p *masa.Partnership) ([]Voice, vocab.Problems) {
	if p.Voice == nil {
		return []Voice{}, nil
	}
	ms, ps := mechanismTerms.Resolve("voice.mechanisms", p.Voice.Mechanisms)
	ds, dps := dataSourceTerms.Resolve("voice.dataSources", p.Voice.DataSources)
	return append(mechanismTerms.InOrder(ms), dataSourceTerms.InOrder(ds)...), append(ps, dps...)
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
