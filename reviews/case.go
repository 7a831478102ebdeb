package reviews

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/masa-go/masa/vocab"
	"github.com/masa-go/masa/workdays"
)

// Harm says whether the child died or was seriously harmed.
type Harm string

// The kinds of harm.
const (
	HarmDied    Harm = "died"
	HarmSerious Harm = "serious-harm"
	// HarmNotSerious is harm that is not serious harm. Serious harm
	// includes serious or long-term impairment of a child's mental
	// health or of their intellectual, emotional, social or behavioural
	// development, as well as of physical health.
	HarmNotSerious Harm = "not-serious"
)

// Suspicion says whether abuse or neglect is known or suspected.
type Suspicion string

// The states of knowledge of abuse or neglect.
const (
	AbuseKnown        Suspicion = "known"
	AbuseSuspected    Suspicion = "suspected"
	AbuseNotSuspected Suspicion = "not-suspected"
)

// Location says where the child died or was harmed, relative to the
// partnership's area.
type Location string

// The locations.
const (
	// InArea is in the local authority's area.
	InArea Location = "in-area"
	// ResidentOutsideEngland is outside England, for a child normally
	// resident in the area.
	ResidentOutsideEngland Location = "resident-outside-england"
	// OutsideArea is elsewhere: the local authority where it happened
	// notifies, not this one.
	OutsideArea Location = "outside-area"
)

// Facts are what is known about an incident. They hold no personal data:
// no name, date of birth, address or NHS number, only the facts the rules
// turn on. An empty field is unknown; a field the next decision needs is
// an error while it is unknown.
type Facts struct {
	// Aware is the date the local authority became aware of the incident:
	// day 0 of the working-day clocks.
	Aware vocab.Date `json:"aware"`
	// AwareAt is the instant, when recorded; its date in Europe/London
	// must be Aware.
	AwareAt time.Time `json:"awareAt,omitzero"`
	// Harm says whether the child died or was seriously harmed.
	Harm Harm `json:"harm,omitempty"`
	// AbuseOrNeglect says whether abuse or neglect is known or suspected.
	AbuseOrNeglect Suspicion `json:"abuseOrNeglect,omitempty"`
	// Location says where the incident happened.
	Location Location `json:"location,omitempty"`
	// LookedAfter says whether the child was looked after by a local
	// authority; nil is unknown.
	LookedAfter *bool `json:"lookedAfter,omitempty"`
	// CareLeaver records that the person who died was a care leaver under
	// 25, whose death Working Together 2023 asks the local authority to
	// notify, without making it mandatory.
	CareLeaver bool `json:"careLeaver,omitempty"`
}

// Finding is one item of learning from a review: a theme, never a child's
// details.
type Finding struct {
	Theme string `json:"theme"`
	// Severity runs from 1 (minor) to 5 (most serious).
	Severity int            `json:"severity"`
	Audience vocab.Audience `json:"audience"`
}

// Event is one entry in a case's audit trail: a step recorded as done,
// when, and who decided or did it.
type Event struct {
	Step StepID `json:"step"`
	// On is the date the step was done or decided.
	On vocab.Date `json:"on"`
	// At is the instant, when recorded; its date in Europe/London must be
	// On.
	At time.Time `json:"at,omitzero"`
	// By names the post or body that decided or acted, such as
	// "Assistant Chief Constable"; never a child's or family's details.
	By string `json:"by"`
	// Outcome is the decision, for a decision step.
	Outcome string `json:"outcome,omitempty"`
	// Criteria are the IDs of the criteria a decision rests on.
	Criteria []vocab.ID `json:"criteria,omitempty"`
	// Planned is a planned date recorded with the step, such as the
	// publication date recorded with the final report.
	Planned vocab.Date `json:"planned,omitzero"`
	// Learning lists the findings, for a learning step.
	Learning []Finding `json:"learning,omitempty"`
}

// Case is one serious incident and its audit trail, keyed by an opaque
// reference.
type Case struct {
	// Ref is an opaque reference such as "ESCB-2020-014": letters,
	// digits, hyphens, underscores, dots and slashes, at most 64.
	Ref   string `json:"ref"`
	Facts Facts  `json:"facts"`
	// Events is the audit trail, in the order the steps were recorded.
	Events []Event `json:"events"`
}

// Limits on free text in a case.
const (
	MaxRefLength   = 64
	MaxTextLength  = 200
	MaxEvents      = 4 * MaxSteps
	MaxFindings    = 50
	MaxSeverity    = 5
	maxCriteriaLen = 10
)

