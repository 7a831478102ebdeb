package funding

import (
	"slices"
	"sync"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
)

// Mapping moves contributions from old contributors to new ones: a merger
// (several Moves to one target), a split (one source to several targets
// with percentages) or a rename. It is generic over any reorganisation;
// [EssexICB2022] is the shipped mapping for the Essex clinical
// commissioning groups replaced by integrated care boards on 1 July 2022.
type Mapping struct {
	// ID identifies a shipped mapping, such as "essex-ccg-icb-2022".
	ID vocab.ID `json:"id,omitempty"`
	// Name describes the mapping in explanations.
	Name string `json:"name,omitempty"`
	// On is the date the reorganisation took effect, if it has one.
	On vocab.Date `json:"on,omitzero"`
	// Moves lists where each old contributor's contribution goes.
	Moves []Move `json:"moves"`
	// Targets names the new contributors the moves create. A target that
	// is already a contributor needs no entry.
	Targets []Target `json:"targets,omitempty"`
}

// Move sends Percent of contributor From's contribution to To. A source's
// moves must add up to 100 percent; a move without a Percent sends all of
// it.
type Move struct {
	// From is the contributor whose contribution moves.
	From vocab.ID `json:"from"`
	// To is the contributor it moves to: an existing one, or a new one
	// named under the mapping's Targets.
	To vocab.ID `json:"to"`
	// Percent is the part that moves; unset means all of it.
	Percent Number `json:"percent,omitzero"`
}

// Target describes a contributor created by a mapping.
type Target struct {
	// Org is the new contributor's ID.
	Org vocab.ID `json:"org"`
	// Name is its name as it should be printed.
	Name string `json:"name"`
	// Role is the statutory partner role it pays for; empty means the
	// role its sources share, if they share one.
	Role vocab.Role `json:"role,omitempty"`
}

// EssexICB2022ID is the ID of the [EssexICB2022] mapping.
const EssexICB2022ID vocab.ID = "essex-ccg-icb-2022"

// EssexICB2022 returns the mapping of the Essex clinical commissioning
// groups onto the integrated care boards that replaced them on 1 July
// 2022: NHS Basildon & Brentwood, NHS Castle Point & Rochford and NHS Mid
// Essex CCGs into NHS Mid and South Essex ICB
// (nhs-mid-and-south-essex-icb); NHS North East Essex CCG into NHS Suffolk
// and North East Essex ICB (nhs-suffolk-and-north-east-essex-icb); and NHS
// West Essex CCG into NHS Hertfordshire and West Essex ICB
// (nhs-hertfordshire-and-west-essex-icb). It is read from the successions
// recorded in the Essex partnership data (masa.Essex).
func EssexICB2022() Mapping { return essexICB2022().clone() }

// essexICB2022 builds the Essex mapping once; callers get copies.
var essexICB2022 = sync.OnceValue(func() Mapping {
	m := MappingFromSuccessions(masa.Essex(), vocab.MustDate("2022-07-01"))
	m.ID = EssexICB2022ID
	m.Name = "Essex CCGs to ICBs, 1 July 2022"
	return m
})

// clone returns a copy of m that shares no slices with it.
func (m Mapping) clone() Mapping {
	m.Moves = slices.Clone(m.Moves)
	m.Targets = slices.Clone(m.Targets)
	return m
}

// Mappings returns the shipped mappings, which a Remap change may name by
// ID.
func Mappings() []Mapping { return []Mapping{EssexICB2022()} }

// MappingByID returns the shipped mapping with the given ID.
func MappingByID(id vocab.ID) (Mapping, bool) {
	for _, m := range Mappings() {
		if m.ID == id {
			return m, true
		}
	}
	return Mapping{}, false
}

// MappingFromSuccessions returns a mapping that moves every organisation
// replaced on the date on, by the partnership's recorded successions, to
// its successor in full, with the successors named as in p's
// organisations. Its ID and Name are empty.
func MappingFromSuccessions(p *masa.Partnership, on vocab.Date) Mapping {
	m := Mapping{On: on, Moves: []Move{}}
	names := map[vocab.ID]string{}
	for _, o := range p.Organisations {
		names[o.ID] = o.Name
	}
	for _, s := range p.Successions {
		if s.On != on {
			continue
		}
		for _, from := range s.From {
			m.Moves = append(m.Moves, Move{From: from, To: s.To})
		}
		t := Target{Org: s.To, Name: names[s.To]}
		if s.Body == "icb" || s.Body == "ccg" {
			t.Role = vocab.Health
		}
		m.Targets = append(m.Targets, t)
	}
	return m
}
