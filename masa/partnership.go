package masa

import (
	"github.com/masa-go/masa/vocab"
	"github.com/shopspring/decimal"
)

// Partnership is one local partnership's safeguarding arrangements for one
// edition of its published plan.
type Partnership struct {
	// ID is a stable identifier for the partnership, such as "escb".
	ID vocab.ID `json:"id" validate:"id"`
	// Name is the partnership's public name.
	Name string `json:"name" validate:"required,max=200"`
	// ShortName is its abbreviation, such as "ESCB".
	ShortName string `json:"shortName,omitempty" validate:"max=20"`
	// Area describes the geography and population covered.
	Area Area `json:"area"`
	// Arrangements describes this edition of the published arrangements.
	Arrangements Arrangements `json:"arrangements"`
	// Organisations lists every organisation the data refers to, once.
	Organisations []Organisation `json:"organisations" validate:"required,dive"`
	// StatutoryPartners lists the organisations that fill the statutory
	// safeguarding partner roles.
	StatutoryPartners []StatutoryPartner `json:"statutoryPartners" validate:"dive"`
	// RelevantAgencies lists the agencies the statutory partners have
	// designated as relevant agencies.
	RelevantAgencies []RelevantAgency `json:"relevantAgencies" validate:"dive"`
	// OtherPartners lists organisations that take part without being
	// statutory partners or designated relevant agencies.
	OtherPartners []OtherPartner `json:"otherPartners,omitempty" validate:"dive"`
	// Governance describes the chair, vice chair and executive board.
	Governance Governance `json:"governance"`
	// SubCommittees lists the sub-committees and task-and-finish groups.
	SubCommittees []SubCommittee `json:"subCommittees" validate:"dive"`
	// LocalGroups lists the local practice groups (Stay Safe Groups in
	// Essex).
	LocalGroups []LocalGroup `json:"localGroups" validate:"dive"`
	// Assembly describes the wider assembly of partnership boards.
	Assembly *Assembly `json:"assembly,omitempty"`
	// JointWorking describes work shared with neighbouring partnerships.
	JointWorking *JointWorking `json:"jointWorking,omitempty"`
	// LeadAreas lists the statutory partners' lead areas.
	LeadAreas []LeadArea `json:"leadAreas" validate:"dive"`
	// Vision is the partnership's vision statement.
	Vision string `json:"vision,omitempty"`
	// Values lists the partnership's values and principles.
	Values []string `json:"values,omitempty"`
	// Threshold describes the levels-of-need threshold document.
	Threshold *Threshold `json:"threshold,omitempty"`
	// Voice lists how the voices of children and families are heard.
	Voice *Voice `json:"voice,omitempty"`
	// Escalation lists the stages of dispute resolution, lowest first.
	Escalation []EscalationStage `json:"escalation" validate:"dive"`
	// Reviews describes the partnership's arrangements for practice
	// reviews.
	Reviews *ReviewArrangements `json:"reviews,omitempty"`
	// Training describes multi-agency training arrangements.
	Training *TrainingArrangements `json:"training,omitempty"`
	// Scrutiny describes independent scrutiny arrangements.
	Scrutiny *ScrutinyArrangements `json:"scrutiny,omitempty"`
	// Funding is the published funding table.
	Funding *FundingTable `json:"funding,omitempty"`
	// Contact is the partnership's published contact block.
	Contact *Contact `json:"contact,omitempty"`
	// Successions records organisations replaced by successors after the
	// edition was published, such as clinical commissioning groups
	// replaced by integrated care boards. See Partnership.AsOf.
	Successions []Succession `json:"successions,omitempty" validate:"dive"`
	// Notes say where values come from: the seed or document behind a
	// value, values inferred rather than stated, and places where the
	// published plan contradicts itself. Each is keyed by the JSON path of
	// the value it is about.
	Notes []DataNote `json:"notes,omitempty" validate:"dive"`
	// Texts holds optional text blocks, keyed by section ID, that the
	// partnership supplies for its published plan in place of the
	// generated text.
	Texts map[string]string `json:"texts,omitempty"`

	// ruleSets, when set by WithRuleSets, replace the embedded rule sets
	// for this partnership.
	ruleSets []RuleSet
}

