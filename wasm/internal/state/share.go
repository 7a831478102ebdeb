package state

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/masa-go/masa/funding"
	"github.com/masa-go/masa/vocab"
)

// QueryKey is the URL query parameter that carries a shared scenario.
const QueryKey = "s"

// sharePrefix versions the encoding so that a later format can still
// read today's links.
const sharePrefix = "1."

// MaxShareLength bounds the encoded scenario read from a URL, so a
// hostile link cannot make the page slow.
const MaxShareLength = 16 << 10

// Limits on what a decoded form may hold.
const (
	maxTextLength = 300
	maxLines      = funding.MaxContributors
)

// Encode returns the form as URL-safe text: a version prefix and the
// form's JSON in unpadded base64url. The text depends only on the form.
func Encode(f Form) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(f); err != nil {
		// A Form holds only strings, booleans and maps of strings,
		// which always encode.
		return ""
	}
	return sharePrefix + base64.RawURLEncoding.EncodeToString(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
}

// ErrShare is the error every Decode failure matches.
var ErrShare = errors.New("the shared scenario could not be read")

// Decode reads a form encoded by Encode. It rejects, with an error
// matching ErrShare, text that is too long, has an unknown version, is
// not base64url, is not a JSON form (unknown fields are errors), or holds
// more than a form can: over-long text, too many lines, unknown sharing
// methods, rounding units or policies, or malformed organisation IDs.
// Numbers stay as typed; the form reports bad ones next to their fields.
func Decode(s string) (Form, error) {
	f, _, err := decode(s)
	return f, err
}

// decode is Decode, also returning the form's top-level JSON keys.
func decode(s string) (Form, map[string]json.RawMessage, error) {
	fail := func(format string, args ...any) (Form, map[string]json.RawMessage, error) {
		return Form{}, nil, fmt.Errorf("%w: %s", ErrShare, fmt.Sprintf(format, args...))
	}
	if len(s) > MaxShareLength {
		return fail("it is longer than %d characters", MaxShareLength)
	}
	body, ok := strings.CutPrefix(s, sharePrefix)
	if !ok {
		return fail("it does not start with the version %q", sharePrefix)
	}
	data, err := base64.RawURLEncoding.DecodeString(body)
	if err != nil {
		return fail("it is not base64url text")
	}
	var f Form
	if err := vocab.DecodeJSON(data, &f); err != nil {
		return fail("%v", err)
	}
	if err := f.check(); err != nil {
		return fail("%v", err)
	}
	var keys map[string]json.RawMessage
	if err := json.Unmarshal(data, &keys); err != nil {
		return fail("%v", err)
	}
	if f.Year != "" {
		f.Year = normaliseYear(f.Year)
	}
	return f, keys, nil
}

// normaliseYear writes a year given as "2022" or "2022/23" as
// "2022/23", the form scenario files use; anything else is returned as
// it is.
func normaliseYear(s string) string {
	if y, ok := parseYear(s); ok {
		return y.String()
	}
	return s
}

// parseYear reads "2022/23" or, as links made before the two formats
// were unified did, "2022".
func parseYear(s string) (vocab.FinancialYear, bool) {
	if y, err := vocab.ParseFinancialYear("year", s); err == nil {
		return y, true
	}
	if y, err := strconv.Atoi(s); err == nil && len(s) == 4 {
		return vocab.FinancialYear(y), true
	}
	return 0, false
}

// DecodeShared reads a form shared by Encode for this model's table: a
// field the link leaves out takes the baseline's value, as an unchanged
// form has it, and a year the page does not offer is an error matching
// ErrShare.
func (m *Model) DecodeShared(s string) (Form, error) {
	f, keys, err := decode(s)
	if err != nil {
		return Form{}, err
	}
	base := NewForm(m.Baseline)
	if _, ok := keys["budget"]; !ok {
		f.Budget = base.Budget
	}
	if _, ok := keys["unit"]; !ok {
		f.Unit = base.Unit
	}
	for org, bl := range base.Lines {
		l := f.Line(org)
		if l.Rate == "" {
			l.Rate = bl.Rate
		}
		if l.Members == "" {
			l.Members = bl.Members
		}
		f.setLine(org, l)
	}
	if f.Year != "" && !m.offersYear(f.Year) {
		years := m.Years()
		return Form{}, fmt.Errorf("%w: the year %s is not one the form offers (%s to %s)", ErrShare, f.Year, years[0], years[len(years)-1])
	}
	return f, nil
}

