package state

import (
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/masa-go/masa/funding"
	"github.com/masa-go/masa/vocab"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func b64(s string) string { return sharePrefix + base64.RawURLEncoding.EncodeToString([]byte(s)) }

func TestShareRoundTrip(t *testing.T) {
	m := Essex()
	apply(m, edit{FieldName, "ICB merger <b>&</b> £400,000 — “quoted”"}, edit{FieldBudget, "400000"}, edit{FieldICB, "true"},
		edit{"cap:cafcass", "500"}, edit{"remove:essex-crc", "true"})
	m.AddContributor()
	apply(m, edit{"added-name:0", "Fire"}, edit{"added-amount:0", "12a"})
	s := Encode(m.Form)
	assert.True(t, strings.HasPrefix(s, "1."))
	assert.Equal(t, s, url.QueryEscape(s), "the encoding needs no escaping in a URL")
	f, err := Decode(s)
	require.NoError(t, err)
	assert.Equal(t, m.Form, f)

	// Opening the link shows the same screen: the same problems, and
	// the same result once they are fixed.
	other := Essex()
	other.Load(f)
	assert.Equal(t, m.Problems, other.Problems)
	other.Set("added-amount:0", "100")
	m.Set("added-amount:0", "100")
	assert.Equal(t, m.Result, other.Result)

	q := ShareQuery(m.Form)
	vals, err := url.ParseQuery(q)
	require.NoError(t, err)
	g, present, err := Essex().FromQuery(vals.Encode())
	require.NoError(t, err)
	assert.True(t, present)
	assert.Equal(t, m.Form, g)
	_, present, err = Essex().FromQuery("")
	assert.NoError(t, err)
	assert.False(t, present)
}

func TestEncodeIsDeterministic(t *testing.T) {
	f := Form{Budget: "1", Lines: map[vocab.ID]LineForm{}}
	for i := range 50 {
		f.Lines[vocab.ID("org-"+strconv.Itoa(i))] = LineForm{Cap: strconv.Itoa(i)}
	}
	first := Encode(f)
	for range 20 {
		assert.Equal(t, first, Encode(f.clone()))
	}
}

func TestDecodeRejects(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", "version"},
		{"no version", "eyJ9", "version"},
		{"other version", "2." + base64.RawURLEncoding.EncodeToString([]byte(`{"budget":"1"}`)), "version"},
		{"not base64", "1.!!!", "base64url"},
		{"padded base64", "1." + base64.URLEncoding.EncodeToString([]byte(`{"budget":"1"}`)), "base64url"},
		{"not JSON", b64("budget=1"), "could not be read"},
		{"array", b64(`[]`), "could not be read"},
		{"unknown field", b64(`{"budget":"1","admin":true}`), "admin"},
		{"unknown line field", b64(`{"budget":"1","lines":{"cafcass":{"fixed":"1","x":"2"}}}`), "x"},
		{"number instead of text", b64(`{"budget":400000}`), "budget"},
		{"trailing data", b64(`{"budget":"1"}{}`), "could not be read"},
		{"too long", "1." + strings.Repeat("A", MaxShareLength), "longer than"},
		{"long name", b64(`{"budget":"1","name":"` + strings.Repeat("x", 400) + `"}`), "longer than 300"},
		{"bad method", b64(`{"budget":"1","method":"lottery"}`), "method"},
		{"equal method not offered", b64(`{"budget":"1","method":"equal"}`), "method"},
		{"bad unit", b64(`{"budget":"1","unit":"guineas"}`), "unit"},
		{"bad policy", b64(`{"budget":"1","policy":"dice"}`), "policy"},
		{"bad year", b64(`{"budget":"1","year":"next year"}`), "year"},
		{"bad org id", b64(`{"budget":"1","lines":{"Not An ID":{"fixed":"1"}}}`), "lines.Not An ID"},
		{"script in an id", b64(`{"budget":"1","removed":["<script>"]}`), "removed[0]"},
		{"too many added", b64(`{"budget":"1","added":[` + strings.Repeat(`{"name":"a","amount":"1"},`, MaxAdded) + `{"name":"a","amount":"1"}]}`), "added"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode(tt.in)
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrShare)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestDecodeKeepsBadNumbersForTheForm(t *testing.T) {
	f, err := Decode(b64(`{"budget":"1e100","uplift":"ten"}`))
	require.NoError(t, err, "numbers are checked by the form, next to their fields")
	m := Essex()
	m.Load(f)
	assert.NotEmpty(t, m.ProblemsFor(FieldBudget))
	assert.NotEmpty(t, m.ProblemsFor(FieldUplift))
	assert.Equal(t, "389095", m.Result.Total.String())
}

func TestSaved(t *testing.T) {
	f := NewForm(funding.EssexBaseline())
	list, err := PutSaved(nil, "  Beta  ", f)
	require.NoError(t, err)
	list, err = PutSaved(list, "alpha", f)
	require.NoError(t, err)
	f.Budget = "400000"
	list, err = PutSaved(list, "BETA", f)
	require.NoError(t, err)
	require.Len(t, list, 2)
	assert.Equal(t, "alpha", list[0].Name)
	assert.Equal(t, "BETA", list[1].Name, "saving under an existing name replaces it")
	g, err := Decode(list[1].Form)
	require.NoError(t, err)
	assert.Equal(t, "400000", g.Budget)
	assert.Equal(t, "BETA", g.Name, "the saved form carries its name")

	_, err = PutSaved(list, "   ", f)
	assert.ErrorIs(t, err, ErrSavedName)
	_, err = PutSaved(list, strings.Repeat("é", 81), f)
	assert.ErrorIs(t, err, ErrSavedName)

	before := append([]Saved(nil), list...)
	out := DeleteSaved(list, "ALPHA")
	assert.Len(t, out, 1)
	assert.Equal(t, before, list, "DeleteSaved does not modify its argument")

	full := []Saved{}
	for i := range MaxSaved {
		full, err = PutSaved(full, fmt.Sprintf("s%02d", i), f)
		require.NoError(t, err)
	}
	_, err = PutSaved(full, "one more", f)
	assert.ErrorIs(t, err, ErrSavedFull)
	_, err = PutSaved(full, "s07", f)
	assert.NoError(t, err, "replacing one is allowed when full")
}

func TestCleanSaved(t *testing.T) {
	good := Saved{Name: "ok", Form: Encode(Form{Budget: "1"})}
	list := []Saved{good, {Name: "", Form: good.Form}, {Name: "broken", Form: "1.!!"}, {Name: strings.Repeat("x", 81), Form: good.Form}}
	assert.Equal(t, []Saved{good}, CleanSaved(list))
	var many []Saved
	for range MaxSaved + 10 {
		many = append(many, good)
	}
	assert.Len(t, CleanSaved(many), MaxSaved)
	assert.Nil(t, CleanSaved(nil))
}

// randomEdit returns a random edit, mostly sensible, sometimes hostile.
func randomEdit(r *rand.Rand, m *Model) func() {
	values := []string{"", "0", "1", "-1", "12a", "1e100", "400000", "£400,000", "2.5", "-2.5", "100", "0.001", "99999999999999999999999999999999", " 5 ", "½", "NaN", "1,210", "-100", "1000"}
	v := values[r.IntN(len(values))]
	fields := m.ShownFields()
	switch r.IntN(12) {
	case 0:
		return func() { m.AddContributor() }
	case 1:
		return func() { m.DropAdded(r.IntN(3)) }
	case 2:
		return func() { m.Set(FieldICB, strconv.FormatBool(r.IntN(2) == 0)) }
	case 3:
		methods := []string{"baseline", "percentages", "weights", "lottery", ""}
		return func() { m.Set(FieldMethod, methods[r.IntN(len(methods))]) }
	case 4:
		units := []string{"pounds", "pence", "", "guineas"}
		return func() { m.Set(FieldUnit, units[r.IntN(len(units))]) }
	case 5:
		return func() { m.Reset() }
	}
	f := fields[r.IntN(len(fields))]
	if kind, _ := f.Split(); kind == KindRemove {
		v = strconv.FormatBool(r.IntN(2) == 0)
	}
	return func() { m.Set(f, v) }
}

// TestPropertyRandomEdits applies random sequences of edits and checks
// the invariants after each: a result is always on screen and adds up,
// problems and staleness agree, and the form survives a trip through a
// URL to give the same screen.
func TestPropertyRandomEdits(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 2026))
	for c := range 200 {
		m := Essex()
		for range 15 {
			randomEdit(r, m)()
			checkInvariants(t, m)
		}
		f, err := Decode(Encode(m.Form))
		require.NoError(t, err, "case %d", c)
		other := Essex()
		other.Load(f)
		// A clash between two fields (a fixed amount above the budget) is
		// reported at the field edited last (bugs 5 and 10), which a URL
		// does not record: after the trip it may sit at the other field.
		assert.Equal(t, len(m.Problems), len(other.Problems), "case %d: %v and %v", c, m.Problems, other.Problems)
		assert.Equal(t, m.Stale, other.Stale, "case %d", c)
		if !m.Stale {
			assert.Equal(t, m.Result, other.Result, "case %d", c)
		}
		if t.Failed() {
			t.Fatalf("case %d failed with form %+v", c, m.Form)
		}
	}
}