// Area describes the geography and population a partnership covers.
type Area struct {
	// Name is the area's name, such as "Essex".
	Name string `json:"name" validate:"required"`
	// Population is the total population.
	Population int `json:"population,omitempty" validate:"gte=0"`
	// Children is the number of children and young people under 18.
	Children int `json:"children,omitempty" validate:"gte=0,ltefield=Population"`
	// DistrictCouncils is the number of city, district and borough
	// councils in a two-tier area (0 for a unitary area).
	DistrictCouncils int `json:"districtCouncils" validate:"gte=0"`
	// UnitaryAuthoritiesOutside names unitary authorities within the
	// geographical county that are outside the arrangements.
	UnitaryAuthoritiesOutside []string `json:"unitaryAuthoritiesOutside,omitempty"`
	// HealthBodies is the number of health commissioning bodies (CCGs or
	// ICBs) covering the area.
	HealthBodies int `json:"healthBodies" validate:"gte=0"`
	// HealthSystems is the number of sustainability and transformation
	// partnerships or integrated care systems the health bodies sit in.
	HealthSystems int `json:"healthSystems" validate:"gte=0"`
	// HealthBodiesInCounty is the number of health bodies covering the
	// whole geographical county, including unitary areas outside the
	// arrangements.
	HealthBodiesInCounty int `json:"healthBodiesInCounty,omitempty" validate:"gte=0"`
	// HealthSystemsOverlapping is how many of those systems also cover
	// other counties.
	HealthSystemsOverlapping int `json:"healthSystemsOverlapping,omitempty" validate:"gte=0,ltefield=HealthSystems"`
}

// Arrangements describes one edition of the published arrangements.
type Arrangements struct {
	// Title is the document title, such as "Multi-Agency Safeguarding
	// Arrangements".
	Title string `json:"title" validate:"required"`
	// Year is the financial year the edition covers.
	Year vocab.FinancialYear `json:"year" validate:"required"`
	// Published is the publication date of this edition.
	Published vocab.Date `json:"published" validate:"required"`
	// Edition counts publications of the arrangements (2 for the second).
	Edition int `json:"edition,omitempty" validate:"gte=0"`
	// GoLive is the date the partnership's arrangements replaced its Local
	// Safeguarding Children Board.
	GoLive vocab.Date `json:"goLive"`
	// Adoptions records, by rule set ID, the date the partnership adopted
	// an edition of the guidance that had an implementation period, such
	// as {"wt-2023": "2024-09-01"}. With none recorded, the edition
	// applies from its national deadline (masa.RuleSet.AdoptBy).
	Adoptions map[vocab.ID]vocab.Date `json:"adoptions,omitempty"`
	// Framework names the statutory guidance the edition follows.
	Framework string `json:"framework,omitempty"`
	// Boundary says which boundary defines the area.
	Boundary string `json:"boundary,omitempty"`
	// OutOfAreaDuty records that the partners' duties extend to children
	// from the area who live or are placed outside it.
	OutOfAreaDuty bool `json:"outOfAreaDuty,omitempty"`
	// RetainsName records that the partnership kept its former board's
	// name and brand.
	RetainsName bool `json:"retainsName,omitempty"`
}

// Organisation is any organisation named in the data.
type Organisation struct {
	ID vocab.ID `json:"id" validate:"id"`
	// Name is the organisation's full name.
	Name string `json:"name" validate:"required,max=300"`
	// Abbrev is its abbreviation, if it has a common one.
	Abbrev string `json:"abbrev,omitempty" validate:"max=30"`
	// Kind classifies the organisation, for example "county-council",
	// "police-force", "ccg", "icb", "nhs-trust", "group".
	Kind string `json:"kind,omitempty"`
	// Members is, for an organisation that stands for a group (such as
	// the district councils), the number of member bodies.
	Members int `json:"members,omitempty" validate:"gte=0"`
}