// ParseCase decodes a case file strictly (see vocab.DecodeJSON) and
// checks its form: the reference, the values of the facts and the shape
// of each event. Whether the events make sense under the rules is checked
// when the case is evaluated (see Engine.Status).
func ParseCase(data []byte) (*Case, error) {
	var c Case
	if err := vocab.DecodeJSON(data, &c); err != nil {
		return nil, fmt.Errorf("reviews: case file: %w", err)
	}
	if err := c.checkForm("").Err(); err != nil {
		return nil, fmt.Errorf("reviews: case file: %w", err)
	}
	return &c, nil
}

// ReadCase reads at most vocab.MaxDocumentBytes from r and parses them
// with [ParseCase].
func ReadCase(r io.Reader) (*Case, error) { return vocab.ReadWith(r, ParseCase) }

// LoadCase reads and parses the case file at path. Until masa v0.2 it
// took an io.Reader; that form is now [ReadCase].
func LoadCase(path string) (*Case, error) { return vocab.LoadWith(path, ParseCase) }

// DecodeCase is the former name of [ParseCase].
//
// Deprecated: use ParseCase; DecodeCase will be removed in the next release.
func DecodeCase(data []byte) (*Case, error) { return ParseCase(data) }

// LoadCaseFile is the former name of [LoadCase].
//
// Deprecated: use LoadCase; LoadCaseFile will be removed in the next release.
func LoadCaseFile(path string) (*Case, error) { return LoadCase(path) }

// checkForm checks what can be checked without the rules. Field paths
// start with prefix.
func (c *Case) checkForm(prefix string) vocab.Problems {
	ps := c.checkHead(prefix)
	if len(c.Events) > MaxEvents {
		return ps
	}
	for i := range c.Events {
		ps = append(ps, c.Events[i].checkForm(prefix, i)...)
	}
	return ps
}

// checkHead checks the reference, the facts and the number of events.
func (c *Case) checkHead(prefix string) vocab.Problems {
	var ps vocab.Problems
	if fe := vocab.ScreenReference(prefix+"ref", c.Ref); fe != nil {
		ps.Add(fe)
	} else if msg := refProblem(c.Ref); msg != "" {
		ps.Add(vocab.Invalid(prefix+"ref", "ref", clip(c.Ref), msg))
	}
	f := &c.Facts
	fp := prefix + "facts."
	switch {
	case f.Aware.IsZero():
		ps.Add(vocab.Invalid(fp+"aware", "required", "", "is required: the date the local authority became aware of the incident is day 0 of every clock"))
	case !validDate(f.Aware):
		ps.Add(vocab.Invalid(fp+"aware", "date", f.Aware.String(), "is not a real calendar date"))
	default:
		if p := instantProblem(func() string { return fp + "awareAt" }, f.AwareAt, f.Aware); p != nil {
			ps.Add(p)
		}
	}
	switch f.Harm {
	case "", HarmDied, HarmSerious, HarmNotSerious:
	default:
		ps.Add(vocab.Invalid(fp+"harm", "harm", clip(string(f.Harm)), `is not "died", "serious-harm" or "not-serious"`))
	}
	switch f.AbuseOrNeglect {
	case "", AbuseKnown, AbuseSuspected, AbuseNotSuspected:
	default:
		ps.Add(vocab.Invalid(fp+"abuseOrNeglect", "suspicion", clip(string(f.AbuseOrNeglect)), `is not "known", "suspected" or "not-suspected"`))
	}
	switch f.Location {
	case "", InArea, ResidentOutsideEngland, OutsideArea:
	default:
		ps.Add(vocab.Invalid(fp+"location", "location", clip(string(f.Location)), `is not "in-area", "resident-outside-england" or "outside-area"`))
	}
	if len(c.Events) > MaxEvents {
		ps.Add(vocab.Invalid(prefix+"events", "max-events", strconv.Itoa(len(c.Events)), "has more than "+strconv.Itoa(MaxEvents)+" events"))
	}
	return ps
}

// eventField returns the path of field name of event i.
func eventField(prefix string, i int, name string) string {
	return prefix + "events[" + strconv.Itoa(i) + "]." + name
}

