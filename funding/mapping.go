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
// [MappingFromSuccessions] derives one from any partnership's recorded
// successions on a date, such as clinical commissioning groups replaced by
// integrated care boards on 1 July 2022, or the National Probation Service
// and the Community Rehabilitation Companies unified as The Probation
// Service on 26 June 2021.
type Mapping struct {
	// ID identifies the mapping, such as "successions-2022-07-01".
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

// EssexICB2022ID is the former ID of the mapping of the default
// partnership's successions on 1 July 2022; [MappingByID] still accepts it.
//
// Deprecated: name the mapping by its date, "successions-2022-07-01" (see
// [MappingID]), or build it from a partnership with [MappingFromSuccessions].
const EssexICB2022ID vocab.ID = "essex-ccg-icb-2022"

// EssexICB2022 returns the mapping of the default partnership's successions
// on 1 July 2022 (clinical commissioning groups to integrated care boards).
//
// Deprecated: use MappingFromSuccessions(masa.Essex(), date) or
// MappingByID(MappingID(date)); this will be removed in the next release.
func EssexICB2022() Mapping {
	m, _ := MappingByID(MappingID(vocab.MustDate("2022-07-01")))
	return m
}

// shipped builds the default partnership's mappings once; callers get
// copies.
var shipped = sync.OnceValue(func() []Mapping { return MappingsOf(masa.Essex()) })

// clone returns a copy of m that shares no slices with it.
func (m Mapping) clone() Mapping {
	m.Moves = slices.Clone(m.Moves)
	m.Targets = slices.Clone(m.Targets)
	return m
}

// Mappings returns the shipped mappings, which a Remap change may name by
// ID: those of the default partnership's recorded successions (see
// [MappingsOf] and masa.Essex). A program working on another partnership
// resolves names against that partnership with [InlineMappings].
func Mappings() []Mapping {
	ms := shipped()
	out := make([]Mapping, len(ms))
	for i, m := range ms {
		out[i] = m.clone()
	}
	return out
}

// MappingByID returns the shipped mapping with the given ID.
func MappingByID(id vocab.ID) (Mapping, bool) {
	if id == EssexICB2022ID {
		id = MappingID(vocab.MustDate("2022-07-01"))
	}
	for _, m := range shipped() {
		if m.ID == id {
			return m.clone(), true
		}
	}
	return Mapping{}, false
}

// MappingID returns the ID of the mapping of a partnership's successions
// on date on, such as "successions-2022-07-01".
func MappingID(on vocab.Date) vocab.ID { return vocab.ID("successions-" + on.String()) }

// MappingFromSuccessions returns the mapping of the reorganisation that p's
// recorded successions make on date on: every contributor in p's funding
// table that a succession on that date replaces moves in full to its
// successor, named as in p's organisations. Organisations replaced on
// that date that do not contribute are left out, so the mapping applies
// to p's own table. Its ID is [MappingID](on) and its Name says the date.
// With no succession on that date it has no moves.
func MappingFromSuccessions(p *masa.Partnership, on vocab.Date) Mapping {
	return mappingOf(p, func(d vocab.Date) bool { return d == on }, on)
}

// MappingUpTo returns one mapping for every succession p records on or
// before date on, as if they had all happened at once: a contributor
// replaced twice (A by B, then B by C) moves straight to the last
// successor. Its On is the date of the latest of those successions.
func MappingUpTo(p *masa.Partnership, on vocab.Date) Mapping {
	var last vocab.Date
	for _, s := range p.Successions {
		if !s.On.After(on) && s.On.After(last) {
			last = s.On
		}
	}
	m := mappingOf(p, func(d vocab.Date) bool { return !d.After(on) }, last)
	m.ID = vocab.ID("successions-to-" + on.String())
	m.Name = "for the successions up to " + on.Long()
	return m
}

// MappingsOf returns one mapping for each date on which p records
// successions that replace a contributor to its funding table, in date
// order (see [MappingFromSuccessions]).
func MappingsOf(p *masa.Partnership) []Mapping {
	var dates []vocab.Date
	for _, s := range p.Successions {
		if !slices.Contains(dates, s.On) {
			dates = append(dates, s.On)
		}
	}
	slices.SortFunc(dates, vocab.Date.Compare)
	out := []Mapping{}
	for _, d := range dates {
		if m := MappingFromSuccessions(p, d); len(m.Moves) > 0 {
			out = append(out, m)
		}
	}
	return out
}

// mappingOf builds the mapping of the successions whose dates pass in.
func mappingOf(p *masa.Partnership, in func(vocab.Date) bool, on vocab.Date) Mapping {
	m := Mapping{ID: MappingID(on), Name: "for the successions of " + on.Long(), On: on, Moves: []Move{}}
	names := map[vocab.ID]string{}
	for _, o := range p.Organisations {
		names[o.ID] = o.Name
	}
	next := map[vocab.ID]vocab.ID{}
	for _, s := range p.Successions {
		if in(s.On) {
			for _, from := range s.From {
				next[from] = s.To
			}
		}
	}
	final := func(id vocab.ID) vocab.ID {
		// Follow the chain; a cycle (bad data) stops after every step.
		for range len(next) {
			to, ok := next[id]
			if !ok {
				break
			}
			id = to
		}
		return id
	}
	contributors := map[vocab.ID]bool{}
	if p.Funding != nil {
		for _, l := range p.Funding.Lines {
			contributors[l.Org] = true
		}
	}
	for _, s := range p.Successions {
		if !in(s.On) {
			continue
		}
		for _, from := range s.From {
			to := final(from)
			if !contributors[from] || to == from || slices.ContainsFunc(m.Moves, func(mv Move) bool { return mv.From == from }) {
				continue
			}
			m.Moves = append(m.Moves, Move{From: from, To: to})
			if !contributors[to] && !slices.ContainsFunc(m.Targets, func(t Target) bool { return t.Org == to }) {
				m.Targets = append(m.Targets, Target{Org: to, Name: names[to]})
			}
		}
	}
	return m
}

// InlineMappings resolves, in s, every Remap change that names a mapping
// by ID against p's successions instead of the default partnership's:
// a name that is one of [MappingsOf](p) becomes that mapping given inline
// (Map), so the scenario is complete on its own. Other changes are left
// as they are. It is how a program given -partnership applies "the
// successions of 1 July 2022" of that partnership.
func InlineMappings(s *Scenario, p *masa.Partnership) {
	if s == nil || p == nil {
		return
	}
	ms := MappingsOf(p)
	for i := range s.Changes {
		ch := &s.Changes[i]
		if ch.Kind != Remap || ch.Mapping == "" || ch.Map != nil {
			continue
		}
		id := ch.Mapping
		if id == EssexICB2022ID {
			id = MappingID(vocab.MustDate("2022-07-01"))
		}
		for _, m := range ms {
			if m.ID == id {
				m := m.clone()
				ch.Map, ch.Mapping = &m, ""
			}
		}
	}
}