// Representative is the post that represents an organisation on the
// executive board.
type Representative struct {
	// Title is the post, such as "Director of Children's Services".
	Title string `json:"title" validate:"required"`
	// Covers says which part of the area the post covers, where one post
	// covers several organisations.
	Covers string `json:"covers,omitempty"`
}

// StatutoryPartner is an organisation filling a statutory partner role.
type StatutoryPartner struct {
	Org  vocab.ID   `json:"org" validate:"id"`
	Role vocab.Role `json:"role" validate:"role"`
	// Body is the kind of statutory body: "local-authority",
	// "police-force", "ccg" or "icb". The rule set in force says which
	// kinds may fill each role.
	Body string `json:"body" validate:"required"`
	// Representative is the post representing the partner on the board.
	Representative Representative `json:"representative"`
	// LeadTitle is the post that leads for the partner in lead areas, such
	// as "Assistant Chief Constable".
	LeadTitle string `json:"leadTitle,omitempty"`
	// LeadPartner is the post of the lead safeguarding partner, such as
	// "Chief Constable", where the rule set names lead partners.
	LeadPartner string `json:"leadPartner,omitempty"`
	// Delegate is the post of the delegated safeguarding partner the lead
	// partner names, such as "Director of Children's Services".
	Delegate string `json:"delegate,omitempty"`
}

// Category classifies a relevant agency.
type Category string

// The categories of relevant agency.
const (
	CategoryEducation     Category = "education"
	CategoryEarlyYears    Category = "early-years"
	CategoryHealth        Category = "health"
	CategoryPoliceJustice Category = "police-and-justice"
	CategoryLocalGov      Category = "local-government"
	CategoryVoluntary     Category = "voluntary-and-community"
	CategoryOther         Category = "other"
)

// Categories lists the categories in display order.
func Categories() []Category {
	return []Category{CategoryEducation, CategoryEarlyYears, CategoryHealth, CategoryPoliceJustice, CategoryLocalGov, CategoryVoluntary, CategoryOther}
}

// Valid reports whether c is a known category.
func (c Category) Valid() bool {
	for _, v := range Categories() {
		if c == v {
			return true
		}
	}
	return false
}

// Forum is a part of the partnership's structure in which an agency takes
// part.
type Forum string

// The forums.
const (
	ForumExecutiveBoard Forum = "executive-board"
	ForumSubCommittees  Forum = "sub-committees"
	ForumAssembly       Forum = "assembly"
	ForumLocalGroups    Forum = "local-groups"
)

// Forums lists the forums in display order.
func Forums() []Forum {
	return []Forum{ForumExecutiveBoard, ForumSubCommittees, ForumAssembly, ForumLocalGroups}
}

// Valid reports whether f is a known forum.
func (f Forum) Valid() bool {
	for _, v := range Forums() {
		if f == v {
			return true
		}
	}
	return false
}

// Count is a number the plan gives for an agency, such as the number of
// school settings, marked approximate where the plan says "about".
type Count struct {
	Value       int    `json:"value" validate:"gte=0"`
	Approximate bool   `json:"approximate,omitempty"`
	What        string `json:"what" validate:"required"`
}

// RelevantAgency is an agency designated as a relevant agency.
type RelevantAgency struct {
	Org      vocab.ID `json:"org" validate:"id"`
	Category Category `json:"category" validate:"category"`
	// TakesPart lists the forums the agency takes part in.
	TakesPart []Forum `json:"takesPart,omitempty" validate:"dive,forum"`
	// Count is a size the plan gives, such as 555 school settings.
	Count *Count `json:"count,omitempty"`
}

// OtherPartner is an organisation that takes part in the arrangements
// without being a statutory partner or a designated relevant agency.
type OtherPartner struct {
	Org       vocab.ID `json:"org" validate:"id"`
	TakesPart []Forum  `json:"takesPart,omitempty" validate:"dive,forum"`
	// Role says in a phrase why the organisation takes part.
	Role string `json:"role,omitempty"`
}