func FuzzDecode(f *testing.F) {
	m := Essex()
	f.Add(Encode(m.Form))
	apply(m, edit{FieldBudget, "400000"}, edit{FieldICB, "true"}, edit{FieldMethod, "percentages"})
	f.Add(Encode(m.Form))
	for _, s := range []string{"", "1.", "1.e30", "1.!!", b64(`{"budget":"1e100"}`), b64(`{"added":[{"name":"x","amount":"-1"}]}`)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		form, err := Decode(s)
		if err != nil {
			if !strings.Contains(err.Error(), ErrShare.Error()) {
				t.Fatalf("error %v does not match ErrShare", err)
			}
			return
		}
		again, err := Decode(Encode(form))
		if err != nil {
			t.Fatalf("re-encoding a decoded form fails: %v", err)
		}
		if Encode(again) != Encode(form) {
			t.Fatal("encoding is not stable")
		}
		model := Essex()
		model.Load(form)
		if model.Result == nil {
			t.Fatal("no result on screen")
		}
	})
}

func FuzzSet(f *testing.F) {
	f.Add("budget", "400000")
	f.Add("percent:cafcass", "1e100")
	f.Add("added-name:0", "Essex County Council")
	f.Add("remove:essex-pfcc", "true")
	f.Add("members:district-councils", "-99999999")
	f.Add("method", "percentages")
	f.Fuzz(func(t *testing.T, field, value string) {
		m := Essex()
		m.AddContributor()
		m.Set(Field(field), value)
		m.Set(FieldMethod, string(funding.Percentages))
		m.Set(Field(field), value)
		if m.Result == nil {
			t.Fatal("no result on screen")
		}
		if m.Stale != (len(m.Problems) > 0) {
			t.Fatal("staleness and problems disagree")
		}
	})
}

