package vocab

import (
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Citation names where a rule or fact comes from: an Act and section, a
// piece of statutory guidance and its chapter, or one of the partnership's
// own published documents.
type Citation struct {
	// Source is the title of the instrument or document, such as
	// "Working Together to Safeguard Children 2018".
	Source string `json:"source"`
	// Section locates the rule within the source, such as "chapter 4,
	// notifying incidents" or "regulation 3". Paragraph numbers appear
	// only where a source that was read confirms them.
	Section string `json:"section,omitempty"`
}

// String formats the citation as "Source, Section".
func (c Citation) String() string {
	if c.Section == "" {
		return c.Source
	}
	return c.Source + ", " + c.Section
}

// Cite is shorthand for a pointer to a Citation, as used in FieldError.
func Cite(source, section string) *Citation {
	return &Citation{Source: source, Section: section}
}

// ProvenanceClass says what kind of authority a rule rests on.
type ProvenanceClass string

// The provenance classes, strongest first.
const (
	// ProvenanceLaw is an Act of Parliament or a statutory instrument.
	ProvenanceLaw ProvenanceClass = "act-or-regulation"
	// ProvenanceGuidance is statutory guidance, such as Working Together
	// to Safeguard Children.
	ProvenanceGuidance ProvenanceClass = "statutory-guidance"
	// ProvenancePanel is the national Child Safeguarding Practice Review
	// Panel's practice: what it expects, without a statutory basis.
	ProvenancePanel ProvenanceClass = "national-panel-practice"
	// ProvenanceLocal is a partnership's own procedure or published
	// arrangements.
	ProvenanceLocal ProvenanceClass = "local-procedure"
	// ProvenanceFormat is a rule of the masa data format itself, such as
	// "every ID is unique": a check of the data, not a rule of law.
	ProvenanceFormat ProvenanceClass = "data-format"
)

// ProvenanceClasses lists the classes, strongest first.
func ProvenanceClasses() []ProvenanceClass {
	return []ProvenanceClass{ProvenanceLaw, ProvenanceGuidance, ProvenancePanel, ProvenanceLocal, ProvenanceFormat}
}

// Valid reports whether c is a known class.
func (c ProvenanceClass) Valid() bool { return slices.Contains(ProvenanceClasses(), c) }

// Label returns the class in words, such as "Act or regulation".
func (c ProvenanceClass) Label() string {
	switch c {
	case ProvenanceLaw:
		return "Act or regulation"
	case ProvenanceGuidance:
		return "statutory guidance"
	case ProvenancePanel:
		return "national Panel practice"
	case ProvenanceLocal:
		return "local procedure"
	case ProvenanceFormat:
		return "masa data format"
	}
	return string(c)
}

// Provenance says how sure we are of a rule: the class of authority it
// rests on and the public sources it was checked against, or why it could
// not be checked. Exactly one of Checked and NotVerified is set.
type Provenance struct {
	Class ProvenanceClass `json:"class"`
	// Checked lists the IDs of the public sources (see PublicSources) that
	// were read and confirm the rule as cited.
	Checked []ID `json:"checked,omitempty"`
	// NotVerified says why the rule was not checked against a public
	// source, such as "the guidance itself was not available to read".
	NotVerified string `json:"notVerified,omitempty"`
}

// Verified reports whether the rule was checked against a public source.
func (p Provenance) Verified() bool { return len(p.Checked) > 0 }

// Problems checks the provenance: a known class, and either checked
// sources that exist in the catalogue or a reason it was not verified.
// Fields are named under path, such as "[1].steps[0].provenance".
func (p Provenance) Problems(path string) Problems {
	var ps Problems
	if !p.Class.Valid() {
		ps.Add(Invalid(path+".class", "provenance-class", string(p.Class), "is not a provenance class (act-or-regulation, statutory-guidance, national-panel-practice, local-procedure or data-format)"))
	}
	switch {
	case len(p.Checked) == 0 && strings.TrimSpace(p.NotVerified) == "":
		ps.Add(Invalid(path, "provenance-source", "", "names no source checked and gives no reason it was not verified"))
	case len(p.Checked) > 0 && p.NotVerified != "":
		ps.Add(Invalid(path+".notVerified", "provenance-source", p.NotVerified, "is set although sources were checked; give one or the other"))
	}
	for i, id := range p.Checked {
		if _, ok := PublicSourceByID(id); !ok {
			ps.Add(NotFound(path+".checked["+strconv.Itoa(i)+"]", string(id), "is not a public source in the catalogue (vocab/data/sources.json)"))
		}
	}
	return ps
}

// PublicSource is a public document that was read to check rules: its
// title, its public address, and what it confirmed.
type PublicSource struct {
	ID    ID     `json:"id"`
	Title string `json:"title"`
	URL   string `json:"url"`
	// Kind says what the source is: "legislation", "government",
	// "partnership procedure", "partnership report" or "bulletin".
	Kind string `json:"kind"`
	// Confirms says, in our own words, what the source confirmed.
	Confirms string `json:"confirms"`
}

//go:embed data/sources.json
var sourcesJSON []byte

var publicSources = sync.OnceValue(func() []PublicSource {
	var out []PublicSource
	if err := DecodeJSON(sourcesJSON, &out); err != nil {
		// The embedded catalogue is checked by the package's tests.
		panic(fmt.Sprintf("vocab: embedded sources: %v", err))
	}
	return out
})

// PublicSources returns the catalogue of public sources that rules were
// checked against, as a copy the caller may change.
func PublicSources() []PublicSource { return slices.Clone(publicSources()) }

// PublicSourceByID returns the catalogued source with the given ID.
func PublicSourceByID(id ID) (PublicSource, bool) {
	src := publicSources()
	i := slices.IndexFunc(src, func(s PublicSource) bool { return s.ID == id })
	if i < 0 {
		return PublicSource{}, false
	}
	return src[i], true
}