// Chair describes the chair of the executive board.
type Chair struct {
	// Title is the post, such as "Independent Chair Facilitator".
	Title string `json:"title" validate:"required"`
	// Name is the post holder's name, where published.
	Name string `json:"name,omitempty"`
	// Appointed is the year of appointment.
	Appointed int `json:"appointed,omitempty"`
	// Independent records that the chair is independent of the partners.
	Independent bool `json:"independent"`
	// Statutory records whether the role carries statutory
	// responsibilities.
	Statutory bool `json:"statutory"`
	// ElectedBy says who chose the chair.
	ElectedBy string `json:"electedBy,omitempty"`
}

// BoardSeat is one seat, or group of seats, on the executive board.
type BoardSeat struct {
	// Label is how the plan names the seat, such as "Education".
	Label string `json:"label" validate:"required"`
	// Orgs are the organisations the seat represents; each must be a
	// statutory partner, a relevant agency or another partner.
	Orgs []vocab.ID `json:"orgs" validate:"required,dive,id"`
	// Representative is the post holding the seat, where published.
	Representative string `json:"representative,omitempty"`
	// Statutory marks the statutory partners' own seats.
	Statutory bool `json:"statutory,omitempty"`
}

// Board describes the executive board.
type Board struct {
	// ID identifies the board as the target of reporting lines.
	ID              vocab.ID    `json:"id" validate:"id"`
	Name            string      `json:"name" validate:"required"`
	MeetingsPerYear int         `json:"meetingsPerYear" validate:"gte=0,lte=52"`
	Themed          bool        `json:"themed,omitempty"`
	Seats           []BoardSeat `json:"seats" validate:"required,dive"`
}

// Governance describes how the partnership is led.
type Governance struct {
	Chair Chair `json:"chair"`
	// ViceChairRole is the statutory role whose partner covers the vice
	// chair, if the arrangements fix one.
	ViceChairRole vocab.Role `json:"viceChairRole,omitempty" validate:"omitempty,role"`
	// PartnersMeetBeforeBoard records that the statutory partners meet
	// before each board meeting to agree its agenda.
	PartnersMeetBeforeBoard bool  `json:"partnersMeetBeforeBoard,omitempty"`
	Board                   Board `json:"board"`
}

// SubCommittee is a sub-committee or task-and-finish group.
type SubCommittee struct {
	ID   vocab.ID `json:"id" validate:"id"`
	Name string   `json:"name" validate:"required"`
	// Purpose says in a phrase what the group does.
	Purpose string `json:"purpose,omitempty"`
	// ReportsTo is the ID of the body the group reports to ("board" for
	// the executive board).
	ReportsTo vocab.ID `json:"reportsTo" validate:"id"`
	// Joint records that the group serves both the children's and the
	// adults' safeguarding boards.
	Joint bool `json:"joint,omitempty"`
	// TaskAndFinish marks a time-limited group.
	TaskAndFinish bool `json:"taskAndFinish,omitempty"`
	// Examples lists example topics for task-and-finish groups.
	Examples []string `json:"examples,omitempty"`
}

// LocalGroup is a local practice group, such as an Essex Stay Safe Group.
type LocalGroup struct {
	ID       vocab.ID `json:"id" validate:"id"`
	Name     string   `json:"name" validate:"required"`
	Quadrant string   `json:"quadrant,omitempty"`
	// Reporting says how the group reports, such as "quarterly combined
	// report to the executive board".
	Reporting string `json:"reporting,omitempty"`
	// ReportsPerYear is how often it reports.
	ReportsPerYear int `json:"reportsPerYear,omitempty" validate:"gte=0,lte=52"`
	// Started is when the group first met, where known; a month is given
	// as its first day.
	Started vocab.Date `json:"started,omitzero"`
}

// Assembly describes the wider assembly of partnership boards.
type Assembly struct {
	MeetingsPerYear int `json:"meetingsPerYear" validate:"gte=0,lte=52"`
	// Paused, when set, says why meetings are paused.
	Paused string `json:"paused,omitempty"`
	// Members names the boards and forums represented.
	Members []string `json:"members" validate:"dive,required"`
}

// JointGroup is a group shared with neighbouring partnerships.
type JointGroup struct {
	ID   vocab.ID `json:"id" validate:"id"`
	Name string   `json:"name" validate:"required"`
	// Abbrev is the group's abbreviation, such as "CDOP".
	Abbrev string `json:"abbrev,omitempty"`
}

