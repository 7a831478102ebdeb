package masa

import (
	"fmt"
	"strings"

	"github.com/masa-go/masa/vocab"
)

// Item is one entry of a catalogue list in a partnership file: a stable ID,
// which is all that code ever compares, and the partnership's own wording
// for it, which code only prints.
//
// An item whose ID is one of the catalogue's standard IDs needs only its
// wording. An item the partnership adds for itself (a voice mechanism of
// its own, say) sets Own, which declares the ID; every package then
// accepts it wherever that catalogue's IDs are used.
type Item struct {
	// ID is the stable identifier, such as "case-audits".
	ID vocab.ID `json:"id" validate:"id"`
	// Label is the partnership's wording, such as "Multi-agency case
	// audits".
	Label string `json:"label" validate:"required"`
	// Own declares an item of the partnership's own, whose ID is not one
	// of the catalogue's standard IDs.
	Own bool `json:"own,omitempty"`
}

// MaxItemLabelBytes is the longest wording accepted for a catalogue item.
const MaxItemLabelBytes = 300

// Catalogue names a list of stable IDs that a partnership words for
// itself. Its value is the JSON path of the list in a partnership file.
type Catalogue string

// The catalogues.
const (
	// VoiceMechanisms are ways children and families are involved.
	VoiceMechanisms Catalogue = "voice.mechanisms"
	// VoiceDataSources are sources of data about what they say. Voice
	// mechanisms and data sources share one set of IDs.
	VoiceDataSources Catalogue = "voice.dataSources"
	// ScrutinyFunctions are the means of independent scrutiny.
	ScrutinyFunctions Catalogue = "scrutiny.functions"
	// ScrutinyAims are what independent scrutiny is for.
	ScrutinyAims Catalogue = "scrutiny.aims"
	// TrainingSources are the sources of learning the training needs
	// analysis draws on (vocab.LearningSource IDs).
	TrainingSources Catalogue = "training.sources"
	// TrainingMethods are ways of delivering training.
	TrainingMethods Catalogue = "training.methods"
	// TrainingEvaluation are kinds of evidence of training's impact.
	TrainingEvaluation Catalogue = "training.evaluation"
)

// Catalogues lists every catalogue in a fixed order.
func Catalogues() []Catalogue {
	return []Catalogue{VoiceMechanisms, VoiceDataSources, ScrutinyFunctions, ScrutinyAims, TrainingSources, TrainingMethods, TrainingEvaluation}
}

// Standard returns the catalogue's standard IDs in a fixed order. They
// carry no wording: a partnership file gives its own for each one it uses.
func (c Catalogue) Standard() []vocab.ID {
	var ids []string
	switch c {
	case VoiceMechanisms:
		ids = []string{"case-audits", "councils-and-groups", "service-user-panels"}
	case VoiceDataSources:
		ids = []string{"involvement-team", "performance-teams", "commissioning"}
	case ScrutinyFunctions:
		ids = []string{"young-peoples-groups", "parents-views", "reviews-and-audits", "inspections", "stocktake", "peer-reviews"}
	case ScrutinyAims:
		ids = []string{"effectiveness", "leadership", "reports", "annual-report", "challenge"}
	case TrainingSources:
		for _, s := range vocab.LearningSources() {
			ids = append(ids, string(s))
		}
	case TrainingMethods:
		ids = []string{"e-learning", "face-to-face", "conferences", "case-studies", "action-learning"}
	case TrainingEvaluation:
		ids = []string{"practitioner-feedback", "practice-audits", "supervision", "practice-change", "learning-development-audits"}
	}
	out := make([]vocab.ID, len(ids))
	for i, id := range ids {
		out[i] = vocab.ID(id)
	}
	return out
}

// IsStandard reports whether id is one of the catalogue's standard IDs.
func (c Catalogue) IsStandard(id vocab.ID) bool {
	for _, s := range c.Standard() {
		if s == id {
			return true
		}
	}
	return false
}

// Valid reports whether c is a known catalogue.
func (c Catalogue) Valid() bool {
	for _, x := range Catalogues() {
		if x == c {
			return true
		}
	}
	return false
}

// namespace returns the catalogues whose IDs must not collide with c's.
func (c Catalogue) namespace() []Catalogue {
	if c == VoiceMechanisms || c == VoiceDataSources {
		return []Catalogue{VoiceMechanisms, VoiceDataSources}
	}
	return []Catalogue{c}
}

// Items returns the items p's file lists in catalogue c, in file order;
// nil when the section is absent. A partnership uses exactly the items it
// lists: an empty list uses none.
func (p *Partnership) Items(c Catalogue) []Item {
	switch c {
	case VoiceMechanisms:
		if p.Voice != nil {
			return p.Voice.Mechanisms
		}
	case VoiceDataSources:
		if p.Voice != nil {
			return p.Voice.DataSources
		}
	case ScrutinyFunctions:
		if p.Scrutiny != nil {
			return p.Scrutiny.Functions
		}
	case ScrutinyAims:
		if p.Scrutiny != nil {
			return p.Scrutiny.Aims
		}
	case TrainingSources:
		if p.Training != nil {
			return p.Training.Sources
		}
	case TrainingMethods:
		if p.Training != nil {
			return p.Training.Methods
		}
	case TrainingEvaluation:
		if p.Training != nil {
			return p.Training.Evaluation
		}
	}
	return nil
}

