package vocab

// Citation names where a rule or fact comes from: an Act and section, a
// piece of statutory guidance and its chapter, or one of the partnership's
// own published documents.
type Citation struct {
	// Source is the title of the instrument or document, such as
	// "Working Together to Safeguard Children 2018".
	Source string `json:"source"`
	// Section locates the rule within the source, such as "chapter 4,
	// paragraph 19" or "regulation 3". It may be empty.
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