// JointWorking describes the partnerships that share joint groups.
type JointWorking struct {
	// Name is the joint area's name, such as "Southend, Essex and
	// Thurrock".
	Name string `json:"name" validate:"required"`
	// Abbrev is its abbreviation, such as "SET".
	Abbrev string `json:"abbrev,omitempty"`
	// Areas names the areas, each with its own arrangements.
	Areas  []string     `json:"areas" validate:"min=2,dive,required"`
	Groups []JointGroup `json:"groups" validate:"dive"`
}

// Threshold describes the levels of need.
type Threshold struct {
	// Document is the title of the threshold document.
	Document string  `json:"document" validate:"required"`
	Levels   []Level `json:"levels" validate:"required,dive"`
}

// Level is one level of need.
type Level struct {
	Number int    `json:"number" validate:"gte=1,lte=9"`
	Name   string `json:"name" validate:"required"`
}

// Voice lists the mechanisms and data sources through which the voices of
// children and families reach the partnership, each keyed by a stable ID
// (catalogues VoiceMechanisms and VoiceDataSources) with the
// partnership's wording.
type Voice struct {
	Mechanisms  []Item `json:"mechanisms" validate:"dive"`
	DataSources []Item `json:"dataSources" validate:"dive"`
}

// EscalationStage is one stage of dispute resolution.
type EscalationStage struct {
	Level int    `json:"level" validate:"gte=1"`
	Name  string `json:"name" validate:"required"`
	// Owner says who resolves disagreements at this stage.
	Owner string `json:"owner" validate:"required"`
	// Procedures names the procedures that govern the stage, if any.
	Procedures string `json:"procedures,omitempty"`
	// LeadArea, when set, is the lead area whose holder oversees the
	// stage.
	LeadArea vocab.ID `json:"leadArea,omitempty" validate:"omitempty,id"`
}

// ReviewArrangements describes how the partnership identifies and reviews
// serious child safeguarding cases.
type ReviewArrangements struct {
	// SubCommittee is the ID of the sub-committee that recommends reviews.
	SubCommittee vocab.ID `json:"subCommittee" validate:"id"`
	// RatificationLeadArea is the lead area whose holder ratifies the
	// sub-committee's decisions.
	RatificationLeadArea vocab.ID `json:"ratificationLeadArea" validate:"id"`
	// ChildDeathReview is the ID of the joint group that reviews child
	// deaths.
	ChildDeathReview vocab.ID `json:"childDeathReview,omitempty" validate:"omitempty,id"`
	// Methods lists review methods used, such as "appreciative enquiry".
	Methods []string `json:"methods,omitempty"`
	// RapidReviewFrom says where the 15 working days of a rapid review
	// count from: "notification" (the default: the day the local
	// authority notified the national Panel, as the partnership
	// procedures read count) or "aware" (the day it became aware of the
	// incident, as some areas count). Areas differ; the Panel's
	// expectation is not statutory.
	RapidReviewFrom string `json:"rapidReviewFrom,omitempty" validate:"omitempty,oneof=notification aware"`
	// LocalDeadlines add the partnership's own deadlines to steps that
	// have no statutory one, such as notifying the Secretary of State and
	// Ofsted of a looked-after child's death. Each is local procedure.
	LocalDeadlines []LocalDeadline `json:"localDeadlines,omitempty" validate:"dive"`
}

// LocalDeadline is a partnership's own deadline for a review step.
type LocalDeadline struct {
	// Step is the ID of the step in the review rules, such as
	// "notify-ofsted-sos".
	Step vocab.ID `json:"step" validate:"id"`
	// WorkingDays counts from the date the local authority became aware.
	WorkingDays int `json:"workingDays" validate:"gte=1,lte=250"`
	// Source names the local procedure that sets the deadline.
	Source vocab.Citation `json:"source"`
}