// Declared reports whether p's file lists id in catalogue c.
func (p *Partnership) Declared(c Catalogue, id vocab.ID) bool {
	for _, it := range p.Items(c) {
		if it.ID == id {
			return true
		}
	}
	return false
}

// Wording returns p's wording for id in catalogue c. It reports false
// when p does not list id there; nothing falls back to any other
// partnership's wording.
func (p *Partnership) Wording(c Catalogue, id vocab.ID) (string, bool) {
	for _, it := range p.Items(c) {
		if it.ID == id {
			return it.Label, true
		}
	}
	return "", false
}

// Labels returns the wording of items, in order.
func Labels(items []Item) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.Label
	}
	return out
}

// CatalogueProblems checks every catalogue list in p and returns one
// problem per bad entry, each naming its JSON path, such as
// "voice.mechanisms[2].id":
//
//   - an ID that is not a valid ID;
//   - an ID listed twice, within a list or across lists that share IDs
//     (voice mechanisms and data sources);
//   - wording for an ID that is not a standard ID of the list and that the
//     entry does not declare as the partnership's own (set "own": true);
//   - an entry that declares as its own an ID that is already standard;
//   - wording that is empty, too long or holds control characters.
//
// [Parse] reports these problems, so no package ever sees a file with
// them.
func (p *Partnership) CatalogueProblems() vocab.Problems {
	var ps vocab.Problems
	seen := map[Catalogue]map[vocab.ID]string{}
	for _, c := range Catalogues() {
		ns := c.namespace()[0]
		if seen[ns] == nil {
			seen[ns] = map[vocab.ID]string{}
		}
		for i, it := range p.Items(c) {
			at := fmt.Sprintf("%s[%d]", c, i)
			if e := it.ID.Problem(at + ".id"); e != nil {
				ps.Add(e)
				continue
			}
			if prev, dup := seen[ns][it.ID]; dup {
				ps.Add(vocab.Conflict(at+".id", "declared-once", string(it.ID), "is already listed at "+prev))
			} else {
				seen[ns][it.ID] = at + ".id"
			}
			switch std := c.IsStandard(it.ID); {
			case !std && !it.Own:
				e := vocab.NotFound(at+".id", string(it.ID), unknownIDMessage(c, it.ID))
				e.Rule = "known-id"
				ps.Add(e)
			case std && it.Own:
				ps.Add(vocab.Conflict(at+".own", "standard-id", string(it.ID), "declares a standard ID of "+string(c)+" as the partnership's own; remove \"own\""))
			}
			if e := vocab.TextProblem(at+".label", it.Label, MaxItemLabelBytes); e != nil {
				ps.Add(e)
			}
		}
	}
	return ps
}

func unknownIDMessage(c Catalogue, id vocab.ID) string {
	for _, o := range c.namespace() {
		if o != c && o.IsStandard(id) {
			return "is a standard ID of " + string(o) + ", not of " + string(c)
		}
	}
	ids := make([]string, 0, len(c.Standard()))
	for _, s := range c.Standard() {
		ids = append(ids, string(s))
	}
	return "is not a standard ID of " + string(c) + " (" + strings.Join(ids, ", ") + "); to declare an item of the partnership's own, set \"own\": true"
}

// Undeclared returns the error for an input that uses, at field, an ID
// that a partnership's file does not list in catalogues (declared is what
// it does list). The error matches vocab.ErrNotFound; its rule is
// "declared".
func Undeclared[T ~string](field string, id T, declared []T, catalogues ...Catalogue) *vocab.FieldError {
	names := make([]string, len(catalogues))
	for i, c := range catalogues {
		names[i] = string(c)
	}
	list := "none"
	if len(declared) > 0 {
		ids := make([]string, len(declared))
		for i, d := range declared {
			ids[i] = string(d)
		}
		list = strings.Join(ids, ", ")
	}
	e := vocab.NotFound(field, string(id), "is not declared in the partnership file's "+strings.Join(names, " or ")+" (it declares "+list+")")
	e.Rule = "declared"
	return e
}

// StandardAs returns catalogue c's standard IDs, in their fixed order, as
// the ID type of the package that uses the catalogue, such as
// scrutiny.Aim or training.Method.
func StandardAs[T ~string](c Catalogue) []T {
	var out []T
	for _, id := range c.Standard() {
		out = append(out, T(id))
	}
	return out
}

// TermsOf returns p's items in catalogue c, in file order, as terms with
// the partnership's own wording, typed for the package that uses them.
func TermsOf[T ~string](p *Partnership, c Catalogue) vocab.Terms[T] {
	out := vocab.Terms[T]{}
	for _, it := range p.Items(c) {
		out = append(out, vocab.Term[T]{ID: T(it.ID), Label: it.Label})
	}
	return out
}