func TestOpenQuery(t *testing.T) {
	m := Essex()
	m.Set(FieldBudget, "1")
	m.OpenQuery("")
	assert.Equal(t, "1", m.Form.Budget, "no shared scenario leaves the page as it is")
	assert.Empty(t, m.Notice)

	shared := NewForm(m.Baseline)
	shared.Budget = "400000"
	m.OpenQuery(url.Values{QueryKey: {Encode(shared)}}.Encode())
	assert.Equal(t, "400000", m.Result.Total.String())
	assert.Equal(t, "Showing a shared scenario.", m.Notice)

	for _, hostile := range []string{"1.!!", "<script>alert(1)</script>", b64(`{"budget":"1","x":1}`), strings.Repeat("A", MaxShareLength+1)} {
		m.Set(FieldBudget, "5")
		m.OpenQuery(url.Values{QueryKey: {hostile}}.Encode())
		assert.Equal(t, NewForm(m.Baseline), m.Form)
		assert.Equal(t, "389095", m.Result.Total.String())
		assert.Contains(t, m.Notice, "could not be read")
		assert.False(t, m.Stale)
	}
}

// Bug 7: a link with fields left out takes the baseline's values for
// them; a link that is not URL text says so; a year the form does not
// offer is refused.
func TestSharedLinksTakeTheBaseline(t *testing.T) {
	m := Essex()
	m.OpenQuery(url.Values{QueryKey: {b64(`{"uplift":"2","lines":{"district-councils":{"fixed":"100"}}}`)}}.Encode())
	require.Empty(t, m.Problems, "a link that leaves the budget and the rates out is not in error")
	assert.Equal(t, "389095", m.Form.Budget)
	assert.Equal(t, "1210", m.Form.Line("district-councils").Rate)
	assert.Equal(t, "12", m.Form.Line("district-councils").Members)
	assert.Equal(t, "100", m.Form.Line("district-councils").Fixed)
	assert.Equal(t, "Showing a shared scenario.", m.Notice)

	m = Essex()
	m.OpenQuery("s=1.%%%")
	assert.Contains(t, m.Notice, "could not be read")
	assert.Contains(t, m.Notice, "not valid URL text")

	for _, year := range []string{"2030", "2030/31", "2019/20"} {
		m = Essex()
		m.OpenQuery(url.Values{QueryKey: {b64(`{"budget":"1","year":"` + year + `"}`)}}.Encode())
		assert.Contains(t, m.Notice, "is not one the form offers", year)
		assert.Equal(t, "", m.Form.Year, year)
	}
	m = Essex()
	m.OpenQuery(url.Values{QueryKey: {b64(`{"budget":"400000","year":"2023"}`)}}.Encode())
	assert.Equal(t, "2023/24", m.Form.Year, "links made before the formats were unified still open")
	assert.Equal(t, vocab.FinancialYear(2023), m.Result.Year)
}

func TestHasSaved(t *testing.T) {
	list, err := PutSaved(nil, "Ten more", Essex().Form)
	require.NoError(t, err)
	assert.True(t, HasSaved(list, " ten MORE "))
	assert.False(t, HasSaved(list, "Ten"))
}