// DataNote says something about one value of the data: the source it
// comes from, that it is inferred, or that the published plan contradicts
// itself about it.
type DataNote struct {
	// Path is the JSON path of the value, such as
	// "relevantAgencies[0].count".
	Path string `json:"path" validate:"required"`
	// Kind is "source" (Source says where the value comes from),
	// "inferred" (the value is not stated by the reference document) or
	// "contradiction" (the reference document says two things).
	Kind string `json:"kind" validate:"oneof=source inferred contradiction"`
	// Source names the document or seed behind the value.
	Source string `json:"source,omitempty"`
	// Note says what a reader needs to know, in a sentence.
	Note string `json:"note" validate:"required"`
}

// TrainingArrangements describes multi-agency training.
type TrainingArrangements struct {
	// SubCommittee is the ID of the sub-committee that agrees training.
	SubCommittee vocab.ID `json:"subCommittee" validate:"id"`
	// NeedsAnalysis says how often the needs analysis is done.
	NeedsAnalysis string `json:"needsAnalysis,omitempty"`
	// Sources lists the sources of learning the needs analysis draws on
	// (catalogue TrainingSources).
	Sources []Item `json:"sources,omitempty" validate:"dive"`
	// Methods lists delivery methods (catalogue TrainingMethods).
	Methods []Item `json:"methods,omitempty" validate:"dive"`
	// Evaluation lists the kinds of evidence used to evaluate training
	// (catalogue TrainingEvaluation).
	Evaluation []Item `json:"evaluation,omitempty" validate:"dive"`
	// Toolkit names the evaluation toolkit.
	Toolkit string `json:"toolkit,omitempty"`
	// ImpactReport says how often impact is reported to the board.
	ImpactReport string `json:"impactReport,omitempty"`
}

// ScrutinyArrangements describes independent scrutiny.
type ScrutinyArrangements struct {
	// LeadArea is the lead area whose holder oversees scrutiny.
	LeadArea vocab.ID `json:"leadArea" validate:"id"`
	// Functions lists the scrutiny functions (catalogue
	// ScrutinyFunctions).
	Functions []Item `json:"functions,omitempty" validate:"dive"`
	// Aims lists what scrutiny aims to do (catalogue ScrutinyAims).
	Aims []Item `json:"aims,omitempty" validate:"dive"`
}

// FundingLine is one contributor's line in the funding table.
type FundingLine struct {
	// Org is the contributing organisation.
	Org vocab.ID `json:"org" validate:"id"`
	// Label is the line's label as published, when it differs from the
	// organisation's name.
	Label string `json:"label,omitempty"`
	// Amount is the contribution in pounds.
	Amount decimal.Decimal `json:"amount"`
	// Members and Rate describe a line made of equal contributions from a
	// group, such as 12 councils at £1,210 each. Both are zero otherwise.
	Members int             `json:"members,omitempty" validate:"gte=0"`
	Rate    decimal.Decimal `json:"rate,omitzero"`
}

// FundingTable is the published funding table for one year.
type FundingTable struct {
	Year vocab.FinancialYear `json:"year" validate:"required"`
	// Host is the organisation that hosts the business unit.
	Host vocab.ID `json:"host" validate:"id"`
	// Covers lists what the contributions pay for.
	Covers []string `json:"covers,omitempty"`
	// Principles lists the partners' funding principles, such as
	// "equitable" and "proportionate".
	Principles []string      `json:"principles,omitempty"`
	Lines      []FundingLine `json:"lines" validate:"required,dive"`
	// ReviewedAnnually records that the arrangements are reviewed yearly.
	ReviewedAnnually bool `json:"reviewedAnnually,omitempty"`
}

// Total returns the sum of the table's amounts.
func (t *FundingTable) Total() decimal.Decimal {
	sum := decimal.Zero
	for _, l := range t.Lines {
		sum = sum.Add(l.Amount)
	}
	return sum
}

// Contact is the partnership's published contact block.
type Contact struct {
	IssuedBy  string   `json:"issuedBy,omitempty"`
	Website   string   `json:"website,omitempty"`
	Email     string   `json:"email,omitempty"`
	Telephone string   `json:"telephone,omitempty"`
	Address   []string `json:"address,omitempty"`
	// Concerns is the number to call when concerned about a child.
	Concerns string `json:"concerns,omitempty"`
}