// checkForm checks event i's form. Field paths are built only for
// problems, so a sound event costs no allocation.
func (e *Event) checkForm(prefix string, i int) vocab.Problems {
	var ps vocab.Problems
	fp := func(name string) string { return eventField(prefix, i, name) }
	if e.Step == "" {
		ps.Add(vocab.Invalid(fp("step"), "required", "", "is required"))
	}
	switch {
	case e.On.IsZero():
		ps.Add(vocab.Invalid(fp("on"), "required", "", "is required: the date the step was done"))
	case !validDate(e.On):
		ps.Add(vocab.Invalid(fp("on"), "date", e.On.String(), "is not a real calendar date"))
	default:
		if p := instantProblem(func() string { return fp("at") }, e.At, e.On); p != nil {
			ps.Add(p)
		}
	}
	if strings.TrimSpace(e.By) == "" {
		ps.Add(vocab.Invalid(fp("by"), "required", "", "is required: the post or body that decided or acted"))
	} else if p := textProblem(fp, "by", e.By); p != nil {
		ps.Add(p)
	}
	if !e.Planned.IsZero() && !validDate(e.Planned) {
		ps.Add(vocab.Invalid(fp("planned"), "date", e.Planned.String(), "is not a real calendar date"))
	}
	if len(e.Criteria) > maxCriteriaLen {
		ps.Add(vocab.Invalid(fp("criteria"), "max-criteria", strconv.Itoa(len(e.Criteria)), "lists more than "+strconv.Itoa(maxCriteriaLen)+" criteria"))
	}
	if len(e.Learning) > MaxFindings {
		ps.Add(vocab.Invalid(fp("learning"), "max-findings", strconv.Itoa(len(e.Learning)), "lists more than "+strconv.Itoa(MaxFindings)+" findings"))
		return ps
	}
	for k, f := range e.Learning {
		lp := func(name string) string { return fp("learning[" + strconv.Itoa(k) + "]." + name) }
		if strings.TrimSpace(f.Theme) == "" {
			ps.Add(vocab.Invalid(lp("theme"), "required", "", "is required: the theme of the learning"))
		} else if p := textProblem(lp, "theme", f.Theme); p != nil {
			ps.Add(p)
		}
		if f.Severity < 1 || f.Severity > MaxSeverity {
			ps.Add(vocab.Invalid(lp("severity"), "range", strconv.Itoa(f.Severity), "must be from 1 to "+strconv.Itoa(MaxSeverity)))
		}
		if !f.Audience.Valid() {
			ps.Add(vocab.Invalid(lp("audience"), "audience", clip(string(f.Audience)), `is not "children", "adults" or "both"`))
		}
	}
	return ps
}

// instantProblem checks that instant t, when set, falls on date d in
// Europe/London.
func instantProblem(field func() string, t time.Time, d vocab.Date) *vocab.FieldError {
	if t.IsZero() {
		return nil
	}
	if got := workdays.DateInLondon(t); got != d {
		return vocab.Conflict(field(), "london-date", t.UTC().Format(time.RFC3339),
			"is "+got.Long()+" in Europe/London, not "+d.Long())
	}
	return nil
}

func refProblem(ref string) string {
	const msg = "is not an opaque case reference: 1 to 64 letters, digits, hyphens, underscores, dots or slashes, starting with a letter or digit"
	if ref == "" || len(ref) > MaxRefLength {
		return msg
	}
	for i := 0; i < len(ref); i++ {
		ch := ref[i]
		alnum := ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9'
		if !alnum && (i == 0 || !strings.ContainsRune("-_./", rune(ch))) {
			return msg
		}
	}
	return ""
}

// textProblem checks free text; path(name) is its field path.
func textProblem(path func(string) string, name, s string) *vocab.FieldError {
	if len(s) > MaxTextLength {
		return vocab.Invalid(path(name), "max-length", clip(s), "is longer than "+strconv.Itoa(MaxTextLength)+" bytes")
	}
	if !utf8.ValidString(s) {
		return vocab.Invalid(path(name), "utf-8", clip(s), "is not valid UTF-8 text")
	}
	// Control characters and personal data (issue 13): the value is not
	// repeated.
	return vocab.ScreenText(path(name), s)
}

// clip shortens a value quoted in an error to 100 bytes of valid UTF-8.
func clip(s string) string {
	if len(s) > 100 {
		s = s[:100]
	}
	return strings.ToValidUTF8(s, "")
}

// validDate reports whether d is a real date in the years 1 to 9999, as
// vocab.Date.Valid does, by arithmetic alone: it is checked for every
// event of every case in a report.
func validDate(d vocab.Date) bool {
	if d.Year < 1 || d.Year > 9999 || d.Month < 1 || d.Month > 12 || d.Day < 1 {
		return false
	}
	days := [...]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[d.Month-1]
	if d.Month == 2 && d.Year%4 == 0 && (d.Year%100 != 0 || d.Year%400 == 0) {
		days = 29
	}
	return d.Day <= days
}

// refLabel is a case's reference as it may appear in an error message: the
// reference itself when it is sound, or a placeholder when it was refused,
// so that a reference holding personal data is never repeated.
func refLabel(ref string) string {
	if refProblem(ref) != "" || vocab.TextControlProblem(ref) != "" || vocab.ReferenceDataProblem(ref) != "" {
		return "(reference not shown)"
	}
	return ref
}