// check rejects a decoded form that holds more than the page's inputs
// could produce.
func (f *Form) check() error {
	var ps vocab.Problems
	text := func(field, s string) {
		if len(s) > maxTextLength {
			ps.Add(vocab.Invalid(field, "max", s[:20]+"…", "is longer than "+strconv.Itoa(maxTextLength)+" bytes"))
		}
	}
	id := func(field string, org vocab.ID) {
		ps = append(ps, vocab.AsProblems(org.Check(field))...)
	}
	text("name", f.Name)
	if f.Year != "" {
		if y, ok := parseYear(f.Year); !ok || y < 1900 || y > 2200 {
			ps.Add(vocab.Invalid("year", "year", f.Year, "is not a financial year such as 2022/23"))
		}
	}
	text("budget", f.Budget)
	text("uplift", f.Uplift)
	text("basis", f.Basis)
	if f.Method != "" && f.Method != funding.BaselineShares && f.Method != funding.Percentages && f.Method != funding.Weights {
		ps.Add(vocab.Invalid("method", "one-of", string(f.Method), "is not baseline, percentages or weights"))
	}
	if f.Unit != "" && !f.Unit.Valid() {
		ps.Add(vocab.Invalid("unit", "one-of", string(f.Unit), "is not pounds or pence"))
	}
	if f.Policy != "" && !f.Policy.Valid() {
		ps.Add(vocab.Invalid("policy", "one-of", string(f.Policy), "is not a rounding policy"))
	}
	if len(f.Lines) > maxLines {
		ps.Add(vocab.Invalid("lines", "max", strconv.Itoa(len(f.Lines)), "has too many contributors"))
	}
	for org, l := range f.Lines {
		p := "lines." + string(org)
		id(p, org)
		for _, v := range []string{l.Fixed, l.Rate, l.Members, l.Percent, l.Weight, l.Cap, l.Floor} {
			text(p, v)
		}
	}
	if len(f.Removed) > maxLines {
		ps.Add(vocab.Invalid("removed", "max", strconv.Itoa(len(f.Removed)), "has too many contributors"))
	}
	for i, org := range f.Removed {
		id("removed["+strconv.Itoa(i)+"]", org)
	}
	if len(f.Added) > MaxAdded {
		ps.Add(vocab.Invalid("added", "max", strconv.Itoa(len(f.Added)), "has more than "+strconv.Itoa(MaxAdded)+" contributors"))
	}
	for i, a := range f.Added {
		text("added["+strconv.Itoa(i)+"].name", a.Name)
		text("added["+strconv.Itoa(i)+"].amount", a.Amount)
	}
	return ps.Err()
}

// FromQuery reads the form shared in a raw URL query for this model's
// table (see DecodeShared), reporting whether the query has one at all.
// A query that is not valid URL text but names the parameter is an
// error, not an absent form.
func (m *Model) FromQuery(rawQuery string) (f Form, present bool, err error) {
	q, qerr := url.ParseQuery(rawQuery)
	s := q.Get(QueryKey)
	if s == "" {
		if qerr != nil && hasKey(rawQuery) {
			return Form{}, true, fmt.Errorf("%w: it is not valid URL text", ErrShare)
		}
		return Form{}, false, nil
	}
	f, err = m.DecodeShared(s)
	return f, true, err
}

// hasKey reports whether a raw query names QueryKey.
func hasKey(rawQuery string) bool {
	for part := range strings.SplitSeq(rawQuery, "&") {
		if k, _, _ := strings.Cut(part, "="); k == QueryKey {
			return true
		}
	}
	return false
}

// ShareQuery returns the query string ("s=…") that shares f.
func ShareQuery(f Form) string {
	return url.Values{QueryKey: {Encode(f)}}.Encode()
}

// OpenQuery loads the form shared in a raw URL query. A query without
// one leaves the model as it is; a query whose form cannot be read
// resets the model to the baseline and says why in Notice.
func (m *Model) OpenQuery(rawQuery string) {
	f, present, err := m.FromQuery(rawQuery)
	switch {
	case err != nil:
		m.Reset()
		m.Notice = "The scenario in this link could not be read, so the page shows the " +
			m.Baseline.Year.String() + " baseline instead. (" + err.Error() + ".)"
	case present:
		m.Load(f)
		m.Notice = "Showing a shared scenario."
	}
}
